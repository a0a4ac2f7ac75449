import { describe, expect, it } from 'vitest'
import { detailLines, signalMeaning, signalSummary, signalTitle } from './signals'

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
    ['consent.usp', { optedOut: true }, 'opted out of sale'],
    ['consent.gpp', { optedOut: ['sale', 'sharing'] }, 'opted out of sale, sharing'],
    ['consent.gpp', { optedOut: [] }, 'no opt-out'],
    ['pixel.facebook', { event: 'Purchase' }, 'Purchase'],
    ['pixel.facebook', { pixelId: '1' }, undefined],
  ])('%s %j', (signal, detail, expected) => {
    expect(signalSummary(signal, detail)).toBe(expected)
  })
})
