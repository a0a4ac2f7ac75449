export type { OverviewRows } from './overview-aggregate'
import type { CompanyNameRow, SitePartyRow, SiteRow, SiteStatsRow, TracelightDb } from './schema'

/** Read-only queries of the dashboard after its first screen (search, company page, graph),
 * through Dexie; the first screen's reads are in first-screen-read.ts. Each is bounded by an
 * index: none reads every finding (DESIGN.md §9). */

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
