import { describe, expect, it } from 'vitest'
import type { Batch, FindingDelta } from '@/db/write'
import { gateBatch, MAX_EXCLUDED, nextExcluded } from './record-gate'

const finding = (site: string, party: string): FindingDelta => ({
  visitId: 1,
  signal: 'tracker.request',
  party,
  site,
  count: 1,
  firstAt: 1,
  lastAt: 1,
  urls: [],
  mode: 'standard',
})
const batch: Batch = {
  visits: [
    {
      id: 1,
      site: 'news.test',
      url: 'https://news.test/',
      tabId: 1,
      startedAt: 1,
      mode: 'standard',
    },
    {
      id: 2,
      site: 'bank.test',
      url: 'https://bank.test/',
      tabId: 2,
      startedAt: 1,
      mode: 'standard',
    },
  ],
  findings: [finding('news.test', 'ga.test'), finding('bank.test', 'ga.test')],
}

describe('gateBatch', () => {
  it('passes everything through when recording and nothing is excluded', () => {
    expect(gateBatch(batch, { paused: false, excluded: new Set() })).toBe(batch)
  })

  it('keeps nothing while paused', () => {
    expect(gateBatch(batch, { paused: true, excluded: new Set() })).toBeNull()
  })

  it('drops the visits and findings of excluded sites only, whoever the third party is', () => {
    const kept = gateBatch(batch, { paused: false, excluded: new Set(['bank.test']) })
    expect(kept?.visits.map((v) => v.site)).toEqual(['news.test'])
    expect(kept?.findings.map((f) => f.site)).toEqual(['news.test'])
    // A third party that happens to be named like an excluded site is still recorded elsewhere.
    const other = gateBatch(
      { visits: [], findings: [finding('news.test', 'bank.test')] },
      { paused: false, excluded: new Set(['bank.test']) },
    )
    expect(other?.findings).toHaveLength(1)
  })

  it('returns null when every row was of excluded sites', () => {
    expect(
      gateBatch(batch, { paused: false, excluded: new Set(['bank.test', 'news.test']) }),
    ).toBeNull()
  })
})

describe('nextExcluded', () => {
  it('adds once, sorted, and removes', () => {
    const list = nextExcluded(nextExcluded(['b.test'], 'a.test', true), 'a.test', true)
    expect(list).toEqual(['a.test', 'b.test'])
    expect(nextExcluded(list, 'b.test', false)).toEqual(['a.test'])
    expect(nextExcluded(list, 'c.test', false)).toEqual(list)
  })

  it('refuses to grow past the limit, but still removes', () => {
    const full = Array.from({ length: MAX_EXCLUDED }, (_, i) => `s${i}.test`)
    expect(() => nextExcluded(full, 'one-more.test', true)).toThrow('error.tooManyExcluded')
    expect(nextExcluded(full, 's0.test', false)).toHaveLength(MAX_EXCLUDED - 1)
    expect(nextExcluded(full, 's0.test', true)).toHaveLength(MAX_EXCLUDED)
  })
})

describe('gateBatch and rows of earlier visits', () => {
  it('drops the rows of excluded sites’ earlier visits too', () => {
    const row = (id: number, site: string) => ({
      id,
      site,
      url: `https://${site}/`,
      tabId: 1,
      startedAt: 1,
      mode: 'standard' as const,
    })
    const kept = gateBatch(
      {
        visits: [],
        findings: [finding('news.test', 'ga.test'), finding('bank.test', 'ga.test')],
        seen: [row(1, 'news.test'), row(2, 'bank.test')],
      },
      { paused: false, excluded: new Set(['bank.test']) },
    )
    expect(kept?.findings.map((f) => f.site)).toEqual(['news.test'])
    expect(kept?.seen?.map((v) => v.id)).toEqual([1])
  })
})
