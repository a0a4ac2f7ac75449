import type { RecordMode } from '@/db/schema'
import type { Classification, Classifier } from '@/detect/classifier'
import { detectCnameDns } from '@/detect/cname-cloaked'
import { consentCookie, type ConsentCookie } from '@/detect/consent-cookies'
import { detectCookies, cookiesOf } from '@/detect/cookies'
import { hostOf } from '@/detect/host'
import { cookieIdentifier, detectIdSync, urlIdentifiers, type Sighting } from '@/detect/id-sync'
import { redactUrl } from '@/detect/redact'
import { learnThirdParty, type PartyRow } from '@/detect/thirdparty-learned'
import type { DetectedFinding } from '@/detect/types'
import type { RequestEvent } from '@/platform/web-request'
import type { Observed, TrafficHooks } from './network'
import type { Recorder } from './recorder'
import type { TabVisit } from './tab-state'

export interface TrafficDeps {
  classifier: Classifier
  recorder: Recorder
  mode(): RecordMode
  /** Firefox: the canonical name of a host; undefined where there is no DNS API (Chrome). */
  canonicalName?: (host: string) => Promise<string | undefined>
  /** Stored findings about one party, after the recorder's pending writes. */
  partyRows(party: string): Promise<PartyRow[]>
  /** Consent choices found in the site's own cookies (consent timeline). */
  consentCookies?(
    tabId: number,
    visit: TabVisit,
    at: number,
    onPageRequest: boolean,
    found: ConsentCookie[],
  ): void
  /** The page itself was requested with Sec-GPC: 1. `ours`: Tracelight's setting covers the site. */
  gpcSent?(tabId: number, visit: TabVisit): void
  gpcOurs?(site: string): boolean
}

/** Values remembered per tab for ID syncing; hashes only, and only for the current visit. */
const MAX_VALUES_PER_TAB = 1_000
const MAX_SIGHTINGS_PER_VALUE = 8
const MAX_TABS = 200
/** Hosts whose canonical name was asked for (per worker life): one lookup each. */
const MAX_HOSTS = 2_000
/** Checks made per visit × party, so a busy page does not read the database on every cookie. */
const MAX_CHECKS = 5_000

interface TabMemory {
  visitId: number
  values: Map<string, Sighting[]>
}

function bounded<K, V>(map: Map<K, V>, limit: number): void {
  if (map.size < limit) return
  const oldest = map.keys().next()
  if (oldest.done !== true) map.delete(oldest.value)
}

/**
 * Cookies, identifier values across parties, canonical names of first-party hosts and learned
 * third parties: what needs more than one request to tell. The detectors are pure; this keeps
 * their bounded memory and stores what they find.
 */
export function createTrafficObserver(
  deps: TrafficDeps,
): TrafficHooks & { forgetTab(tabId: number): void } {
  const tabs = new Map<number, TabMemory>()
  const names = new Map<string, Promise<string | undefined>>()
  const cnameDone = new Set<string>()
  const learnChecked = new Set<string>()

  function store(visit: TabVisit, event: RequestEvent, found: DetectedFinding[]): void {
    const mode = deps.mode()
    for (const f of found) {
      deps.recorder.add({
        visitId: visit.visitId,
        site: visit.site,
        at: Math.round(event.timeStamp),
        url: mode === 'evidence' ? event.url : redactUrl(event.url),
        mode,
        signal: f.signal,
        party: f.party,
        detail: f.detail,
        ...(f.company !== undefined && { company: f.company }),
      })
      const identifying = f.signal === 'cookie.identifier' || f.signal === 'id.sync'
      if (identifying && f.company === undefined && f.party !== visit.site)
        learn(visit, event, f.party)
    }
  }

  function memory(tabId: number, visitId: number): TabMemory {
    let m = tabs.get(tabId)
    if (m === undefined || m.visitId !== visitId) {
      tabs.delete(tabId)
      bounded(tabs, MAX_TABS)
      m = { visitId, values: new Map() }
      tabs.set(tabId, m)
    }
    return m
  }

  function sighted(tabId: number, visit: TabVisit, event: RequestEvent, s: Sighting): void {
    const m = memory(tabId, visit.visitId)
    const earlier = m.values.get(s.hash) ?? []
    if (earlier.some((e) => e.party === s.party)) return
    store(visit, event, detectIdSync(earlier, s, visit.site))
    if (earlier.length >= MAX_SIGHTINGS_PER_VALUE) return
    if (!m.values.has(s.hash)) bounded(m.values, MAX_VALUES_PER_TAB)
    m.values.set(s.hash, [...earlier, s])
  }

  function company(c: Classification): { company?: string } {
    const name = c.info.entity?.[1]
    return name !== undefined ? { company: name } : {}
  }

  /** Firefox: the first-party host's canonical name, once per host, found per visit. */
  function cname(visit: TabVisit, event: Observed, host: string): void {
    const resolve = deps.canonicalName
    // A proxy resolves names itself: asking the local resolver would leak the host name around
    // it and may not even give the answer the proxy used.
    if (resolve === undefined || event.proxied === true || event.type === 'main_frame') return
    const key = `${visit.visitId} ${host}`
    if (cnameDone.has(key)) return
    if (cnameDone.size >= MAX_HOSTS) cnameDone.clear()
    cnameDone.add(key)
    let pending = names.get(host)
    if (pending === undefined) {
      bounded(names, MAX_HOSTS)
      pending = resolve(host)
      names.set(host, pending)
    }
    void pending.then((canonicalName) => {
      if (canonicalName === undefined || canonicalName === host) return
      const c = deps.classifier.classify(`https://${canonicalName}/`, visit.site)
      const tracker =
        c?.tracker === true && c.info.entity !== undefined
          ? { company: c.info.entity[1], category: c.info.entity[2] }
          : undefined
      const input = { host, pageSite: visit.site, canonicalName }
      store(visit, event, detectCnameDns(tracker ? { ...input, canonicalTracker: tracker } : input))
    })
  }

  function learn(visit: TabVisit, event: RequestEvent, party: string): void {
    const key = `${visit.visitId} ${party}`
    if (learnChecked.has(key)) return
    if (learnChecked.size >= MAX_CHECKS) learnChecked.clear()
    learnChecked.add(key)
    void deps
      .partyRows(party)
      .then((rows) => store(visit, event, learnThirdParty(party, rows)))
      .catch(() => undefined) // the database is unreadable: nothing to learn from now
  }

  return {
    request(tabId, visit, event, c) {
      if (c.info.site === visit.site) return
      const evidence = deps.mode() === 'evidence'
      for (const id of urlIdentifiers(event.url, evidence))
        sighted(tabId, visit, event, { ...id, party: c.info.site, ...company(c) })
    },

    headers(tabId, visit, event, c) {
      const cookies = event.cookies
      if (cookies === undefined) return
      const host = hostOf(event.url)
      if (host === null) return
      const thirdParty = c.info.site !== visit.site
      if (!thirdParty && host !== visit.site) cname(visit, event, host)
      const page = event.type === 'main_frame'
      if (page && cookies.gpc === true) {
        store(visit, event, [
          {
            signal: 'gpc.sent',
            party: visit.site,
            detail: {
              header: 'Sec-GPC: 1',
              sentBy:
                deps.gpcOurs?.(visit.site) === true
                  ? 'Tracelight'
                  : 'your browser or another extension',
            },
          },
        ])
        deps.gpcSent?.(tabId, visit)
      }
      if (cookies.values.length === 0) return
      const evidence = deps.mode() === 'evidence'
      const input = {
        pageSite: visit.site,
        party: c.info.site,
        host,
        direction: cookies.direction,
        headers: cookies.values,
        now: event.timeStamp,
        evidence,
        ...company(c),
      }
      store(visit, event, detectCookies(input))
      if (!thirdParty) {
        const found: ConsentCookie[] = []
        for (const cookie of cookiesOf(input)) {
          const decoded = consentCookie(cookie)
          if (decoded !== null) found.push(decoded)
        }
        if (found.length > 0)
          deps.consentCookies?.(tabId, visit, Math.round(event.timeStamp), page, found)
        return
      }
      for (const cookie of cookiesOf(input).slice(0, 20)) {
        const id = cookieIdentifier(cookie.name, cookie.value, cookies.direction, evidence)
        if (id !== null) sighted(tabId, visit, event, { ...id, party: c.info.site, ...company(c) })
      }
    },

    forgetTab(tabId) {
      tabs.delete(tabId)
    },
  }
}
