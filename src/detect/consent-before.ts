import { list } from './request-fields'
import type { SignalId } from './signals'
import type { DetailValue } from './types'

/**
 * `consent.before`: tracking that started before the person answered the site's consent
 * banner, or that went on after they refused. Needs a consent-management platform on the page
 * (its banner or its consent API), because without one there is no moment to compare with.
 * Pure over what the background stored for the visit: each tracking finding's first and last
 * time, and the consent timeline (banner shown, answer given, what the answer allowed).
 * Tag managers and consent tools are not counted: sites load them to show the banner itself.
 * Basis: GDPR art. 6(1)(a) and 7, ePrivacy Directive art. 5(3) (consent before storing or
 * reading on the device); CJEU C-673/17 Planet49 (consent must come first and be active).
 * Fixtures: unit tables below; the page-side consent timeline comes from the CMP fixtures.
 */
export const detector = {
  file: 'consent-before',
  signals: ['consent.before'] as const satisfies readonly SignalId[],
  needs: "the visit's tracking findings (first and last time) and its consent timeline",
}

export interface ConsentTimeline {
  /** When the banner was shown (CMP event), if seen. */
  shownAt?: number
  /** When the person answered it, if they did during this visit. */
  answeredAt?: number
  /** What the answer allowed: false when it refused personalised ads or opted out of sale. */
  adsAllowed?: boolean
  /** A choice made on an earlier visit, which the site kept in its consent cookie and so knew
   * from the moment the page loaded. */
  stored?: { adsAllowed: boolean }
}

export interface TrackingRow {
  signal: SignalId
  party: string
  company?: string
  category?: string
  firstAt: number
  lastAt: number
}

/** Categories that need consent under the ePrivacy rule; tag managers and CMPs do not count. */
const CONSENTED_CATEGORIES = new Set(['ad', 'analytics', 'social', 'marketing'])
/** Signals that are tracking whatever the company's category. */
const ALWAYS_TRACKING =
  /^(?:pixel\.|fingerprint\.|cookie\.identifier$|storage\.identifier$|session\.recording$|analytics\.remarketing$|id\.sync$|input\.exfiltration$)/
/** After a refusal of ads, what still counts against it. */
const ADVERTISING = /^(?:pixel\.|analytics\.remarketing$|id\.sync$)/

function isTracking(row: TrackingRow): boolean {
  if (ALWAYS_TRACKING.test(row.signal)) return true
  return row.signal === 'tracker.request' && CONSENTED_CATEGORIES.has(row.category ?? '')
}

const who = (row: TrackingRow) => row.company ?? row.party

export function consentBefore(
  visitStartedAt: number,
  consent: ConsentTimeline,
  rows: readonly TrackingRow[],
): Record<string, DetailValue> | null {
  const { shownAt, answeredAt, adsAllowed, stored } = consent
  if (shownAt === undefined && answeredAt === undefined && stored === undefined) return null
  const cutoff = answeredAt ?? Number.POSITIVE_INFINITY
  // With a stored choice the site knew the answer from the start: nothing came "before" it.
  const before = stored === undefined ? rows.filter((r) => isTracking(r) && r.firstAt < cutoff) : []
  // While a refusal stood: from an earlier visit's refusal until a new answer that allows ads,
  // and from a refusal given during this visit on.
  const windows: [number, number][] = []
  if (stored?.adsAllowed === false)
    windows.push([visitStartedAt, adsAllowed === true ? cutoff : Number.POSITIVE_INFINITY])
  if (answeredAt !== undefined && adsAllowed === false)
    windows.push([answeredAt, Number.POSITIVE_INFINITY])
  const afterRefusal = rows.filter(
    (r) =>
      (ADVERTISING.test(r.signal) || (r.signal === 'tracker.request' && r.category === 'ad')) &&
      windows.some(([from, to]) => r.lastAt > from && r.firstAt < to),
  )
  if (before.length === 0 && afterRefusal.length === 0) return null
  const since = (at: number) => Math.max(0, Math.round(at - visitStartedAt))
  const detail: Record<string, DetailValue> = {
    companies: list(before.map(who).sort()),
    signals: list(before.map((r) => r.signal).sort()),
    answered: answeredAt !== undefined,
  }
  if (before.length > 0) detail.firstAfterMs = since(Math.min(...before.map((r) => r.firstAt)))
  if (shownAt !== undefined) detail.bannerAfterMs = since(shownAt)
  if (answeredAt !== undefined) detail.answeredAfterMs = since(answeredAt)
  if (afterRefusal.length > 0) detail.afterRefusal = list(afterRefusal.map(who).sort())
  if (stored?.adsAllowed === false) detail.refusedEarlier = true
  return detail
}
