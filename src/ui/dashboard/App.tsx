import type { JSX } from 'preact'
import { useEffect } from 'preact/hooks'
import type { Route } from '@/ui/state/route'
import { useDashboard } from './context'
import { dashboardStatus, lazyView } from '@/ui/components/Lazy'
import { Overview } from './Overview'
import { SearchBox, SearchPage } from './SearchPage'
import { SitePage } from './SitePage'

// The overview, a site and search come with the page; the other views' code when first opened.
const CompanyPage = lazyView(
  () => import('./CompanyPage').then((m) => m.CompanyPage),
  dashboardStatus,
)
const GraphPage = lazyView(() => import('./GraphPage').then((m) => m.GraphPage), dashboardStatus)
const SettingsPage = lazyView(
  () => import('./SettingsPage').then((m) => m.SettingsPage),
  dashboardStatus,
)

function title(route: Route, t: ReturnType<typeof useDashboard>['i18n']['t']): string {
  switch (route.view) {
    case 'site':
      return route.site
    case 'company':
      return route.name
    case 'graph':
      return t('nav.graph')
    case 'settings':
      return t('nav.settings')
    case 'search':
      return route.q === '' ? t('search.title') : t('search.results', { q: route.q })
    case 'requests':
      return t('nav.requests')
    case 'overview':
      return t('nav.overview')
  }
}

/** The dashboard shell: navigation and the view named by the URL hash. */
export function App({
  route,
  requests,
}: {
  route: Route
  /** The data-requests views, when the page provides them (the extension does; fixtures not). */
  requests?: ((hash: string) => JSX.Element) | undefined
}) {
  const { i18n } = useDashboard()
  const { t } = i18n
  useEffect(() => {
    document.title = `Tracelight — ${title(route, t)}`
  }, [route, t])
  const current = (view: Route['view']) => (route.view === view ? 'page' : undefined)
  return (
    <div class="dashboard">
      <a
        class="skip"
        href="#content"
        onClick={(e) => {
          e.preventDefault()
          document.getElementById('content')?.focus()
        }}
      >
        {t('nav.skip')}
      </a>
      <header class="top">
        <span class="brand">
          <span class="logo" aria-hidden="true" />
          Tracelight
        </span>
        <nav aria-label={t('nav.label')} class="tabs">
          <a href="#/" aria-current={current('overview')}>
            {t('nav.overview')}
          </a>
          <a href="#/graph" aria-current={current('graph')}>
            {t('nav.graph')}
          </a>
          {requests !== undefined && (
            <a href="#/requests" aria-current={current('requests')} data-testid="nav-requests">
              {t('nav.requests')}
            </a>
          )}
          <a href="#/settings" aria-current={current('settings')}>
            {t('nav.settings')}
          </a>
        </nav>
        <SearchBox route={route} />
      </header>
      <main id="content" tabIndex={-1}>
        {route.view === 'overview' && <Overview route={route} />}
        {route.view === 'site' && <SitePage site={route.site} />}
        {route.view === 'company' && <CompanyPage name={route.name} />}
        {route.view === 'graph' && <GraphPage route={route} />}
        {route.view === 'settings' && <SettingsPage />}
        {route.view === 'search' && <SearchPage route={route} />}
        {route.view === 'requests' && requests?.(route.hash)}
      </main>
    </div>
  )
}
