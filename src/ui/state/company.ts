import type { FindingRow, SiteRow } from '@/db/schema'

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

/** One company across every site, from the sites' company summaries and its findings. */
export function buildCompany(
  name: string,
  sites: readonly SiteRow[],
  findings: readonly FindingRow[],
  partial: boolean,
): CompanyView | null {
  const where: CompanySite[] = []
  const domains = new Set<string>()
  const categories = new Set<string>()
  let tracker = false
  for (const row of sites) {
    const c = row.companies?.[name]
    if (c === undefined) continue
    tracker ||= c.tracker
    categories.add(c.category)
    for (const p of c.parties) domains.add(p)
    where.push({
      site: row.site,
      requests: c.requests,
      firstAt: c.firstAt,
      lastAt: c.lastAt,
      parties: c.parties,
    })
  }
  if (where.length === 0) return null
  where.sort((a, b) => b.requests - a.requests || a.site.localeCompare(b.site))

  const bySignal = new Map<string, { times: number; sites: Set<string>; examples: FindingRow[] }>()
  for (const f of findings) {
    if ((f.company ?? f.party) !== name) continue
    let a = bySignal.get(f.signal)
    if (a === undefined) bySignal.set(f.signal, (a = { times: 0, sites: new Set(), examples: [] }))
    a.times += f.count
    a.sites.add(f.site)
    if (a.examples.length < EXAMPLES && !a.examples.some((e) => e.site === f.site))
      a.examples.push(f)
  }
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
