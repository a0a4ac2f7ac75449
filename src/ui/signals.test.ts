import { describe, expect, it } from 'vitest'
import type { FindingRow } from '@/db/schema'
import {
  decodedFindings,
  detailLines,
  signalMeaning,
  signalSummary,
  signalTitle,
  signalWho,
} from './signals'

describe('finding details in plain words', () => {
  it('names TCF purposes instead of numbers', () => {
    expect(detailLines({ purposes: ['1', '4'], refused: ['3', '99'], adsRefused: true })).toEqual([
      ['Agreed to', 'storing or reading data on your device, ads based on that profile'],
      ['Refused', 'an advertising profile of you, purpose 99'],
      ['Personalised ads refused', 'yes'],
    ])
  })

  it('drops empty lists and spells out unknown keys', () => {
    expect(detailLines({ refused: [], someNewField: 3 })).toEqual([['Some new field', '3']])
  })

  it('has a title and a meaning for each consent signal', () => {
    for (const signal of ['consent.tcf', 'consent.usp', 'consent.gpp']) {
      expect(signalTitle(signal)).not.toBe(signal)
      expect(signalMeaning(signal)).not.toBe('')
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
      'You accepted 5 purposes for 812 companies on 3 May 2026',
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
  ])('%s %j', (signal, detail, expected) => {
    expect(signalSummary(signal, detail)).toBe(expected)
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
    expect(signalTitle('consent.before')).toBe('Tracking before you answered the cookie banner')
    expect(signalWho('consent.before')).toBe('on')
    expect(signalWho('consent.tcf', { source: 'page' })).toBe(
      'your answer, read from the cookie banner of',
    )
    expect(signalWho('consent.tcf', { adsRefused: true })).toBe('to')
    expect(detailLines({ afterRefusal: ['Meta'], bannerAfterMs: 120 })).toEqual([
      ['Still tracking after you refused', 'Meta'],
      ['Banner shown (ms after the page started)', '120'],
    ])
  })
})
