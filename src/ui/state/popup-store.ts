import { computed, signal } from '@preact/signals'
import type { FindingRow } from '@/db/schema'
import type { TabView } from '@/messages'
import { summarize } from './group'

export interface PopupApi {
  /** The tab the popup is about. */
  tab(): Promise<{ id: number; url: string } | undefined>
  tabView(tabId: number): Promise<{ visit: TabView | null; storageError: string | null }>
  findings(visitId: number): Promise<FindingRow[]>
}

export type PopupState =
  | { kind: 'loading' }
  | { kind: 'internal' }
  | { kind: 'not-recorded'; url: string }
  | { kind: 'ready'; visit: TabView; findings: FindingRow[]; storageError: string | null }
  | { kind: 'error'; message: string }

const NETWORK_PAGE = /^(https?):\/\//i

export function createPopupStore(api: PopupApi) {
  const state = signal<PopupState>({ kind: 'loading' })
  const summary = computed(() => {
    const s = state.value
    return s.kind === 'ready' ? summarize(s.findings) : null
  })

  async function load(): Promise<void> {
    try {
      const tab = await api.tab()
      if (tab === undefined || !NETWORK_PAGE.test(tab.url)) {
        state.value = { kind: 'internal' }
        return
      }
      const { visit, storageError } = await api.tabView(tab.id)
      if (visit === null) {
        state.value = { kind: 'not-recorded', url: tab.url }
        return
      }
      const findings = await api.findings(visit.visitId)
      state.value = { kind: 'ready', visit, findings, storageError }
    } catch (error) {
      state.value = {
        kind: 'error',
        message: error instanceof Error ? error.message : String(error),
      }
    }
  }

  let started: Promise<void> | null = null
  /** Loads once: main.tsx starts it before the first render, the component's effect joins it. */
  function start(): Promise<void> {
    return (started ??= load())
  }

  return { state, summary, load, start }
}

export type PopupStore = ReturnType<typeof createPopupStore>
