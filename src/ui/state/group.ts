import type { FindingRow } from '@/db/schema'
import { groupKey } from '@/db/aggregate'

/** One company (or, when unlisted, one domain) on a page, for the popup and site page. */
export interface CompanyGroup {
  /** Company name, or the third party's domain when it is in no list. */
  name: string
  known: boolean
  /** Main category (of the first domain seen) and every category among its domains. */
  category: string
  categories: string[]
  tracker: boolean
  parties: string[]
  requests: number
  firstAt: number
  lastAt: number
  /** Owned by the same company as the site itself. */
  sameCompany: boolean
  /** Distinct visits the company was seen on. */
  visits: number
  evidence: string[]
}

export interface PageSummary {
  trackers: CompanyGroup[]
  others: CompanyGroup[]
  /** Distinct third-party domains, not counting the site's own company. */
  thirdParties: number
  trackerCompanies: number
}

const REQUEST_SIGNALS = new Set(['tracker.request', 'thirdparty.request'])

/**
 * Groups request findings by company; most requests first. Rows folded over visits (the site
 * page's site × party rows) count visits through `groupVisits` (per `groupKey`), since their
 * visit ids no longer tell them apart.
 */
export function summarize(
  findings: readonly (FindingRow & { visits?: number })[],
  groupVisits?: Readonly<Record<string, number>>,
): PageSummary {
  const folded = new Map<CompanyGroup, number>()
  const groups = new Map<string, CompanyGroup>()
  const visitsOf = new Map<CompanyGroup, Set<number>>()
  const parties = new Set<string>()
  for (const f of findings) {
    if (!REQUEST_SIGNALS.has(f.signal)) continue
    const tracker = f.signal === 'tracker.request'
    const name = f.company ?? f.party
    const key = `${tracker ? 't' : 'o'}\u0000${name}`
    let g = groups.get(key)
    if (g === undefined) {
      g = {
        name,
        known: f.company !== undefined,
        category: f.category ?? 'unknown',
        categories: [],
        tracker,
        parties: [],
        requests: 0,
        firstAt: f.firstAt,
        lastAt: f.lastAt,
        sameCompany: f.sameCompany === true,
        visits: 0,
        evidence: [],
      }
      groups.set(key, g)
      visitsOf.set(g, new Set())
    }
    visitsOf.get(g)?.add(f.visitId)
    if (f.visits !== undefined) folded.set(g, Math.max(folded.get(g) ?? 0, f.visits))
    if (!g.parties.includes(f.party)) g.parties.push(f.party)
    const category = f.category ?? 'unknown'
    if (!g.categories.includes(category)) g.categories.push(category)
    g.requests += f.count
    g.firstAt = Math.min(g.firstAt, f.firstAt)
    g.lastAt = Math.max(g.lastAt, f.lastAt)
    for (const url of f.evidence.urls)
      if (g.evidence.length < 5 && !g.evidence.includes(url)) g.evidence.push(url)
    if (f.sameCompany !== true) parties.add(f.party)
  }
  const byRequests = (a: CompanyGroup, b: CompanyGroup) =>
    b.requests - a.requests || a.name.localeCompare(b.name)
  const all = [...groups.values()]
  for (const g of all) {
    const signal = g.tracker ? 'tracker.request' : 'thirdparty.request'
    g.visits =
      groupVisits?.[groupKey(signal, g.name)] ?? folded.get(g) ?? visitsOf.get(g)?.size ?? 0
  }
  const trackers = all.filter((g) => g.tracker).sort(byRequests)
  return {
    trackers,
    others: all.filter((g) => !g.tracker).sort(byRequests),
    thirdParties: parties.size,
    trackerCompanies: trackers.length,
  }
}
