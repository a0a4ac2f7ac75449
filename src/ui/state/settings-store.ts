import { signal } from '@preact/signals'
import type { SettingKey, SettingValue } from '@/db/settings'
import { errorText, type DashboardApi, type Loadable, type Settings } from './dashboard-api'
import { createDeleteFlow } from './delete-flow'
import type { UndoStore } from './undo-store'

export type Pending =
  | { kind: 'idle' }
  | { kind: 'working' }
  | { kind: 'done'; what: 'saved' }
  | { kind: 'done'; what: 'excluded' | 'included'; site: string }
  | { kind: 'invalid-site' }
  | { kind: 'failed'; message: string }

/**
 * The host name in what the person typed ("example.com", "https://www.example.com/page",
 * "Example.COM."), or null when it is not one. The background turns it into the site.
 */
export function hostFromInput(input: string): string | null {
  const text = input.trim()
  if (text === '' || /\s/.test(text)) return null
  let host: string
  try {
    host = new URL(/^[a-z][a-z0-9+.-]*:\/\//i.test(text) ? text : `https://${text}`).hostname
  } catch {
    return null
  }
  host = host.replace(/\.$/, '')
  if (/^\[[0-9a-f:.]+\]$/.test(host)) return host
  return /^[a-z0-9-]+(\.[a-z0-9-]+)+$/.test(host) && host.length <= 253 ? host : null
}

/** The [from, to) of a range deletion from two local days (YYYY-MM-DD, both included), or
 * null when a day is not one or the first comes after the last. */
export function rangeOfDays(first: string, last: string): { from: number; to: number } | null {
  const day = (text: string) => {
    const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(text)
    if (m === null) return null
    const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])]
    const at = new Date(y, mo - 1, d)
    return at.getFullYear() === y && at.getMonth() === mo - 1 && at.getDate() === d ? at : null
  }
  const a = day(first)
  const b = day(last)
  if (a === null || b === null || a > b) return null
  b.setDate(b.getDate() + 1)
  return { from: a.getTime(), to: b.getTime() }
}

/** Settings and data management: every change goes to the background as a message. */
export function createSettingsStore(api: DashboardApi, undo: UndoStore) {
  const state = signal<Loadable<Settings>>({ kind: 'loading' })
  const storage = signal<number | null>(null)
  const pending = signal<Pending>({ kind: 'idle' })
  const deleteAll = createDeleteFlow(api, undo)
  const deleteRange = createDeleteFlow(api, undo)

  async function load(): Promise<void> {
    try {
      const [settings, used] = await Promise.all([api.settings(), api.storageUsed()])
      state.value = { kind: 'ready', value: settings }
      storage.value = used
    } catch (e) {
      state.value = { kind: 'error', message: errorText(e) }
    }
  }

  async function refreshStorage(): Promise<void> {
    storage.value = await api.storageUsed().catch(() => storage.value)
  }

  /** Shown at once (a switch that jumped back until the background answered would look
   * refused); put back as it was if the background refuses. */
  async function set<K extends SettingKey>(key: K, value: SettingValue<K>): Promise<void> {
    const s = state.value
    if (s.kind !== 'ready') return
    const before = s.value[key]
    state.value = { kind: 'ready', value: { ...s.value, [key]: value } }
    pending.value = { kind: 'working' }
    try {
      await api.setSetting(key, value)
      pending.value = { kind: 'done', what: 'saved' }
      await refreshStorage()
    } catch (e) {
      const now = state.value
      if (now.kind === 'ready' && now.value[key] === value)
        state.value = { kind: 'ready', value: { ...now.value, [key]: before } }
      pending.value = { kind: 'failed', message: errorText(e) }
    }
  }

  /** Stops recording a site; with `alsoDelete`, its history goes too (undoable). */
  async function exclude(input: string, alsoDelete: boolean): Promise<boolean> {
    const host = hostFromInput(input)
    if (host === null) {
      pending.value = { kind: 'invalid-site' }
      return false
    }
    pending.value = { kind: 'working' }
    try {
      const { site, excluded } = await api.setExcluded(host, true)
      const s = state.value
      if (s.kind === 'ready')
        state.value = { kind: 'ready', value: { ...s.value, excludedSites: excluded } }
      pending.value = { kind: 'done', what: 'excluded', site }
      if (alsoDelete) await undo.remove({ kind: 'site', site })
      return true
    } catch (e) {
      pending.value = { kind: 'failed', message: errorText(e) }
      return false
    }
  }

  async function include(site: string): Promise<void> {
    pending.value = { kind: 'working' }
    try {
      const { excluded } = await api.setExcluded(site, false)
      const s = state.value
      if (s.kind === 'ready')
        state.value = { kind: 'ready', value: { ...s.value, excludedSites: excluded } }
      pending.value = { kind: 'done', what: 'included', site }
    } catch (e) {
      pending.value = { kind: 'failed', message: errorText(e) }
    }
  }

  return {
    state,
    storage,
    pending,
    deleteAll,
    deleteRange,
    load,
    set,
    exclude,
    include,
    refreshStorage,
  }
}

export type SettingsStore = ReturnType<typeof createSettingsStore>
