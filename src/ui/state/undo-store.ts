import { signal } from '@preact/signals'
import type { DeleteRequest, PendingDeletion } from '@/messages'
import { errorText } from './dashboard-api'

/** What the undo store needs from the background. */
export interface UndoApi {
  deleteData(scope: DeleteRequest): Promise<{ pending: PendingDeletion; now: number }>
  undoDeletion(id: number): Promise<'restored' | 'expired' | 'unknown'>
  /** The deletion still undoable, and the background's clock when it answered. */
  pendingDeletion(): Promise<{ pending: PendingDeletion | null; now: number }>
}

export interface UndoClock {
  now(): number
  every(run: () => void, ms: number): unknown
  stop(handle: unknown): void
}

const realClock: UndoClock = {
  now: () => Date.now(),
  every: (run, ms) => setInterval(run, ms),
  stop: (handle) => clearInterval(handle as ReturnType<typeof setInterval>),
}

export type UndoState =
  | { kind: 'idle' }
  /** `left`: whole seconds still to undo, `window` as many when offered; `focus`: the person
   * just deleted (the undo button takes the focus). */
  | { kind: 'offered'; pending: PendingDeletion; left: number; window: number; focus: boolean }
  | { kind: 'undoing'; pending: PendingDeletion }
  | { kind: 'restored'; pending: PendingDeletion }
  | { kind: 'final'; pending: PendingDeletion; late: boolean }
  | { kind: 'failed'; pending: PendingDeletion; message: string }

/**
 * The undo window after a deletion, as the person sees it: what was deleted and for how many
 * more seconds it can be put back. The background decides (its deadline is final); this store
 * counts down on the page's own clock from the time left when the background answered, so a
 * page and a background whose clocks differ still agree on the length of the window.
 */
export function createUndoStore(
  api: UndoApi,
  hooks: { changed?: (what: 'deleted' | 'restored') => void } = {},
  clock: UndoClock = realClock,
) {
  const state = signal<UndoState>({ kind: 'idle' })
  let ticking: unknown
  let endsAt = 0

  function stopTicking(): void {
    if (ticking !== undefined) clock.stop(ticking)
    ticking = undefined
  }

  function tick(): void {
    const s = state.value
    if (s.kind !== 'offered') return stopTicking()
    const left = Math.ceil((endsAt - clock.now()) / 1000)
    if (left <= 0) {
      stopTicking()
      state.value = { kind: 'final', pending: s.pending, late: false }
    } else if (left !== s.left) state.value = { ...s, left }
  }

  function offer(pending: PendingDeletion, backgroundNow: number, focus: boolean): void {
    stopTicking()
    endsAt = clock.now() + (pending.deadline - backgroundNow)
    const left = Math.ceil((endsAt - clock.now()) / 1000)
    if (left <= 0) {
      state.value = { kind: 'final', pending, late: false }
      return
    }
    state.value = { kind: 'offered', pending, left, window: left, focus }
    ticking = clock.every(tick, 250)
  }

  /** Deletes, then offers the undo; throws what the background said if it could not. */
  async function remove(scope: DeleteRequest): Promise<PendingDeletion> {
    const { pending, now } = await api.deleteData(scope)
    offer(pending, now, true)
    hooks.changed?.('deleted')
    return pending
  }

  async function undo(): Promise<void> {
    const s = state.value
    if (s.kind !== 'offered') return
    stopTicking()
    state.value = { kind: 'undoing', pending: s.pending }
    try {
      const result = await api.undoDeletion(s.pending.id)
      state.value =
        result === 'restored'
          ? { kind: 'restored', pending: s.pending }
          : { kind: 'final', pending: s.pending, late: true }
      if (result === 'restored') hooks.changed?.('restored')
    } catch (e) {
      state.value = { kind: 'failed', pending: s.pending, message: errorText(e) }
    }
  }

  /** After a reload: offers the undo of a deletion still in its window (without moving focus). */
  async function resume(): Promise<void> {
    try {
      const { pending, now } = await api.pendingDeletion()
      if (pending !== null && state.value.kind === 'idle') offer(pending, now, false)
    } catch {
      // No background to ask (an old page after an update): nothing to offer.
    }
  }

  function dismiss(): void {
    stopTicking()
    state.value = { kind: 'idle' }
  }

  return { state, remove, undo, resume, dismiss }
}

export type UndoStore = ReturnType<typeof createUndoStore>
