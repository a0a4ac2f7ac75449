import { siteOfUrl } from '@/detect/host'

/** The committed page in a tab: one visit. */
export interface TabVisit {
  visitId: number
  site: string
  url: string
  startedAt: number
  /** Tracking companies seen in this visit, for the badge. */
  companies: string[]
  /** Started before its commit event was seen: from the pending navigation (its requests came
   * first) or adopted from the tab's URL. The commit of the same page confirms it. */
  early?: boolean
}

/** A top-level navigation requested but not yet committed. */
export interface PendingNavigation {
  requestId: string
  url: string
  site: string | null
  startedAt: number
  /** The server answered; requests from the new document may now arrive before the commit event. */
  responded: boolean
}

export interface TabRecord {
  current?: TabVisit
  pending?: PendingNavigation
}

export interface TabStateDeps {
  persist(tabId: number, record: TabRecord | undefined): void
  newVisitId(): number
  /** Called once per new visit, after it is the tab's current one. */
  visitStarted(tabId: number, visit: TabVisit, fullUrl: string): void
}

/**
 * Which visit each tab is on. Kept in memory and mirrored to session storage (via `persist`)
 * because the service worker can be stopped at any moment.
 */
export function createTabState(deps: TabStateDeps) {
  const tabs = new Map<number, TabRecord>()

  function save(tabId: number): void {
    deps.persist(tabId, tabs.get(tabId))
  }

  function start(
    tabId: number,
    url: string,
    site: string,
    startedAt: number,
    early: boolean,
  ): TabVisit {
    const visit: TabVisit = { visitId: deps.newVisitId(), site, url, startedAt, companies: [] }
    if (early) visit.early = true
    const record = tabs.get(tabId) ?? {}
    record.current = visit
    delete record.pending
    tabs.set(tabId, record)
    save(tabId)
    deps.visitStarted(tabId, visit, url)
    return visit
  }

  return {
    restore(entries: Iterable<[number, TabRecord]>): void {
      for (const [tabId, record] of entries) if (!tabs.has(tabId)) tabs.set(tabId, record)
    },

    get(tabId: number): TabRecord | undefined {
      return tabs.get(tabId)
    },

    /**
     * A top-level navigation request. Returns false when it began before the tab's current
     * visit: the browser delivers webRequest and webNavigation events separately, so the commit
     * of a page (or its adoption from the tab's URL) can reach us before the request that
     * loaded it (seen in Firefox 140). Such a request is that page's own, or an older
     * navigation it replaced; either way it must not start a visit after the current one.
     */
    beginNavigation(tabId: number, requestId: string, url: string, at: number): boolean {
      const record = tabs.get(tabId) ?? {}
      const { current } = record
      if (current !== undefined && at <= current.startedAt) return false
      record.pending = { requestId, url, site: siteOfUrl(url), startedAt: at, responded: false }
      tabs.set(tabId, record)
      save(tabId)
      return true
    },

    redirected(tabId: number, requestId: string, url: string): void {
      const pending = tabs.get(tabId)?.pending
      if (pending?.requestId !== requestId) return
      pending.url = url
      pending.site = siteOfUrl(url)
      save(tabId)
    },

    responded(tabId: number, requestId: string): void {
      const pending = tabs.get(tabId)?.pending
      if (pending?.requestId !== requestId || pending.responded) return
      pending.responded = true
      save(tabId)
    },

    failed(tabId: number, requestId: string): void {
      const record = tabs.get(tabId)
      if (record?.pending?.requestId !== requestId) return
      delete record.pending
      save(tabId)
    },

    /** The top-level document committed. Returns the visit, or undefined for pages without a
     * network site (extension pages, about:, file:, data:). */
    commit(tabId: number, url: string, at: number): TabVisit | undefined {
      const site = siteOfUrl(url)
      const record = tabs.get(tabId) ?? {}
      const { current, pending } = record
      if (site === null) {
        tabs.set(tabId, {})
        save(tabId)
        return undefined
      }
      const newerNavigation =
        current !== undefined && pending !== undefined && pending.startedAt > current.startedAt
      if (
        current?.early &&
        current.site === site &&
        withoutFragment(current.url) === withoutFragment(url) &&
        !newerNavigation
      ) {
        // Its requests already started this visit; the commit only confirms it.
        delete current.early
        current.url = url
        delete record.pending
        save(tabId)
        return current
      }
      return start(tabId, url, site, pending?.site === site ? pending.startedAt : at, false)
    },

    /** A tab we have no state for (open before install, or state lost): provisionally start a
     * visit from its current URL, unless a navigation has begun since we asked. */
    adopt(tabId: number, url: string, at: number): void {
      const record = tabs.get(tabId)
      if (record?.current !== undefined || record?.pending !== undefined) return
      const site = siteOfUrl(url)
      if (site !== null) start(tabId, url, site, at, true)
    },

    /**
     * The visit a subresource request belongs to. `hintSite` is the site of the document that
     * made the request when the browser tells us (Firefox's frameAncestors/documentUrl,
     * Chrome's initiator for top-frame requests). Undefined when no visit can be chosen yet.
     */
    resolve(tabId: number, hintSite: string | undefined): TabVisit | undefined {
      const record = tabs.get(tabId)
      if (record === undefined) return undefined
      const { current, pending } = record
      if (pending?.site) {
        const fromNewPage =
          hintSite !== undefined
            ? hintSite === pending.site && (hintSite !== current?.site || pending.responded)
            : pending.responded
        if (fromNewPage) return start(tabId, pending.url, pending.site, pending.startedAt, true)
      }
      if (current === undefined) return undefined
      if (hintSite !== undefined && hintSite !== current.site) return undefined
      return current
    },

    /** A tracking company seen in the tab's visit; true when it is new to that visit. */
    addCompany(tabId: number, visitId: number, company: string): boolean {
      const current = tabs.get(tabId)?.current
      if (current?.visitId !== visitId || current.companies.includes(company)) return false
      current.companies.push(company)
      save(tabId)
      return true
    },

    /** Tabs currently showing a site, most recent visit first (for requests without a tab). */
    tabsOnSite(site: string): number[] {
      return [...tabs.entries()]
        .filter(([, r]) => r.current?.site === site)
        .sort(([, a], [, b]) => (b.current?.startedAt ?? 0) - (a.current?.startedAt ?? 0))
        .map(([tabId]) => tabId)
    },

    removed(tabId: number): void {
      tabs.delete(tabId)
      save(tabId)
    },

    replaced(addedTabId: number, removedTabId: number): void {
      const record = tabs.get(removedTabId)
      tabs.delete(removedTabId)
      save(removedTabId)
      if (record !== undefined) {
        tabs.set(addedTabId, record)
        save(addedTabId)
      }
    },
  }
}

export type TabState = ReturnType<typeof createTabState>

function withoutFragment(url: string): string {
  const hash = url.indexOf('#')
  return hash < 0 ? url : url.slice(0, hash)
}
