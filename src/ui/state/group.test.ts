import { describe, expect, it } from 'vitest'
import type { FindingRow } from '@/db/schema'
import { summarize } from './group'

let seq = 0
const row = (over: Partial<FindingRow>): FindingRow => ({
  visitId: 1,
  signal: 'tracker.request',
  party: 'google-analytics.com',
  site: 'news.test',
  count: 1,
  firstAt: 1_000,
  lastAt: 1_000,
  evidence: { urls: [`https://t.test/${++seq}`] },
  mode: 'standard',
  ...over,
})

const google = (over: Partial<FindingRow>) =>
  row({ company: 'Google', entity: 'Google Analytics', category: 'analytics', ...over })

describe('summarize', () => {
  it('returns empty groups for no findings', () => {
    expect(summarize([])).toEqual({
      trackers: [],
      others: [],
      thirdParties: 0,
      trackerCompanies: 0,
    })
  })

  it('groups one company across its domains, with totals and every category', () => {
    const { trackers, trackerCompanies, thirdParties } = summarize([
      google({ party: 'google-analytics.com', count: 3, firstAt: 2_000, lastAt: 5_000 }),
      google({ party: 'doubleclick.net', category: 'ad', count: 2, firstAt: 1_000, lastAt: 3_000 }),
      google({ party: 'google-analytics.com', visitId: 2, count: 1, lastAt: 9_000 }),
    ])
    expect(trackerCompanies).toBe(1)
    expect(thirdParties).toBe(2)
    expect(trackers).toHaveLength(1)
    expect(trackers[0]).toMatchObject({
      name: 'Google',
      known: true,
      category: 'analytics',
      categories: ['analytics', 'ad'],
      tracker: true,
      parties: ['google-analytics.com', 'doubleclick.net'],
      requests: 6,
      firstAt: 1_000,
      lastAt: 9_000,
      sameCompany: false,
      visits: 2,
    })
  })

  it('groups unlisted parties by domain, not together', () => {
    const { others, trackers, thirdParties } = summarize([
      row({ signal: 'thirdparty.request', party: 'widgets.test', count: 2 }),
      row({ signal: 'thirdparty.request', party: 'cdn.other.test', count: 1 }),
      row({ signal: 'thirdparty.request', party: 'widgets.test', count: 1 }),
    ])
    expect(trackers).toEqual([])
    expect(others.map((g) => [g.name, g.known, g.category, g.requests, g.parties])).toEqual([
      ['widgets.test', false, 'unknown', 3, ['widgets.test']],
      ['cdn.other.test', false, 'unknown', 1, ['cdn.other.test']],
    ])
    expect(thirdParties).toBe(2)
  })

  it('keeps a company’s tracker and non-tracker domains in separate lists', () => {
    const { trackers, others, trackerCompanies, thirdParties } = summarize([
      google({ party: 'google-analytics.com' }),
      row({
        signal: 'thirdparty.request',
        party: 'gstatic.com',
        company: 'Google',
        category: 'cdn',
      }),
    ])
    expect(trackers.map((g) => [g.name, g.parties])).toEqual([['Google', ['google-analytics.com']]])
    expect(others.map((g) => [g.name, g.known, g.category])).toEqual([['Google', true, 'cdn']])
    expect(trackerCompanies).toBe(1)
    expect(thirdParties).toBe(2)
  })

  it('does not count the site’s own company among third parties', () => {
    const { others, thirdParties } = summarize([
      row({
        site: 'facebook.com',
        signal: 'thirdparty.request',
        party: 'fbcdn.net',
        company: 'Facebook',
        category: 'cdn',
        sameCompany: true,
        count: 5,
      }),
      row({ site: 'facebook.com', signal: 'thirdparty.request', party: 'widgets.test' }),
    ])
    expect(thirdParties).toBe(1)
    expect(others.map((g) => [g.name, g.sameCompany])).toEqual([
      ['Facebook', true],
      ['widgets.test', false],
    ])
  })

  it('orders groups by requests, then by name', () => {
    const { trackers } = summarize([
      row({ party: 'hotjar.com', company: 'Hotjar', count: 2 }),
      row({ party: 'facebook.net', company: 'Facebook', count: 7 }),
      row({ party: 'bing.com', company: 'Microsoft', count: 2 }),
      google({ count: 1 }),
      google({ party: 'doubleclick.net', count: 2 }),
    ])
    expect(trackers.map((g) => `${g.name} ${g.requests}`)).toEqual([
      'Facebook 7',
      'Google 3',
      'Hotjar 2',
      'Microsoft 2',
    ])
  })

  it('counts visits by distinct visit id', () => {
    const { trackers } = summarize([
      google({ visitId: 1 }),
      google({ visitId: 1, party: 'doubleclick.net' }),
      google({ visitId: 3 }),
      row({ visitId: 7, party: 'hotjar.com', company: 'Hotjar' }),
    ])
    expect(trackers.map((g) => [g.name, g.visits])).toEqual([
      ['Google', 2],
      ['Hotjar', 1],
    ])
  })

  it('keeps at most five distinct evidence URLs per group', () => {
    const urls = (...n: number[]) => n.map((i) => `https://t.test/e${i}`)
    const { trackers, others } = summarize([
      google({ evidence: { urls: urls(1, 2, 3) } }),
      google({ party: 'doubleclick.net', evidence: { urls: urls(2, 3, 4) } }),
      google({ visitId: 2, evidence: { urls: urls(5, 6, 7) } }),
      row({ signal: 'thirdparty.request', party: 'w.test', evidence: { urls: urls(1, 1) } }),
    ])
    expect(trackers[0]?.evidence).toEqual(urls(1, 2, 3, 4, 5))
    expect(others[0]?.evidence).toEqual(urls(1))
  })

  it('ignores findings that are not requests', () => {
    const summary = summarize([
      row({ signal: 'cookie.identifier', party: 'news.test', count: 50 }),
      row({ signal: 'fingerprint.canvas', party: 'fp.test', company: 'FP', count: 9 }),
      row({ signal: 'pixel.facebook', party: 'facebook.com', company: 'Facebook' }),
      row({ signal: 'thirdparty.request', party: 'widgets.test', count: 2 }),
    ])
    expect(summary.trackers).toEqual([])
    expect(summary.others.map((g) => `${g.name} ${g.requests}`)).toEqual(['widgets.test 2'])
    expect(summary.thirdParties).toBe(1)
    expect(summary.trackerCompanies).toBe(0)
  })
})
