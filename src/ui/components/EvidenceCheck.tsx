import { useMemo, useRef } from 'preact/hooks'
import { MAX_IMPORT_CHARS } from '@/evidence/import-limit'
import type { Problem } from '@/evidence/verify'
import { useDashboard } from '@/ui/dashboard/context'
import type { I18n } from '@/ui/i18n'
import { problemText } from '@/ui/problem-words'
import { dashboardImporter } from '@/ui/state/evidence-api'
import {
  createCheckStore,
  type CheckState,
  type ImportState,
  type Importer,
} from '@/ui/state/evidence-store'
import { countsWords } from './ExportButton'

function Problems({
  problems,
  testid,
  i18n,
}: {
  problems: readonly Problem[]
  testid: string
  i18n: I18n
}) {
  return (
    <ul data-testid={testid}>
      {problems.map((p, i) => (
        <li key={i}>{problemText(i18n, p)}</li>
      ))}
    </ul>
  )
}

/** "Check an evidence file": verifies a JSON or zip export without touching any data; a file
 * that passes can then be added to this browser's history. */
export function EvidenceCheck({ importer = dashboardImporter }: { importer?: Importer }) {
  const { i18n } = useDashboard()
  const { t, tn } = i18n
  const store = useMemo(() => createCheckStore(importer), [importer])
  const picker = useRef<HTMLInputElement>(null)
  const verified = store.verified.value
  const check: CheckState = store.state.value
  const imported: ImportState = store.importState.value
  const failed = check.kind === 'failed' || check.kind === 'tooLarge' || check.kind === 'unreadable'
  return (
    <section class="evidence-check" data-testid="evidence-check">
      {/* The browser's own file input speaks the browser's language ("Choose File"): it is
          hidden, and this button in the page's language opens it. */}
      <div class="check-row">
        <button
          type="button"
          class="secondary"
          data-testid="evidence-choose"
          disabled={check.kind === 'working'}
          onClick={() => picker.current?.click()}
        >
          {t('check.label')}
        </button>
        <span class="muted">{t('check.hint')}</span>
        <input
          ref={picker}
          type="file"
          hidden
          accept=".json,.zip,application/json,application/zip"
          data-testid="evidence-file"
          onChange={(e) => {
            const input = e.currentTarget
            const file = input.files?.[0]
            if (file !== undefined) void store.check(file)
            input.value = ''
          }}
        />
      </div>
      {check.kind !== 'idle' && (
        <div
          class={failed ? 'status error' : 'status'}
          role={failed ? 'alert' : 'status'}
          data-testid="evidence-check-status"
          data-state={failed ? 'failed' : check.kind}
        >
          <p>
            {check.kind === 'working' &&
              (check.done === 0
                ? t('check.working', { name: check.name })
                : t('check.progress', {
                    name: check.name,
                    percent: Math.floor((check.done / Math.max(check.total, 1)) * 100),
                  }))}
            {check.kind === 'tooLarge' &&
              t('check.tooLarge', { name: check.name, size: check.megabytes })}
            {check.kind === 'unreadable' &&
              t('check.unreadable', { name: check.name, message: check.message })}
            {check.kind === 'failed' && t('check.failed', { name: check.name })}
            {check.kind === 'done' &&
              t('check.intact', {
                name: check.name,
                what: countsWords(i18n, check.counts),
                date: check.made,
                generator: check.generator,
              })}
          </p>
          {check.kind === 'failed' && (
            <Problems
              problems={check.problems}
              testid="evidence-check-status-problems"
              i18n={i18n}
            />
          )}
          {check.kind === 'done' && (
            <p class="muted">
              {t('export.head')} <code data-testid="evidence-check-status-head">{check.head}</code>
            </p>
          )}
        </div>
      )}
      {check.kind === 'done' && !check.importable && (
        <p class="muted" data-testid="evidence-import-too-large">
          {t('check.tooLargeToImport', {
            size: check.megabytes,
            limit: Math.round(MAX_IMPORT_CHARS / 1048576),
          })}
        </p>
      )}
      {verified !== null && check.kind === 'done' && check.importable && (
        <button
          type="button"
          data-testid="evidence-import"
          disabled={imported.kind === 'working'}
          onClick={() => void store.importVerified()}
        >
          {t('check.import')}
        </button>
      )}
      {imported.kind !== 'idle' && (
        <div
          class={
            imported.kind === 'failed' || imported.kind === 'error' ? 'status error' : 'status'
          }
          role={imported.kind === 'failed' || imported.kind === 'error' ? 'alert' : 'status'}
          data-testid="evidence-import-status"
          data-state={imported.kind === 'error' ? 'failed' : imported.kind}
        >
          <p>
            {imported.kind === 'working' && t('check.importing', { name: imported.name })}
            {imported.kind === 'failed' && t('check.importFailed', { name: imported.name })}
            {imported.kind === 'error' &&
              t('check.importError', { name: imported.name, message: imported.message })}
            {imported.kind === 'done' &&
              [
                t('check.imported', {
                  name: imported.name,
                  visits: tn('export.visits', imported.visits),
                  findings: tn('export.findings', imported.findings),
                }),
                imported.duplicates === 0 ? '' : tn('check.duplicates', imported.duplicates),
                imported.requests === 0 ? '' : tn('check.importedRequests', imported.requests),
                imported.maskedRequests === 0
                  ? ''
                  : tn('check.maskedRequests', imported.maskedRequests),
              ]
                .filter((s) => s !== '')
                .join(' ')}
          </p>
          {imported.kind === 'failed' && (
            <Problems
              problems={imported.problems}
              testid="evidence-import-status-problems"
              i18n={i18n}
            />
          )}
        </div>
      )}
    </section>
  )
}
