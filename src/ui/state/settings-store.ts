import { signal } from '@preact/signals'
import type { SettingKey, SettingValue } from '@/db/settings'
import { errorText, type DashboardApi, type Loadable, type Settings } from './dashboard-api'

export type Pending =
  | { kind: 'idle' }
  | { kind: 'confirm-delete-all' }
  | { kind: 'working' }
  | { kind: 'done'; what: 'saved' | 'deleted' }
  | { kind: 'failed'; message: string }

/** Settings and data management: every change goes to the background as a message. */
export function createSettingsStore(api: DashboardApi) {
  const state = signal<Loadable<Settings>>({ kind: 'loading' })
  const storage = signal<number | null>(null)
  const pending = signal<Pending>({ kind: 'idle' })

  async function load(): Promise<void> {
    try {
      const [settings, used] = await Promise.all([api.settings(), api.storageUsed()])
      state.value = { kind: 'ready', value: settings }
      storage.value = used
    } catch (e) {
      state.value = { kind: 'error', message: errorText(e) }
    }
  }

  async function set<K extends SettingKey>(key: K, value: SettingValue<K>): Promise<void> {
    const s = state.value
    if (s.kind !== 'ready') return
    pending.value = { kind: 'working' }
    try {
      await api.setSetting(key, value)
      state.value = { kind: 'ready', value: { ...s.value, [key]: value } }
      pending.value = { kind: 'done', what: 'saved' }
      storage.value = await api.storageUsed()
    } catch (e) {
      pending.value = { kind: 'failed', message: errorText(e) }
    }
  }

  async function deleteAll(): Promise<void> {
    pending.value = { kind: 'working' }
    try {
      await api.deleteAll()
      pending.value = { kind: 'done', what: 'deleted' }
      storage.value = await api.storageUsed()
    } catch (e) {
      pending.value = { kind: 'failed', message: errorText(e) }
    }
  }

  return { state, storage, pending, load, set, deleteAll }
}

export type SettingsStore = ReturnType<typeof createSettingsStore>
