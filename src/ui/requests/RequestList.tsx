import { useEffect } from 'preact/hooks'
import { lawById } from '@/requests/laws'
import { KIND_LABELS } from '@/requests/templates'
import { isKindId } from '@/requests/laws'
import { isOverdue } from '@/requests/track'
import { deadlinesIcs } from '@/requests/ics'
import { formatDateTime } from '@/ui/labels'
import type { RequestListStore } from './list-store'
import { dueText, STATUS_LABELS } from './words'

export function RequestList({ store }: { store: RequestListStore }) {
  useEffect(() => {
    void store.load()
  }, [store])
  const state = store.state.value
  if (state.kind === 'loading') return <p class="status">Loading…</p>
  if (state.kind === 'error')
    return (
      <p class="status error" role="alert">
        Could not read your requests: {state.message}
      </p>
    )
  const now = store.now()
  return (
    <article class="requests" data-testid="requests-page">
      <h1>Your requests</h1>
      <p class="muted">
        Ask a site or a tracking company what it holds about you, to delete it, or to stop. Start
        from a site’s page in Tracelight: “Ask this company for your data”.
      </p>
      {state.requests.length === 0 ? (
        <p class="status" data-testid="requests-empty">
          You have not sent any request yet.
        </p>
      ) : (
        <table data-testid="requests-table">
          <thead>
            <tr>
              <th scope="col">To</th>
              <th scope="col">Request</th>
              <th scope="col">Sent</th>
              <th scope="col">Answer due</th>
              <th scope="col">Status</th>
            </tr>
          </thead>
          <tbody>
            {state.requests.map((r) => {
              const late = r.status === 'overdue' || isOverdue(r, now)
              return (
                <tr
                  key={r.id}
                  data-testid="request-row"
                  data-status={r.status}
                  class={late ? 'late' : ''}
                >
                  <td>
                    <a href={`#/requests/${r.id}`}>{r.company}</a>
                    {r.company !== r.site && <span class="muted"> · seen on {r.site}</span>}
                  </td>
                  <td>
                    {isKindId(r.kind) ? KIND_LABELS[r.kind].label : r.kind}
                    <span class="muted"> · {lawById(r.law)?.short ?? r.law}</span>
                  </td>
                  <td>{r.sentAt === undefined ? '—' : formatDateTime(r.sentAt)}</td>
                  <td data-testid="request-due">{dueText(r.dueDay)}</td>
                  <td data-testid="request-status">
                    {late ? STATUS_LABELS.overdue : STATUS_LABELS[r.status]}
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
                deadlinesIcs(state.requests, now),
                'text/calendar',
              )
            }
          >
            Add the deadlines to your calendar (.ics)
          </button>
        </p>
      )}
    </article>
  )
}
