import { computed, signal } from '@preact/signals'
import type { ConsentRow } from '@/db/schema'
import { errorText, type DashboardApi, type Loadable } from './dashboard-api'
import { consentVisits } from './consent-view'

/** The consent timeline of one site, for the site page. */
export function createConsentStore(api: Pick<DashboardApi, 'consentTimeline'>) {
  const state = signal<Loadable<ConsentRow[]>>({ kind: 'loading' })
  const visits = computed(() =>
    state.value.kind === 'ready' ? consentVisits(state.value.value) : [],
  )

  async function load(site: string): Promise<void> {
    state.value = { kind: 'loading' }
    try {
      state.value = { kind: 'ready', value: await api.consentTimeline(site) }
    } catch (e) {
      state.value = { kind: 'error', message: errorText(e) }
    }
  }
  return { state, visits, load }
}

export type ConsentStore = ReturnType<typeof createConsentStore>
