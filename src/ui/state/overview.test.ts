import { describe, expect, it } from 'vitest'
import { sampleData } from '@/ui/dashboard/fixture'
import { dayNumber, localDay, memoryCompanyIds, siteStatsOf } from '@/db/aggregate'
import { namesOfSites, overviewRowsFromStats } from '@/db/overview-aggregate'
import type { CompanyNameRow, SiteStatsRow } from '@/db/schema'
import {
  buildOverview,
  daysBetween,
  familyOf,
  overviewFromRows,
  withCompanyNames,
} from './overview'
import { periodStart, PERIODS } from './route'

const NOW = new Date(2024, 4, 10, 12, 0).getTime()

const data = sampleData(NOW)
// The stats rows the database keeps, from the same sites and daily counts.
const ids = memoryCompanyIds()
const stats = data.sites.map((s) =>
  siteStatsOf(
    s,
    data.daily.filter((d) => d.site === s.site),
    ids,
    data.visits.filter((v) => v.site === s.site).map((v) => v.startedAt),
  ),
)
const input = { stats, names: ids.rows() }

describe('buildOverview', () => {
  it('ranks sites by tracking companies, then other signals', () => {
    const o = buildOverview(input, periodStart('30', NOW), NOW)
    expect(o.sites.map((s) => [s.site, s.companies])).toEqual([
      ['news.test', ['Facebook', 'Google']],
      ['shop.test', ['Google']],
      ['blog.test', []],
    ])
    expect(o.sites[0]?.families.adPixels).toBe(1)
    expect(o.sites[0]?.trackerRequests).toBe(8)
    expect(o.totals).toEqual({ sites: 3, visits: 4, companies: 2, trackerRequests: 10 })
  })

  it('lists the companies seen on the most sites first, trackers only', () => {
    const o = buildOverview(input, 0, NOW)
    expect(o.companies.map((c) => [c.name, c.sites, c.requests])).toEqual([
      ['Google', 2, 8],
      ['Facebook', 1, 2],
    ])
  })

  it('leaves out what was last seen before the period', () => {
    const o = buildOverview(input, periodStart('7', NOW) + 10 * 86_400_000, NOW)
    expect(o.sites).toEqual([])
    const today = buildOverview(input, periodStart('7', NOW) + 6 * 86_400_000, NOW)
    expect(today.sites.map((s) => s.site)).toEqual(['news.test', 'blog.test'])
    expect(today.companies.map((c) => c.name)).toEqual(['Google', 'Facebook'])
    expect(today.sites[0]?.trackerRequests).toBe(5)
  })

  it('narrows sites and companies by a search on site, company or domain', () => {
    const since = periodStart('30', NOW)
    expect(buildOverview(input, since, NOW, 'FACE').sites.map((s) => s.site)).toEqual(['news.test'])
    expect(buildOverview(input, since, NOW, 'face').companies.map((c) => c.name)).toEqual([
      'Facebook',
    ])
    // Domains come from a separate read (the sites whose third parties match).
    expect(buildOverview(input, since, NOW, 'fonts').sites).toEqual([])
    const fonts = { ...input, partySites: new Set(['blog.test']) }
    expect(buildOverview(fonts, since, NOW, 'fonts').sites.map((s) => s.site)).toEqual([
      'blog.test',
    ])
    expect(buildOverview(input, since, NOW, 'shop').sites.map((s) => s.site)).toEqual(['shop.test'])
    expect(buildOverview(input, since, NOW, 'nothing-like-it').sites).toEqual([])
  })

  it('has one trend point per day of the period, empty days included', () => {
    const o = buildOverview(input, periodStart('7', NOW), NOW)
    expect(o.trend).toHaveLength(7)
    expect(o.trend.at(-1)).toEqual({
      day: localDay(NOW),
      trackerRequests: 5,
      otherRequests: 1,
      sites: 2,
    })
    expect(o.trend.at(-2)?.trackerRequests).toBe(5)
    expect(o.trend[0]?.trackerRequests).toBe(0)
    // All of history starts at the first recorded day.
    expect(buildOverview(input, 0, NOW).trend).toHaveLength(2)
  })
})

describe('overviewFromRows', () => {
  /** Random stats rows over 120 days, numbers small enough that many sites tie. */
  function randomStats(
    seed: number,
    sites: number,
  ): { stats: SiteStatsRow[]; names: CompanyNameRow[] } {
    let state = seed
    const rand = (n: number) => {
      state = (state * 48271) % 2147483647
      return state % n
    }
    const today = dayNumber(localDay(NOW))
    const names: CompanyNameRow[] = Array.from({ length: 12 }, (_, i) => ({
      name: `Company ${String.fromCharCode(65 + ((i * 7) % 12))}`,
      id: i + 1,
      category: i % 2 === 0 ? 'ad' : 'analytics',
    }))
    const stats = Array.from({ length: sites }, (_, s) => {
      const days = [...new Set(Array.from({ length: 1 + rand(4) }, () => today - rand(120)))].sort(
        (a, b) => a - b,
      )
      const ids = [...new Set(Array.from({ length: rand(3) }, () => 1 + rand(12)))]
      const lastDay = days.at(-1) ?? today
      return {
        // Sites in no particular order, some differing only after a common prefix.
        site: `${['b', 'a', 'ab', 'a-b', '0'][s % 5]}${(s * 37) % sites}.test`,
        lastSeen: NOW + (lastDay - today) * 86_400_000 - rand(3) * 3_600_000,
        visits: 1 + rand(5),
        days: Uint32Array.from(days),
        perDay: Uint32Array.from(
          days.flatMap(() => Array.from({ length: 7 }, () => (rand(8) === 0 ? 1 + rand(2) : 0))),
        ),
        trackerIds: Uint32Array.from(ids),
        trackerLastDay: Uint32Array.from(ids.map(() => days[rand(days.length)] ?? lastDay)),
        trackerRequests: Uint32Array.from(ids.map(() => 1 + rand(9))),
      }
    })
    return { stats, names }
  }

  it('is the overview summed from every stats row, cut to the sites shown', () => {
    for (const seed of [1, 2, 3]) {
      const { stats, names } = randomStats(seed, 150)
      for (const period of PERIODS) {
        const since = periodStart(period, NOW)
        const days = period === 'all' ? 0 : Number(period)
        const full = buildOverview({ stats, names }, since, NOW)
        const first = since > 0 ? dayNumber(localDay(since)) : 0
        const byId = new Map(names.map((n) => [n.id, n.name]))
        for (const shown of [1, 7, 20, 50, 100]) {
          const rows = overviewRowsFromStats(stats, names, days, NOW, {
            sites: shown,
            companies: Math.ceil(shown / 5),
          })
          const summary = overviewFromRows(rows, since, NOW)
          // The sites' company names come afterwards.
          expect(summary.sites.every((s) => s.companies === null)).toBe(true)
          const named = namesOfSites(
            summary.sites.map((s) => stats.find((r) => r.site === s.site)),
            byId,
            first,
          )
          expect(withCompanyNames(summary, named)).toEqual({
            ...full,
            sites: full.sites.slice(0, shown),
            companies: full.companies.slice(0, Math.ceil(shown / 5)),
          })
        }
        // A test that could not fail would compare empty lists.
        expect(full.sites.length).toBeGreaterThan(period === '7' ? 0 : 10)
        expect(full.companies.length).toBeGreaterThan(0)
      }
    }
  })

  it('gives the same first screen as the sample data’s full overview', () => {
    const rows = overviewRowsFromStats(stats, ids.rows(), 30, NOW, { sites: 2, companies: 1 })
    const o = overviewFromRows(rows, periodStart('30', NOW), NOW)
    expect(o.sites.map((s) => [s.site, s.companyCount])).toEqual([
      ['news.test', 2],
      ['shop.test', 1],
    ])
    expect(o.companies.map((c) => [c.name, c.sites])).toEqual([['Google', 2]])
    expect(o.siteCount).toBe(3)
    expect(o.totals).toEqual({ sites: 3, visits: 4, companies: 2, trackerRequests: 10 })
  })
})

describe('helpers', () => {
  it('spans days across month ends', () => {
    expect(daysBetween('2024-02-28', '2024-03-01')).toEqual([
      '2024-02-28',
      '2024-02-29',
      '2024-03-01',
    ])
    expect(daysBetween('2024-03-02', '2024-03-01')).toEqual([])
  })
  it('puts signals in families', () => {
    expect(familyOf('fingerprint.canvas')).toBe('fingerprinting')
    expect(familyOf('cookie.identifier')).toBe('identifiers')
    expect(familyOf('pixel.tiktok')).toBe('adPixels')
    expect(familyOf('consent.before')).toBe('beforeConsent')
    expect(familyOf('tracker.request')).toBeNull()
  })
})
