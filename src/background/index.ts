/**
 * Composition root of the background (Chrome service worker, Firefox event page).
 * Builds each service in order, passes dependencies in, and registers every listener
 * synchronously at top level, as MV3 requires. Event handling waits for `ready`, which
 * restores per-tab state after the worker was stopped.
 */
import { trackerData } from '@/data/trackers'
import { openDb, type RecordMode } from '@/db/schema'
import { readSetting } from '@/db/settings'
import { applyBatch } from '@/db/write'
import { createClassifier } from '@/detect/classifier'
import { REQUEST_DETECTORS } from '@/detect/registry'
import { pageUrl } from '@/detect/redact'
import { setBadgeCount } from '@/platform/action'
import { ensureAlarm, onAlarm } from '@/platform/alarms'
import { fetchPage } from '@/platform/fetch-page'
import { notify, onNotificationClicked } from '@/platform/notifications'
import { observeNavigation } from '@/platform/navigation'
import { onMessage } from '@/platform/runtime'
import { sessionGetAll, sessionRemove, sessionSet } from '@/platform/session'
import { getTab, openExtensionPage } from '@/platform/tabs'
import { observeRequests } from '@/platform/web-request'
import { createNetworkObserver } from './network'
import { createRecorder } from './recorder'
import { createRequestHandlers, lateNotice, refreshOverdue } from './requests'
import { createRouter } from './router'
import { createTabState, type TabRecord } from './tab-state'

const TAB_KEY = 'tab:'

const db = openDb()
const classifier = createClassifier(trackerData)
let mode: RecordMode = 'standard'
let storageError: string | null = null

const recorder = createRecorder({
  write: (batch) => applyBatch(db, batch),
  onError: (message) => {
    storageError = message
  },
})

let visitSeq = 0
const tabs = createTabState({
  persist(tabId, record) {
    const key = TAB_KEY + tabId
    const done = record === undefined ? sessionRemove([key]) : sessionSet({ [key]: record })
    done.catch(() => undefined) // session storage full or gone: the in-memory state still works
  },
  // Unique across worker restarts without a round trip to the database.
  newVisitId: () => Date.now() * 1000 + (visitSeq++ % 1000),
  visitStarted(tabId, visit, fullUrl) {
    recorder.addVisit({
      id: visit.visitId,
      site: visit.site,
      url: mode === 'evidence' ? fullUrl : pageUrl(fullUrl),
      tabId,
      startedAt: Math.round(visit.startedAt),
      mode,
    })
    void setBadgeCount(tabId, 0)
    network.visitStarted(tabId, visit)
  },
})

const network = createNetworkObserver({
  classifier,
  detectors: REQUEST_DETECTORS,
  tabs,
  recorder,
  mode: () => mode,
  badge: (tabId, count) => void setBadgeCount(tabId, count),
  unknownTab: (tabId) => {
    void getTab(tabId).then((tab) => {
      if (tab !== undefined) tabs.adopt(tabId, tab.url, Date.now())
    })
  },
})

const ready: Promise<void> = (async () => {
  try {
    const stored = await sessionGetAll()
    const entries: [number, TabRecord][] = []
    for (const [key, value] of Object.entries(stored)) {
      if (key.startsWith(TAB_KEY))
        entries.push([Number(key.slice(TAB_KEY.length)), value as TabRecord])
    }
    tabs.restore(entries)
  } catch {
    // No session storage: tabs are learnt again from their next request.
  }
  try {
    mode = (await readSetting(db, 'evidenceMode')) ? 'evidence' : 'standard'
  } catch (error) {
    storageError = error instanceof Error ? error.message : String(error)
  }
})()

/** Runs a listener's work after `ready`, in the order events arrived. */
function afterReady<A extends unknown[]>(fn: (...args: A) => void): (...args: A) => void {
  return (...args) => void ready.then(() => fn(...args))
}

observeRequests({
  beforeRequest: afterReady((event) => network.request(event)),
  beforeRedirect: afterReady((event, to) => tabs.redirected(event.tabId, event.requestId, to)),
  responseStarted: afterReady((event) => tabs.responded(event.tabId, event.requestId)),
  failed: afterReady((event) => tabs.failed(event.tabId, event.requestId)),
})

observeNavigation({
  committed: afterReady((tabId, url, at) => {
    if (tabs.commit(tabId, url, at) === undefined) void setBadgeCount(tabId, 0)
  }),
  tabRemoved: afterReady((tabId) => tabs.removed(tabId)),
  tabReplaced: afterReady((added, removed) => tabs.replaced(added, removed)),
})

onMessage(
  createRouter(
    {
      'tab.view': async ({ tabId }) => {
        await recorder.flush()
        const current = tabs.get(tabId)?.current
        const visit =
          current === undefined
            ? null
            : {
                visitId: current.visitId,
                site: current.site,
                url: current.url,
                startedAt: current.startedAt,
              }
        return { visit, storageError }
      },
      ...createRequestHandlers({ db, now: Date.now, fetchPage }),
    },
    ready,
  ),
)

// Request deadlines: checked a few times a day while the dashboard is closed; each request that
// just passed its due date unanswered gets one notification, which opens it.
const DEADLINES_ALARM = 'requests.deadlines'
const REQUEST_NOTE = 'request:'
onAlarm(
  DEADLINES_ALARM,
  afterReady(() => {
    void refreshOverdue(db, Date.now())
      .then((late) =>
        Promise.all(
          late.map((row) => {
            const { title, message } = lateNotice(row)
            return notify(`${REQUEST_NOTE}${row.id ?? ''}`, title, message)
          }),
        ),
      )
      .catch(() => undefined) // retried at the next alarm
  }),
)
onNotificationClicked((id) => {
  if (!id.startsWith(REQUEST_NOTE)) return
  const requestId = Number(id.slice(REQUEST_NOTE.length))
  if (Number.isSafeInteger(requestId) && requestId > 0)
    void openExtensionPage(`src/ui/dashboard/index.html#/requests/${requestId}`)
})
void ensureAlarm(DEADLINES_ALARM, 6 * 60).catch(() => undefined)
