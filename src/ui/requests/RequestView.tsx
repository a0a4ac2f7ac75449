import { useEffect, useState } from 'preact/hooks'
import { lawById, isKindId } from '@/requests/laws'
import { isOverdue, nextStatuses } from '@/requests/track'
import type { UserStatus } from '@/requests/messages'
import { LETTER_PACKS } from '@/requests/letters'
import { requestLanguage } from './draft-store'
import { kindLabel, lawWords, useI18n } from './i18n'
import type { RequestListStore } from './list-store'
import { dueText, statusAction, statusLabel } from './words'

export function RequestView({ store, id }: { store: RequestListStore; id: number }) {
  const i18n = useI18n()
  const { t } = i18n
  const [note, setNote] = useState('')
  useEffect(() => {
    void store.load()
  }, [store, id])
  const state = store.state.value
  if (state.kind === 'loading') return <p class="status">{t('common.loading')}</p>
  if (state.kind === 'error')
    return (
      <p class="status error" role="alert">
        {t('requests.listError', { message: state.message })}
      </p>
    )
  const r = state.requests.find((x) => x.id === id)
  if (r === undefined) return <p class="status">{t('requests.missing')}</p>
  const law = lawById(r.law)
  const words = law === undefined ? null : lawWords(i18n, law)
  const late = r.status === 'overdue' || isOverdue(r, store.now())
  const language = requestLanguage(r)
  const followUp = (kind: 'reminder' | 'complaint') =>
    `#/requests/new?site=${encodeURIComponent(r.site)}&followUp=${r.id ?? ''}&kind=${kind}`
  return (
    <article class="requests" data-testid="request-view">
      <p>
        <a href="#/requests">{t('requests.allRequests')}</a>
      </p>
      <h1>
        {isKindId(r.kind) ? kindLabel(t, r.kind) : r.kind} — {r.company}
      </h1>
      <div class="facts">
        <div>
          <strong class="word" data-testid="view-status">
            {statusLabel(t, late ? 'overdue' : r.status)}
          </strong>
          {t('requests.factStatus')}
        </div>
        <div>
          <strong class="word" data-testid="view-due">
            {dueText(i18n, r.dueDay)}
          </strong>
          {r.extension ? t('requests.factDueExtended') : t('requests.factDue')}
        </div>
        <div>
          <strong class="word">{words?.short ?? r.law}</strong>
          {t('requests.factLaw')}
        </div>
        <div>
          <strong class="word">{r.reference}</strong>
          {t('requests.factReference')}
        </div>
        {language !== null && (
          <div>
            <strong class="word" lang={language} data-testid="view-language">
              {LETTER_PACKS[language].name}
            </strong>
            {t('requests.factLanguage')}
          </div>
        )}
      </div>
      {late && (
        <div class="late-box" data-testid="late-box">
          <p>{t('requests.late', { authority: words?.authority ?? '—' })}</p>
          <a class="button" href={followUp('reminder')} data-testid="draft-reminder">
            {t('requests.draftReminder')}
          </a>{' '}
          <a class="button" href={followUp('complaint')} data-testid="draft-complaint">
            {t('requests.draftComplaint')}
          </a>
        </div>
      )}
      <h2>{t('requests.historyTitle')}</h2>
      <ol class="history" data-testid="history">
        {r.history.map((e, i) => (
          <li key={i} data-status={e.status}>
            <strong>{statusLabel(t, e.status)}</strong> · {i18n.dateTime(e.at)}
            {e.note !== undefined && <span class="muted"> — {e.note}</span>}
          </li>
        ))}
      </ol>
      {nextStatuses(r).length > 0 && (
        <div class="record">
          <label class="field">
            <span>{t('requests.note')}</span>
            <input
              value={note}
              onInput={(e) => setNote(e.currentTarget.value)}
              data-testid="status-note"
            />
          </label>
          <div class="actions">
            {(nextStatuses(r) as UserStatus[]).map((s) => (
              <button
                type="button"
                key={s}
                data-testid={`status-${s}`}
                onClick={() => {
                  if (r.id !== undefined)
                    void store.setStatus(r.id, s, note).then(() => setNote(''))
                }}
              >
                {statusAction(t, s)}
              </button>
            ))}
          </div>
          {store.error.value !== null && (
            <p class="status error" role="alert" data-testid="status-error">
              {t(`requests.error.${store.error.value}`)}
            </p>
          )}
        </div>
      )}
      <h2>{t('requests.letterTitle')}</h2>
      <p class="muted">
        {r.recipient === ''
          ? r.sentAt === undefined
            ? t('requests.sentToChosen')
            : t('requests.sentToChosenOn', { date: i18n.dateTime(r.sentAt) })
          : r.sentAt === undefined
            ? t('requests.sentTo', { recipient: r.recipient })
            : t('requests.sentToOn', { recipient: r.recipient, date: i18n.dateTime(r.sentAt) })}
      </p>
      <div class="letter" lang={language ?? undefined}>
        <p class="subject">{r.subject}</p>
        <pre>{r.text}</pre>
      </div>
    </article>
  )
}
