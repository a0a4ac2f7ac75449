import { useMemo, useState } from 'preact/hooks'
import { dashboardEvidenceApi } from '@/ui/state/evidence-api'
import { createExportStore, type EvidenceApi, type ExportFormat } from '@/ui/state/evidence-store'
import { TaskStatus } from './TaskStatus'

const FORMATS: { value: ExportFormat; label: string }[] = [
  { value: 'zip', label: 'Zip: data, spreadsheet and report' },
  { value: 'json', label: 'Data (JSON)' },
  { value: 'csv', label: 'Spreadsheet (CSV)' },
  { value: 'html', label: 'Report (HTML)' },
]

/** Saves a tamper-evident evidence file of one site (`site`) or of everything (null). */
export function ExportButton({
  site,
  api = dashboardEvidenceApi,
}: {
  site: string | null
  api?: EvidenceApi
}) {
  const store = useMemo(() => createExportStore(api), [api])
  const [format, setFormat] = useState<ExportFormat>('zip')
  const state = store.state.value
  return (
    <section class="evidence-export" data-testid="evidence-export">
      <label>
        <span class="muted">Format </span>
        <select
          data-testid="export-format"
          value={format}
          onChange={(e) => setFormat((e.currentTarget as HTMLSelectElement).value as ExportFormat)}
        >
          {FORMATS.map((f) => (
            <option key={f.value} value={f.value}>
              {f.label}
            </option>
          ))}
        </select>
      </label>{' '}
      <button
        type="button"
        data-testid="export-button"
        disabled={state.kind === 'working'}
        onClick={() => void store.run(site, format)}
      >
        {site === null ? 'Export everything' : 'Export this site'}
      </button>
      <TaskStatus state={state} testid="export-status" />
    </section>
  )
}
