import type { RecordMode } from '@/db/schema'
import type { Classifier } from '@/detect/classifier'
import { siteOfUrl } from '@/detect/host'
import { redactUrl } from '@/detect/redact'
import { requestFinding } from '@/detect/trackers'
import type { RequestDetector } from '@/detect/types'
import type { RequestEvent } from '@/platform/web-request'
import type { Recorder } from './recorder'
import type { TabState, TabVisit } from './tab-state'
import type { Classification } from '@/detect/classifier'

/** A request, or its headers when `cookies` is set (Cookie sent or Set-Cookie received). */
export type Observed = RequestEvent & {
  cookies?: { direction: 'set' | 'sent'; values: string[]; gpc?: boolean }
}

/** What reads cookies, identifiers and host names across a visit (traffic.ts). */
export interface TrafficHooks {
  request(tabId: number, visit: TabVisit, event: RequestEvent, c: Classification): void
  headers(tabId: number, visit: TabVisit, event: Observed, c: Classification): void
}

export interface NetworkDeps {
  classifier: Classifier
  /** Detectors that read what a request carries (pixels, click ids…), run on every request. */
  detectors: readonly RequestDetector[]
  tabs: TabState
  recorder: Recorder
  mode(): RecordMode
  badge(tabId: number, companies: number): void
  /** A request came from a tab we know nothing about (open before install, or state lost). */
  unknownTab(tabId: number): void
  traffic?: TrafficHooks
}

/** A request that could not be given a visit yet; kept briefly until that visit starts. */
interface Held {
  tabId: number
  site: string | null
  event: Observed
}

const HOLD_MS = 30_000
const HOLD_MAX = 1_000

/**
 * Turns requests into observations of the visit they belong to. Requests that arrive before
 * their page's commit event, from prerendered pages, or from service workers without a tab are
 * held and given to the visit they belong to when it starts.
 */
export function createNetworkObserver(deps: NetworkDeps) {
  let held: Held[] = []

  function record(tabId: number, visit: TabVisit, event: Observed): void {
    const c = deps.classifier.classify(event.url, visit.site)
    if (c === null) return
    if (event.cookies !== undefined) {
      deps.traffic?.headers(tabId, visit, event, c)
      return
    }
    deps.traffic?.request(tabId, visit, event, c)
    const mode = deps.mode()
    const base = {
      visitId: visit.visitId,
      site: visit.site,
      at: Math.round(event.timeStamp),
      url: mode === 'evidence' ? event.url : redactUrl(event.url),
      mode,
    }
    const company = c.info.entity?.[1]
    const input = {
      url: event.url,
      method: event.method,
      type: event.type,
      pageSite: visit.site,
      party: c.info.site,
      ...(event.body !== undefined && { body: event.body }),
      ...(company !== undefined && { company }),
    }
    for (const detect of deps.detectors) {
      let found
      try {
        found = detect(input)
      } catch {
        continue // a detector bug must not stop the others, nor the worker
      }
      for (const f of found) {
        deps.recorder.add({
          ...base,
          signal: f.signal,
          party: f.party,
          detail: f.detail,
          ...(f.company !== undefined && { company: f.company }),
        })
      }
    }
    const finding = requestFinding(c)
    if (finding === null) return
    deps.recorder.add({ ...finding, ...base })
    if (finding.signal === 'tracker.request' && finding.company !== undefined) {
      if (deps.tabs.addCompany(tabId, visit.visitId, finding.company)) {
        deps.badge(tabId, visit.companies.length)
      }
    }
  }

  function hold(tabId: number, site: string | null, event: Observed): void {
    const cutoff = event.timeStamp - HOLD_MS
    held = held.filter((h) => h.event.timeStamp >= cutoff)
    if (held.length >= HOLD_MAX) held.shift()
    held.push({ tabId, site, event })
  }

  const observer = {
    request(event: RequestEvent): void {
      if (event.type === 'main_frame' && !event.prerender) {
        if (event.tabId < 0) return
        // What the navigation itself carries (click ids in the address) belongs to the visit
        // it starts: held until then, or given to the visit it already started.
        if (deps.tabs.beginNavigation(event.tabId, event.requestId, event.url, event.timeStamp)) {
          hold(event.tabId, siteOfUrl(event.url), event)
        } else {
          const current = deps.tabs.get(event.tabId)?.current
          if (current !== undefined) record(event.tabId, current, event)
        }
        return
      }
      route(event)
    },

    /** Cookies a request sends or its response sets (and whether it sent Sec-GPC: 1): given to
     * the visit the request is in. */
    headers(event: RequestEvent, direction: 'set' | 'sent', values: string[], gpc = false): void {
      const cookies = gpc ? { direction, values, gpc } : { direction, values }
      const observed: Observed = { ...event, cookies }
      if (event.type === 'main_frame' && !event.prerender) {
        if (event.tabId < 0) return
        const tab = deps.tabs.get(event.tabId)
        if (tab?.pending?.requestId === event.requestId) {
          hold(event.tabId, siteOfUrl(event.url), observed)
        } else if (tab?.current !== undefined && tab.current.site === siteOfUrl(event.url)) {
          record(event.tabId, tab.current, observed)
        }
        return
      }
      route(observed)
    },

    /** Gives a new visit the requests held for it. */
    visitStarted(tabId: number, visit: TabVisit): void {
      const mine = (h: Held) =>
        (h.tabId === tabId && (h.site === null || h.site === visit.site)) ||
        (h.tabId === -1 && h.site === visit.site)
      const take = held.filter(mine)
      if (take.length === 0) return
      held = held.filter((h) => !mine(h))
      for (const h of take) record(tabId, visit, h.event)
    },
  }

  /** A subresource (or prerendered) request or its headers, to its visit or held for it. */
  function route(event: Observed): void {
    const hint =
      event.topDocument !== undefined ? (siteOfUrl(event.topDocument) ?? undefined) : undefined
    if (event.prerender) {
      // The page is not shown yet; its requests count once the user goes to it.
      hold(event.tabId, event.type === 'main_frame' ? siteOfUrl(event.url) : (hint ?? null), event)
      return
    }
    if (event.tabId < 0) {
      const site = event.initiator !== undefined ? siteOfUrl(event.initiator) : null
      if (site === null) return // the browser's or an extension's own request
      const tabId = deps.tabs.tabsOnSite(site)[0]
      const visit = tabId === undefined ? undefined : deps.tabs.get(tabId)?.current
      if (tabId !== undefined && visit !== undefined) record(tabId, visit, event)
      else hold(-1, site, event)
      return
    }
    if (deps.tabs.get(event.tabId) === undefined) deps.unknownTab(event.tabId)
    const visit = deps.tabs.resolve(event.tabId, hint)
    if (visit !== undefined) record(event.tabId, visit, event)
    else hold(event.tabId, hint ?? null, event)
  }
  return observer
}
