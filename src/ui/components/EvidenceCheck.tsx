import { useMemo } from 'preact/hooks'
import { dashboardImporter } from '@/ui/state/evidence-api'
import { createCheckStore, type Importer } from '@/ui/state/evidence-store'
import { TaskStatus } from './TaskStatus'

/** "Check an evidence file": verifies a JSON or zip export without touching any data; a file
 * that passes can then be added to this browser's history. */
export function EvidenceCheck({ importer = dashboardImporter }: { importer?: Importer }) {
  const store = useMemo(() => createCheckStore(importer), [importer])
  const verified = store.verified.value
  const importing = store.importState.value
  return (
    <section class="evidence-check" data-testid="evidence-check">
      <label>
        Check an evidence file{' '}
        <input
          type="file"
          accept=".json,.zip,application/json,application/zip"
          data-testid="evidence-file"
          onChange={(e) => {
            const input = e.currentTarget as HTMLInputElement
            const file = input.files?.[0]
            if (file !== undefined) void store.check(file)
            input.value = ''
          }}
        />
      </label>
      <TaskStatus state={store.state.value} testid="evidence-check-status" />
      {verified !== null && (
        <button
          type="button"
          data-testid="evidence-import"
          disabled={importing.kind === 'working'}
          onClick={() => void store.importVerified()}
        >
          Add it to this browser's history
        </button>
      )}
      <TaskStatus state={importing} testid="evidence-import-status" />
    </section>
  )
}
