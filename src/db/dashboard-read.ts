import Dexie from 'dexie'
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
export type { OverviewRows } from './overview-aggregate'
import type {
  CompanyNameRow,
  FindingRow,
  SitePartyRow,
  SiteRow,
  SiteStatsRow,
  TracelightDb,
  VisitRow,
} from './schema'

/** Read-only queries of the dashboard (overview, site page, company page, graph). Each is
 * bounded by an index: none reads every finding (DESIGN.md §9). */

/** Sites seen at or after `since` (every site when `since` is 0). */
export function sitesSince(db: TracelightDb, since: number): Promise<SiteRow[]> {
  return since <= 0 ? db.sites.toArray() : db.sites.where('lastSeen').aboveOrEqual(since).toArray()
}

/** The overview's compact per-site rows of sites seen at or after `since`. */
export function statsSince(db: TracelightDb, since: number): Promise<SiteStatsRow[]> {
  return since <= 0
    ? db.siteStats.toArray()
    : db.siteStats.where('lastSeen').aboveOrEqual(since).toArray()
}

/** Reads the first `shown` ranking rows of a period through the ranking index: highest
 * first, and among rows ranked alike, by name (the primary key's second part). */
async function firstRanks<T extends { k: number[] }>(
  table: Dexie.Table<T, [number, string]>,
  period: number,
  shown: number,
): Promise<T[]> {
  const top = await table
    .where('k')
    .between([period], [period + 1], true, false)
    .reverse()
    .limit(shown)
    .toArray()
  const last = top[top.length - 1]
  if (last === undefined || top.length < shown) return top
  // The index gave the last names of a tie, read backwards; the first ones are wanted.
  const above = top.filter((r) => compareKeys(r.k, last.k) > 0)
  const ties = await table
    .where('k')
    .equals(last.k)
    .limit(shown - above.length)
    .toArray()
  return above.concat(ties)
}

/**
 * The overview of the period of `days` days ending at `now` (0: all of history) from the
 * precomputed rows, in one read transaction of a few dozen small rows; undefined when those
 * rows are not up to date for today (the background is catching up with a new day), and the
 * overview sums the stats rows instead.
 */
export function overviewRows(
  db: TracelightDb,
  days: number,
  now: number,
  shown: { sites: number; companies: number },
): Promise<OverviewRows | undefined> {
  const today = dayAt(now)
  const first = firstDayOf(days, today)
  return db.transaction('r', [db.meta, db.siteRanks, db.companyRanks, db.dayTotals], async () => {
    const [state, counted] = await db.meta.bulkGet([RANKS_KEY, COUNTS_KEY])
    if (!ranksCurrent(state, today)) return undefined
    const counts = countsOf(counted)
    const [ranks, companies, totals] = await Promise.all([
      firstRanks(db.siteRanks, days, shown.sites),
      firstRanks(db.companyRanks, days, shown.companies),
      days === 0 ? db.dayTotals.toArray() : db.dayTotals.where('day').aboveOrEqual(first).toArray(),
    ])
    return {
      ranks: ranks.sort(byRank),
      companies: companies.sort(byCompanyRank),
      siteCount: counts.sites[days] ?? 0,
      companyCount: counts.companies[days] ?? 0,
      days: totals,
    }
  })
}

/** Tracking companies seen on each of these sites from day `first` (day number) on, by name:
 * the overview's list of sites, read after its first screen. */
export async function companiesOfSites(
  db: TracelightDb,
  sites: readonly string[],
  first: number,
): Promise<Record<string, string[]>> {
  return db.transaction('r', [db.siteStats, db.companyNames], async () => {
    const stats = await db.siteStats.bulkGet([...sites])
    const ids = new Set<number>()
    for (const row of stats) for (const id of row?.trackerIds ?? []) ids.add(id)
    const names = await db.companyNames
      .where('id')
      .anyOf([...ids])
      .toArray()
    return namesOfSites(stats, new Map(names.map((n) => [n.id, n.name])), first)
  })
}

/** Every company name with its small id (the stats rows hold ids). */
export function companyNames(db: TracelightDb): Promise<CompanyNameRow[]> {
  return db.companyNames.toArray()
}

/** Third-party domains matched by a search, at most this many. */
const SEARCH_PARTIES = 500

/** Sites that contacted a third-party domain containing `text` (case-insensitive). */
export async function sitesWithParty(db: TracelightDb, text: string): Promise<string[]> {
  const q = text.trim().toLowerCase()
  if (q === '') return []
  const parties = (await db.siteParties.orderBy('party').uniqueKeys()) as string[]
  const matched = parties.filter((p) => p.includes(q)).slice(0, SEARCH_PARTIES)
  if (matched.length === 0) return []
  const keys = (await db.siteParties.where('party').anyOf(matched).primaryKeys()) as unknown as [
    string,
    string,
    string,
  ][]
  return [...new Set(keys.map(([site]) => site))]
}

/** How many visits started at or after `since`. */
export function visitCountSince(db: TracelightDb, since: number): Promise<number> {
  return since <= 0 ? db.visits.count() : db.visits.where('startedAt').aboveOrEqual(since).count()
}

/** One site's findings folded over its visits: one row per signal and party. */
export function siteParties(db: TracelightDb, site: string): Promise<SitePartyRow[]> {
  return db.siteParties
    .where('[site+signal+party]')
    .between([site, Dexie.minKey, Dexie.minKey], [site, Dexie.maxKey, Dexie.maxKey], true, true)
    .toArray()
}

/** A page of a site's visits, newest first: up to `limit` that started at or before `before`. */
export function visitPage(
  db: TracelightDb,
  site: string,
  before: number,
  limit: number,
): Promise<VisitRow[]> {
  return db.visits
    .where('[site+startedAt]')
    .between([site, Dexie.minKey], [site, before], true, true)
    .reverse()
    .limit(limit)
    .toArray()
}

/** Every finding of these visits: one key range each, all in one read transaction. */
export function findingsOfVisits(
  db: TracelightDb,
  visitIds: readonly number[],
): Promise<FindingRow[]> {
  return db.transaction('r', db.findings, async () => {
    const lists = await Promise.all(
      visitIds.map((id) =>
        db.findings
          .where('[visitId+signal+party]')
          .between([id, Dexie.minKey, Dexie.minKey], [id, Dexie.maxKey, Dexie.maxKey], true, true)
          .toArray(),
      ),
    )
    return lists.flat()
  })
}

/**
 * One company's rows on every site, at most `limit`: by company name, and by domain for a
 * domain in no list (its page is named after the domain).
 */
export async function companyParties(
  db: TracelightDb,
  name: string,
  limit: number,
): Promise<SitePartyRow[]> {
  const [listed, unlisted] = await Promise.all([
    db.siteParties.where('company').equals(name).limit(limit).toArray(),
    db.siteParties
      .where('party')
      .equals(name)
      .filter((r) => r.company === undefined)
      .limit(limit)
      .toArray(),
  ])
  return listed.concat(unlisted).slice(0, limit)
}
