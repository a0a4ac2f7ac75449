import { useEffect } from 'preact/hooks'
import { ConfirmDialog } from '@/ui/components/ConfirmDialog'
import { LANGUAGES } from '@/ui/i18n'
import { useDashboard } from './context'

const RETENTION_CHOICES = [30, 90, 180, 365, 0]

export function SettingsPage() {
  const { settings: store, i18n } = useDashboard()
  const { t, tn } = i18n
  useEffect(() => {
    void store.load()
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
        <label>
          <input
            type="checkbox"
            data-testid="pause"
            checked={s.recordingPaused}
            onChange={(e) => void store.set('recordingPaused', e.currentTarget.checked)}
          />{' '}
          {t('settings.pause')}
        </label>
        <p class="muted">{t('settings.pauseHint')}</p>
      </div>
      <div class="setting">
        <label>
          <input
            type="checkbox"
            data-testid="evidence-mode"
            checked={s.evidenceMode}
            onChange={(e) => void store.set('evidenceMode', e.currentTarget.checked)}
          />{' '}
          {t('settings.evidence')}
        </label>
        <p class="muted">{t('settings.evidenceHint')}</p>
      </div>

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

      <section class="danger-zone" aria-label={t('settings.deleteAllTitle')}>
        <h2>{t('settings.deleteAllTitle')}</h2>
        {pending.kind === 'confirm-delete-all' ? (
          <ConfirmDialog
            id="confirm-all"
            message={t('settings.deleteAllConfirm')}
            confirmLabel={t('settings.deleteAllYes')}
            confirmTestId="confirm-delete-all"
            cancelLabel={t('common.cancel')}
            onConfirm={() => void store.deleteAll()}
            onCancel={() => (store.pending.value = { kind: 'idle' })}
          />
        ) : (
          <button
            type="button"
            class="danger"
            data-testid="delete-all"
            onClick={() => (store.pending.value = { kind: 'confirm-delete-all' })}
          >
            {t('settings.deleteAll')}
          </button>
        )}
      </section>
      <p role="status" class="muted" data-testid="settings-status">
        {pending.kind === 'working' && t('settings.working')}
        {pending.kind === 'done' && pending.what === 'saved' && t('settings.saved')}
        {pending.kind === 'done' && pending.what === 'deleted' && t('settings.deletedAll')}
        {pending.kind === 'failed' && t('settings.failed', { message: pending.message })}
      </p>
    </article>
  )
}
