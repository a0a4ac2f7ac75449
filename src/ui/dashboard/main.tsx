import { createRequestsApi } from '@/ui/requests/api'
import { RequestsRoute } from '@/ui/requests/RequestsRoute'
import { render } from 'preact'
import { useEffect, useState } from 'preact/hooks'
import {
  companiesOfSites,
  companyNames,
  companyParties,
  sitesWithParty,
  findingsOfVisits,
  overviewRows,
  siteParties,
  sitesSince,
  statsSince,
  visitPage,
} from '@/db/dashboard-read'
import { getSite, siteConsent } from '@/db/read'
import { openDb } from '@/db/schema'
import { movingProgress } from '@/db/staged-delete'
import { readSetting, SETTINGS, type SettingKey } from '@/db/settings'
import { sendMessage } from '@/platform/runtime'
import { storageUsed } from '@/platform/storage-estimate'
import type { DashboardApi, Settings } from '@/ui/state/dashboard-api'
import { parseRoute } from '@/ui/state/route'
import { createStores } from './context'
import { Root } from './Root'
import '@/ui/components/theme.css'
import './dashboard.css'

const db = openDb()
// Opening the database takes a while: it runs while the page renders its first frame.
db.open().catch(() => undefined) // a failure shows on the first read
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
  sitesSince: (since) => sitesSince(db, since),
  statsSince: (since) => statsSince(db, since),
  overviewRows: (days, now, shown) => overviewRows(db, days, now, shown),
  companiesOfSites: (sites, first) => companiesOfSites(db, sites, first),
  companyNames: () => companyNames(db),
  sitesWithParty: (text) => sitesWithParty(db, text),
  site: (site) => getSite(db, site),
  siteParties: (site) => siteParties(db, site),
  visitPage: (site, before, limit) => visitPage(db, site, before, limit),
  findingsOfVisits: (ids) => findingsOfVisits(db, ids),
  companyParties: (name, limit) => companyParties(db, name, limit),
  consentTimeline: (site) => siteConsent(db, site),
  async settings() {
    const keys = Object.keys(SETTINGS) as SettingKey[]
    const values = await Promise.all(keys.map((k) => readSetting(db, k)))
    return Object.fromEntries(keys.map((k, i) => [k, values[i]])) as Settings
  },
  setSetting: async (key, value) =>
    ok(await sendMessage<'settings.set'>({ type: 'settings.set', key, value } as never)),
  deleteSite: async (site) => {
    await answer(sendMessage<'data.delete'>({ type: 'data.delete', scope: { kind: 'site', site } }))
  },
  deletionProgress: () => movingProgress(db),
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
const requestsApi = createRequestsApi(db, navigator.language)
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
      requests={(hash) => <RequestsRoute api={requestsApi} hash={hash} />}
    />
  )
}

const root = document.getElementById('app')
if (root !== null) render(<Dashboard />, root)
