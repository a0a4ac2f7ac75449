import { render } from 'preact'
import { useEffect, useState } from 'preact/hooks'
import { openDb } from '@/db/schema'
import { getSite, recentSites, siteRequestFindings, siteVisits } from '@/db/read'
import { createSiteStore, createSitesStore, type SiteApi } from '@/ui/state/site-store'
import { createRequestsApi } from '@/ui/requests/api'
import { isRequestsRoute, RequestsRoute } from '@/ui/requests/RequestsRoute'
import { SitePage } from './SitePage'
import { SitesPage } from './SitesPage'
import '@/ui/components/theme.css'

const db = openDb()
const api: SiteApi = {
  site: (site) => getSite(db, site),
  visits: (site) => siteVisits(db, site),
  findings: (site) => siteRequestFindings(db, site),
  recentSites: () => recentSites(db),
}
const siteStore = createSiteStore(api)
const sitesStore = createSitesStore(api)
const requestsApi = createRequestsApi(db, navigator.language)

/** `#/site/<site>` shows one site; anything else lists the sites. */
function route(): string | null {
  const match = /^#\/site\/(.+)$/.exec(location.hash)
  if (match?.[1] === undefined) return null
  try {
    return decodeURIComponent(match[1])
  } catch {
    return null
  }
}

function Dashboard() {
  const [site, setSite] = useState(route())
  const [hash, setHash] = useState(location.hash)
  useEffect(() => {
    const onHash = () => {
      setSite(route())
      setHash(location.hash)
    }
    window.addEventListener('hashchange', onHash)
    return () => window.removeEventListener('hashchange', onHash)
  }, [])
  useEffect(() => {
    document.title = site === null ? 'Tracelight — your sites' : `Tracelight — ${site}`
  }, [site])
  return (
    <main class="dashboard">
      <nav class="brand">
        <span class="logo" aria-hidden="true" />
        <a href="#/">Tracelight</a>
        <a href="#/requests" data-testid="nav-requests">
          Requests
        </a>
      </nav>
      {isRequestsRoute(hash) ? (
        <RequestsRoute api={requestsApi} hash={hash} />
      ) : site === null ? (
        <SitesPage store={sitesStore} />
      ) : (
        <SitePage store={siteStore} site={site} />
      )}
    </main>
  )
}

const root = document.getElementById('app')
if (root !== null) render(<Dashboard />, root)
