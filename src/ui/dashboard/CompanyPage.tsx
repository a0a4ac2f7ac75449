import { useEffect } from 'preact/hooks'
import { ExportButton } from '@/ui/components/ExportButton'
import { siteHash } from '@/ui/state/route'
import { CompanyDelete } from './CompanyDelete'
import { useDashboard } from './context'
import { FindingWhy } from './FindingWhy'
import { SeenCells, SeenHeads } from './SeenCells'
import { signalName } from './words'
import { categoriesLabel } from '@/ui/labels'

export function CompanyPage({ name }: { name: string }) {
  const { company: store, companyDelete, i18n } = useDashboard()
  const { t, tn, num } = i18n
  useEffect(() => {
    void store.load(name)
  }, [store, name])
  const state = store.stateOf(name)
  if (state.kind === 'loading') return <p class="status">{t('common.loading')}</p>
  if (state.kind === 'error')
    return (
      <p class="status error" role="alert">
        {t('common.readError', { message: state.message })}
      </p>
    )
  const c = state.value
  if (c === null) {
    // Just deleted from this page: say so (the undo bar offers to bring it back).
    const deleted = companyDelete.state.value
    return deleted.kind === 'done' &&
      deleted.scope.kind === 'company' &&
      deleted.scope.name === name ? (
      <p class="status" data-testid="company-deleted">
        {t('company.deleted', { name })} <a href="#/">{t('site.back')}</a>
      </p>
    ) : (
      <p class="status" data-testid="company-unknown">
        {t('company.unknown', { name })}
      </p>
    )
  }
  return (
    <article data-testid="company-page">
      <h1 data-testid="company-title">{c.name}</h1>
      <p class="lead">
        {categoriesLabel(i18n, c.categories)}
        {' · '}
        {c.tracker ? t('company.isTracker') : t('company.notTracker')}
      </p>
      <div class="facts">
        <div>
          <strong data-testid="company-sites">{num(c.sites.length)}</strong>
          {tn('company.sites', c.sites.length)}
        </div>
        <div>
          <strong>{num(c.requests)}</strong>
          {tn('company.requests', c.requests)}
        </div>
        <div>
          <strong class="date">{i18n.dateTime(c.firstAt)}</strong>
          {t('site.firstSeen')}
        </div>
        <div>
          <strong class="date">{i18n.dateTime(c.lastAt)}</strong>
          {t('site.lastSeen')}
        </div>
      </div>

      <h2>{t('company.domainsTitle')}</h2>
      <ul class="inline-list" data-testid="company-domains">
        {c.domains.map((d) => (
          <li key={d}>
            <code>{d}</code>
          </li>
        ))}
      </ul>

      <h2>{t('company.didTitle')}</h2>
      {c.actions.length === 0 ? (
        <p class="status">{t('company.didNothing')}</p>
      ) : (
        <ul class="companies" data-testid="company-actions">
          {c.actions.map((a) => (
            <li key={a.signal} class="company" data-testid="company-action" data-signal={a.signal}>
              <div class="company-head">
                <span class="company-name">{signalName(i18n, a.signal)}</span>
                <span class="company-count">
                  {tn('count.times', a.times)}, {tn('company.onSites', a.sites)}
                </span>
              </div>
              <ul class="companies nested">
                {a.examples.map((f) => (
                  <FindingWhy key={`${f.visitId}-${f.party}`} finding={f} showSite />
                ))}
              </ul>
            </li>
          ))}
        </ul>
      )}
      {c.partial && <p class="muted">{t('company.partial')}</p>}

      <h2>{t('company.whereTitle')}</h2>
      <table data-testid="company-where">
        <thead>
          <tr>
            <th scope="col">{t('overview.site')}</th>
            <SeenHeads />
          </tr>
        </thead>
        <tbody>
          {c.sites.map((s) => (
            <tr key={s.site} data-testid="company-site" data-site={s.site}>
              <td>
                <a href={siteHash(s.site)}>{s.site}</a>
              </td>
              <SeenCells {...s} />
            </tr>
          ))}
        </tbody>
      </table>
      <CompanyDelete name={c.name}>
        <ExportButton target={{ company: c.name }} />
      </CompanyDelete>
    </article>
  )
}
