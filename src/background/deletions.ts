import type { DeleteSummary, PendingDeletionRow, TracelightDb } from '@/db/schema'
import {
  previewDeletion,
  settleDeletions,
  stageDeletion,
  undoDeletion,
  type UndoResult,
} from '@/db/staged-delete'
import type { DeleteRequest, PendingDeletion } from '@/messages'

export interface DeletionDeps {
  db: TracelightDb
  now(): number
  /** Stores what the recorder still holds, so a deletion covers it too. */
  flush(): Promise<void>
  setTimer(run: () => void, ms: number): unknown
  clearTimer(handle: unknown): void
  /** Wakes a stopped background at `when` (an alarm), so a deletion becomes final on time. */
  wakeAt(when: number): Promise<void>
  /** Runs after every deletion was settled (retention waits for a pending one). */
  settled?(): void
}

const toPending = (op: PendingDeletionRow): PendingDeletion => ({
  id: op.id as number,
  scope: op.scope.kind === 'company' ? { kind: 'company', name: op.scope.name } : { ...op.scope },
  summary: op.summary,
  deadline: op.deadline,
})

/**
 * The background's side of undoable deletions. Every operation runs in one queue, so a
 * deletion, its undo and its becoming final never interleave. A timer makes a deletion final
 * at its deadline while the worker runs; an alarm wakes a stopped worker, whose start
 * (`start`) settles whatever the last one left.
 */
export function createDeletions(deps: DeletionDeps) {
  const { db, now } = deps
  let queue: Promise<unknown> = Promise.resolve()
  let timer: unknown

  function run<T>(work: () => Promise<T>): Promise<T> {
    const result = queue.then(work)
    queue = result.catch(() => undefined)
    return result
  }

  function schedule(staged: readonly PendingDeletionRow[]): void {
    if (timer !== undefined) deps.clearTimer(timer)
    timer = undefined
    if (staged.length === 0) {
      deps.settled?.()
      return
    }
    const next = Math.min(...staged.map((op) => op.deadline))
    timer = deps.setTimer(() => void settle().catch(() => undefined), Math.max(0, next - now()))
    void deps.wakeAt(next).catch(() => undefined)
  }

  /** Finishes what a stopped worker left and makes past-deadline deletions final (with
   * `supersede`, every deletion: the person did something that replaces the undo). */
  function settle(supersede = false): Promise<PendingDeletion[]> {
    return run(async () => {
      const staged = await settleDeletions(db, now, supersede)
      schedule(staged)
      return staged.map(toPending)
    })
  }

  return {
    start: () => settle(),
    settle: () => settle(),
    /** Makes any pending deletion final now. */
    finalize: () => settle(true),
    /** What a deletion would remove, for its confirmation. */
    preview(request: DeleteRequest): Promise<DeleteSummary> {
      return run(async () => {
        await deps.flush()
        return previewDeletion(db, request)
      })
    },
    /** Deletes now; undoable until the returned deadline. */
    delete(request: DeleteRequest): Promise<PendingDeletion> {
      return run(async () => {
        await deps.flush()
        const op = await stageDeletion(db, request, now)
        schedule([op])
        return toPending(op)
      })
    },
    undo(id: number): Promise<UndoResult> {
      return run(async () => {
        await deps.flush()
        const result = await undoDeletion(db, id, now())
        schedule((await db.pendingDeletions.toArray()).filter((op) => op.phase === 'staged'))
        return result
      })
    },
    /** The deletion that can still be undone, if any. */
    pending(): Promise<PendingDeletion | null> {
      return run(async () => {
        const staged = (await db.pendingDeletions.toArray()).filter(
          (op) => op.phase === 'staged' && now() < op.deadline,
        )
        return staged.length === 0
          ? null
          : toPending(staged[staged.length - 1] as PendingDeletionRow)
      })
    },
    /** Whether a deletion is waiting for its deadline (retention then waits for it). */
    async busy(): Promise<boolean> {
      return run(async () => (await db.pendingDeletions.count()) > 0)
    },
  }
}

export type Deletions = ReturnType<typeof createDeletions>
