import { signal } from '@preact/signals'
import { errorText } from './dashboard-api'
import type { UndoStore } from './undo-store'

/** The popup's recording switches, through the background. */
export interface RecordingApi {
  setExcluded(site: string, excluded: boolean): Promise<{ site: string; excluded: string[] }>
  setPaused(paused: boolean): Promise<void>
}

export type RecordingAction =
  { kind: 'idle' } | { kind: 'confirm' } | { kind: 'working' } | { kind: 'failed'; message: string }

/**
 * "Don't record this site" (optionally deleting what was recorded, undoable), "Record it
 * again" and "Resume recording". `reload` shows the result (the popup reads its tab again).
 */
export function createRecordingStore(
  api: RecordingApi,
  undo: UndoStore,
  reload: () => Promise<void>,
) {
  const action = signal<RecordingAction>({ kind: 'idle' })

  async function run(work: () => Promise<void>): Promise<void> {
    action.value = { kind: 'working' }
    try {
      await work()
      action.value = { kind: 'idle' }
      await reload()
    } catch (e) {
      action.value = { kind: 'failed', message: errorText(e) }
    }
  }

  return {
    action,
    ask: () => void (action.value = { kind: 'confirm' }),
    cancel: () => void (action.value = { kind: 'idle' }),
    exclude: (site: string, alsoDelete: boolean) =>
      run(async () => {
        const stored = await api.setExcluded(site, true)
        if (alsoDelete) await undo.remove({ kind: 'site', site: stored.site })
      }),
    include: (site: string) =>
      run(async () => {
        await api.setExcluded(site, false)
      }),
    resume: () => run(() => api.setPaused(false)),
  }
}

export type RecordingStore = ReturnType<typeof createRecordingStore>
