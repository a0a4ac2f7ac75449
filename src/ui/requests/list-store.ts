import { signal } from '@preact/signals'
import type { RequestRow } from '@/db/schema'
import type { StatusProblem, UserStatus } from '@/requests/messages'
import type { RequestsApi } from './api'

export type ListState =
  | { kind: 'loading' }
  | { kind: 'ready'; requests: RequestRow[] }
  | { kind: 'error'; message: string }

const errorText = (e: unknown) => (e instanceof Error ? e.message : String(e))

/** All requests, for the Requests view and one request's page. */
export function createRequestListStore(api: RequestsApi) {
  const state = signal<ListState>({ kind: 'loading' })
  /** Why the last status change was not recorded. */
  const error = signal<StatusProblem | null>(null)

  async function load(): Promise<void> {
    try {
      // Late answers are recorded first, so the list shows them as overdue with a date.
      await api.send({ type: 'requests.refresh' })
      state.value = { kind: 'ready', requests: await api.requests() }
    } catch (e) {
      state.value = { kind: 'error', message: errorText(e) }
    }
  }

  async function setStatus(id: number, status: UserStatus, note: string): Promise<void> {
    const reply = await api.send({
      type: 'request.status',
      id,
      status,
      ...(note.trim() === '' ? {} : { note: note.trim() }),
    })
    error.value = reply.error
    await load()
  }

  return { state, error, load, setStatus, now: api.now, save: api.save }
}

export type RequestListStore = ReturnType<typeof createRequestListStore>
