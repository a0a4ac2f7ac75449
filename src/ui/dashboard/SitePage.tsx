import { useEffect, useState } from 'preact/hooks'
import type { FindingRow } from '@/db/schema'
import { ConfirmDialog } from '@/ui/components/ConfirmDialog'
import { ExportButton } from '@/ui/components/ExportButton'
import { useDashboard } from './context'
import { ConsentHistory } from './ConsentHistory'
import { FindingWhy } from './FindingWhy'
import { SiteCompanies } from './SiteCompanies'
import { AskLink } from '@/ui/requests/AskLink'

/** A visit's findings behind a disclosure, rendered once it is opened: a site page lists dozens
 * of visits with ten or more findings each, most of which nobody opens. */
function VisitFindings({ findings }: { findings: FindingRow[] }) {
  const { i18n } = useDashboard()
  const [open, setOpen] = useState(false)
  return (
    <details onToggle={(e) => setOpen(e.currentTarget.open)}>
      <summary>{i18n.tn('site.findings', findings.length)}</summary>
      {open && (
        <ul class="companies">
          {findings.map((f) => (
            <FindingWhy key={`${f.signal}-${f.party}`} finding={f} />
          ))}
        </ul>
      )}
    </details>
  )
}

export function SitePage({ site }: { site: string }) {
  const { site: store, i18n } = useDashboard()
  const { t, tn, num } = i18n
  useEffect(() => {
    void store.load(site)
  }, [store, site])
  const state = store.stateOf(site)
  const summary = store.summary.value
  const deleting = store.deleting.value
  const more = store.more.value

  if (state.kind === 'loading') return <p class="status">{t('common.loading')}</p>
  if (state.kind === 'error')
    return (
      <p class="status error" role="alert">
        {t('common.readError', { message: state.message })}
      </p>
    )
  if (state.kind === 'unknown')
    return (
      <p class="status" data-testid="site-unknown">
        {t('site.unknown', { site: state.site })}
      </p>
    )
  if (state.kind === 'deleted')
    return (
      <p class="status" role="status" data-testid="site-deleted">
        {t('site.deleted', { site: state.site })} <a href="#/">{t('site.back')}</a>
      </p>
    )
  if (summary === null) return null
  const { site: row, visits } = state
  const groups = [...summary.trackers, ...summary.others]
  const actions = store.actions.value
  return (
    <article data-testid="site-page">
      <h1 data-testid="site-title">{row.site}</h1>
      <AskLink site={row.site} />
      <div class="facts">
        <div>
          <strong data-testid="site-visits">{num(row.visits)}</strong>
          {tn('site.visits', row.visits)}
        </div>
        <div>
          <strong data-testid="site-trackers">{num(summary.trackerCompanies)}</strong>
          {tn('site.trackingCompanies', summary.trackerCompanies)}
        </div>
        <div>
          <strong>{num(summary.thirdParties)}</strong>
          {tn('site.thirdParties', summary.thirdParties)}
        </div>
        <div>
          <strong class="date">{i18n.dateTime(row.firstSeen)}</strong>
          {t('site.firstSeen')}
        </div>
        <div>
          <strong class="date">{i18n.dateTime(row.lastSeen)}</strong>
          {t('site.lastSeen')}
        </div>
      </div>

      <h2>{t('site.companiesTitle')}</h2>
      <SiteCompanies key={row.site} groups={groups} actions={actions} />

      <h2>{t('site.timelineTitle')}</h2>
      <p class="muted">{t('site.timelineHint')}</p>
      <ol class="timeline" data-testid="timeline">
        {store.timeline.value.map((entry) => (
          <li key={entry.visit.id} data-testid="timeline-visit">
            <div class="company-head">
              <strong>{i18n.dateTime(entry.visit.startedAt)}</strong>
              <span class="muted">
                {tn('site.trackingCompanies.count', entry.trackingCompanies.length)}
              </span>
            </div>
            <code class="url">{entry.visit.url}</code>
            {entry.findings.length === 0 ? (
              <p class="muted">{t('site.nothingFound')}</p>
            ) : (
              <VisitFindings findings={entry.findings} />
            )}
          </li>
        ))}
      </ol>
      {visits.length < row.visits && (
        <p class="muted">
          {t('site.olderVisits', { shown: visits.length, total: row.visits })}{' '}
          <button
            type="button"
            data-testid="more-visits"
            disabled={more.kind === 'working'}
            onClick={() => void store.loadMore()}
          >
            {more.kind === 'working' ? t('common.loading') : t('site.moreVisits')}
          </button>
        </p>
      )}
      {more.kind === 'failed' && (
        <p class="status error" role="alert">
          {t('common.readError', { message: more.message })}
        </p>
      )}
      <ConsentHistory site={row.site} />
      {store.decoded.value.length > 0 && (
        <>
          <h2>{t('site.sentTitle')}</h2>
          <ul class="companies" data-testid="site-decoded">
            {store.decoded.value.map((f) => (
              <FindingWhy key={`${f.visitId}-${f.signal}-${f.party}`} finding={f} />
            ))}
          </ul>
        </>
      )}

      <section class="data-zone" aria-labelledby="site-manage">
        <h2 id="site-manage">{t('site.manageTitle')}</h2>
        <ExportButton target={{ site: row.site }} />
        <div class="delete-flow">
          {deleting.kind === 'idle' && (
            <button
              type="button"
              class="danger"
              data-testid="delete-site"
              onClick={() => (store.deleting.value = { kind: 'confirm' })}
            >
              {t('site.delete', { site: row.site })}
            </button>
          )}
          {deleting.kind === 'confirm' && (
            <ConfirmDialog
              id="confirm-text"
              message={t('site.deleteConfirm', {
                site: row.site,
                what: [
                  tn('site.visitCount', row.visits),
                  tn('site.findings', store.findingCount.value),
                ].join(t('value.listSeparator')),
              })}
              confirmLabel={t('site.deleteYes')}
              confirmTestId="confirm-delete"
              cancelLabel={t('common.cancel')}
              onConfirm={() => void store.remove()}
              onCancel={() => (store.deleting.value = { kind: 'idle' })}
            />
          )}
          {deleting.kind === 'working' && <p class="status">{t('site.deleting')}</p>}
          {deleting.kind === 'failed' && (
            <p class="status error" role="alert">
              {t('site.deleteFailed', { message: deleting.message })}
            </p>
          )}
        </div>
      </section>
    </article>
  )
}
