import { useEffect } from 'preact/hooks'
import type { I18n } from '@/ui/i18n'
import type { CompanyGroup } from '@/ui/state/group'
import type { PopupStore } from '@/ui/state/popup-store'
import type { RecordingStore } from '@/ui/state/recording-store'
import type { UndoStore } from '@/ui/state/undo-store'
import { CompanyRow } from '@/ui/components/CompanyRow'
import { GpcControl } from '@/ui/components/GpcControl'
import { SignalRow } from '@/ui/components/SignalRow'
import { UndoBar } from '@/ui/components/UndoBar'
import type { GpcStore } from '@/ui/state/gpc-store'
import { decodedFindings } from '@/ui/signals'
import '@/ui/components/manage.css'

export interface PopupProps {
  store: PopupStore
  gpc: GpcStore
  recording: RecordingStore
  undo: UndoStore
  i18n: I18n
  /** Where the site's history page lives (an extension URL). */
  siteHref(site: string): string
}

function Section({
  title,
  groups,
  testid,
  i18n,
}: {
  title: string
  groups: CompanyGroup[]
  testid: string
  i18n: I18n
}) {
  if (groups.length === 0) return null
  return (
    <section aria-label={title}>
      <h2>{title}</h2>
      <ul class="companies" data-testid={testid}>
        {groups.map((g) => (
          <CompanyRow key={g.name} group={g} i18n={i18n} />
        ))}
      </ul>
    </section>
  )
}

/** "Don't record this site": asks first, then stops recording, keeping or deleting its history. */
function ExcludeControl({
  recording,
  site,
  i18n,
}: {
  recording: RecordingStore
  site: string
  i18n: I18n
}) {
  const { t } = i18n
  const action = recording.action.value
  return (
    <section class="recording" aria-label={t('popup.exclude')}>
      {action.kind === 'confirm' || action.kind === 'working' ? (
        <div role="alertdialog" aria-labelledby="exclude-text" class="confirm">
          <p id="exclude-text">{t('popup.excludeConfirm', { site })}</p>
          <div class="actions">
            <button
              type="button"
              data-testid="exclude-keep"
              disabled={action.kind === 'working'}
              onClick={() => void recording.exclude(site, false)}
            >
              {t('popup.excludeKeep')}
            </button>
            <button
              type="button"
              class="danger"
              data-testid="exclude-delete"
              disabled={action.kind === 'working'}
              onClick={() => void recording.exclude(site, true)}
            >
              {t('popup.excludeDelete')}
            </button>
            <button type="button" class="secondary" onClick={recording.cancel}>
              {t('common.cancel')}
            </button>
          </div>
        </div>
      ) : (
        <button
          type="button"
          class="link-button"
          data-testid="exclude-site"
          onClick={recording.ask}
        >
          {t('popup.exclude')}
        </button>
      )}
      {action.kind === 'failed' && (
        <p class="status error" role="alert">
          {t('popup.failed', { message: action.message })}
        </p>
      )}
    </section>
  )
}

export function Popup({ store, gpc, recording, undo, i18n, siteHref }: PopupProps) {
  const { t, tn } = i18n
  useEffect(() => {
    void store.start()
  }, [store])
  const state = store.state.value
  const summary = store.summary.value
  const decoded = state.kind === 'ready' ? decodedFindings(state.findings) : []
  const gpcIgnored =
    state.kind === 'ready' ? state.findings.find((f) => f.signal === 'gpc.ignored') : undefined
  const action = recording.action.value

  return (
    <main class="popup" aria-busy={state.kind === 'loading'}>
      <header class="brand">
        <span class="logo" aria-hidden="true" />
        <span>Tracelight</span>
      </header>
      {state.kind === 'loading' && (
        <p class="status" data-testid="state-loading">
          {t('common.loading')}
        </p>
      )}
      {state.kind === 'internal' && (
        <p class="status" data-testid="state-internal">
          {t('popup.internal')}
        </p>
      )}
      {state.kind === 'not-recorded' && (
        <p class="status" data-testid="state-not-recorded">
          {t('popup.notRecorded')}
        </p>
      )}
      {state.kind === 'error' && (
        <div class="status error" role="alert" data-testid="state-error">
          <p>{t('popup.readError')}</p>
          <p class="muted">{state.message}</p>
          <button type="button" onClick={() => void store.load()}>
            {t('popup.retry')}
          </button>
        </div>
      )}
      {state.kind === 'ready' && state.recording === 'excluded' && (
        <>
          <h1 class="site" data-testid="site-name">
            {state.visit.site}
          </h1>
          <div class="status" data-testid="state-excluded">
            <p>{t('popup.excluded', { site: state.visit.site })}</p>
            <button
              type="button"
              data-testid="include-site"
              disabled={action.kind === 'working'}
              onClick={() => void recording.include(state.visit.site)}
            >
              {t('popup.include', { site: state.visit.site })}
            </button>
          </div>
          {action.kind === 'failed' && (
            <p class="status error" role="alert">
              {t('popup.failed', { message: action.message })}
            </p>
          )}
        </>
      )}
      {state.kind === 'ready' && state.recording !== 'excluded' && summary !== null && (
        <>
          <h1 class="site" data-testid="site-name">
            {state.visit.site}
          </h1>
          {state.recording === 'paused' && (
            <div class="status" data-testid="state-paused">
              <p>{t('popup.paused')}</p>
              <button
                type="button"
                data-testid="resume"
                disabled={action.kind === 'working'}
                onClick={() => void recording.resume()}
              >
                {t('popup.resume')}
              </button>
            </div>
          )}
          {state.storageError !== null && (
            <p class="status error" role="alert" data-testid="storage-error">
              {t('popup.storageError', { message: state.storageError })}
            </p>
          )}
          <p class="totals" data-testid="totals">
            <strong data-testid="tracker-count">{i18n.num(summary.trackerCompanies)}</strong>{' '}
            {tn('popup.trackers', summary.trackerCompanies)} ·{' '}
            <strong data-testid="thirdparty-count">{i18n.num(summary.thirdParties)}</strong>{' '}
            {tn('popup.thirdParties', summary.thirdParties)} {t('popup.contacted')}
          </p>
          {summary.trackers.length === 0 && summary.others.length === 0 && (
            <p class="status" data-testid="state-empty">
              {t('popup.empty')}
            </p>
          )}
          {decoded.length > 0 && (
            <section aria-label={t('popup.sentTitle')}>
              <h2>{t('popup.sentTitle')}</h2>
              <ul class="companies" data-testid="signals">
                {decoded.map((f) => (
                  <SignalRow key={`${f.signal} ${f.party}`} finding={f} i18n={i18n} />
                ))}
              </ul>
            </section>
          )}
          <Section
            title={t('popup.trackersTitle')}
            groups={summary.trackers}
            testid="trackers"
            i18n={i18n}
          />
          <Section
            title={t('popup.othersTitle')}
            groups={summary.others}
            testid="others"
            i18n={i18n}
          />
          <GpcControl
            store={gpc}
            site={state.visit.site}
            i18n={i18n}
            support={state.findings
              .find((f) => f.signal === 'gpc.support')
              ?.evidence.details?.at(-1)}
            ignored={gpcIgnored && (gpcIgnored.evidence.details?.[0] ?? {})}
          />
          <ExcludeControl recording={recording} site={state.visit.site} i18n={i18n} />
          <p class="ask">
            <a
              href={`${siteHref(state.visit.site).split('#')[0] ?? ''}#/requests/new?site=${encodeURIComponent(state.visit.site)}`}
              target="_blank"
              rel="noreferrer"
              data-testid="popup-ask"
            >
              {t('popup.ask')}
            </a>
          </p>
          <footer>
            <a
              href={siteHref(state.visit.site)}
              target="_blank"
              rel="noreferrer"
              data-testid="site-link"
            >
              {t('popup.history', { site: state.visit.site })}
            </a>
            <span class="muted">
              {tn(
                'popup.trackerRequests',
                summary.trackers.reduce((n, g) => n + g.requests, 0),
              )}
            </span>
          </footer>
        </>
      )}
      <UndoBar store={undo} i18n={i18n} />
    </main>
  )
}
