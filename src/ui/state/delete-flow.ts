import { signal } from '@preact/signals'
import type { DeleteSummary } from '@/db/schema'
import type { DeleteRequest } from '@/messages'
import { errorText } from './dashboard-api'
import type { UndoStore } from './undo-store'

export type DeleteFlowState =
  | { kind: 'idle' }
  | { kind: 'checking'; scope: DeleteRequest }
  | { kind: 'confirm'; scope: DeleteRequest; summary: DeleteSummary }
  | { kind: 'nothing'; scope: DeleteRequest }
  /** `moved`: how much is already gone, while a large deletion runs. */
  | { kind: 'working'; scope: DeleteRequest; summary: DeleteSummary; moved: DeleteSummary | null }
  | { kind: 'done'; scope: DeleteRequest; summary: DeleteSummary }
  | { kind: 'failed'; message: string }

/**
 * One "delete …" button's steps: count what would go, ask with those numbers, delete through
 * the undo store (which then offers Undo), and say what happened. Nothing is deleted without
 * the person's confirmation, and a deletion with nothing to remove is never sent.
 */
export function createDeleteFlow(
  api: {
    previewDeletion(scope: DeleteRequest): Promise<DeleteSummary>
    /** What the deletion now running has removed so far (null: none running). */
    deletionProgress(): Promise<DeleteSummary | null>
  },
  undo: UndoStore,
  every: (run: () => void, ms: number) => () => void = (run, ms) => {
    const timer = setInterval(run, ms)
    return () => clearInterval(timer)
  },
) {
  const state = signal<DeleteFlowState>({ kind: 'idle' })

  async function ask(scope: DeleteRequest): Promise<void> {
    state.value = { kind: 'checking', scope }
    try {
      const summary = await api.previewDeletion(scope)
      const empty = summary.sites === 0 && summary.visits === 0 && summary.findings === 0
      state.value = empty ? { kind: 'nothing', scope } : { kind: 'confirm', scope, summary }
    } catch (e) {
      state.value = { kind: 'failed', message: errorText(e) }
    }
  }

  async function confirm(): Promise<void> {
    const s = state.value
    if (s.kind !== 'confirm') return
    state.value = { kind: 'working', scope: s.scope, summary: s.summary, moved: null }
    // A large deletion takes a while: show how far it got, twice a second.
    const stop = every(() => {
      void api
        .deletionProgress()
        .then((moved) => {
          const now = state.value
          if (now.kind === 'working' && moved !== null) state.value = { ...now, moved }
        })
        .catch(() => undefined)
    }, 500)
    try {
      const { summary } = await undo.remove(s.scope)
      state.value = { kind: 'done', scope: s.scope, summary }
    } catch (e) {
      state.value = { kind: 'failed', message: errorText(e) }
    } finally {
      stop()
    }
  }

  const reset = () => void (state.value = { kind: 'idle' })
  return { state, ask, confirm, cancel: reset, reset }
}

export type DeleteFlow = ReturnType<typeof createDeleteFlow>
