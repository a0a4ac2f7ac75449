import { useEffect, useMemo, useState } from 'preact/hooks'
import { useDashboard } from '@/ui/dashboard/context'
import type { I18n } from '@/ui/i18n'
import { dashboardEvidenceApi } from '@/ui/state/evidence-api'
import {
  createExportStore,
  type EvidenceApi,
  type ExportFormat,
  type ExportState,
  type ExportTarget,
} from '@/ui/state/evidence-store'
import './ExportButton.css'

const FORMATS: ExportFormat[] = ['zip', 'json', 'csv', 'html']

/** "1 site, 3 visits, 40 findings", and ", 2 requests you made" when there are any. */
export function countsWords(
  i18n: I18n,
  c: { sites: number; visits: number; findings: number; requests?: number },
) {
  return [
    i18n.tn('export.sites', c.sites),
    i18n.tn('export.visits', c.visits),
    i18n.tn('export.findings', c.findings),
    ...(c.requests === undefined || c.requests === 0
      ? []
      : [i18n.tn('export.requests', c.requests)]),
  ].join(', ')
}

function Status({
  state,
  i18n,
  onCancel,
}: {
  state: ExportState
  i18n: I18n
  onCancel: () => void
}) {
  const { t } = i18n
  if (state.kind === 'idle') return null
  if (state.kind === 'working') {
    const p = state.progress
    let text = t('export.starting')
    let value: number | undefined
    let max: number | undefined
    if (p?.phase === 'survey') {
      text = t('export.counting', { n: p.done })
      // An indeterminate bar animates every frame; a known bound keeps the page still.
      if (p.total !== undefined) {
        value = p.done
        max = Math.max(p.total, 1)
      }
    } else if (p?.phase === 'records') {
      text = t('export.sealing', { done: p.done, total: p.total })
      value = p.done
      max = Math.max(p.total, 1)
    } else if (p?.phase === 'files') {
      text = t('export.packing', { percent: Math.floor((p.done / Math.max(p.total, 1)) * 100) })
      value = p.done
      max = Math.max(p.total, 1)
    }
    return (
      <div
        class="status export-progress"
        role="status"
        data-testid="export-status"
        data-state="working"
      >
        <progress
          aria-label={t('export.progressLabel')}
          data-testid="export-progress"
          data-phase={p?.phase ?? 'starting'}
          data-done={p?.done ?? 0}
          data-total={p?.total}
          {...(value !== undefined && { value, max })}
        />
        <span>{text}</span>
        <button type="button" class="secondary" data-testid="export-cancel" onClick={onCancel}>
          {t('common.cancel')}
        </button>
      </div>
    )
  }
  if (state.kind === 'done') {
    const full = state.redaction === 'none'
    return (
      <div class="status" role="status" data-testid="export-status" data-state="done">
        <p>{t('export.saved', { name: state.name, what: countsWords(i18n, state.counts) })}</p>
        <p
          class={full && state.fullValues ? 'export-warn' : 'muted'}
          data-testid="export-redaction"
          data-redaction={state.redaction}
        >
          {full
            ? state.fullValues
              ? t('export.savedFull')
              : t('export.savedFullNone')
            : t('export.savedMasked')}
        </p>
        <p class="muted">
          {t('export.head')} <code data-testid="export-status-head">{state.head}</code>
        </p>
      </div>
    )
  }
  const message =
    state.kind === 'cancelled'
      ? t('export.cancelled')
      : state.kind === 'invalid'
        ? t(state.reason === 'order' ? 'export.periodOrder' : 'export.periodInvalid')
        : state.message === ''
          ? t('export.stopped')
          : t('export.failed', { message: state.message })
  return (
    <div
      class={state.kind === 'cancelled' ? 'status' : 'status error'}
      role={state.kind === 'cancelled' ? 'status' : 'alert'}
      data-testid="export-status"
      data-state={state.kind === 'cancelled' ? 'cancelled' : 'failed'}
    >
      <p>{message}</p>
    </div>
  )
}

/**
 * Saves a tamper-evident evidence file of everything, one site or one company, optionally
 * for a period, masked by default or as full evidence when the person chooses it. The work
 * runs in a worker and shows its progress, with a way to cancel it.
 */
export function ExportButton({
  target,
  api = dashboardEvidenceApi,
}: {
  target: ExportTarget
  api?: EvidenceApi
}) {
  const { i18n } = useDashboard()
  const { t } = i18n
  const store = useMemo(() => createExportStore(api), [api])
  useEffect(() => () => store.cancel(), [store])
  const [format, setFormat] = useState<ExportFormat>('zip')
  const [from, setFrom] = useState('')
  const [to, setTo] = useState('')
  const [full, setFull] = useState(false)
  const state = store.state.value
  const working = state.kind === 'working'
  const label =
    target.site !== undefined
      ? t('export.site')
      : target.company !== undefined
        ? t('export.company')
        : t('export.everything')
  const idBase = `export-${target.site ?? target.company ?? 'all'}`.replace(/[^a-zA-Z0-9-]/g, '_')
  return (
    <section class="evidence-export" data-testid="evidence-export" aria-label={t('export.title')}>
      <div class="export-row">
        <button
          type="button"
          data-testid="export-button"
          disabled={working}
          onClick={() => void store.run(target, { format, from, to, full })}
        >
          {label}
        </button>
        <label>
          {t('export.format')}{' '}
          <select
            data-testid="export-format"
            value={format}
            disabled={working}
            onChange={(e) => setFormat(e.currentTarget.value as ExportFormat)}
          >
            {FORMATS.map((f) => (
              <option key={f} value={f}>
                {t(`export.format.${f}`)}
              </option>
            ))}
          </select>
        </label>
      </div>
      <details class="export-options" data-testid="export-options">
        <summary>
          {t('export.options')}
          {(from !== '' || to !== '') && (
            <span class="muted">
              {' · '}
              {/* The date fields follow the browser's format; this echo, the page's. */}
              {from === '' ? '…' : i18n.longDay(from)} – {to === '' ? '…' : i18n.longDay(to)}
            </span>
          )}
        </summary>
        <fieldset class="export-period" disabled={working}>
          <legend>{t('export.period')}</legend>
          <label>
            {t('export.from')}{' '}
            <input
              type="date"
              data-testid="export-from"
              value={from}
              max={to || undefined}
              aria-describedby={`${idBase}-period`}
              onInput={(e) => setFrom(e.currentTarget.value)}
            />
          </label>
          <label>
            {t('export.to')}{' '}
            <input
              type="date"
              data-testid="export-to"
              value={to}
              min={from || undefined}
              aria-describedby={`${idBase}-period`}
              onInput={(e) => setTo(e.currentTarget.value)}
            />
          </label>
          <p id={`${idBase}-period`} class="muted export-hint">
            {t('export.periodHint')}
          </p>
        </fieldset>
        <label class="check">
          <input
            type="checkbox"
            data-testid="export-full"
            checked={full}
            disabled={working}
            aria-describedby={`${idBase}-full`}
            onChange={(e) => setFull(e.currentTarget.checked)}
          />
          <span>{t('export.full')}</span>
        </label>
        {!full && (
          <p id={`${idBase}-full`} class="muted export-hint" data-testid="export-full-hint">
            {t('export.maskedHint')}
          </p>
        )}
      </details>
      {/* Outside the options, so that it stays in view whenever full evidence is on. */}
      {full && (
        <p id={`${idBase}-full`} class="export-warn" data-testid="export-full-hint" role="note">
          {t('export.fullWarning')}
        </p>
      )}
      <Status state={state} i18n={i18n} onCancel={store.cancel} />
    </section>
  )
}
