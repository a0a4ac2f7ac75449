import type { ConsentRow, FindingRow, RecordMode } from '@/db/schema'
import { cmpOfBanner, cmpOfGlobal } from '@/detect/consent-cmp'
import { tcfAllowsAds, tcfDetail } from '@/detect/consent'
import { consentBefore, type ConsentTimeline } from '@/detect/consent-before'
import type { ConsentCookie } from '@/detect/consent-cookies'
import { compareWithoutGpc, comparisonDetail, type ComparedVisit } from '@/detect/gpc-compare'
import { gpcIgnored, type VisitFinding } from '@/detect/gpc-honoured'
import { decodeGpp, decodeTcf, decodeUsp } from '@/detect/consent-strings'
import { siteOfUrl } from '@/detect/host'
import type { ConsentEvent } from '@/detect/probe-events'
import type { DetailValue } from '@/detect/types'
import type { Sender } from '@/platform/runtime'
import type { Recorder } from './recorder'
import type { TabState, TabVisit } from './tab-state'

export interface ConsentTimelineDeps {
  tabs: TabState
  recorder: Recorder
  mode(): RecordMode
  /** The visit's stored findings, after everything buffered was written. */
  visitRows(visitId: number): Promise<FindingRow[]>
  now(): number
  /** Waits after the answer, so trackers that go on after a refusal are seen. */
  settleMs: number
  /** Banner shown and not answered: judged this long after it appeared, unless the visit ends.
   * Also how long a visit that sent GPC is watched before it is judged. */
  unansweredMs: number
  /** Whether the site's gpc.json said it honours GPC (stored gpc.support finding). */
  gpcDeclared(site: string): Promise<boolean>
  /** The site's latest earlier visits without GPC, started before `before` (bounded; see
   * db/gpc-read.ts), to compare a visit that sent GPC with. */
  earlierVisits?(site: string, visitId: number, before: number): Promise<ComparedVisit[]>
  /** Keeps one moment of the timeline (the `consent` table); failures are the caller's. */
  saveConsent?(row: ConsentRow): void
  /** The stored timeline of a visit: read back when the worker was stopped during it. */
  loadConsent?(visitId: number): Promise<ConsentRow[]>
}

/** Visits followed at once, and page-reported findings per visit (bounded memory). */
const MAX_VISITS = 200
const MAX_PAGE_FINDINGS = 12
/** Timeline rows kept per visit. */
const MAX_TIMELINE_ROWS = 24
/** A page's clock may lag ours by the probe's and bridge's batching, not more. */
const MAX_PAGE_LAG_MS = 10_000
/** Events the page dated this long before the visit started came from the previous page. */
const STALE_MS = 2000

interface VisitConsent extends ConsentTimeline {
  tabId: number
  visit: TabVisit
  /** GPP banner went from visible to hidden: the next GPP string is the answer. */
  gppHidden: boolean
  /** USP or GPP said the person opted out of sale, sharing or targeted ads. */
  optedOut: boolean
  /** TCF or GPP-TCF purposes of the answer allowed personalised ads. */
  answerAllows?: boolean
  /** `api text` already recorded as a finding. */
  recorded: Set<string>
  timer?: ReturnType<typeof setTimeout>
  judged: boolean
  /** The page was requested with Sec-GPC: 1; judged once for gpc.ignored. */
  gpc?: { timer?: ReturnType<typeof setTimeout>; judged: boolean }
  /** Consent cookies the page request already carried: a choice from an earlier visit. */
  startCookies: Set<string>
  /** Timeline rows saved for the visit. */
  saved: number
  /** Set while the stored timeline of a visit that began before this worker is read back. */
  restoring?: Promise<void>
}

/**
 * The consent timeline of each tab's visit, from the page's own CMP API (MAIN-world probe),
 * and the `consent.before` finding computed from it. Everything arrives from the page: events
 * count only for the sender's own tab and current visit, from its top frame (the site's own
 * CMP; a frame's CMP speaks for an embedded site), and the page's clock is clamped to ours.
 *
 * When it is judged, once per visit: `settleMs` after the answer (so ad calls that continue
 * after a refusal are in), or, when the banner is never answered, `unansweredMs` after it was
 * shown or when the visit ends, whichever comes first. An answer that comes after an
 * unanswered verdict is not judged again: recording twice would count the visit twice. State
 * is in memory: a worker stopped between banner and verdict forgets the visit.
 */
export function createConsentTimeline(deps: ConsentTimelineDeps) {
  const visits = new Map<string, VisitConsent>()
  /** Visits that began before this worker may have a timeline stored by an earlier one. */
  const bootAt = deps.now()

  function save(
    state: VisitConsent,
    row: Pick<ConsentRow, 'source' | 'framework' | 'event' | 'state'> & {
      at: number
      adsAllowed?: boolean | undefined
    },
  ): void {
    if (deps.saveConsent === undefined || state.saved >= MAX_TIMELINE_ROWS) return
    state.saved++
    const { adsAllowed, ...rest } = row
    deps.saveConsent({
      ...rest,
      at: Math.round(row.at),
      visitId: state.visit.visitId,
      site: state.visit.site,
      ...(adsAllowed !== undefined && { adsAllowed }),
    })
  }

  /** What a stopped worker knew of the visit, read back from the `consent` table. */
  function restore(state: VisitConsent, rows: readonly ConsentRow[]): void {
    state.saved = Math.max(state.saved, rows.length)
    for (const r of [...rows].sort((a, b) => a.at - b.at)) {
      if (r.event === 'shown') state.shownAt ??= r.at
      if (r.event === 'answered' && state.answeredAt === undefined) {
        state.answeredAt = r.at
        if (r.adsAllowed !== undefined) state.answerAllows = r.adsAllowed
      }
      if (r.event === 'stored' && r.adsAllowed !== undefined)
        state.stored = { adsAllowed: (state.stored?.adsAllowed ?? true) && r.adsAllowed }
      if (r.framework === 'gpc' && r.event === 'sent') armGpc(state)
    }
    // Judged before the worker stopped: its verdict is already kept.
    const gpc = state.gpc
    if (gpc !== undefined && rows.some((r) => r.framework === 'gpc' && r.event === 'compared')) {
      if (gpc.timer !== undefined) clearTimeout(gpc.timer)
      gpc.judged = true
    }
  }

  /** Runs `fn` once the visit's stored timeline is back (at once for visits of this worker). */
  function whenReady(state: VisitConsent, fn: () => void): void {
    if (state.restoring === undefined) fn()
    else void state.restoring.then(fn)
  }

  function stateOf(tabId: number, visit: TabVisit): VisitConsent {
    const key = `${tabId}:${visit.visitId}`
    let state = visits.get(key)
    if (state === undefined) {
      if (visits.size >= MAX_VISITS) {
        const [oldKey, old] = visits.entries().next().value as [string, VisitConsent]
        if (old.timer !== undefined) clearTimeout(old.timer)
        visits.delete(oldKey)
      }
      state = {
        tabId,
        visit,
        gppHidden: false,
        optedOut: false,
        recorded: new Set(),
        judged: false,
        startCookies: new Set(),
        saved: 0,
      }
      visits.set(key, state)
      const load = deps.loadConsent
      if (load !== undefined && visit.startedAt < bootAt) {
        const s = state
        s.restoring = load(visit.visitId)
          .then((rows) => restore(s, rows))
          .catch(() => undefined) // unreadable: go on with what arrives from now on
          .finally(() => {
            s.restoring = undefined
          })
      }
    }
    return state
  }

  /** Records the page's report once per string (a CMP repeats the same answer in several
   * events: hidden, then ready); true when it was new. */
  function recordPage(
    state: VisitConsent,
    e: ConsentEvent,
    detail: Record<string, DetailValue>,
  ): boolean {
    const detailFirst = e.api === 'consent.cmp' ? detail : { event: e.event, ...detail }
    return recordOnce(state, e.api, `${e.api} ${e.text}`, { source: 'page', ...detailFirst })
  }

  function recordOnce(
    state: VisitConsent,
    signal: ConsentEvent['api'] | ConsentCookie['signal'],
    key: string,
    detail: Record<string, DetailValue>,
  ): boolean {
    if (state.recorded.has(key) || state.recorded.size >= MAX_PAGE_FINDINGS) return false
    state.recorded.add(key)
    deps.recorder.add({
      visitId: state.visit.visitId,
      site: state.visit.site,
      signal,
      party: state.visit.site,
      at: deps.now(),
      detail,
      mode: deps.mode(),
    })
    return true
  }

  function schedule(state: VisitConsent, ms: number): void {
    if (state.judged) return
    if (state.timer !== undefined) clearTimeout(state.timer)
    state.timer = setTimeout(() => void judge(state).catch(() => undefined), ms)
  }

  async function judge(state: VisitConsent): Promise<void> {
    if (state.judged) return
    state.judged = true
    if (state.timer !== undefined) clearTimeout(state.timer)
    const timeline: ConsentTimeline = {
      ...(state.shownAt !== undefined && { shownAt: state.shownAt }),
      ...(state.answeredAt !== undefined && { answeredAt: state.answeredAt }),
      ...(state.stored !== undefined && { stored: state.stored }),
    }
    if (state.answeredAt !== undefined && (state.optedOut || state.answerAllows !== undefined))
      timeline.adsAllowed = !state.optedOut && state.answerAllows === true
    await deps.recorder.flush()
    const rows = await deps.visitRows(state.visit.visitId)
    const detail = consentBefore(
      state.visit.startedAt,
      timeline,
      rows.map((r) => ({
        signal: r.signal,
        party: r.party,
        ...(r.company !== undefined && { company: r.company }),
        ...(r.category !== undefined && { category: r.category }),
        firstAt: r.firstAt,
        lastAt: r.lastAt,
      })),
    )
    if (detail === null) return
    deps.recorder.add({
      visitId: state.visit.visitId,
      site: state.visit.site,
      signal: 'consent.before',
      party: state.visit.site,
      at: state.answeredAt ?? deps.now(),
      detail,
      mode: deps.mode(),
    })
    await deps.recorder.flush()
  }

  function armGpc(state: VisitConsent): void {
    if (state.gpc !== undefined) return
    const gpc: NonNullable<VisitConsent['gpc']> = { judged: false }
    state.gpc = gpc
    gpc.timer = setTimeout(() => void judgeGpc(state).catch(() => undefined), deps.unansweredMs)
  }

  /** The page was requested with GPC: is anything the site reports a sign it ignored it? */
  async function judgeGpc(state: VisitConsent): Promise<void> {
    const gpc = state.gpc
    if (gpc === undefined || gpc.judged) return
    gpc.judged = true
    if (gpc.timer !== undefined) clearTimeout(gpc.timer)
    await deps.recorder.flush()
    const { visitId, site, startedAt } = state.visit
    const [rows, declared, earlier] = await Promise.all([
      deps.visitRows(visitId),
      deps.gpcDeclared(site),
      // Unreadable history: judged on this visit alone.
      deps.earlierVisits?.(site, visitId, startedAt).catch(() => []) ?? [],
    ])
    const findings = rows.map((r): VisitFinding => ({
      signal: r.signal,
      party: r.party,
      ...(r.company !== undefined && { company: r.company }),
      firstAt: r.firstAt,
      details: r.evidence.details ?? [],
    }))
    const judgedAt = deps.now()
    const compared = compareWithoutGpc(
      site,
      {
        visitId,
        startedAt,
        findings,
        judgedAt,
        // The person's own yes to ads on the banner, now or kept from an earlier visit.
        acceptedAds:
          (state.answerAllows === true && !state.optedOut) || state.stored?.adsAllowed === true,
      },
      earlier,
    )
    const detail = gpcIgnored(site, findings, declared, compared)
    // The comparison's outcome joins the visit's timeline, said on the site page: ignored (what
    // went on unchanged) or honoured (what stopped), never a guess either way.
    const outcome =
      compared?.outcome === 'ignored' && detail !== null
        ? 'ignored'
        : compared?.outcome === 'honoured' && detail === null
          ? 'honoured'
          : null
    if (compared != null && outcome !== null)
      save(state, {
        source: 'wire',
        framework: 'gpc',
        event: 'compared',
        at: judgedAt,
        state: { outcome, ...comparisonDetail(compared) },
      })
    if (detail === null) return
    deps.recorder.add({
      visitId: state.visit.visitId,
      site: state.visit.site,
      signal: 'gpc.ignored',
      party: state.visit.site,
      at: deps.now(),
      detail,
      mode: deps.mode(),
    })
    await deps.recorder.flush()
  }

  function apply(state: VisitConsent, e: ConsentEvent, at: number): void {
    const shown = (framework: ConsentRow['framework']) => {
      if (state.shownAt !== undefined) return
      state.shownAt = at
      save(state, { source: 'page', framework, event: 'shown', at, state: {} })
    }
    if (e.api === 'consent.cmp' && e.event === 'banner') {
      // The banner of a platform without an IAB interface came on screen: that is when it
      // was shown (an interface's own event, when there is one, came first or comes later).
      const cmp = cmpOfBanner(e.text)
      if (cmp === undefined) return
      const detail = { cmp, banner: 'shown' }
      shown('cmp')
      if (recordPage(state, e, detail))
        save(state, { source: 'page', framework: 'cmp', event: 'platform', at, state: detail })
    } else if (e.api === 'consent.cmp') {
      const cmp = cmpOfGlobal(e.text)
      const detail = { cmp: cmp ?? '', pageObject: `window.${e.text}` }
      if (cmp !== undefined && recordPage(state, e, detail))
        save(state, { source: 'page', framework: 'cmp', event: 'platform', at, state: detail })
    } else if (e.api === 'consent.tcf') {
      const tcf = e.text === '' ? null : decodeTcf(e.text)
      const answer = e.event === 'useractioncomplete' && state.answeredAt === undefined
      if (e.event === 'cmpuishown') shown('tcf')
      if (answer) {
        state.answeredAt = at
        if (tcf !== null) state.answerAllows = tcfAllowsAds(tcf.purposes)
      }
      const detail = tcf === null ? {} : tcfDetail(tcf)
      const recorded = tcf !== null && e.event !== 'cmpuishown' && recordPage(state, e, detail)
      if (answer || recorded)
        save(state, {
          source: 'page',
          framework: 'tcf',
          event: answer ? 'answered' : 'loaded',
          at,
          state: detail,
          adsAllowed: tcf === null ? undefined : tcfAllowsAds(tcf.purposes),
        })
    } else if (e.api === 'consent.gpp') {
      const gpp = e.text === '' ? null : decodeGpp(e.text)
      if (e.event === 'cmpDisplayStatus:visible') shown('gpp')
      if (e.event === 'cmpDisplayStatus:hidden' && state.shownAt !== undefined) {
        state.gppHidden = true
        state.answeredAt ??= at
      }
      if (gpp !== null && state.gppHidden) {
        if (gpp.optedOut.length > 0) state.optedOut = true
        if (gpp.purposes !== undefined) state.answerAllows ??= tcfAllowsAds(gpp.purposes)
        const detail = {
          sections: gpp.sections,
          optedOut: gpp.optedOut,
          ...(gpp.notOptedOut.length > 0 && { notOptedOut: gpp.notOptedOut }),
        }
        if (recordPage(state, e, detail))
          save(state, {
            source: 'page',
            framework: 'gpp',
            event: 'answered',
            at,
            state: detail,
            adsAllowed:
              gpp.optedOut.length === 0 &&
              (gpp.purposes === undefined || tcfAllowsAds(gpp.purposes)),
          })
      }
    } else if (e.api === 'consent.usp') {
      const usp = decodeUsp(e.text)
      if (usp?.optedOut === true) state.optedOut = true
      if (usp !== null && usp.optedOut !== null) {
        const detail = { optedOut: usp.optedOut, usPrivacy: e.text.toUpperCase() }
        if (recordPage(state, e, detail))
          save(state, {
            source: 'page',
            framework: 'usp',
            event: 'loaded',
            at,
            state: detail,
            adsAllowed: !usp.optedOut,
          })
      }
    }
  }

  return {
    /**
     * Consent choices read from the site's own cookies (traffic observer). On the page request
     * they are the choice of an earlier visit; a new or changed one later in the visit is the
     * person's answer, at the latest by the time of the request that first carried it.
     */
    cookies(
      tabId: number,
      visit: TabVisit,
      at: number,
      onPageRequest: boolean,
      found: readonly ConsentCookie[],
    ): void {
      const state = stateOf(tabId, visit)
      whenReady(state, () => {
        for (const c of found) {
          const key = `cookie ${c.cookie} ${JSON.stringify(c.detail)}`
          const detail = { cookie: c.cookie, ...c.detail }
          const isNew = recordOnce(state, c.signal, key, { source: 'cookie', ...detail })
          const counts = !state.judged && c.answered && c.adsAllowed !== undefined
          let event = onPageRequest ? 'stored' : 'choice'
          if (counts && onPageRequest) {
            state.startCookies.add(key)
            state.stored = {
              adsAllowed: (state.stored?.adsAllowed ?? true) && c.adsAllowed === true,
            }
          } else if (counts && !state.startCookies.has(key) && state.answeredAt === undefined) {
            state.answeredAt = Math.max(visit.startedAt, at)
            state.answerAllows = c.adsAllowed === true
            if (c.optedOut === true) state.optedOut = true
            event = 'answered'
          }
          if (isNew || event === 'answered')
            save(state, {
              source: 'cookie',
              framework:
                c.signal === 'consent.tcf' ? 'tcf' : c.signal === 'consent.usp' ? 'usp' : 'cmp',
              event,
              at: Math.max(visit.startedAt, at),
              state: detail,
              adsAllowed: c.adsAllowed,
            })
        }
        if (state.judged) return
        if (state.answeredAt !== undefined) schedule(state, deps.settleMs)
        else if (state.stored !== undefined && state.timer === undefined)
          schedule(state, deps.unansweredMs)
      })
    },

    /** The page request carried Sec-GPC: 1; the visit is judged for gpc.ignored later. */
    gpcSent(tabId: number, visit: TabVisit): void {
      const state = stateOf(tabId, visit)
      whenReady(state, () => {
        if (state.gpc !== undefined) return
        armGpc(state)
        const detail = { header: 'Sec-GPC: 1' }
        save(state, {
          source: 'wire',
          framework: 'gpc',
          event: 'sent',
          at: deps.now(),
          state: detail,
        })
      })
    },

    /** Consent events from a content script; returns how many were taken. */
    events(sender: Sender, events: readonly ConsentEvent[]): number {
      const { tabId, frameId, url } = sender
      if (tabId === undefined || tabId < 0 || url === undefined || (frameId ?? 0) !== 0) return 0
      const visit = deps.tabs.get(tabId)?.current
      if (visit === undefined || siteOfUrl(url) !== visit.site) return 0
      const state = stateOf(tabId, visit)
      if (state.judged) return 0
      const now = deps.now()
      const timed: [ConsentEvent, number][] = []
      for (const e of events) {
        // Sent by the page the tab showed before this visit (events travel in batches, so a
        // same-site navigation can overtake them): not this visit's banner.
        if (e.pageAt < visit.startedAt - STALE_MS) continue
        // The page's own time of the event (ours is later by the batching), kept within this
        // visit and a few seconds of now: a page cannot move its banner to before it loaded.
        timed.push([e, Math.min(now, Math.max(e.pageAt, visit.startedAt, now - MAX_PAGE_LAG_MS))])
      }
      whenReady(state, () => {
        if (state.judged) return
        for (const [e, at] of timed) apply(state, e, at)
        if (state.answeredAt !== undefined) schedule(state, deps.settleMs)
        else if (state.shownAt !== undefined && state.timer === undefined)
          schedule(state, deps.unansweredMs)
      })
      return timed.length
    },

    /** The tab left the visit (new page or closed): judge a banner left unanswered now.
     * `current`: the visit the tab went on to, which is not over. */
    visitEnded(tabId: number, current?: number): Promise<void> {
      const pending: Promise<void>[] = []
      for (const [key, state] of visits) {
        if (state.tabId !== tabId || state.visit.visitId === current) continue
        visits.delete(key)
        if (state.gpc !== undefined) pending.push(judgeGpc(state).catch(() => undefined))
        if (
          state.shownAt !== undefined ||
          state.answeredAt !== undefined ||
          state.stored !== undefined
        )
          pending.push(judge(state).catch(() => undefined))
        else if (state.timer !== undefined) clearTimeout(state.timer)
      }
      return Promise.all(pending).then(() => undefined)
    },
  }
}

export type ConsentTimelineService = ReturnType<typeof createConsentTimeline>
