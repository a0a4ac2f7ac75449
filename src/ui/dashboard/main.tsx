// First: the database opens while the rest is evaluated.
import { connection as plain } from '@/db/early-open'
import { render } from 'preact'
import { useEffect, useState } from 'preact/hooks'
import {
  readCompaniesOfSites,
  readOverviewRows,
  readSettings,
  readSite,
  readSiteConsent,
  readSiteParties,
  readVisitPage,
} from '@/db/first-screen-read'
import { readFindingsOfVisits } from '@/db/plain-read'
import { sendMessage } from '@/platform/runtime'
import { storageUsed } from '@/platform/storage-estimate'
import type { DashboardApi } from '@/ui/state/dashboard-api'
import { parseRoute } from '@/ui/state/route'
import { dashboardStatus, lazyView } from '@/ui/components/Lazy'
import { createStores } from './context'
import { Root } from './Root'
import '@/ui/components/theme.css'
import './dashboard.css'

// What the first screen shows (the overview, a site page, the settings) is read with plain
// IndexedDB (first-screen-read.ts), opened at once. Dexie, and the reads and writes made through it,
// are loaded when first needed (a search, the graph, a company, a request), so that the first
// screen neither waits for its code nor shares the database with its opening.
let dexie: ReturnType<typeof loadDexie> | undefined
function loadDexie() {
  return Promise.all([
    import('@/db/schema'),
    import('@/db/dashboard-read'),
    import('@/db/staged-delete'),
  ]).then(([schema, reads, staged]) => ({ db: schema.openDb(), reads, staged }))
}
const later = () => (dexie ??= loadDexie())
/** A read through Dexie, once it is loaded. */
const viaDexie = async <T,>(read: (d: Awaited<ReturnType<typeof loadDexie>>) => Promise<T>) =>
  read(await later())

const ok = (reply: { ok: true } | undefined) => {
  // A reply missing means the background did not handle the message.
  if (reply?.ok !== true) throw new Error('error.noAnswer')
}
/** A reply, or the same error as `ok` when the background sent none. */
async function answer<T>(reply: Promise<T>): Promise<T> {
  const value = await reply
  if (value === undefined || value === null) throw new Error('error.noAnswer')
  return value
}
const api: DashboardApi = {
  sitesSince: (since) => viaDexie(({ db, reads }) => reads.sitesSince(db, since)),
  statsSince: (since) => viaDexie(({ db, reads }) => reads.statsSince(db, since)),
  overviewRows: async (days, now, shown) => readOverviewRows(await plain(), days, now, shown),
  companiesOfSites: async (sites, first) => readCompaniesOfSites(await plain(), sites, first),
  companyNames: () => viaDexie(({ db, reads }) => reads.companyNames(db)),
  sitesWithParty: (text) => viaDexie(({ db, reads }) => reads.sitesWithParty(db, text)),
  site: async (site) => readSite(await plain(), site),
  siteParties: async (site) => readSiteParties(await plain(), site),
  visitPage: async (site, before, limit) => readVisitPage(await plain(), site, before, limit),
  findingsOfVisits: async (ids) => readFindingsOfVisits(await plain(), ids),
  companyParties: (name, limit) =>
    viaDexie(({ db, reads }) => reads.companyParties(db, name, limit)),
  consentTimeline: async (site) => readSiteConsent(await plain(), site),
  settings: async () => readSettings(await plain()),
  setSetting: async (key, value) =>
    ok(await sendMessage<'settings.set'>({ type: 'settings.set', key, value } as never)),
  deleteSite: async (site) => {
    await answer(sendMessage<'data.delete'>({ type: 'data.delete', scope: { kind: 'site', site } }))
  },
  deletionProgress: () => viaDexie(({ db, staged }) => staged.movingProgress(db)),
  previewDeletion: (scope) => answer(sendMessage<'data.preview'>({ type: 'data.preview', scope })),
  deleteData: (scope) => answer(sendMessage<'data.delete'>({ type: 'data.delete', scope })),
  undoDeletion: async (id) =>
    (await answer(sendMessage<'data.undo'>({ type: 'data.undo', id }))).result,
  pendingDeletion: () => answer(sendMessage<'data.pending'>({ type: 'data.pending' })),
  setExcluded: (site, excluded) =>
    answer(sendMessage<'exclusions.set'>({ type: 'exclusions.set', site, excluded })),
  storageUsed,
  now: () => Date.now(),
}
const stores = createStores(api)
// The requests pages, their letters and forms are fetched when first opened.
const RequestsRoute = lazyView(async () => {
  const [{ RequestsRoute: Route }, { createRequestsApi }, { db }] = await Promise.all([
    import('@/ui/requests/RequestsRoute'),
    import('@/ui/requests/api'),
    later(),
  ])
  const requestsApi = createRequestsApi(db, navigator.language)
  return ({ hash }: { hash: string }) => <Route api={requestsApi} hash={hash} />
}, dashboardStatus)
const navigate = (hash: string) => {
  location.hash = hash
}

function Dashboard() {
  const [route, setRoute] = useState(parseRoute(location.hash))
  useEffect(() => {
    const onHash = () => setRoute(parseRoute(location.hash))
    window.addEventListener('hashchange', onHash)
    return () => window.removeEventListener('hashchange', onHash)
  }, [])
  return (
    <Root
      stores={stores}
      route={route}
      browserLanguages={navigator.languages}
      navigate={navigate}
      requests={(hash) => <RequestsRoute hash={hash} />}
    />
  )
}

// The view the page opens on is read while its code renders the frame around it.
const first = parseRoute(location.hash)
if (first.view === 'overview') stores.overview.preload(first.period)
else if (first.view === 'site') stores.site.preload(first.site)

const root = document.getElementById('app')
if (root !== null) render(<Dashboard />, root)
