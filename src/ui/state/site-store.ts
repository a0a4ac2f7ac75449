import { computed, signal } from '@preact/signals'
import type { FindingRow, SitePartyRow, SiteRow, VisitRow } from '@/db/schema'
import { findingRowsOf } from '@/db/aggregate'
import { decodedFindings } from '@/ui/signals'
import { earlyRead, errorText, type DashboardApi } from './dashboard-api'
import { summarize } from './group'
import { actionsByCompany, buildTimeline } from './site-view'

/** Visits read per page of the timeline; older ones are read on demand. */
export const VISITS_PAGE = 30

export type SiteState =
  | { kind: 'loading' }
  | { kind: 'unknown'; site: string }
  | {
      kind: 'ready'
      site: SiteRow
      /** The newest visits read so far, newest first, and the findings of those visits. */
      visits: VisitRow[]
      findings: FindingRow[]
      /** Every finding folded over all visits: one row per signal and party. */
      parties: SitePartyRow[]
    }
  | { kind: 'deleted'; site: string }
  | { kind: 'error'; message: string }

export type DeleteState =
  { kind: 'idle' } | { kind: 'confirm' } | { kind: 'working' } | { kind: 'failed'; message: string }

export type MoreState = { kind: 'idle' } | { kind: 'working' } | { kind: 'failed'; message: string }

/** One site's history, for the site page: totals from the aggregates, the timeline by pages. */
export function createSiteStore(api: DashboardApi) {
  const state = signal<SiteState>({ kind: 'loading' })
  const deleting = signal<DeleteState>({ kind: 'idle' })
  const more = signal<MoreState>({ kind: 'idle' })
  const ready = computed(() => (state.value.kind === 'ready' ? state.value : null))
  const summary = computed(() =>
    ready.value ? summarize(ready.value.parties, ready.value.site.groupVisits) : null,
  )
  const timeline = computed(() =>
    ready.value ? buildTimeline(ready.value.visits, ready.value.findings) : [],
  )
  const decoded = computed(() => (ready.value ? decodedFindings(ready.value.parties) : []))
  const actions = computed(() =>
    ready.value ? actionsByCompany(ready.value.parties) : new Map<string, Map<string, number>>(),
  )
  /** Finding rows (visit × signal × party) the site has in all. */
  const findingCount = computed(() => (ready.value ? findingRowsOf(ready.value.parties) : 0))
  let current = ''

  /** The next page of visits older than those in `shown`, with their findings. */
  async function page(site: string, shown: readonly VisitRow[]) {
    const oldest = shown.at(-1)?.startedAt ?? Infinity
    // Visits that started in the same millisecond as the oldest shown one are read again and
    // dropped, so none is skipped at a page boundary.
    const same = shown.filter((v) => v.startedAt === oldest).length
    const ids = new Set(shown.map((v) => v.id))
    const rows = await api.visitPage(site, oldest, VISITS_PAGE + same)
    const visits = rows.filter((v) => !ids.has(v.id)).slice(0, VISITS_PAGE)
    const findings = await api.findingsOfVisits(visits.map((v) => v.id))
    return { visits, findings }
  }

  const early = earlyRead<string>()
  /** Starts reading a site before its page is rendered (see `earlyRead`). */
  function preload(site: string): void {
    early.start(site, read(site))
  }

  function load(site: string): Promise<void> {
    return early.take(site) ?? read(site)
  }

  async function read(site: string): Promise<void> {
    current = site
    state.value = { kind: 'loading' }
    deleting.value = { kind: 'idle' }
    more.value = { kind: 'idle' }
    try {
      const [row, parties, first] = await Promise.all([
        api.site(site),
        api.siteParties(site),
        page(site, []),
      ])
      if (current !== site) return
      state.value =
        row === undefined
          ? { kind: 'unknown', site }
          : { kind: 'ready', site: row, parties, ...first }
    } catch (e) {
      state.value = { kind: 'error', message: errorText(e) }
    }
  }

  /** The state for `site`: loading while another site's is still held (the page renders once
   * with its new site before its effect asks for the rows). */
  function stateOf(site: string): SiteState {
    const s = state.value
    const of = s.kind === 'ready' ? s.site.site : 'site' in s ? s.site : site
    return of === site ? s : { kind: 'loading' }
  }

  /** Reads the next page of older visits into the timeline. */
  async function loadMore(): Promise<void> {
    const s = ready.value
    if (s === null || more.value.kind === 'working') return
    more.value = { kind: 'working' }
    try {
      const next = await page(s.site.site, s.visits)
      if (ready.value !== s) return
      state.value = {
        ...s,
        visits: s.visits.concat(next.visits),
        findings: s.findings.concat(next.findings),
      }
      more.value = { kind: 'idle' }
    } catch (e) {
      more.value = { kind: 'failed', message: errorText(e) }
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

  return {
    state,
    stateOf,
    summary,
    timeline,
    decoded,
    actions,
    findingCount,
    deleting,
    more,
    preload,
    load,
    loadMore,
    remove,
  }
}

export type SiteStore = ReturnType<typeof createSiteStore>
