import type { CompanyNameRow, SiteStatsRow } from '@/db/schema'
import type { OverviewRows } from '@/db/dashboard-read'
import {
  dayNumber,
  dayOfNumber,
  familyOf,
  localDay,
  STAT_FIELDS,
  type StatField,
} from '@/db/aggregate'

/** Signal families the overview counts, besides the companies themselves. */
export const FAMILIES = ['fingerprinting', 'identifiers', 'adPixels', 'beforeConsent'] as const
export type Family = (typeof FAMILIES)[number]
export { familyOf }

export interface SiteRank {
  site: string
  visits: number
  lastSeen: number
  /** How many tracking companies were seen on the site within the period. */
  companyCount: number
  /** Their names (from the precomputed rows, read after the first screen: null until then). */
  companies: string[] | null
  trackerRequests: number
  families: Record<Family, number>
}

export interface CompanyReach {
  name: string
  category: string
  sites: number
  requests: number
}

export interface DayPoint {
  day: string
  trackerRequests: number
  otherRequests: number
  sites: number
}

/** Sites and companies the overview lists (the rest are counted). */
export const SHOWN_SITES = 50
export const SHOWN_COMPANIES = 20

export interface Overview {
  /** Sites in ranking order: every matching one, or (from the precomputed rows) the first
   * `SHOWN_SITES`. */
  sites: SiteRank[]
  /** How many sites match. */
  siteCount: number
  /** Companies by reach: every matching one, or (precomputed) the first `SHOWN_COMPANIES`. */
  companies: CompanyReach[]
  totals: { sites: number; visits: number; companies: number; trackerRequests: number }
  trend: DayPoint[]
}

const emptyFamilies = (): Record<Family, number> => ({
  fingerprinting: 0,
  identifiers: 0,
  adPixels: 0,
  beforeConsent: 0,
})

/** Sites ranked by tracking, most first: companies, then the other families, then requests. */
function byTracking(a: SiteRank, b: SiteRank): number {
  return (
    b.companyCount - a.companyCount ||
    b.families.fingerprinting - a.families.fingerprinting ||
    b.families.beforeConsent - a.families.beforeConsent ||
    b.families.identifiers + b.families.adPixels - (a.families.identifiers + a.families.adPixels) ||
    b.trackerRequests - a.trackerRequests ||
    // Code-unit order, as the ranking index keeps sites of equal rank.
    (a.site < b.site ? -1 : a.site > b.site ? 1 : 0)
  )
}

/** Companies seen on the most sites first, then by requests, then by name (code units, as the
 * ranking index keeps them). */
const byReach = (a: CompanyReach, b: CompanyReach) =>
  b.sites - a.sites || b.requests - a.requests || (a.name < b.name ? -1 : a.name > b.name ? 1 : 0)

/** Every day of the trend: from the period's first day (or, for all of history, the first
 * day with anything recorded) to today. */
function trendOf(firstDay: string, perDay: ReadonlyMap<number, DayPoint>, now: number): DayPoint[] {
  let start = firstDay
  if (start === '') {
    let min = Infinity
    for (const d of perDay.keys()) if (d < min) min = d
    start = min === Infinity ? localDay(now) : dayOfNumber(min)
  }
  return daysBetween(start, localDay(now)).map((day) => {
    const p = perDay.get(dayNumber(day))
    return {
      day,
      trackerRequests: p?.trackerRequests ?? 0,
      otherRequests: p?.otherRequests ?? 0,
      sites: p?.sites ?? 0,
    }
  })
}

/** Every local day from `first` to `last`, inclusive. */
export function daysBetween(first: string, last: string): string[] {
  const out: string[] = []
  const [y, m, d] = first.split('-').map(Number)
  const at = new Date(y ?? 1970, (m ?? 1) - 1, d ?? 1, 12)
  for (let guard = 0; guard < 3700; guard++) {
    const day = localDay(at.getTime())
    if (day > last) break
    out.push(day)
    at.setDate(at.getDate() + 1)
  }
  return out
}

const FIELD = Object.fromEntries(STAT_FIELDS.map((f, i) => [f, i])) as Record<StatField, number>

/**
 * The overview of a period from the sites' stats rows and the company names (see
 * aggregate.ts). `since` 0 means all of history; `query` narrows sites and companies by name
 * (case-insensitive), and sites also by a third-party domain: `partySites` are the sites with
 * a domain matching it (read separately, since the stats rows hold no domains).
 */
export function buildOverview(
  input: {
    stats: readonly SiteStatsRow[]
    names: readonly CompanyNameRow[]
    partySites?: ReadonlySet<string>
  },
  since: number,
  now: number,
  query = '',
): Overview {
  const q = query.trim().toLowerCase()
  const firstDay = since > 0 ? localDay(since) : ''
  const first = firstDay === '' ? -Infinity : dayNumber(firstDay)
  const names: (CompanyNameRow | undefined)[] = []
  for (const n of input.names) names[n.id] = n
  const perDay = new Map<number, DayPoint>()
  // Per company id: sites and requests within the period.
  const reachSites = new Float64Array(names.length)
  const reachRequests = new Float64Array(names.length)
  const sites: SiteRank[] = []
  let trackerRequests = 0
  let visits = 0
  let siteCount = 0
  for (const row of input.stats) {
    const families = emptyFamilies()
    let requests = 0
    const { days, perDay: counts } = row
    for (let i = 0; i < days.length; i++) {
      const day = days[i] ?? 0
      if (day < first) continue
      const at = i * STAT_FIELDS.length
      const trackers = counts[at + FIELD.trackerRequests] ?? 0
      requests += trackers
      visits += counts[at + FIELD.visits] ?? 0
      for (const f of FAMILIES) families[f] += counts[at + FIELD[f]] ?? 0
      let p = perDay.get(day)
      if (p === undefined)
        perDay.set(day, (p = { day: '', trackerRequests: 0, otherRequests: 0, sites: 0 }))
      p.trackerRequests += trackers
      p.otherRequests += counts[at + FIELD.otherRequests] ?? 0
      p.sites += 1
    }
    if (row.lastSeen < since) continue
    siteCount += 1
    const companies: string[] = []
    const { trackerIds, trackerLastDay, trackerRequests: perCompany } = row
    for (let i = 0; i < trackerIds.length; i++) {
      const id = trackerIds[i] ?? 0
      const name = names[id]?.name
      if ((trackerLastDay[i] ?? 0) < first || name === undefined) continue
      companies.push(name)
      reachSites[id] = (reachSites[id] ?? 0) + 1
      reachRequests[id] = (reachRequests[id] ?? 0) + (perCompany[i] ?? 0)
    }
    companies.sort()
    const rank: SiteRank = {
      site: row.site,
      visits: row.visits,
      lastSeen: row.lastSeen,
      companyCount: companies.length,
      companies,
      trackerRequests: requests,
      families,
    }
    trackerRequests += requests
    const matches =
      q === '' ||
      row.site.includes(q) ||
      companies.some((c) => c.toLowerCase().includes(q)) ||
      input.partySites?.has(row.site) === true
    if (matches) sites.push(rank)
  }
  const reach: CompanyReach[] = []
  names.forEach((n, id) => {
    const count = reachSites[id] ?? 0
    if (n !== undefined && count > 0)
      reach.push({
        name: n.name,
        category: n.category,
        sites: count,
        requests: reachRequests[id] ?? 0,
      })
  })
  sites.sort(byTracking)
  const companies = reach.filter((c) => q === '' || c.name.toLowerCase().includes(q)).sort(byReach)

  return {
    sites,
    siteCount: sites.length,
    companies,
    totals: { sites: siteCount, visits, companies: reach.length, trackerRequests },
    trend: trendOf(firstDay, perDay, now),
  }
}

/**
 * The same overview (without a search) from the precomputed rows (see dashboard-read.ts):
 * the first sites and companies of their rankings, the counts, the day totals. The sites'
 * company names come later (`withCompanyNames`).
 */
export function overviewFromRows(rows: OverviewRows, since: number, now: number): Overview {
  const firstDay = since > 0 ? localDay(since) : ''
  const first = firstDay === '' ? -Infinity : dayNumber(firstDay)
  const sites: SiteRank[] = rows.ranks.map((r) => ({
    site: r.site,
    visits: r.visits,
    lastSeen: r.lastSeen,
    companyCount: r.companies,
    companies: null,
    trackerRequests: r.trackerRequests,
    families: {
      fingerprinting: r.fingerprinting,
      identifiers: r.identifiers,
      adPixels: r.adPixels,
      beforeConsent: r.beforeConsent,
    },
  }))
  sites.sort(byTracking)
  const companies: CompanyReach[] = rows.companies.map((c) => ({
    name: c.name,
    category: c.category,
    sites: c.sites,
    requests: c.requests,
  }))
  companies.sort(byReach)
  const perDay = new Map<number, DayPoint>()
  let trackerRequests = 0
  let visits = 0
  for (const d of rows.days) {
    if (d.day < first) continue
    const trackers = d.counts[FIELD.trackerRequests] ?? 0
    trackerRequests += trackers
    visits += d.counts[FIELD.visits] ?? 0
    perDay.set(d.day, {
      day: '',
      trackerRequests: trackers,
      otherRequests: d.counts[FIELD.otherRequests] ?? 0,
      sites: d.sites,
    })
  }
  return {
    sites,
    siteCount: rows.siteCount,
    companies,
    totals: {
      sites: rows.siteCount,
      visits,
      companies: rows.companyCount,
      trackerRequests,
    },
    trend: trendOf(firstDay, perDay, now),
  }
}

/** The overview with its sites' company names, once they are read. */
export function withCompanyNames(
  overview: Overview,
  names: Readonly<Record<string, string[]>>,
): Overview {
  return {
    ...overview,
    sites: overview.sites.map((s) => ({ ...s, companies: names[s.site] ?? s.companies })),
  }
}
