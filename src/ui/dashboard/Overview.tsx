import { EvidenceCheck } from '@/ui/components/EvidenceCheck'
import { ExportButton } from '@/ui/components/ExportButton'
import { useEffect } from 'preact/hooks'
import { FAMILIES, SHOWN_COMPANIES, SHOWN_SITES } from '@/ui/state/overview'
import { companyHash, PERIODS, routeHash, siteHash, type Route } from '@/ui/state/route'
import { useDashboard } from './context'
import { TrendChart } from './TrendChart'
import { categoryName } from './words'

type OverviewRoute = Extract<Route, { view: 'overview' }>

export function Overview({ route }: { route: OverviewRoute }) {
  const { overview: store, i18n, navigate } = useDashboard()
  const { t, tn, num } = i18n
  useEffect(() => {
    void store.load(route.period)
  }, [store, route.period])
  useEffect(() => {
    store.query.value = route.q
  }, [store, route.q])
  const status = store.status.value
  const view = store.view.value
  const go = (over: Partial<OverviewRoute>) => navigate(routeHash({ ...route, ...over }))

  return (
    <article data-testid="overview">
      <div class="page-head">
        <h1>{t('overview.title')}</h1>
        <label class="period">
          {t('overview.period')}{' '}
          <select
            data-testid="period"
            value={route.period}
            onChange={(e) => go({ period: e.currentTarget.value as OverviewRoute['period'] })}
          >
            {PERIODS.map((p) => (
              <option key={p} value={p}>
                {p === 'all' ? t('period.all') : tn('period.days', Number(p))}
              </option>
            ))}
          </select>
        </label>
      </div>
      {status.kind === 'loading' && <p class="status">{t('common.loading')}</p>}
      {status.kind === 'error' && (
        <p class="status error" role="alert">
          {t('common.readError', { message: status.message })}
        </p>
      )}
      {view !== null && view.totals.sites === 0 && (
        <p class="status" data-testid="overview-empty">
          {t('overview.empty')}
        </p>
      )}
      {view !== null && view.totals.sites > 0 && (
        <>
          <div class="facts" data-testid="totals">
            <div>
              <strong data-testid="total-sites">{num(view.totals.sites)}</strong>
              {t('overview.totalSites')}
            </div>
            <div>
              <strong>{num(view.totals.visits)}</strong>
              {t('overview.totalVisits')}
            </div>
            <div>
              <strong data-testid="total-companies">{num(view.totals.companies)}</strong>
              {t('overview.totalCompanies')}
            </div>
            <div>
              <strong>{num(view.totals.trackerRequests)}</strong>
              {t('overview.totalRequests')}
            </div>
          </div>
          <TrendChart points={view.trend} />

          <div class="list-head">
            <h2 id="ranking-title">{t('overview.sitesTitle')}</h2>
            {/* Narrows the two lists below; the header's box searches all of the history. */}
            <form
              class="list-filter"
              role="search"
              aria-label={t('overview.filterLabel')}
              onSubmit={(e) => e.preventDefault()}
            >
              <label>
                {t('overview.search')}{' '}
                <input
                  type="search"
                  data-testid="search"
                  value={route.q}
                  placeholder={t('overview.searchHint')}
                  onFocus={() => store.prepareSearch()}
                  onInput={(e) => go({ q: e.currentTarget.value })}
                />
              </label>
            </form>
          </div>
          {view.sites.length === 0 ? (
            <p class="status">{t('overview.noMatch', { q: route.q })}</p>
          ) : (
            <div class="scroll">
              <table data-testid="site-ranking">
                <thead>
                  <tr>
                    <th scope="col">{t('overview.site')}</th>
                    <th scope="col" class="num">
                      {t('overview.companies')}
                    </th>
                    {FAMILIES.map((f) => (
                      <th key={f} scope="col" class="num">
                        {t(`family.${f}`)}
                      </th>
                    ))}
                    <th scope="col" class="num">
                      {t('overview.trackerRequests')}
                    </th>
                    <th scope="col">{t('overview.lastVisit')}</th>
                  </tr>
                </thead>
                <tbody>
                  {view.sites.slice(0, SHOWN_SITES).map((s) => (
                    <tr key={s.site} data-testid="ranked-site" data-site={s.site}>
                      <td>
                        <a href={siteHash(s.site)}>{s.site}</a>
                      </td>
                      <td class="num" title={s.companies?.join(', ')}>
                        {num(s.companyCount)}
                      </td>
                      {FAMILIES.map((f) => (
                        <td key={f} class="num">
                          {num(s.families[f])}
                        </td>
                      ))}
                      <td class="num">{num(s.trackerRequests)}</td>
                      <td class="when">{i18n.dateTime(s.lastSeen)}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
          )}
          {view.siteCount > SHOWN_SITES && (
            <p class="muted">
              {t('overview.moreSites', { shown: SHOWN_SITES, total: view.siteCount })}
            </p>
          )}

          <h2>{t('overview.companiesTitle')}</h2>
          {view.companies.length === 0 ? (
            <p class="status">{t('overview.noCompanies')}</p>
          ) : (
            <table data-testid="company-reach">
              <thead>
                <tr>
                  <th scope="col">{t('overview.company')}</th>
                  <th scope="col">{t('overview.category')}</th>
                  <th scope="col" class="num">
                    {t('overview.sitesCount')}
                  </th>
                  <th scope="col" class="num">
                    {t('overview.requests')}
                  </th>
                </tr>
              </thead>
              <tbody>
                {view.companies.slice(0, SHOWN_COMPANIES).map((c) => (
                  <tr key={c.name} data-testid="reach-company" data-company={c.name}>
                    <td>
                      <a href={companyHash(c.name)}>{c.name}</a>
                    </td>
                    <td>{categoryName(i18n, c.category)}</td>
                    <td class="num">{num(c.sites)}</td>
                    <td class="num">{num(c.requests)}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          )}
        </>
      )}
      <section class="data-zone" aria-labelledby="evidence-title">
        <h2 id="evidence-title">{t('overview.evidenceTitle')}</h2>
        <p class="muted">{t('overview.evidenceHint')}</p>
        <ExportButton target={{}} />
        <EvidenceCheck />
      </section>
    </article>
  )
}
