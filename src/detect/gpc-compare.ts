import type { VisitFinding } from './gpc-honoured'
import { list } from './request-fields'
import type { DetailValue } from './types'

/**
 * The part of `gpc.ignored` (gpc-honoured.ts) that looks back: a visit that sent Global
 * Privacy Control, set beside the same site's earlier visits without it. If the same companies
 * still get the person's ID or the site's ad pixels, or the site still reports the same
 * "not opted out" string, GPC changed nothing: the site ignored it. If that behaviour stopped,
 * it is evidence the site honours the signal. GPC specification §3; California CCPA
 * regulations §7025 (a GPC signal is a request to opt out of sale and sharing).
 *
 * Only behaviour seen on most earlier visits counts ("steady"), so a company that turned up
 * once by chance neither accuses nor clears the site; and a behaviour's absence counts only when
 * the GPC visit was watched for longer than the behaviour took to appear before.
 */

/** Fewer earlier visits than this say too little about what the site usually does. */
export const MIN_EARLIER = 2
/** The most recent earlier visits compared (older ones add little and cost reads). */
export const MAX_EARLIER = 10
/** Earlier visits older than this are not compared: sites change their partners. */
export const EARLIER_WITHIN_MS = 90 * 24 * 60 * 60 * 1000
/** Time beyond a behaviour's usual moment before its absence counts. */
const MARGIN_MS = 1000

/** Ad pixels and ad audiences: data about the visit sent to an advertising company. */
const ADS = /^(?:pixel\.|analytics\.remarketing$)/

export interface ComparedVisit {
  visitId: number
  startedAt: number
  /** The visit's findings of the signals read here (id.sync, pixel.*, analytics.remarketing,
   * consent.usp, consent.gpp, gpc.sent); others are ignored. */
  findings: readonly VisitFinding[]
}

export interface GpcVisit extends ComparedVisit {
  /** When the visit was judged: how long it was watched. */
  judgedAt: number
  /** The person said yes to advertising on the banner (this visit, or kept from before): their
   * own choice may explain sharing that goes on, so it is not held against the site. */
  acceptedAds: boolean
}

type ChannelVerdict = 'quiet' | 'new' | 'continued' | 'stopped' | 'too short' | 'changed'

export interface GpcComparison {
  outcome: 'ignored' | 'honoured' | 'unclear'
  /** Earlier visits without GPC compared. */
  visits: number
  idSync: ChannelVerdict
  ads: ChannelVerdict
  /** Companies that got the person's ID (ad data) on most earlier visits and again with GPC. */
  sameIdSync: string[]
  sameAds: string[]
  /** Companies that did on most earlier visits, and not with GPC. */
  stoppedIdSync: string[]
  stoppedAds: string[]
  /** A US Privacy string saying "not opted out" before, and again with GPC. */
  sameUsPrivacy?: string
  /** GPP fields not opted out of before, and again with GPC. */
  sameGpp?: string[]
  /** The US Privacy string went from "not opted out" to "opted out" with GPC. */
  usPrivacyBefore?: string
  usPrivacyNow?: string
  /** GPP went from "not opted out" to these opt-outs with GPC. */
  gppOptedOutNow?: string[]
}

interface Behaviour {
  gpcSent: boolean
  /** Company → ms after the visit started when it was first seen. */
  idSync: Map<string, number>
  ads: Map<string, number>
  uspNotOut: Set<string>
  uspOut: Set<string>
  gppNotOut: Set<string>
  gppOut: Set<string>
}

/** Every stored detail of a pixel says the ad company was told to restrict its use (Meta's
 * Limited Data Use, Google's restricted data processing): that is how sites honour opt-outs
 * while the tag stays on the page. */
const restricted = (r: VisitFinding) =>
  r.details.length > 0 &&
  r.details.every((d) => d.limitedDataUse === true || d.restrictedProcessing === true)

function behaviourOf(site: string, visit: ComparedVisit): Behaviour {
  const b: Behaviour = {
    gpcSent: false,
    idSync: new Map(),
    ads: new Map(),
    uspNotOut: new Set(),
    uspOut: new Set(),
    gppNotOut: new Set(),
    gppOut: new Set(),
  }
  const note = (map: Map<string, number>, r: VisitFinding) => {
    const who = r.company ?? r.party
    const after = Math.max(0, (r.firstAt ?? visit.startedAt) - visit.startedAt)
    map.set(who, Math.min(map.get(who) ?? after, after))
  }
  for (const r of visit.findings) {
    if (r.signal === 'gpc.sent') b.gpcSent = true
    else if (r.signal === 'id.sync' && r.party !== site) note(b.idSync, r)
    else if (ADS.test(r.signal) && r.party !== site && !restricted(r)) note(b.ads, r)
    for (const d of r.details) {
      if (r.signal === 'consent.usp' && typeof d.usPrivacy === 'string') {
        const usp = d.usPrivacy.toUpperCase()
        if (d.optedOut === false) b.uspNotOut.add(usp)
        if (d.optedOut === true) b.uspOut.add(usp)
      }
      if (r.signal === 'consent.gpp') {
        if (Array.isArray(d.notOptedOut) && d.notOptedOut.length > 0)
          b.gppNotOut.add([...d.notOptedOut].sort().join(', '))
        if (Array.isArray(d.optedOut)) for (const o of d.optedOut) b.gppOut.add(o)
      }
    }
  }
  return b
}

/** Keys seen on more than half of the earlier visits, with the earliest moment each was seen. */
function steady(earlier: readonly Map<string, number>[]): Map<string, number> {
  const seen = new Map<string, { visits: number; after: number }>()
  for (const visit of earlier)
    for (const [key, after] of visit) {
      const s = seen.get(key)
      seen.set(key, { visits: (s?.visits ?? 0) + 1, after: Math.min(s?.after ?? after, after) })
    }
  const out = new Map<string, number>()
  for (const [key, s] of seen) if (s.visits * 2 > earlier.length) out.set(key, s.after)
  return out
}

const steadySet = (earlier: readonly Set<string>[]) =>
  new Set(steady(earlier.map((s) => new Map([...s].map((k) => [k, 0])))).keys())

function channel(
  usual: Map<string, number>,
  now: Map<string, number>,
  watchedMs: number,
): [ChannelVerdict, string[]] {
  if (usual.size === 0) return [now.size === 0 ? 'quiet' : 'new', []]
  const same = [...usual.keys()].filter((k) => now.has(k)).sort()
  if (same.length * 2 >= usual.size) return ['continued', same]
  if (now.size > 0) return ['changed', same]
  const took = Math.max(...usual.values())
  return [watchedMs >= took + MARGIN_MS ? 'stopped' : 'too short', []]
}

/**
 * The GPC visit against the site's earlier visits without GPC (the most recent MAX_EARLIER
 * within EARLIER_WITHIN_MS; visits that sent GPC, later visits and the visit itself are left
 * out). Null when there are fewer than MIN_EARLIER of them.
 */
export function compareWithoutGpc(
  site: string,
  now: GpcVisit,
  earlier: readonly ComparedVisit[],
): GpcComparison | null {
  const before = earlier
    .filter(
      (v) =>
        v.visitId !== now.visitId &&
        v.startedAt < now.startedAt &&
        v.startedAt >= now.startedAt - EARLIER_WITHIN_MS,
    )
    .map((v) => ({ v, b: behaviourOf(site, v) }))
    .filter(({ b }) => !b.gpcSent)
    .sort((x, y) => y.v.startedAt - x.v.startedAt)
    .slice(0, MAX_EARLIER)
    .map(({ b }) => b)
  if (before.length < MIN_EARLIER) return null
  const current = behaviourOf(site, now)
  const watched = now.judgedAt - now.startedAt
  const usualIds = steady(before.map((b) => b.idSync))
  const usualAds = steady(before.map((b) => b.ads))
  const [idSync, sameIdSync] = channel(usualIds, current.idSync, watched)
  const [ads, sameAds] = channel(usualAds, current.ads, watched)
  const usualUsp = [...steadySet(before.map((b) => b.uspNotOut))].sort()
  const usualGpp = [...steadySet(before.map((b) => b.gppNotOut))].sort()
  const sameUsPrivacy = usualUsp.find((s) => current.uspNotOut.has(s))
  const sameGpp = usualGpp.find((s) => current.gppNotOut.has(s))
  const uspFlipped = usualUsp.length > 0 && current.uspNotOut.size === 0 && current.uspOut.size > 0
  const gppFlipped = usualGpp.length > 0 && current.gppNotOut.size === 0 && current.gppOut.size > 0

  const keptSharing = !now.acceptedAds && (idSync === 'continued' || ads === 'continued')
  const ignored = keptSharing || sameUsPrivacy !== undefined || sameGpp !== undefined
  const unclear = (v: ChannelVerdict) => v !== 'quiet' && v !== 'stopped'
  const honoured =
    !ignored &&
    (idSync === 'stopped' || ads === 'stopped' || uspFlipped || gppFlipped) &&
    !unclear(idSync) &&
    !unclear(ads) &&
    current.uspNotOut.size === 0 &&
    current.gppNotOut.size === 0
  const c: GpcComparison = {
    outcome: ignored ? 'ignored' : honoured ? 'honoured' : 'unclear',
    visits: before.length,
    idSync,
    ads,
    sameIdSync: keptSharing && idSync === 'continued' ? sameIdSync : [],
    sameAds: keptSharing && ads === 'continued' ? sameAds : [],
    stoppedIdSync: idSync === 'stopped' ? [...usualIds.keys()].sort() : [],
    stoppedAds: ads === 'stopped' ? [...usualAds.keys()].sort() : [],
  }
  if (sameUsPrivacy !== undefined) c.sameUsPrivacy = sameUsPrivacy
  if (sameGpp !== undefined) c.sameGpp = sameGpp.split(', ')
  if (uspFlipped) {
    c.usPrivacyBefore = usualUsp[0] as string
    c.usPrivacyNow = [...current.uspOut].sort()[0] as string
  }
  if (gppFlipped) c.gppOptedOutNow = [...current.gppOut].sort()
  return c
}

/**
 * What the comparison found, as kept with the `gpc.ignored` finding and in the visit's consent
 * timeline (bounded lists); only the facts of its outcome.
 */
export function comparisonDetail(c: GpcComparison): Record<string, DetailValue> {
  const d: Record<string, DetailValue> = { comparedVisits: c.visits }
  const put = (key: string, value: string | string[] | undefined) => {
    if (typeof value === 'string') d[key] = value
    else if (value !== undefined && value.length > 0) d[key] = list(value)
  }
  if (c.outcome === 'ignored') {
    put('sameIdSync', c.sameIdSync)
    put('sameAds', c.sameAds)
    put('sameUsPrivacy', c.sameUsPrivacy)
    put('sameGppNotOptedOut', c.sameGpp)
  } else if (c.outcome === 'honoured') {
    put('stoppedIdSync', c.stoppedIdSync)
    put('stoppedAds', c.stoppedAds)
    put('usPrivacyBefore', c.usPrivacyBefore)
    put('usPrivacyNow', c.usPrivacyNow)
    put('gppOptedOutNow', c.gppOptedOutNow)
  }
  return d
}
