import type { SignalId } from './signals'
import type { DetectedFinding } from './types'

/**
 * `thirdparty.learned`: a third party on no tracker list that was seen setting or receiving
 * identifiers on 3 or more different sites is likely a tracker (Privacy Badger's learning
 * rule, github.com/EFForg/privacybadger "How does Privacy Badger work?", done locally). Pure:
 * the background passes the stored findings of that party.
 * Fixtures: test/fixtures/sites/recipes.test, garden.test and travel.test (an unlisted widget
 * host setting an identifier cookie on each).
 */
export const detector = {
  file: 'thirdparty-learned',
  signals: ['thirdparty.learned'] as const satisfies readonly SignalId[],
  needs: 'stored identifier findings (cookie.identifier, id.sync) of one party, across sites',
}

/** Privacy Badger blocks after the same third party tracks on three sites. */
export const LEARN_AFTER_SITES = 3
const MAX_SITES_SHOWN = 10
const IDENTIFYING = new Set<SignalId>(['cookie.identifier', 'id.sync'])

/** What the rule reads of a stored finding (FindingRow has all of it). */
export interface PartyRow {
  site: string
  party: string
  signal: SignalId
  company?: string
  lastAt: number
}

/** A finding for `party` when its rows show identifiers on enough sites; none for listed
 * companies (the tracker list already names them) or first-party rows. */
export function learnThirdParty(party: string, rows: readonly PartyRow[]): DetectedFinding[] {
  const sites = new Map<string, number>()
  for (const row of rows) {
    if (row.party !== party || row.site === party || !IDENTIFYING.has(row.signal)) continue
    if (row.company !== undefined) return []
    sites.set(row.site, Math.max(sites.get(row.site) ?? 0, row.lastAt))
  }
  if (sites.size < LEARN_AFTER_SITES) return []
  const recent = [...sites.entries()].sort((a, b) => b[1] - a[1]).map(([site]) => site)
  return [
    {
      signal: 'thirdparty.learned',
      party,
      detail: {
        sites: recent.slice(0, MAX_SITES_SHOWN),
        siteCount: sites.size,
        rule: `identifiers seen on ${LEARN_AFTER_SITES} or more sites`,
      },
    },
  ]
}
