import { signal } from '@preact/signals'
import type { SiteRow } from '@/db/schema'
import { errorText, type DashboardApi, type Loadable } from './dashboard-api'

/**
 * What the search looks through: every site's summary, read once per visit to the search
 * view (and again after a deletion); the matching itself (search.ts) runs as the person types.
 */
export function createSearchStore(api: Pick<DashboardApi, 'sitesSince'>) {
  const sites = signal<Loadable<SiteRow[]>>({ kind: 'loading' })
  let fresh = false

  async function load(): Promise<void> {
    if (fresh && sites.value.kind === 'ready') return
    sites.value = { kind: 'loading' }
    try {
      sites.value = { kind: 'ready', value: await api.sitesSince(0) }
      fresh = true
    } catch (e) {
      sites.value = { kind: 'error', message: errorText(e) }
    }
  }

  /** The history changed (a deletion, an undo): read it again next time. */
  function invalidate(): void {
    fresh = false
  }

  return { sites, load, invalidate }
}

export type SearchStore = ReturnType<typeof createSearchStore>
