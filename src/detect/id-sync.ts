import { decodeLoose, looksLikeId, maskValue, valueHash } from './identifier-value'
import { text, type Detail } from './request-fields'
import type { SignalId } from './signals'
import type { DetectedFinding } from './types'

/**
 * `id.sync`: the same identifier value reaching two or more different third parties in one
 * visit — a cookie one ad host set, then handed to another in a redirect's address (cookie
 * syncing, Papadopoulos et al., "Cookie Synchronization: Everything You Always Wanted to Know
 * But Were Afraid to Ask", WWW 2019). The background keeps, per tab and visit, who was seen
 * holding which value (by hash, bounded) and asks this pure function about each new sighting.
 * Fixture: test/fixtures/sites/recipes.test (ib.adnxs.com sets uuid2, redirects to
 * cm.g.doubleclick.net with it).
 */
export const detector = {
  file: 'id-sync',
  signals: ['id.sync'] as const satisfies readonly SignalId[],
  needs: 'identifier values seen earlier in the visit: who held them and how',
}

/** One party seen with one value. */
export interface Sighting {
  /** Hash of the value (identifier-value.ts valueHash); the value itself is not kept. */
  hash: string
  party: string
  company?: string
  /** How the party got it: `cookie uuid2 set`, `cookie uuid2 sent`, `address parameter code`. */
  how: string
  /** The value as a finding may show it (masked in standard mode). */
  shown: string
}

const MAX_PARAMS = 100
const MAX_VALUES = 20

/** Identifier-looking values a request carries in its address (query and fragment). */
export function urlIdentifiers(
  url: string,
  evidence: boolean,
): Omit<Sighting, 'party' | 'company'>[] {
  let parsed: URL
  try {
    parsed = new URL(url)
  } catch {
    return []
  }
  const out: Omit<Sighting, 'party' | 'company'>[] = []
  let n = 0
  for (const [name, raw] of parsed.searchParams) {
    if (n++ >= MAX_PARAMS || out.length >= MAX_VALUES) break
    const value = decodeLoose(raw)
    if (!candidate(value)) continue
    out.push({
      hash: valueHash(value),
      how: `address parameter ${text(name)}`,
      shown: maskValue(value, evidence),
    })
  }
  return out
}

/** A cookie value as a sighting, when it can identify. */
export function cookieIdentifier(
  name: string,
  raw: string,
  direction: 'set' | 'sent',
  evidence: boolean,
): Omit<Sighting, 'party' | 'company'> | null {
  const value = decodeLoose(raw)
  if (!candidate(value)) return null
  return {
    hash: valueHash(value),
    how: `cookie ${text(name)} ${direction}`,
    shown: maskValue(value, evidence),
  }
}

/** Account and container ids (G-…, UA-…, AW-…, GTM-…) are the site's, shared with every
 * visitor: the same value at two Google hosts is configuration, not syncing. */
function candidate(value: string): boolean {
  if (/^(?:G|UA|AW|GTM|DC|GT|MC)-[A-Z0-9-]+$/i.test(value)) return false
  return looksLikeId(value)
}

/**
 * A finding when `next` is a third party getting a value that other third parties (not the
 * page's site, nor the same company) already held in this visit. `earlier` are the sightings of
 * the same hash, oldest first.
 */
export function detectIdSync(
  earlier: readonly Sighting[],
  next: Sighting,
  pageSite: string,
): DetectedFinding[] {
  if (next.party === pageSite) return []
  const sameSide = (s: Sighting) =>
    s.party === next.party ||
    s.party === pageSite ||
    (s.company !== undefined && s.company === next.company)
  const from = earlier.filter((s) => s.hash === next.hash && !sameSide(s))
  if (from.length === 0) return []
  const parties = [...new Set(from.map((s) => s.party))].slice(0, 10)
  const first = from[0]
  const detail: Detail = {
    from: parties,
    to: next.party,
    howTheyHadIt: first === undefined ? '' : first.how,
    howItArrived: next.how,
    value: next.shown,
  }
  const company = next.company !== undefined ? { company: next.company } : {}
  return [{ signal: 'id.sync', party: next.party, ...company, detail }]
}
