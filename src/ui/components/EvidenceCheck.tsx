import { useMemo } from 'preact/hooks'
import { createCheckStore } from '@/ui/state/evidence-store'
import { TaskStatus } from './TaskStatus'

/** "Check an evidence file": verifies a JSON or zip export without touching any data. */
export function EvidenceCheck() {
  const store = useMemo(() => createCheckStore(), [])
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
    </section>
  )
}
