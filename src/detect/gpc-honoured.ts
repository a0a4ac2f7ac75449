import { comparisonDetail, type GpcComparison } from './gpc-compare'
import { list } from './request-fields'
import type { SignalId } from './signals'
import type { DetailValue } from './types'

/**
 * `gpc.sent`: the Global Privacy Control signal as it actually left the browser — the
 * `Sec-GPC: 1` header seen on the page's own request, whoever added it (Tracelight's setting,
 * the browser's own, or another extension), so the record holds what the site received.
 * `gpc.ignored`: on a visit where the page was requested with GPC, the site still reported
 * (to the person or to the companies it calls) that they had not opted out of the sale or
 * sharing of their data, or said in its gpc.json that it honours GPC and still passed their
 * ID between companies, or kept up what it did on earlier visits without GPC — the same companies
 * getting the person's ID or ad data, the same "not opted out" string (gpc-compare.ts).
 * GPC specification §3 (the header), §4 (gpc.json); California CCPA
 * regulations §7025 (GPC is a valid request to opt out of sale and sharing); Colorado CPA rule
 * 5.04 and other state laws with universal opt-out mechanisms (LEGAL.md).
 * Fixtures: test/fixtures/sites/shop.test (honours: its USP flips to opted out under GPC),
 * news.test (ignores it).
 */
export const detector = {
  file: 'gpc-honoured',
  signals: ['gpc.sent', 'gpc.ignored'] as const satisfies readonly SignalId[],
  needs:
    "the page request's headers; the visit's consent findings, ID syncing and ad pixels, and the same site's earlier visits without GPC",
}

/** True when the headers carry `Sec-GPC: 1` (the only value the specification defines). */
export function sendsGpc(
  headers: readonly { name: string; value?: string }[] | undefined,
): boolean {
  if (headers === undefined) return false
  for (const h of headers.slice(0, 200)) {
    if (h.name.toLowerCase() === 'sec-gpc' && h.value?.trim() === '1') return true
  }
  return false
}

/** What the visit recorded, as read back from its findings. */
export interface VisitFinding {
  signal: SignalId
  party: string
  company?: string
  /** When it was first seen in the visit. */
  firstAt?: number
  /** The decoded details kept with the finding (first few distinct). */
  details: readonly Record<string, DetailValue>[]
}

/** Why a visit counts as ignoring GPC. Stored as these codes, with what they rest on beside
 * them (`usPrivacy`, `notOptedOut`, the comparison's fields); the dashboard, popup and report
 * put them in words, in the reader's language. Older rows hold English sentences instead. */
export type GpcIgnoredReason =
  | 'gpc-unchanged-without-gpc'
  | 'gpc-usp-not-opted-out'
  | 'gpc-gpp-not-opted-out'
  | 'gpc-onetrust-not-applied'
  | 'gpc-honours-but-shared'

/**
 * The `gpc.ignored` detail for a visit that sent GPC, or null when nothing the site did
 * contradicts it. `declaredHonours`: the site's gpc.json said `"gpc": true`. `compared`: the
 * visit set beside the site's earlier visits without GPC, when there were enough of them.
 */
export function gpcIgnored(
  site: string,
  rows: readonly VisitFinding[],
  declaredHonours: boolean,
  compared?: GpcComparison | null,
): Record<string, DetailValue> | null {
  const reasons: GpcIgnoredReason[] = []
  // What went on unchanged from the visits without GPC is the strongest reason: first.
  const unchanged = compared != null && compared.outcome === 'ignored'
  if (unchanged) reasons.push('gpc-unchanged-without-gpc')
  const told: string[] = []
  const notOptedOut = new Set<string>()
  let usPrivacy: string | undefined
  const who = (r: VisitFinding) => r.company ?? r.party
  const say = (reason: GpcIgnoredReason) => {
    if (!reasons.includes(reason)) reasons.push(reason)
  }
  for (const r of rows) {
    for (const d of r.details) {
      const toCompany = r.party !== site && d.source === undefined
      if (r.signal === 'consent.usp' && d.optedOut === false) {
        if (usPrivacy === undefined && typeof d.usPrivacy === 'string') usPrivacy = d.usPrivacy
        say('gpc-usp-not-opted-out')
        if (toCompany) told.push(who(r))
      }
      if (r.signal === 'consent.gpp' && Array.isArray(d.notOptedOut) && d.notOptedOut.length > 0) {
        for (const o of d.notOptedOut) notOptedOut.add(o)
        say('gpc-gpp-not-opted-out')
        if (toCompany) told.push(who(r))
      }
      if (
        r.signal === 'consent.cmp' &&
        d.cmp === 'OneTrust' &&
        d.gpcApplied !== true &&
        Array.isArray(d.allowed) &&
        d.allowed.includes('targeting (advertising)')
      )
        say('gpc-onetrust-not-applied')
    }
  }
  const syncing = declaredHonours
    ? rows.filter((r) => r.signal === 'id.sync' && r.party !== site).map(who)
    : []
  // The site's own words said "not opted out" (as against what it did: shared, kept sharing).
  const said = reasons.length > (unchanged ? 1 : 0)
  if (syncing.length > 0) say('gpc-honours-but-shared')
  if (reasons.length === 0) return null
  const detail: Record<string, DetailValue> = { reasons, declaredHonours }
  if (said) detail.saidNotOptedOut = true
  if (usPrivacy !== undefined) detail.usPrivacy = usPrivacy
  if (notOptedOut.size > 0) detail.notOptedOut = list([...notOptedOut])
  if (told.length > 0) detail.toldNotOptedOut = list([...new Set(told)].sort())
  if (syncing.length > 0) detail.stillShared = list([...new Set(syncing)].sort())
  if (unchanged && compared != null) Object.assign(detail, comparisonDetail(compared))
  return detail
}
