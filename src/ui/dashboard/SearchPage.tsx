import { useEffect, useMemo } from 'preact/hooks'
import { searchHistory, SEARCH_TYPES, type SearchType } from '@/ui/state/search'
import { companyHash, routeHash, siteHash, type Route } from '@/ui/state/route'
import { useDashboard } from './context'
import { categoryName, signalName } from './words'

type SearchRoute = Extract<Route, { view: 'search' }>

/** Results shown per kind; the rest are counted. */
const SHOWN = 50
/** Sites listed under each kind of finding. */
const SHOWN_SITES = 8

/** The search field in the dashboard's header: typing goes to the search view, whose address
 * keeps the words, so results can be bookmarked and reloaded. */
export function SearchBox({ route }: { route: Route }) {
  const { i18n, navigate } = useDashboard()
  const { t } = i18n
  const q = route.view === 'search' ? route.q : ''
  const type = route.view === 'search' ? route.type : 'all'
  return (
    <form
      class="header-search"
      role="search"
      aria-label={t('nav.search')}
      onSubmit={(e) => e.preventDefault()}
    >
      <label for="header-search" class="visually-hidden">
        {t('search.label')}
      </label>
      <input
        id="header-search"
        type="search"
        data-testid="header-search"
        placeholder={t('search.placeholder')}
        value={q}
        onInput={(e) => navigate(routeHash({ view: 'search', q: e.currentTarget.value, type }))}
      />
    </form>
  )
}

const TYPE_LABEL = {
  all: 'search.all',
  sites: 'search.sites',
  companies: 'search.companies',
  signals: 'search.signals',
} as const

export function SearchPage({ route }: { route: SearchRoute }) {
  const { search: store, i18n, navigate } = useDashboard()
  const { t, tn, num } = i18n
  useEffect(() => {
    void store.load()
  }, [store])
  const sites = store.sites.value
  const results = useMemo(
    () =>
      sites.kind === 'ready'
        ? searchHistory(sites.value, route.q, (signal) => signalName(i18n, signal))
        : null,
    [sites, route.q, i18n],
  )
  const show = (kind: Exclude<SearchType, 'all'>) => route.type === 'all' || route.type === kind
  const more = (total: number) =>
    total > SHOWN && <p class="muted">{tn('search.more', total - SHOWN)}</p>
  const empty =
    results !== null &&
    (!show('sites') || results.sites.length === 0) &&
    (!show('companies') || results.companies.length === 0) &&
    (!show('signals') || results.signals.length === 0)

  return (
    <article data-testid="search-page">
      <h1>{route.q.trim() === '' ? t('search.title') : t('search.results', { q: route.q })}</h1>
      <form class="filters" onSubmit={(e) => e.preventDefault()}>
        <label>
          {t('search.show')}{' '}
          <select
            data-testid="search-type"
            value={route.type}
            onChange={(e) =>
              navigate(routeHash({ ...route, type: e.currentTarget.value as SearchType }))
            }
          >
            {SEARCH_TYPES.map((k) => (
              <option key={k} value={k}>
                {t(TYPE_LABEL[k])}
              </option>
            ))}
          </select>
        </label>
      </form>
      {sites.kind === 'loading' && <p class="status">{t('common.loading')}</p>}
      {sites.kind === 'error' && (
        <p class="status error" role="alert">
          {t('common.readError', { message: sites.message })}
        </p>
      )}
      {results !== null && route.q.trim() === '' && <p class="status">{t('search.prompt')}</p>}
      {results !== null && route.q.trim() !== '' && empty && (
        <p class="status" data-testid="search-none">
          {t('search.none', { q: route.q })}
        </p>
      )}
      {results !== null && show('sites') && results.sites.length > 0 && (
        <section aria-labelledby="search-sites">
          <h2 id="search-sites">
            {t('search.sites')} ({num(results.sites.length)})
          </h2>
          <ul class="results">
            {results.sites.slice(0, SHOWN).map((s) => (
              <li key={s.site} data-testid="search-site" data-site={s.site}>
                <a href={siteHash(s.site)}>{s.site}</a>
                <div class="muted">
                  {t('search.siteLine', {
                    companies: tn('site.trackingCompanies.count', s.trackingCompanies),
                    date: i18n.date(s.lastSeen),
                  })}
                </div>
              </li>
            ))}
          </ul>
          {more(results.sites.length)}
        </section>
      )}
      {results !== null && show('companies') && results.companies.length > 0 && (
        <section aria-labelledby="search-companies">
          <h2 id="search-companies">
            {t('search.companies')} ({num(results.companies.length)})
          </h2>
          <ul class="results">
            {results.companies.slice(0, SHOWN).map((c) => (
              <li key={c.name} data-testid="search-company" data-company={c.name}>
                <a href={companyHash(c.name)}>{c.name}</a>
                {c.via.length > 0 && <code class="via"> {c.via.join(', ')}</code>}
                <div class="muted">
                  {t('search.companyLine', {
                    category: categoryName(i18n, c.category),
                    sites: tn('count.sites', c.sites),
                  })}
                </div>
              </li>
            ))}
          </ul>
          {more(results.companies.length)}
        </section>
      )}
      {results !== null && show('signals') && results.signals.length > 0 && (
        <section aria-labelledby="search-signals">
          <h2 id="search-signals">
            {t('search.signals')} ({num(results.signals.length)})
          </h2>
          <ul class="results">
            {results.signals.map((s) => (
              <li key={s.signal} data-testid="search-signal" data-signal={s.signal}>
                <strong>{s.name}</strong> <span class="muted">{tn('count.times', s.count)}</span>
                <div>
                  {t('search.signalLine', { sites: tn('count.sites', s.sites.length) })}{' '}
                  {s.sites.slice(0, SHOWN_SITES).map((site, i) => (
                    <span key={site}>
                      {i > 0 && ', '}
                      <a href={siteHash(site)}>{site}</a>
                    </span>
                  ))}
                  {s.sites.length > SHOWN_SITES && (
                    <span class="muted"> {tn('search.more', s.sites.length - SHOWN_SITES)}</span>
                  )}
                </div>
              </li>
            ))}
          </ul>
        </section>
      )}
    </article>
  )
}
