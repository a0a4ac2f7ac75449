import { useEffect, useState } from 'preact/hooks'
import { localDay } from '@/db/aggregate'
import { rangeQuestion, summaryWords } from '@/ui/deletion-words'
import { LANGUAGES } from '@/ui/i18n'
import { rangeOfDays } from '@/ui/state/settings-store'
import { useDashboard } from './context'
import { DeleteFlowView } from './DeleteFlowView'

const RETENTION_CHOICES = [30, 90, 180, 365, 0]
const WEEK_MS = 6 * 86_400_000

/** The sites nothing is recorded on: the list, and a form to add one. */
function ExcludedSites({ list }: { list: readonly string[] }) {
  const { settings: store, i18n } = useDashboard()
  const { t } = i18n
  const [text, setText] = useState('')
  const [alsoDelete, setAlsoDelete] = useState(false)
  const invalid = store.pending.value.kind === 'invalid-site'
  return (
    <section aria-labelledby="excluded-title" data-testid="excluded">
      <h2 id="excluded-title">{t('settings.excludedTitle')}</h2>
      <p class="muted">{t('settings.excludedHint')}</p>
      {list.length === 0 ? (
        <p data-testid="excluded-none">{t('settings.excludedNone')}</p>
      ) : (
        <ul class="excluded-list" data-testid="excluded-list">
          {list.map((site) => (
            <li key={site} data-testid="excluded-site" data-site={site}>
              <span>{site}</span>
              <button
                type="button"
                class="secondary"
                data-testid="include-site"
                onClick={() => void store.include(site)}
              >
                {t('settings.excludeRemove', { site })}
              </button>
            </li>
          ))}
        </ul>
      )}
      <form
        class="exclude-form"
        onSubmit={(e) => {
          e.preventDefault()
          void store.exclude(text, alsoDelete).then((ok) => {
            if (ok) setText('')
          })
        }}
      >
        <label>
          {t('settings.excludeSite')}{' '}
          <input
            type="text"
            inputMode="url"
            autoComplete="off"
            spellcheck={false}
            placeholder="example.com"
            data-testid="exclude-input"
            value={text}
            aria-invalid={invalid}
            aria-describedby={invalid ? 'exclude-error' : undefined}
            onInput={(e) => setText(e.currentTarget.value)}
          />
        </label>
        <label class="check">
          <input
            type="checkbox"
            data-testid="exclude-delete"
            checked={alsoDelete}
            onChange={(e) => setAlsoDelete(e.currentTarget.checked)}
          />
          <span>{t('settings.excludeAlsoDelete')}</span>
        </label>
        <button type="submit" data-testid="exclude-add">
          {t('settings.excludeAdd')}
        </button>
      </form>
      {invalid && (
        <p id="exclude-error" class="status error" data-testid="exclude-error">
          {t('settings.excludeInvalid')}
        </p>
      )}
    </section>
  )
}

/** Two days and a button: deletes the visits that started between them. */
function DeletePeriod() {
  const { settings: store, i18n } = useDashboard()
  const { t } = i18n
  const today = localDay(Date.now())
  const [from, setFrom] = useState(localDay(Date.now() - WEEK_MS))
  const [to, setTo] = useState(today)
  const [invalid, setInvalid] = useState(false)
  return (
    <section class="danger-zone" aria-labelledby="range-title">
      <h2 id="range-title">{t('settings.rangeTitle')}</h2>
      <p class="muted">{t('settings.rangeHint')}</p>
      <DeleteFlowView
        flow={store.deleteRange}
        label={t('settings.rangeDelete')}
        testid="delete-range"
        ask={() => {
          const range = rangeOfDays(from, to)
          setInvalid(range === null)
          return range === null ? null : { kind: 'range', ...range }
        }}
        question={(summary, scope) =>
          scope.kind === 'range' ? rangeQuestion(i18n, summary, scope) : ''
        }
        done={t('settings.rangeDeleted')}
      >
        <div class="range-inputs">
          <label>
            {t('settings.rangeFrom')}{' '}
            <input
              type="date"
              data-testid="range-from"
              value={from}
              max={today}
              aria-invalid={invalid}
              onInput={(e) => setFrom(e.currentTarget.value)}
            />
          </label>
          <label>
            {t('settings.rangeTo')}{' '}
            <input
              type="date"
              data-testid="range-to"
              value={to}
              max={today}
              aria-invalid={invalid}
              onInput={(e) => setTo(e.currentTarget.value)}
            />
          </label>
        </div>
        {invalid && (
          <p class="status error" data-testid="range-error">
            {t('settings.rangeInvalid')}
          </p>
        )}
      </DeleteFlowView>
    </section>
  )
}

export function SettingsPage() {
  const { settings: store, i18n } = useDashboard()
  const { t, tn } = i18n
  useEffect(() => {
    void store.load()
    store.deleteAll.reset()
    store.deleteRange.reset()
  }, [store])
  const state = store.state.value
  const pending = store.pending.value
  const used = store.storage.value
  if (state.kind === 'loading') return <p class="status">{t('common.loading')}</p>
  if (state.kind === 'error')
    return (
      <p class="status error" role="alert">
        {t('common.readError', { message: state.message })}
      </p>
    )
  const s = state.value
  return (
    <article data-testid="settings-page">
      <h1>{t('settings.title')}</h1>

      <h2>{t('settings.recordingTitle')}</h2>
      <div class="setting">
        <label class="check">
          <input
            type="checkbox"
            data-testid="pause"
            checked={s.recordingPaused}
            aria-describedby="pause-hint"
            onChange={(e) => void store.set('recordingPaused', e.currentTarget.checked)}
          />
          <span>{t('settings.pause')}</span>
        </label>
        <p id="pause-hint" class="muted hint">
          {t('settings.pauseHint')}
        </p>
      </div>
      <div class="setting">
        <label class="check">
          <input
            type="checkbox"
            data-testid="evidence-mode"
            checked={s.evidenceMode}
            aria-describedby="evidence-mode-hint"
            onChange={(e) => void store.set('evidenceMode', e.currentTarget.checked)}
          />
          <span>{t('settings.evidence')}</span>
        </label>
        <p id="evidence-mode-hint" class="muted hint">
          {t('settings.evidenceHint')}
        </p>
      </div>

      <ExcludedSites list={s.excludedSites} />

      <h2>{t('settings.languageTitle')}</h2>
      <div class="setting">
        <label>
          {t('settings.language')}{' '}
          <select
            data-testid="language"
            value={s.language}
            onChange={(e) => void store.set('language', e.currentTarget.value)}
          >
            <option value="">{t('settings.languageBrowser')}</option>
            {Object.entries(LANGUAGES).map(([code, name]) => (
              <option key={code} value={code} lang={code}>
                {name}
              </option>
            ))}
          </select>
        </label>
      </div>

      <h2>{t('settings.historyTitle')}</h2>
      <div class="setting">
        <label>
          {t('settings.retention')}{' '}
          <select
            data-testid="retention"
            value={String(s.retentionDays)}
            onChange={(e) => void store.set('retentionDays', Number(e.currentTarget.value))}
          >
            {[...new Set([...RETENTION_CHOICES, s.retentionDays])].map((d) => (
              <option key={d} value={String(d)}>
                {d === 0 ? t('settings.forever') : tn('settings.days', d)}
              </option>
            ))}
          </select>
        </label>
        <p class="muted">{t('settings.retentionHint')}</p>
      </div>
      <p data-testid="storage-used">
        {used === null
          ? t('settings.storageUnknown')
          : t('settings.storage', { size: i18n.bytes(used) })}
      </p>

      <DeletePeriod />

      <section class="danger-zone" aria-labelledby="delete-all-title">
        <h2 id="delete-all-title">{t('settings.deleteAllTitle')}</h2>
        <DeleteFlowView
          flow={store.deleteAll}
          label={t('settings.deleteAll')}
          confirmLabel={t('settings.deleteAllYes')}
          testid="delete-all"
          ask={() => ({ kind: 'everything' })}
          question={(summary) => t('settings.deleteAllConfirm', summaryWords(i18n, summary))}
          done={t('settings.deletedAll')}
        />
      </section>
      <p role="status" class="muted" data-testid="settings-status">
        {pending.kind === 'working' && t('settings.working')}
        {pending.kind === 'done' && pending.what === 'saved' && t('settings.saved')}
        {pending.kind === 'done' &&
          pending.what === 'excluded' &&
          t('settings.excludeAdded', { site: pending.site })}
        {pending.kind === 'done' &&
          pending.what === 'included' &&
          t('settings.excludeRemoved', { site: pending.site })}
        {pending.kind === 'failed' && t('settings.failed', { message: pending.message })}
      </p>
    </article>
  )
}
