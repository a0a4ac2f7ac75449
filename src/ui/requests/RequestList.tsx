import { useEffect } from 'preact/hooks'
import { isKindId, lawById } from '@/requests/laws'
import { isOverdue } from '@/requests/track'
import { deadlinesIcs } from '@/requests/ics'
import { kindLabel, lawWords, useI18n } from './i18n'
import type { RequestListStore } from './list-store'
import { dueText, icsWords, statusLabel } from './words'

export function RequestList({ store }: { store: RequestListStore }) {
  const i18n = useI18n()
  const { t } = i18n
  useEffect(() => {
    void store.load()
  }, [store])
  const state = store.state.value
  if (state.kind === 'loading') return <p class="status">{t('common.loading')}</p>
  if (state.kind === 'error')
    return (
      <p class="status error" role="alert">
        {t('requests.listError', { message: state.message })}
      </p>
    )
  const now = store.now()
  return (
    <article class="requests" data-testid="requests-page">
      <h1>{t('requests.listTitle')}</h1>
      <p class="muted">{t('requests.listIntro')}</p>
      {state.requests.length === 0 ? (
        <p class="status" data-testid="requests-empty">
          {t('requests.empty')}
        </p>
      ) : (
        <table data-testid="requests-table">
          <thead>
            <tr>
              <th scope="col">{t('requests.colTo')}</th>
              <th scope="col">{t('requests.colRequest')}</th>
              <th scope="col">{t('requests.colSent')}</th>
              <th scope="col">{t('requests.colDue')}</th>
              <th scope="col">{t('requests.colStatus')}</th>
            </tr>
          </thead>
          <tbody>
            {state.requests.map((r) => {
              const late = r.status === 'overdue' || isOverdue(r, now)
              const law = lawById(r.law)
              return (
                <tr
                  key={r.id}
                  data-testid="request-row"
                  data-status={r.status}
                  class={late ? 'late' : ''}
                >
                  <td>
                    <a href={`#/requests/${r.id}`}>{r.company}</a>
                    {r.company !== r.site && (
                      <span class="muted"> · {t('requests.seenOn', { site: r.site })}</span>
                    )}
                  </td>
                  <td>
                    {isKindId(r.kind) ? kindLabel(t, r.kind) : r.kind}
                    <span class="muted">
                      {' '}
                      · {law === undefined ? r.law : lawWords(i18n, law).short}
                    </span>
                  </td>
                  <td class="when">{r.sentAt === undefined ? '—' : i18n.dateTime(r.sentAt)}</td>
                  <td data-testid="request-due">{dueText(i18n, r.dueDay)}</td>
                  <td data-testid="request-status">
                    {statusLabel(t, late ? 'overdue' : r.status)}
                  </td>
                </tr>
              )
            })}
          </tbody>
        </table>
      )}
      {state.requests.some((r) => r.dueDay !== undefined) && (
        <p>
          <button
            type="button"
            class="link-button"
            data-testid="export-ics"
            onClick={() =>
              store.save(
                'tracelight-deadlines.ics',
                deadlinesIcs(state.requests, now, icsWords(i18n)),
                'text/calendar',
              )
            }
          >
            {t('requests.exportIcs')}
          </button>
        </p>
      )}
    </article>
  )
}
