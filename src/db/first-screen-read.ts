import {
  byCompanyRank,
  byRank,
  compareKeys,
  dayAt,
  firstDayOf,
  namesOfSites,
  type OverviewRows,
} from './overview-aggregate'
import { COUNTS_KEY, countsOf, RANKS_KEY, ranksCurrent } from './overview-rows'
import { collect, hasStores, request } from './plain-read'
import type {
  CompanyNameRow,
  CompanyRankRow,
  ConsentRow,
  DayTotalRow,
  MetaRow,
  SettingRow,
  SitePartyRow,
  SiteRankRow,
  SiteRow,
  SiteStatsRow,
  VisitRow,
} from './schema'
import { SETTINGS, settingValue, type AllSettings, type SettingKey } from './settings'

/**
 * The dashboard's first screen (the overview, a site page, the settings) read with plain
 * IndexedDB (see plain-read.ts for why); first-screen-read.test.ts checks each read against a
 * full recount of the stats rows or a scan of the whole table.
 */

/** Every setting, its default where none is stored (as `readSetting` gives each). */
export async function readSettings(db: IDBDatabase | null): Promise<AllSettings> {
  const rows = !hasStores(db, ['settings'])
    ? []
    : ((await request(db.transaction('settings').objectStore('settings').getAll())) as SettingRow[])
  const stored = new Map(rows.map((r) => [r.key, r]))
  const keys = Object.keys(SETTINGS) as SettingKey[]
  return Object.fromEntries(keys.map((k) => [k, settingValue(k, stored.get(k))])) as AllSettings
}

/** The first `shown` ranking rows of a period, highest first and, among rows ranked alike, by
 * name (the primary key's second part). */
async function firstRanks<T extends { k: number[] }>(
  store: IDBObjectStore,
  period: number,
  shown: number,
  keys: typeof IDBKeyRange,
): Promise<T[]> {
  const index = store.index('k')
  const top = await collect<T>(
    index,
    keys.bound([period], [period + 1], false, true),
    'prev',
    shown,
  )
  const last = top[top.length - 1]
  if (last === undefined || top.length < shown) return top
  // Backwards, the index gave the last names of a tie: the first ones are wanted.
  const above = top.filter((r) => compareKeys(r.k, last.k) > 0)
  const ties = (await request(
    index.getAll(keys.bound(last.k, last.k), shown - above.length),
  )) as T[]
  return above.concat(ties)
}

const OVERVIEW_STORES = ['meta', 'siteRanks', 'companyRanks', 'dayTotals']

/** The overview's first screen from the precomputed rows, in one read transaction; undefined
 * when they are not up to date for today (the overview then sums the stats rows). */
export async function readOverviewRows(
  db: IDBDatabase | null,
  days: number,
  now: number,
  shown: { sites: number; companies: number },
  keys: typeof IDBKeyRange = IDBKeyRange,
): Promise<OverviewRows | undefined> {
  if (!hasStores(db, OVERVIEW_STORES)) return undefined
  const today = dayAt(now)
  const tx = db.transaction(OVERVIEW_STORES, 'readonly')
  const meta = tx.objectStore('meta')
  const [state, counted] = (await Promise.all([
    request(meta.get(RANKS_KEY)),
    request(meta.get(COUNTS_KEY)),
  ])) as [MetaRow | undefined, MetaRow | undefined]
  if (!ranksCurrent(state, today)) return undefined
  const counts = countsOf(counted)
  const totals = tx.objectStore('dayTotals')
  const [ranks, companies, dayRows] = await Promise.all([
    firstRanks<SiteRankRow>(tx.objectStore('siteRanks'), days, shown.sites, keys),
    firstRanks<CompanyRankRow>(tx.objectStore('companyRanks'), days, shown.companies, keys),
    request(
      days === 0 ? totals.getAll() : totals.getAll(keys.lowerBound(firstDayOf(days, today))),
    ) as Promise<DayTotalRow[]>,
  ])
  return {
    ranks: ranks.sort(byRank),
    companies: companies.sort(byCompanyRank),
    siteCount: counts.sites[days] ?? 0,
    companyCount: counts.companies[days] ?? 0,
    days: dayRows,
  }
}

/** Above this many companies, their names are read in one request. */
const NAMES_ONE_BY_ONE = 40

/** Tracking companies seen on each of these sites from day `first` on, by name: the
 * overview's list of sites, read after its first screen (the names in its tooltips). */
export async function readCompaniesOfSites(
  db: IDBDatabase | null,
  sites: readonly string[],
  first: number,
): Promise<Record<string, string[]>> {
  if (!hasStores(db, ['siteStats', 'companyNames'])) return {}
  const tx = db.transaction(['siteStats', 'companyNames'], 'readonly')
  const statsStore = tx.objectStore('siteStats')
  const stats = (await Promise.all(sites.map((s) => request(statsStore.get(s))))) as (
    SiteStatsRow | undefined
  )[]
  const ids = new Set<number>()
  for (const row of stats) for (const id of row?.trackerIds ?? []) ids.add(id)
  const names = tx.objectStore('companyNames')
  // Fifty sites name hundreds of companies: one read of the whole (small) table then costs
  // the page far less than a request, and an event on its thread, for each.
  const rows = (
    ids.size > NAMES_ONE_BY_ONE
      ? await request(names.getAll())
      : await Promise.all([...ids].map((id) => request(names.index('id').get(id))))
  ) as (CompanyNameRow | undefined)[]
  const known = rows.filter((n): n is CompanyNameRow => n !== undefined && ids.has(n.id))
  return namesOfSites(stats, new Map(known.map((n) => [n.id, n.name])), first)
}

/** One site's summary row. */
export async function readSite(db: IDBDatabase | null, site: string): Promise<SiteRow | undefined> {
  if (!hasStores(db, ['sites'])) return undefined
  return (await request(db.transaction('sites').objectStore('sites').get(site))) as
    SiteRow | undefined
}

/** One site's findings folded over its visits: one row per signal and party. */
export async function readSiteParties(
  db: IDBDatabase | null,
  site: string,
  keys: typeof IDBKeyRange = IDBKeyRange,
): Promise<SitePartyRow[]> {
  if (!hasStores(db, ['siteParties'])) return []
  // Arrays sort after strings: [site, []] is above every key of the site.
  const range = keys.bound([site], [site, []])
  return (await request(
    db.transaction('siteParties').objectStore('siteParties').getAll(range),
  )) as SitePartyRow[]
}

/** A page of a site's visits, newest first: up to `limit` that started at or before `before`. */
export async function readVisitPage(
  db: IDBDatabase | null,
  site: string,
  before: number,
  limit: number,
  keys: typeof IDBKeyRange = IDBKeyRange,
): Promise<VisitRow[]> {
  if (!hasStores(db, ['visits'])) return []
  const index = db.transaction('visits').objectStore('visits').index('[site+startedAt]')
  return collect<VisitRow>(
    index,
    keys.bound([site, Number.NEGATIVE_INFINITY], [site, before]),
    'prev',
    limit,
  )
}

/** A site's consent timeline, newest first, at most `limit` rows. */
export async function readSiteConsent(
  db: IDBDatabase | null,
  site: string,
  limit = 300,
  keys: typeof IDBKeyRange = IDBKeyRange,
): Promise<ConsentRow[]> {
  if (!hasStores(db, ['consent'])) return []
  const index = db.transaction('consent').objectStore('consent').index('[site+at]')
  return collect<ConsentRow>(index, keys.bound([site], [site, []]), 'prev', limit)
}
