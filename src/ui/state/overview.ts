import type { DailyRow, SiteRow } from '@/db/schema'
import { localDay } from '@/db/write'

/** Signal families the overview counts, besides the companies themselves. */
export const FAMILIES = ['fingerprinting', 'identifiers', 'adPixels', 'beforeConsent'] as const
export type Family = (typeof FAMILIES)[number]

export function familyOf(signal: string): Family | null {
  if (signal.startsWith('fingerprint.')) return 'fingerprinting'
  if (
    signal === 'cookie.identifier' ||
    signal === 'storage.identifier' ||
    signal === 'id.sync' ||
    signal === 'link.decoration'
  )
    return 'identifiers'
  if (signal.startsWith('pixel.') || signal === 'analytics.remarketing') return 'adPixels'
  if (signal === 'consent.before') return 'beforeConsent'
  return null
}

export interface SiteRank {
  site: string
  visits: number
  lastSeen: number
  /** Tracking companies seen on the site within the period. */
  companies: string[]
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

export interface Overview {
  sites: SiteRank[]
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
    b.companies.length - a.companies.length ||
    b.families.fingerprinting - a.families.fingerprinting ||
    b.families.beforeConsent - a.families.beforeConsent ||
    b.families.identifiers + b.families.adPixels - (a.families.identifiers + a.families.adPixels) ||
    b.trackerRequests - a.trackerRequests ||
    a.site.localeCompare(b.site)
  )
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

/**
 * The overview of a period from the site summaries and daily counts. `since` 0 means all of
 * history; `query` narrows sites and companies by name or domain (case-insensitive).
 */
export function buildOverview(
  input: { sites: readonly SiteRow[]; daily: readonly DailyRow[]; visits: number },
  since: number,
  now: number,
  query = '',
): Overview {
  const q = query.trim().toLowerCase()
  const firstDay = since > 0 ? localDay(since) : ''
  const perSite = new Map<string, { requests: number; families: Record<Family, number> }>()
  const perDay = new Map<string, DayPoint & { siteSet: Set<string> }>()
  for (const d of input.daily) {
    if (d.day < firstDay) continue
    let s = perSite.get(d.site)
    if (s === undefined) perSite.set(d.site, (s = { requests: 0, families: emptyFamilies() }))
    if (d.signal === 'tracker.request') s.requests += d.count
    const family = familyOf(d.signal)
    if (family !== null) s.families[family] += d.count
    let p = perDay.get(d.day)
    if (p === undefined)
      perDay.set(
        d.day,
        (p = { day: d.day, trackerRequests: 0, otherRequests: 0, sites: 0, siteSet: new Set() }),
      )
    if (d.signal === 'tracker.request') p.trackerRequests += d.count
    if (d.signal === 'thirdparty.request') p.otherRequests += d.count
    p.siteSet.add(d.site)
  }

  const reach = new Map<string, CompanyReach>()
  const sites: SiteRank[] = []
  let trackerRequests = 0
  for (const row of input.sites) {
    if (row.lastSeen < since) continue
    const companies: string[] = []
    for (const [name, c] of Object.entries(row.companies ?? {})) {
      if (!c.tracker || c.lastAt < since) continue
      companies.push(name)
      let r = reach.get(name)
      if (r === undefined)
        reach.set(name, (r = { name, category: c.category, sites: 0, requests: 0 }))
      r.sites += 1
      r.requests += c.requests
    }
    companies.sort()
    const s = perSite.get(row.site)
    const rank: SiteRank = {
      site: row.site,
      visits: row.visits,
      lastSeen: row.lastSeen,
      companies,
      trackerRequests: s?.requests ?? 0,
      families: s?.families ?? emptyFamilies(),
    }
    trackerRequests += rank.trackerRequests
    const matches =
      q === '' ||
      row.site.includes(q) ||
      companies.some((c) => c.toLowerCase().includes(q)) ||
      Object.values(row.companies ?? {}).some((c) => c.parties.some((p) => p.includes(q)))
    if (matches) sites.push(rank)
  }
  sites.sort(byTracking)
  const companies = [...reach.values()]
    .filter((c) => q === '' || c.name.toLowerCase().includes(q))
    .sort((a, b) => b.sites - a.sites || b.requests - a.requests || a.name.localeCompare(b.name))

  const days = [...perDay.keys()].sort()
  const start = firstDay !== '' ? firstDay : (days[0] ?? localDay(now))
  const trend = daysBetween(start, localDay(now)).map((day) => {
    const p = perDay.get(day)
    return {
      day,
      trackerRequests: p?.trackerRequests ?? 0,
      otherRequests: p?.otherRequests ?? 0,
      sites: p?.siteSet.size ?? 0,
    }
  })

  return {
    sites,
    companies,
    totals: {
      sites: input.sites.filter((s) => s.lastSeen >= since).length,
      visits: input.visits,
      companies: reach.size,
      trackerRequests,
    },
    trend,
  }
}
