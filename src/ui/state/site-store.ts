import { computed, signal } from '@preact/signals'
import type { FindingRow, SiteRow, VisitRow } from '@/db/schema'
import { summarize } from './group'

export interface SiteApi {
  site(site: string): Promise<SiteRow | undefined>
  visits(site: string): Promise<VisitRow[]>
  findings(site: string): Promise<FindingRow[]>
  recentSites(): Promise<SiteRow[]>
}

export type SiteState =
  | { kind: 'loading' }
  | { kind: 'unknown'; site: string }
  | { kind: 'ready'; site: SiteRow; visits: VisitRow[]; findings: FindingRow[] }
  | { kind: 'error'; message: string }

export type SitesState =
  { kind: 'loading' } | { kind: 'ready'; sites: SiteRow[] } | { kind: 'error'; message: string }

const message = (e: unknown) => (e instanceof Error ? e.message : String(e))

/** One site's history, for the site page. */
export function createSiteStore(api: SiteApi) {
  const state = signal<SiteState>({ kind: 'loading' })
  const summary = computed(() =>
    state.value.kind === 'ready' ? summarize(state.value.findings) : null,
  )
  /** Tracking companies per visit id, for the visits table. */
  const trackersByVisit = computed(() => {
    const out = new Map<number, Set<string>>()
    const s = state.value
    if (s.kind !== 'ready') return out
    for (const f of s.findings) {
      if (f.signal !== 'tracker.request') continue
      let set = out.get(f.visitId)
      if (set === undefined) out.set(f.visitId, (set = new Set()))
      set.add(f.company ?? f.party)
    }
    return out
  })

  async function load(site: string): Promise<void> {
    state.value = { kind: 'loading' }
    try {
      const [row, visits, findings] = await Promise.all([
        api.site(site),
        api.visits(site),
        api.findings(site),
      ])
      state.value =
        row === undefined
          ? { kind: 'unknown', site }
          : { kind: 'ready', site: row, visits, findings }
    } catch (e) {
      state.value = { kind: 'error', message: message(e) }
    }
  }
  return { state, summary, trackersByVisit, load }
}

/** The list of sites visited, newest first. */
export function createSitesStore(api: SiteApi) {
  const state = signal<SitesState>({ kind: 'loading' })
  async function load(): Promise<void> {
    try {
      state.value = { kind: 'ready', sites: await api.recentSites() }
    } catch (e) {
      state.value = { kind: 'error', message: message(e) }
    }
  }
  return { state, load }
}

export type SiteStore = ReturnType<typeof createSiteStore>
export type SitesStore = ReturnType<typeof createSitesStore>
