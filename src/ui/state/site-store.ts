import { computed, signal } from '@preact/signals'
import type { FindingRow, SiteRow, VisitRow } from '@/db/schema'
import { decodedFindings } from '@/ui/signals'
import { errorText, type DashboardApi } from './dashboard-api'
import { summarize } from './group'
import { actionsByCompany, buildTimeline } from './site-view'

export type SiteState =
  | { kind: 'loading' }
  | { kind: 'unknown'; site: string }
  | { kind: 'ready'; site: SiteRow; visits: VisitRow[]; findings: FindingRow[] }
  | { kind: 'deleted'; site: string }
  | { kind: 'error'; message: string }

export type DeleteState =
  { kind: 'idle' } | { kind: 'confirm' } | { kind: 'working' } | { kind: 'failed'; message: string }

/** One row per signal and party over all visits: counts summed, the latest evidence kept. */
export function mergeAcrossVisits(findings: readonly FindingRow[]): FindingRow[] {
  const out = new Map<string, FindingRow>()
  for (const f of findings) {
    const key = `${f.signal}\u0000${f.party}`
    const seen = out.get(key)
    if (seen === undefined) out.set(key, { ...f })
    else
      out.set(key, {
        ...(f.lastAt > seen.lastAt ? f : seen),
        count: seen.count + f.count,
        firstAt: Math.min(seen.firstAt, f.firstAt),
        lastAt: Math.max(seen.lastAt, f.lastAt),
      })
  }
  return [...out.values()]
}

/** One site's history, for the site page. */
export function createSiteStore(api: DashboardApi) {
  const state = signal<SiteState>({ kind: 'loading' })
  const deleting = signal<DeleteState>({ kind: 'idle' })
  const ready = computed(() => (state.value.kind === 'ready' ? state.value : null))
  const summary = computed(() => (ready.value ? summarize(ready.value.findings) : null))
  const timeline = computed(() =>
    ready.value ? buildTimeline(ready.value.visits, ready.value.findings) : [],
  )
  const decoded = computed(() =>
    ready.value ? mergeAcrossVisits(decodedFindings(ready.value.findings)) : [],
  )
  const actions = computed(() =>
    ready.value ? actionsByCompany(ready.value.findings) : new Map<string, Map<string, number>>(),
  )

  async function load(site: string): Promise<void> {
    state.value = { kind: 'loading' }
    deleting.value = { kind: 'idle' }
    try {
      const [row, visits, findings] = await Promise.all([
        api.site(site),
        api.visits(site),
        api.siteFindings(site),
      ])
      state.value =
        row === undefined
          ? { kind: 'unknown', site }
          : { kind: 'ready', site: row, visits, findings }
    } catch (e) {
      state.value = { kind: 'error', message: errorText(e) }
    }
  }

  /** Deletes the site's data after the person confirmed it. */
  async function remove(): Promise<void> {
    const s = ready.value
    if (s === null) return
    deleting.value = { kind: 'working' }
    try {
      await api.deleteSite(s.site.site)
      state.value = { kind: 'deleted', site: s.site.site }
      deleting.value = { kind: 'idle' }
    } catch (e) {
      deleting.value = { kind: 'failed', message: errorText(e) }
    }
  }

  return { state, summary, timeline, decoded, actions, deleting, load, remove }
}

export type SiteStore = ReturnType<typeof createSiteStore>
