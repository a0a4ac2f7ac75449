import type { FindingRow, SitePartyRow } from '@/db/schema'
import { REQUEST_SIGNALS } from '@/db/aggregate'

export interface CompanySite {
  site: string
  requests: number
  firstAt: number
  lastAt: number
  parties: string[]
}

export interface CompanyAction {
  signal: string
  times: number
  sites: number
  /** A few findings to show as evidence. */
  examples: FindingRow[]
}

export interface CompanyView {
  name: string
  tracker: boolean
  categories: string[]
  domains: string[]
  sites: CompanySite[]
  requests: number
  firstAt: number
  lastAt: number
  actions: CompanyAction[]
  /** Findings read were capped: the actions are a sample. */
  partial: boolean
}

const EXAMPLES = 3

/**
 * One company across every site, from its site × party rows: the sites it received requests
 * from (the site's own company's domains aside, as in the site summaries) and what else it did.
 */
export function buildCompany(
  name: string,
  rows: readonly SitePartyRow[],
  partial: boolean,
): CompanyView | null {
  const bySite = new Map<string, CompanySite>()
  const domains = new Set<string>()
  const categories = new Set<string>()
  let tracker = false
  const bySignal = new Map<string, { times: number; sites: Set<string>; examples: FindingRow[] }>()
  for (const r of rows) {
    if ((r.company ?? r.party) !== name) continue
    if (REQUEST_SIGNALS.has(r.signal)) {
      if (r.sameCompany === true) continue
      tracker ||= r.signal === 'tracker.request'
      categories.add(r.category ?? 'unknown')
      domains.add(r.party)
      const s = bySite.get(r.site)
      if (s === undefined)
        bySite.set(r.site, {
          site: r.site,
          requests: r.count,
          firstAt: r.firstAt,
          lastAt: r.lastAt,
          parties: [r.party],
        })
      else {
        s.requests += r.count
        s.firstAt = Math.min(s.firstAt, r.firstAt)
        s.lastAt = Math.max(s.lastAt, r.lastAt)
        if (!s.parties.includes(r.party)) s.parties.push(r.party)
      }
      continue
    }
    let a = bySignal.get(r.signal)
    if (a === undefined) bySignal.set(r.signal, (a = { times: 0, sites: new Set(), examples: [] }))
    a.times += r.count
    a.sites.add(r.site)
    if (a.examples.length < EXAMPLES && !a.examples.some((e) => e.site === r.site))
      a.examples.push(r)
  }
  const where = [...bySite.values()]
  if (where.length === 0) return null
  where.sort((a, b) => b.requests - a.requests || a.site.localeCompare(b.site))
  const actions = [...bySignal.entries()]
    .map(([signal, a]) => ({ signal, times: a.times, sites: a.sites.size, examples: a.examples }))
    .sort((a, b) => b.sites - a.sites || b.times - a.times)

  return {
    name,
    tracker,
    categories: [...categories],
    domains: [...domains].sort(),
    sites: where,
    requests: where.reduce((n, s) => n + s.requests, 0),
    firstAt: Math.min(...where.map((s) => s.firstAt)),
    lastAt: Math.max(...where.map((s) => s.lastAt)),
    actions,
    partial,
  }
}
