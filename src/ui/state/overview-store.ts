import { computed, effect, signal } from '@preact/signals'
import type { CompanyNameRow, SiteRow, SiteStatsRow } from '@/db/schema'
import { periodStart, type Period } from './route'
import { earlyRead, errorText, type DashboardApi, type Loadable } from './dashboard-api'
import { dayNumber, localDay } from '@/db/aggregate'
import {
  buildOverview,
  overviewFromRows,
  SHOWN_COMPANIES,
  SHOWN_SITES,
  withCompanyNames,
  type Overview,
} from './overview'

/** Everything the overview sums, for a search (or while the precomputed rows lag). */
interface Full {
  stats: SiteStatsRow[]
  names: CompanyNameRow[]
}

interface Raw {
  since: number
  now: number
  /** The overview without a search, from the precomputed rows (null: not up to date); its
   * sites' company names are added once read. */
  summary: Overview | null
}

/**
 * The overview: one period's first screen from the precomputed rows (a few small reads), and,
 * once a search is typed (or when those rows lag behind), every site's compact stats row,
 * read once and narrowed as the search text changes.
 */
export function createOverviewStore(api: DashboardApi) {
  const raw = signal<Loadable<Raw>>({ kind: 'loading' })
  const full = signal<Loadable<Full> | null>(null)
  const query = signal('')
  /** Sites with a third-party domain matching the search, read for each search text. */
  const partySites = signal<{ q: string; sites: ReadonlySet<string> } | null>(null)
  const needsFull = computed(() => {
    const r = raw.value
    return r.kind === 'ready' && (r.value.summary === null || query.value.trim() !== '')
  })
  const view = computed((): Overview | null => {
    const r = raw.value
    if (r.kind !== 'ready') return null
    const { since, now, summary } = r.value
    const q = query.value
    if (summary !== null && q.trim() === '') return summary
    const f = full.value
    if (f?.kind !== 'ready') return null
    const matched = partySites.value?.q === q ? partySites.value.sites : undefined
    return buildOverview(
      matched === undefined ? f.value : { ...f.value, partySites: matched },
      since,
      now,
      q,
    )
  })
  /** What the page shows about reading: loading, an error, or nothing (the view is there). */
  const status = computed((): Loadable<null> => {
    const r = raw.value
    if (r.kind !== 'ready') return r
    const f = full.value
    if (view.value !== null) return { kind: 'ready', value: null }
    return f?.kind === 'error' ? f : { kind: 'loading' }
  })
  effect(() => {
    const q = query.value
    if (q.trim() === '') return
    api
      .sitesWithParty(q)
      .then((sites) => {
        if (query.value === q) partySites.value = { q, sites: new Set(sites) }
      })
      .catch(() => undefined) // the search still matches sites and companies by name
  })
  effect(() => {
    if (needsFull.value && full.peek() === null) void loadFull()
  })
  let loaded: Period | null = null
  let generation = 0

  /** Reads every site's stats row of the loaded period (once per load). */
  async function loadFull(): Promise<void> {
    const r = raw.peek()
    if (r.kind !== 'ready' || full.peek() !== null) return
    const mine = generation
    full.value = { kind: 'loading' }
    try {
      const { since } = r.value
      const [stats, names] = await Promise.all([api.statsSince(since), api.companyNames()])
      if (mine === generation) full.value = { kind: 'ready', value: { stats, names } }
    } catch (e) {
      if (mine === generation) full.value = { kind: 'error', message: errorText(e) }
    }
  }

  const early = earlyRead<Period>()
  /** Starts reading a period before the overview is rendered (see `earlyRead`). */
  function preload(period: Period): void {
    early.start(period, load(period, true))
  }

  async function load(period: Period, force = false): Promise<void> {
    const started = early.take(period)
    if (!force && started !== undefined) return started
    if (!force && loaded === period && raw.value.kind === 'ready') return
    loaded = period
    const mine = ++generation
    raw.value = { kind: 'loading' }
    full.value = null
    try {
      const now = api.now()
      const since = periodStart(period, now)
      const days = period === 'all' ? 0 : Number(period)
      const rows = await api.overviewRows(days, now, {
        sites: SHOWN_SITES,
        companies: SHOWN_COMPANIES,
      })
      const summary = rows === undefined ? null : overviewFromRows(rows, since, now)
      if (mine !== generation) return
      raw.value = { kind: 'ready', value: { since, now, summary } }
      if (summary !== null) void addNames(mine, summary, since)
    } catch (e) {
      if (mine === generation) raw.value = { kind: 'error', message: errorText(e) }
    }
  }

  /** After the first screen: the names of the listed sites' companies (their tooltips). */
  async function addNames(mine: number, summary: Overview, since: number): Promise<void> {
    try {
      const first = since > 0 ? dayNumber(localDay(since)) : 0
      const names = await api.companiesOfSites(
        summary.sites.map((s) => s.site),
        first,
      )
      const r = raw.peek()
      if (mine === generation && r.kind === 'ready')
        raw.value = { ...r, value: { ...r.value, summary: withCompanyNames(summary, names) } }
    } catch {
      // The counts are shown; only the names in their tooltips are missing.
    }
  }

  /** The history changed (a deletion, an undo): the next visit reads it again. */
  function invalidate(): void {
    generation += 1
    raw.value = { kind: 'loading' }
    full.value = null
  }

  /** Starts reading what a search needs before the first letter is typed. */
  function prepareSearch(): void {
    void loadFull()
  }

  return { raw, query, view, status, preload, load, invalidate, prepareSearch }
}

export type OverviewStore = ReturnType<typeof createOverviewStore>

/** The graph: the site summaries of one period (their companies are its links). */
export function createGraphStore(api: DashboardApi) {
  const raw = signal<Loadable<{ sites: SiteRow[]; since: number }>>({ kind: 'loading' })
  let loaded: Period | null = null

  async function load(period: Period): Promise<void> {
    if (loaded === period && raw.value.kind === 'ready') return
    loaded = period
    raw.value = { kind: 'loading' }
    try {
      const since = periodStart(period, api.now())
      const sites = await api.sitesSince(since)
      if (loaded === period) raw.value = { kind: 'ready', value: { sites, since } }
    } catch (e) {
      raw.value = { kind: 'error', message: errorText(e) }
    }
  }
  return { raw, load }
}

export type GraphStore = ReturnType<typeof createGraphStore>
