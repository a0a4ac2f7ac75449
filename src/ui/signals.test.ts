import { describe, expect, it } from 'vitest'
import { i18nOf } from '@/ui/i18n/all'
import type { FindingRow } from '@/db/schema'
import {
  decodedFindings,
  detailLines,
  signalMeaning,
  signalSummary,
  signalTitle,
  signalWho,
} from './signals'
import { createI18n } from './i18n'
import { SIGNAL_IDS } from '@/detect/signals'

const en = createI18n('en')
const de = i18nOf('de')

describe('finding details in plain words', () => {
  it('names TCF purposes instead of numbers', () => {
    expect(
      detailLines(en, { purposes: ['1', '4'], refused: ['3', '99'], adsRefused: true }),
    ).toEqual([
      ['Agreed to', 'storing or reading data on your device, ads based on that profile'],
      ['Refused', 'an advertising profile of you, purpose 99'],
      ['Personalised ads refused', 'yes'],
    ])
  })

  it('drops empty lists and spells out unknown keys', () => {
    expect(detailLines(en, { refused: [], someNewField: 3 })).toEqual([['Some new field', '3']])
  })

  it('has a title and a meaning for each consent signal', () => {
    for (const signal of ['consent.tcf', 'consent.usp', 'consent.gpp']) {
      expect(signalTitle(en, signal)).not.toBe(signal)
      expect(signalMeaning(en, signal)).not.toBe('')
    }
  })
})

describe('the few words after the company', () => {
  it.each([
    ['consent.tcf', { adsRefused: true }, 'personalised ads refused'],
    ['consent.tcf', { adsRefused: false }, 'personalised ads agreed to'],
    [
      'consent.tcf',
      { purposes: ['1', '2', '3', '4', '7'], vendors: 812, decidedOn: '2026-05-03' },
      'You accepted 5 purposes for 812 companies on May 3, 2026',
    ],
    [
      'consent.tcf',
      { purposes: ['1', '7'], vendors: 1, adsRefused: true },
      'You accepted 2 purposes for 1 company, but not personalised ads',
    ],
    ['consent.tcf', { purposes: [], vendors: 0, decidedOn: 'soon' }, 'You refused every purpose'],
    ['consent.usp', { optedOut: true }, 'opted out of sale'],
    ['consent.gpp', { optedOut: ['sale', 'sharing'] }, 'opted out of sale, sharing'],
    ['consent.gpp', { optedOut: [] }, 'no opt-out'],
    ['pixel.facebook', { event: 'Purchase' }, 'Purchase'],
    ['pixel.facebook', { pixelId: '1' }, undefined],
    [
      'consent.before',
      { companies: ['Google', 'Meta', 'Meta'], answered: true },
      'Before you answered the cookie banner, 2 companies had already loaded',
    ],
    [
      'consent.before',
      { companies: ['Google'], answered: false },
      'You did not answer the cookie banner, and 1 company loaded anyway',
    ],
    [
      'consent.before',
      { companies: [], afterRefusal: ['Meta'], answered: true },
      '1 company still tracked you after you refused',
    ],
    [
      'consent.before',
      { companies: [], afterRefusal: ['Meta', 'Google'], answered: false, refusedEarlier: true },
      'You refused on an earlier visit, and 2 companies tracked you for ads anyway',
    ],
    ['consent.cmp', { cmp: 'OneTrust', pageObject: 'window.OneTrust' }, 'OneTrust'],
    ['gpc.sent', { header: 'Sec-GPC: 1', sentBy: 'Tracelight' }, 'sent by Tracelight'],
    ['gpc.support', { honours: true }, 'This site says it honours GPC'],
    ['gpc.support', { honours: false, reason: 'x' }, 'No GPC declaration'],
    [
      'gpc.ignored',
      { reasons: ['The US Privacy string (1YNN) says you did not opt out of sale', 'x'] },
      'The US Privacy string (1YNN) says you did not opt out of sale',
    ],
    [
      'gpc.ignored',
      {
        reasons: ['Without GPC on 2 earlier visits, and with GPC now: your ID went to Google'],
        comparedVisits: 2,
        sameIdSync: ['Google'],
      },
      'Without GPC on 2 earlier visits, and with GPC now, this company got your ID from another company: Google.',
    ],
  ])('%s %j', (signal, detail, expected) => {
    expect(signalSummary(en, signal, detail)).toBe(expected)
  })
})

describe('tracking before consent, the strongest finding', () => {
  const row = (signal: string, count = 1) => ({ signal, party: 'a.test', count }) as FindingRow
  it('comes first in the decoded list, whatever its name sorts as', () => {
    const list = decodedFindings([
      row('analytics.remarketing', 9),
      row('tracker.request'),
      row('consent.tcf'),
      row('gpc.ignored'),
      row('consent.before'),
    ])
    expect(list.map((f) => f.signal)).toEqual([
      'consent.before',
      'gpc.ignored',
      'analytics.remarketing',
      'consent.tcf',
    ])
  })

  it('is said of the site, in plain words', () => {
    expect(signalTitle(en, 'consent.before')).toBe('Tracking before you answered the cookie banner')
    expect(signalWho(en, 'consent.before')).toBe('on')
    expect(signalWho(en, 'consent.tcf', { source: 'page' })).toBe(
      'your answer, read from the cookie banner of',
    )
    expect(signalWho(en, 'consent.tcf', { adsRefused: true })).toBe('to')
    expect(detailLines(en, { afterRefusal: ['Meta'], bannerAfterMs: 120 })).toEqual([
      ['Still tracking after you refused', 'Meta'],
      ['Banner shown (ms after the page started)', '120'],
    ])
  })
})

describe('in the person’s language', () => {
  it('has a title and a meaning for every signal but “who was contacted”', () => {
    for (const signal of SIGNAL_IDS) {
      if (signal === 'tracker.request' || signal === 'thirdparty.request') continue
      expect(signalTitle(de, signal), signal).not.toBe(signal)
      expect(signalMeaning(de, signal), signal).not.toBe('')
    }
    // A signal no catalogue knows yet shows its id rather than nothing.
    expect(signalTitle(de, 'pixel.future')).toBe('pixel.future')
  })

  it('words titles, summaries and details in German', () => {
    expect(signalTitle(de, 'fingerprint.canvas')).toBe('Canvas-Fingerprinting')
    expect(signalWho(de, 'fingerprint.canvas')).toBe('durch ein Skript von')
    expect(signalSummary(de, 'consent.tcf', { adsRefused: true })).toBe(
      'personalisierte Werbung abgelehnt',
    )
    expect(
      signalSummary(de, 'consent.before', { companies: ['Google', 'Meta'], answered: true }),
    ).toBe('Bevor du im Cookie-Banner geantwortet hast, waren schon 2 Unternehmen geladen')
    expect(
      detailLines(de, { purposes: ['1', '77'], adsRefused: false, event: 'Purchase' }),
    ).toEqual([
      ['Zugestimmt', 'Daten auf deinem Gerät speichern oder lesen, Zweck 77'],
      ['Personalisierte Werbung abgelehnt', 'nein'],
      ['Ereignis', 'Purchase'],
    ])
  })

  it('formats counts with the language’s digits grouping', () => {
    expect(
      signalSummary(i18nOf('fr'), 'consent.before', {
        companies: Array.from({ length: 1200 }, (_, i) => `c${i}`),
        answered: false,
      }),
    ).toMatch(/^Vous n’avez pas répondu au bandeau cookies, et 1\u202f200 entreprises/)
  })
})
