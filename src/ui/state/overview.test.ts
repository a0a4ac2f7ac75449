import { describe, expect, it } from 'vitest'
import { sampleData } from '@/ui/dashboard/fixture'
import { localDay } from '@/db/write'
import { memoryCompanyIds, siteStatsOf } from '@/db/aggregate'
import { buildOverview, daysBetween, familyOf } from './overview'
import { periodStart } from './route'

const NOW = new Date(2024, 4, 10, 12, 0).getTime()

describe('buildOverview', () => {
  const data = sampleData(NOW)
  // The stats rows the database keeps, from the same sites and daily counts.
  const ids = memoryCompanyIds()
  const stats = data.sites.map((s) =>
    siteStatsOf(
      s,
      data.daily.filter((d) => d.site === s.site),
      ids,
    ),
  )
  const input = { stats, names: ids.rows(), visits: 4 }

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
