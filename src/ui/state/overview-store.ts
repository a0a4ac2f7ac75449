import { computed, effect, signal } from '@preact/signals'
import type { CompanyNameRow, SiteRow, SiteStatsRow } from '@/db/schema'
import { periodStart, type Period } from './route'
import { errorText, type DashboardApi, type Loadable } from './dashboard-api'
import { buildOverview } from './overview'

interface Raw {
  stats: SiteStatsRow[]
  names: CompanyNameRow[]
  visits: number
  since: number
  now: number
}

/** The overview: one period's data loaded once, narrowed by the search text as it is typed. */
export function createOverviewStore(api: DashboardApi) {
  const raw = signal<Loadable<Raw>>({ kind: 'loading' })
  const query = signal('')
  /** Sites with a third-party domain matching the search, read for each search text. */
  const partySites = signal<{ q: string; sites: ReadonlySet<string> } | null>(null)
  const view = computed(() => {
    const r = raw.value
    if (r.kind !== 'ready') return null
    const { since, now } = r.value
    const q = query.value
    const matched = partySites.value?.q === q ? partySites.value.sites : undefined
    return buildOverview(
      matched === undefined ? r.value : { ...r.value, partySites: matched },
      since,
      now,
      q,
    )
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
  let loaded: Period | null = null

  async function load(period: Period, force = false): Promise<void> {
    if (!force && loaded === period && raw.value.kind === 'ready') return
    loaded = period
    raw.value = { kind: 'loading' }
    try {
      const now = api.now()
      const since = periodStart(period, now)
      const [stats, names, visits] = await Promise.all([
        api.statsSince(since),
        api.companyNames(),
        api.visitCountSince(since),
      ])
      if (loaded === period)
        raw.value = { kind: 'ready', value: { stats, names, visits, since, now } }
    } catch (e) {
      raw.value = { kind: 'error', message: errorText(e) }
    }
  }
  return { raw, query, view, load }
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
