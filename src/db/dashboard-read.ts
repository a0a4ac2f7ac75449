import Dexie from 'dexie'
import {
  byRank,
  compareKeys,
  dayAt,
  firstDayOf,
  trackingNames,
  type OverviewRows,
} from './overview-aggregate'
import { RANKS_KEY, ranksCurrent } from './overview-rows'
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

/**
 * The overview of the period of `days` days ending at `now` (0: all of history) from the
 * precomputed rows, in one read transaction; undefined when those rows are not up to date
 * for today (the background is catching up with a new day), and the overview sums the stats
 * rows instead. Reads the top of the ranking index, not every site.
 */
export function overviewRows(
  db: TracelightDb,
  days: number,
  since: number,
  now: number,
  shown: number,
): Promise<OverviewRows | undefined> {
  const today = dayAt(now)
  const first = firstDayOf(days, today)
  return db.transaction(
    'r',
    [db.meta, db.siteRanks, db.siteStats, db.companyReach, db.dayTotals],
    async () => {
      if (!ranksCurrent(await db.meta.get(RANKS_KEY), today)) return undefined
      const period = () => db.siteRanks.where('k').between([days], [days + 1], true, false)
      const [top, siteCount, reach, totals] = await Promise.all([
        period().reverse().limit(shown).toArray(),
        period().count(),
        db.companyReach.toArray(),
        days === 0
          ? db.dayTotals.toArray()
          : db.dayTotals.where('day').aboveOrEqual(first).toArray(),
      ])
      // Rows tied with the last one read are ordered by site, ascending: the index gave the
      // last sites of the tie (read backwards), the overview wants the first ones.
      const last = top[top.length - 1]
      let ranks = top
      if (last !== undefined && top.length === shown) {
        const above = top.filter((r) => compareKeys(r.k, last.k) > 0)
        const ties = await db.siteRanks
          .where('k')
          .equals(last.k)
          .limit(shown - above.length)
          .toArray()
        ranks = above.concat(ties)
      }
      ranks.sort(byRank)
      const names = new Map(reach.map((r) => [r.id, r.name]))
      const stats = await db.siteStats.bulkGet(ranks.map((r) => r.site))
      const companiesOf: Record<string, string[]> = {}
      for (const row of stats)
        if (row !== undefined) companiesOf[row.site] = trackingNames(row, first, names)
      return { ranks, companiesOf, siteCount, reach, days: totals }
    },
  )
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
