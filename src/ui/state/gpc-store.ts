import { signal } from '@preact/signals'
import { nextGpcState, type GpcChange, type GpcState } from '@/messages'

export interface GpcApi {
  get(): Promise<GpcState>
  set(change: GpcChange): Promise<GpcState>
}

/** What went wrong: the setting could not be read, or the browser refused a change. */
export type GpcProblem = 'read' | 'change'

export type GpcView =
  { kind: 'loading' } | { kind: 'ready'; state: GpcState; busy: boolean; error: GpcProblem | null }

/** The Global Privacy Control switch: the background owns the state, this store mirrors it. */
export function createGpcStore(api: GpcApi) {
  const view = signal<GpcView>({ kind: 'loading' })

  async function load(): Promise<void> {
    try {
      view.value = { kind: 'ready', state: await api.get(), busy: false, error: null }
    } catch {
      view.value = {
        kind: 'ready',
        state: { enabled: false, exceptions: [] },
        busy: false,
        error: 'read',
      }
    }
  }

  async function change(next: GpcChange): Promise<void> {
    const current = view.value
    if (current.kind !== 'ready' || current.busy) return
    // Shown at once; put back if the background refuses.
    view.value = { ...current, state: nextGpcState(current.state, next), busy: true, error: null }
    try {
      view.value = { kind: 'ready', state: await api.set(next), busy: false, error: null }
    } catch {
      view.value = {
        ...current,
        busy: false,
        error: 'change',
      }
    }
  }

  return {
    view,
    load,
    setEnabled: (enabled: boolean) => change({ enabled }),
    setSent: (site: string, sent: boolean) => change({ site, excepted: !sent }),
  }
}

export type GpcStore = ReturnType<typeof createGpcStore>
