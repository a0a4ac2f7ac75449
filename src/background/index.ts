/**
 * Composition root of the background (Chrome service worker, Firefox event page).
 * Builds each service in order, passes dependencies in, and registers every listener
 * synchronously at top level, as MV3 requires. Event handling waits for `ready`, which
 * restores per-tab state after the worker was stopped.
 */
import { trackerData } from '@/data/trackers'
import { openDb, type RecordMode } from '@/db/schema'
import { lastFindingAt, newestSiteFinding, visitFindings } from '@/db/read'
import { earlierVisitsWithoutGpc } from '@/db/gpc-read'
import { applyRetention } from '@/db/manage'
import { readSetting, writeSetting } from '@/db/settings'
import { applyBatch } from '@/db/write'
import { createClassifier } from '@/detect/classifier'
import { REQUEST_DETECTORS } from '@/detect/registry'
import { importEvidence } from '@/evidence/import'
import { pageUrl } from '@/detect/redact'
import { setBadgeCount } from '@/platform/action'
import { applyGpc, fetchSmallText } from '@/platform/gpc'
import { alarmAt, ensureAlarm, onAlarm } from '@/platform/alarms'
import { fetchPage } from '@/platform/fetch-page'
import { notify, onNotificationClicked } from '@/platform/notifications'
import { observeNavigation } from '@/platform/navigation'
import { onMessage } from '@/platform/runtime'
import { sessionGetAll, sessionRemove, sessionSet } from '@/platform/session'
import { getTab, openExtensionPage } from '@/platform/tabs'
import { observeRequests } from '@/platform/web-request'
import { createGpc } from './gpc'
import { canonicalName, canResolveDns } from '@/platform/dns'
import { partyFindings } from '@/db/read'
import { createTrafficObserver } from './traffic'
import { sha256 } from '@/content/hash'
import { SCRIPT_DETECTORS } from '@/detect/registry'
import { CONSENT_APIS, parseConsentEvent, type ConsentApi } from '@/detect/probe-events'
import { createConsentTimeline } from './consent-timeline'
import { createInputWatch } from './input-watch'
import { createNetworkObserver } from './network'
import { createProbeIntake } from './probes'
import { createRecorder } from './recorder'
import { createRequestHandlers, lateNotice, noticeWords, refreshOverdue } from './requests'
import { createRouter } from './router'
import { createDeletions } from './deletions'
import { gateBatch, nextExcluded } from './record-gate'
import { siteOfHost } from '@/detect/host'
import { createTabState, type TabRecord } from './tab-state'
import { createOverviewDays } from './overview-days'
import { refreshRanks } from '@/db/overview-rows'

const TAB_KEY = 'tab:'

const db = openDb()
const classifier = createClassifier(trackerData)
let mode: RecordMode = 'standard'
let paused = false
let excluded: ReadonlySet<string> = new Set()
let storageError: string | null = null
const RETENTION_ALARM = 'retention'

const recorder = createRecorder({
  // The one recording gate: paused, nothing is stored; excluded sites' rows are dropped.
  write: (batch) => {
    const kept = gateBatch(batch, { paused, excluded })
    if (kept === null) return Promise.resolve()
    // Written on a new day: the overview's ranking rows catch up (not awaited).
    return applyBatch(db, kept).then(() => void overviewDays.check())
  },
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
    // The tab's previous visit is over: a banner it left unanswered is judged now.
    void consent.visitEnded(tabId, visit.visitId)
    network.visitStarted(tabId, visit)
    gpc.visitStarted(visit)
  },
})

const traffic = createTrafficObserver({
  classifier,
  recorder,
  mode: () => mode,
  ...(canResolveDns() && { canonicalName }),
  partyRows: async (party) => {
    await recorder.flush()
    return partyFindings(db, party)
  },
  consentCookies: (tabId, visit, at, onPageRequest, found) =>
    consent.cookies(tabId, visit, at, onPageRequest, found),
  gpcSent: (tabId, visit) => consent.gpcSent(tabId, visit),
  gpcOurs: (site) => {
    const state = gpc.state()
    return state.enabled && !state.exceptions.includes(site)
  },
})

const network = createNetworkObserver({
  traffic,
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

const gpc = createGpc({
  load: async () => ({
    enabled: await readSetting(db, 'gpcEnabled'),
    exceptions: await readSetting(db, 'gpcExceptions'),
  }),
  save: async ({ enabled, exceptions }) => {
    await writeSetting(db, 'gpcEnabled', enabled)
    await writeSetting(db, 'gpcExceptions', exceptions)
  },
  apply: ({ enabled, exceptions }) => applyGpc(enabled, exceptions),
  lastChecked: (site) => lastFindingAt(db, site, 'gpc.support'),
  fetchText: fetchSmallText,
  record: (observation) => recorder.add(observation),
  mode: () => mode,
  now: () => Date.now(),
})

// What scripts do inside pages (MAIN-world probes via the bridge), and typed-value matching.
const probes = createProbeIntake({
  classifier,
  detectors: SCRIPT_DETECTORS,
  tabs,
  recorder,
  mode: () => mode,
})
// The page's consent API (cookie banner shown, answered) and `consent.before`.
const consent = createConsentTimeline({
  tabs,
  recorder,
  mode: () => mode,
  visitRows: (visitId) => visitFindings(db, visitId),
  // Best effort, like the recorder: a full or broken database must not stop detection.
  saveConsent: (row) => {
    if (!paused) void db.consent.add(row).catch(() => undefined)
  },
  loadConsent: (visitId) => db.consent.where('visitId').equals(visitId).toArray(),
  gpcDeclared: async (site) => {
    const newest = await newestSiteFinding(db, site, 'gpc.support')
    return newest?.evidence.details?.some((d) => d.honours === true) ?? false
  },
  earlierVisits: (site, visitId, before) => earlierVisitsWithoutGpc(db, site, visitId, before),
  now: () => Date.now(),
  settleMs: 3000,
  // Before a Chrome worker with nothing to do is stopped (30 s idle), and long enough for
  // most people to answer a banner they mean to answer.
  unansweredMs: 20_000,
})
const inputWatch = createInputWatch({
  classifier,
  tabs,
  recorder,
  mode: () => mode,
  sha256,
  postersOf: (tabId, visitId, url) => probes.postersOf(tabId, visitId, url),
  settleMs: 1000,
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
    paused = await readSetting(db, 'recordingPaused')
    excluded = new Set(await readSetting(db, 'excludedSites'))
  } catch (error) {
    storageError = error instanceof Error ? error.message : String(error)
  }
  // GPC stays off if its setting cannot be read or applied; the popup shows the stored state.
  await gpc.start().catch(() => undefined)
})()

/** Runs a listener's work after `ready`, in the order events arrived. */
function afterReady<A extends unknown[]>(fn: (...args: A) => void): (...args: A) => void {
  return (...args) => void ready.then(() => fn(...args))
}

observeRequests({
  beforeRequest: afterReady((event) => {
    network.request(event)
    inputWatch.request(event).catch(() => undefined)
  }),
  beforeRedirect: afterReady((event, to) => tabs.redirected(event.tabId, event.requestId, to)),
  responseStarted: afterReady((event) => tabs.responded(event.tabId, event.requestId)),
  failed: afterReady((event) => tabs.failed(event.tabId, event.requestId)),
  sendHeaders: afterReady((event, cookies, gpc) => {
    // Without cookies a request matters here only for Firefox's canonical-name check, and a
    // page request for the GPC signal it carried.
    const gpcPage = gpc && event.type === 'main_frame'
    if (cookies.length > 0 || gpcPage || canResolveDns())
      network.headers(event, 'sent', cookies, gpcPage)
  }),
  setCookies: afterReady((event, values) => network.headers(event, 'set', values)),
})

observeNavigation({
  committed: afterReady((tabId, url, at) => {
    if (tabs.commit(tabId, url, at) === undefined) void setBadgeCount(tabId, 0)
  }),
  tabRemoved: afterReady((tabId) => {
    tabs.removed(tabId)
    traffic.forgetTab(tabId)
    void consent.visitEnded(tabId)
  }),
  tabReplaced: afterReady((added, removed) => tabs.replaced(added, removed)),
})

// Deletions the person asked for stay undoable for a few seconds; a timer (or, if the worker
// was stopped, this alarm and the next start) makes them final.
const DELETIONS_ALARM = 'deletions'
let retentionDue = false
const deletions = createDeletions({
  db,
  now: () => Date.now(),
  flush: () => recorder.flush(),
  setTimer: (run, ms) => setTimeout(run, ms),
  clearTimer: (handle) => clearTimeout(handle as ReturnType<typeof setTimeout>),
  wakeAt: (when) => alarmAt(DELETIONS_ALARM, when),
  settled: () => {
    if (retentionDue) void enforceRetention().catch(() => undefined)
  },
})
void ready.then(() => deletions.start()).catch(() => undefined)
onAlarm(
  DELETIONS_ALARM,
  afterReady(() => void deletions.settle().catch(() => undefined)),
)

/** The daily retention waits while a deletion can still be undone (both adjust the same
 * summaries); a retention the person just shortened makes that deletion final first. */
async function enforceRetention(chosenNow = false): Promise<void> {
  if (chosenNow) await deletions.finalize()
  else if (await deletions.busy()) {
    retentionDue = true
    return
  }
  retentionDue = false
  await recorder.flush()
  await applyRetention(db, await readSetting(db, 'retentionDays'), Date.now())
}

onAlarm(
  RETENTION_ALARM,
  afterReady(() => void enforceRetention().catch(() => undefined)),
)
void ensureAlarm(RETENTION_ALARM, 24 * 60).catch(() => undefined)

// The overview's periods end today: its ranking rows catch up with each new day, at start,
// just after midnight and on the first write of a day (DESIGN.md §9).
const OVERVIEW_ALARM = 'overview.day'
const overviewDays = createOverviewDays({
  refresh: (now) => refreshRanks(db, now),
  now: () => Date.now(),
  wakeAt: (when) => alarmAt(OVERVIEW_ALARM, when),
})
void ready.then(() => overviewDays.check()).catch(() => undefined)
onAlarm(
  OVERVIEW_ALARM,
  afterReady(() => void overviewDays.check()),
)

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
        const recording =
          visit !== null && excluded.has(visit.site) ? 'excluded' : paused ? 'paused' : 'on'
        return { visit, storageError, recording }
      },
      'gpc.get': () => Promise.resolve(gpc.state()),
      'gpc.set': ({ enabled, site, excepted }) =>
        gpc.set({
          ...(enabled !== undefined && { enabled }),
          ...(site !== undefined && { site }),
          ...(excepted !== undefined && { excepted }),
        }),
      'evidence.import': ({ text }) => importEvidence(db, text),
      // Content scripts only: an extension page has no probes and no page to speak for.
      'probe.events': async ({ events }, sender) => {
        if (sender.extensionPage) return { accepted: 0 }
        const isConsent = (api: string) => (CONSENT_APIS as readonly string[]).includes(api)
        const consentEvents = events.flatMap((e) => {
          const parsed = isConsent(e.api) ? parseConsentEvent(e.api as ConsentApi, e.detail) : null
          return parsed === null ? [] : [parsed]
        })
        const scriptEvents = events.filter((e) => !isConsent(e.api))
        return {
          accepted:
            (consentEvents.length > 0 ? consent.events(sender, consentEvents) : 0) +
            (scriptEvents.length > 0 ? probes.events(sender, scriptEvents) : 0),
        }
      },
      'probe.input': async ({ needles, submitted }, sender) => {
        if (sender.extensionPage || sender.tabId === undefined || sender.tabId < 0)
          return { accepted: 0 }
        inputWatch.typed(sender.tabId, needles, submitted)
        return { accepted: needles.length }
      },
      'data.preview': ({ scope }) => deletions.preview(scope),
      'data.delete': async ({ scope }) => ({
        pending: await deletions.delete(scope),
        now: Date.now(),
      }),
      'data.undo': async ({ id }) => ({ result: await deletions.undo(id) }),
      'data.pending': async () => ({ pending: await deletions.pending(), now: Date.now() }),
      'exclusions.set': async ({ site: host, excluded: exclude }) => {
        const site = siteOfHost(host)
        // Changed in memory first, so two changes at once cannot overwrite each other.
        const list = nextExcluded([...excluded], site, exclude)
        excluded = new Set(list)
        await writeSetting(db, 'excludedSites', list)
        return { site, excluded: list }
      },
      'settings.set': async (message) => {
        await writeSetting(db, message.key, message.value as never)
        if (message.key === 'evidenceMode') mode = message.value ? 'evidence' : 'standard'
        if (message.key === 'recordingPaused') paused = message.value
        if (message.key === 'excludedSites') excluded = new Set(message.value)
        if (message.key === 'retentionDays') await enforceRetention(true)
        return { ok: true }
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
      .then(async (late) => {
        if (late.length === 0) return
        const words = await noticeWords(db, navigator.languages)
        await Promise.all(
          late.map((row) => {
            const { title, message } = lateNotice(row, words)
            return notify(`${REQUEST_NOTE}${row.id ?? ''}`, title, message)
          }),
        )
      })
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
