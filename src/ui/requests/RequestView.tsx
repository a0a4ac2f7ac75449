import { useEffect, useState } from 'preact/hooks'
import { lawById, isKindId } from '@/requests/laws'
import { KIND_LABELS } from '@/requests/templates'
import { isOverdue, nextStatuses } from '@/requests/track'
import type { UserStatus } from '@/requests/messages'
import { formatDateTime } from '@/ui/labels'
import type { RequestListStore } from './list-store'
import { dueText, STATUS_ACTIONS, STATUS_LABELS } from './words'

export function RequestView({ store, id }: { store: RequestListStore; id: number }) {
  const [note, setNote] = useState('')
  useEffect(() => {
    void store.load()
  }, [store, id])
  const state = store.state.value
  if (state.kind === 'loading') return <p class="status">Loading…</p>
  if (state.kind === 'error')
    return (
      <p class="status error" role="alert">
        Could not read your requests: {state.message}
      </p>
    )
  const r = state.requests.find((x) => x.id === id)
  if (r === undefined) return <p class="status">This request does not exist (any more).</p>
  const law = lawById(r.law)
  const late = r.status === 'overdue' || isOverdue(r, store.now())
  const followUp = (kind: 'reminder' | 'complaint') =>
    `#/requests/new?site=${encodeURIComponent(r.site)}&followUp=${r.id ?? ''}&kind=${kind}`
  return (
    <article class="requests" data-testid="request-view">
      <p>
        <a href="#/requests">← All requests</a>
      </p>
      <h1>
        {isKindId(r.kind) ? KIND_LABELS[r.kind].label : r.kind} — {r.company}
      </h1>
      <div class="facts">
        <div>
          <strong data-testid="view-status">
            {late ? STATUS_LABELS.overdue : STATUS_LABELS[r.status]}
          </strong>
          status
        </div>
        <div>
          <strong data-testid="view-due">{dueText(r.dueDay)}</strong>
          answer due{r.extension ? ' (extended)' : ''}
        </div>
        <div>
          <strong>{law?.short ?? r.law}</strong>law
        </div>
        <div>
          <strong>{r.reference}</strong>reference
        </div>
      </div>
      {late && (
        <div class="late-box" data-testid="late-box">
          <p>
            The deadline has passed without an answer. You can remind them, and then complain to{' '}
            {law?.authority ?? 'the authority'}.
          </p>
          <a class="button" href={followUp('reminder')} data-testid="draft-reminder">
            Draft a reminder
          </a>{' '}
          <a class="button" href={followUp('complaint')} data-testid="draft-complaint">
            Draft a complaint
          </a>
        </div>
      )}
      <h2>What happened</h2>
      <ol class="history" data-testid="history">
        {r.history.map((e, i) => (
          <li key={i} data-status={e.status}>
            <strong>{STATUS_LABELS[e.status]}</strong> · {formatDateTime(e.at)}
            {e.note !== undefined && <span class="muted"> — {e.note}</span>}
          </li>
        ))}
      </ol>
      {nextStatuses(r).length > 0 && (
        <div class="record">
          <label class="field">
            <span>Note (optional), e.g. what their answer said</span>
            <input
              value={note}
              onInput={(e) => setNote(e.currentTarget.value)}
              data-testid="status-note"
            />
          </label>
          <div class="actions">
            {nextStatuses(r).map((s) => (
              <button
                type="button"
                key={s}
                data-testid={`status-${s}`}
                onClick={() => {
                  if (r.id !== undefined)
                    void store.setStatus(r.id, s as UserStatus, note).then(() => setNote(''))
                }}
              >
                {STATUS_ACTIONS[s]}
              </button>
            ))}
          </div>
          {store.error.value !== '' && <p class="status error">{store.error.value}</p>}
        </div>
      )}
      <h2>The letter</h2>
      <p class="muted">
        Sent to {r.recipient === '' ? 'an address you chose' : r.recipient}
        {r.sentAt === undefined ? '' : ` on ${formatDateTime(r.sentAt)}`}
      </p>
      <div class="letter">
        <p class="subject">{r.subject}</p>
        <pre>{r.text}</pre>
      </div>
    </article>
  )
}
