import type { SiteRow } from '@/db/schema'
import type { SignalId } from '@/detect/signals'

export type SearchType = 'all' | 'sites' | 'companies' | 'signals'
export const SEARCH_TYPES: readonly SearchType[] = ['all', 'sites', 'companies', 'signals']

export interface SiteHit {
  site: string
  trackingCompanies: number
  lastSeen: number
}

export interface CompanyHit {
  name: string
  category: string
  tracker: boolean
  sites: number
  /** The domains that matched, when the name itself did not. */
  via: string[]
}

export interface SignalHit {
  signal: SignalId
  name: string
  /** Sites it was found on, most often first. */
  sites: string[]
  count: number
}

export interface SearchResults {
  sites: SiteHit[]
  companies: CompanyHit[]
  signals: SignalHit[]
}

/** Who was contacted: every site has them, so they are no finding to search for. */
const REQUEST_SIGNALS: ReadonlySet<string> = new Set(['tracker.request', 'thirdparty.request'])

/** Lower case, without accents, so "empreinte" finds "Empreinte" and "huella" finds "Huella". */
export function fold(text: string): string {
  return text.normalize('NFKD').replace(/\p{M}/gu, '').toLowerCase()
}

/** Every word of the query appears somewhere in one of the texts. */
function matches(words: readonly string[], texts: readonly string[]): boolean {
  const folded = texts.map(fold)
  return words.every((w) => folded.some((t) => t.includes(w)))
}

/**
 * Sites, companies and kinds of findings whose names (or, for companies, domains; for
 * findings, the signal id as well as its name in the page's language) contain every word of
 * `query`. Sites and companies come from the per-site summaries, so this reads no findings.
 * Sorted: most tracking first, then by name.
 */
export function searchHistory(
  sites: readonly SiteRow[],
  query: string,
  signalName: (signal: SignalId) => string,
): SearchResults {
  const words = fold(query).split(/\s+/).filter(Boolean)
  if (words.length === 0) return { sites: [], companies: [], signals: [] }

  const siteHits: SiteHit[] = []
  const companies = new Map<string, CompanyHit & { parties: Set<string> }>()
  const signals = new Map<SignalId, { count: number; perSite: Map<string, number> }>()
  for (const s of sites) {
    const seen = Object.entries(s.companies ?? {})
    if (matches(words, [s.site]))
      siteHits.push({
        site: s.site,
        trackingCompanies: seen.filter(([, c]) => c.tracker).length,
        lastSeen: s.lastSeen,
      })
    for (const [name, c] of seen) {
      let hit = companies.get(name)
      if (hit === undefined) {
        hit = {
          name,
          category: c.category,
          tracker: c.tracker,
          sites: 0,
          via: [],
          parties: new Set(),
        }
        companies.set(name, hit)
      }
      hit.sites += 1
      hit.tracker ||= c.tracker
      for (const p of c.parties) hit.parties.add(p)
    }
    for (const [signal, n] of Object.entries(s.counts) as [SignalId, number][]) {
      if (REQUEST_SIGNALS.has(signal) || !(n > 0)) continue
      let agg = signals.get(signal)
      if (agg === undefined) signals.set(signal, (agg = { count: 0, perSite: new Map() }))
      agg.count += n
      agg.perSite.set(s.site, n)
    }
  }

  const companyHits: CompanyHit[] = []
  for (const c of companies.values()) {
    const { parties, ...hit } = c
    if (matches(words, [c.name])) companyHits.push(hit)
    else {
      const via = [...parties].filter((p) => matches(words, [p])).sort()
      if (via.length > 0) companyHits.push({ ...hit, via })
    }
  }

  const signalHits: SignalHit[] = []
  for (const [signal, agg] of signals) {
    const name = signalName(signal)
    if (!matches(words, [`${name} ${signal.replace(/[._]/g, ' ')}`])) continue
    signalHits.push({
      signal,
      name,
      count: agg.count,
      sites: [...agg.perSite.entries()]
        .sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]))
        .map(([site]) => site),
    })
  }

  return {
    sites: siteHits.sort(
      (a, b) => b.trackingCompanies - a.trackingCompanies || a.site.localeCompare(b.site),
    ),
    companies: companyHits.sort(
      (a, b) =>
        Number(b.tracker) - Number(a.tracker) || b.sites - a.sites || a.name.localeCompare(b.name),
    ),
    signals: signalHits.sort((a, b) => b.sites.length - a.sites.length || b.count - a.count),
  }
}
