import Dexie from 'dexie'
import type { DailyRow, FindingRow, SiteRow, TracelightDb } from './schema'
import { localDay } from './write'

/** Read-only queries of the dashboard (overview, company page, graph). */

/** Sites seen at or after `since` (every site when `since` is 0). */
export function sitesSince(db: TracelightDb, since: number): Promise<SiteRow[]> {
  return since <= 0 ? db.sites.toArray() : db.sites.where('lastSeen').aboveOrEqual(since).toArray()
}

/** Daily counts from the local day of `since` on. */
export function dailySince(db: TracelightDb, since: number): Promise<DailyRow[]> {
  return since <= 0
    ? db.daily.toArray()
    : db.daily.where('day').aboveOrEqual(localDay(since)).toArray()
}

/** How many visits started at or after `since`. */
export function visitCountSince(db: TracelightDb, since: number): Promise<number> {
  return since <= 0 ? db.visits.count() : db.visits.where('startedAt').aboveOrEqual(since).count()
}

/** Every finding of a site, across visits and signals. */
export function allSiteFindings(db: TracelightDb, site: string): Promise<FindingRow[]> {
  return db.findings
    .where('[site+signal]')
    .between([site, Dexie.minKey], [site, Dexie.maxKey], true, true)
    .toArray()
}

/** Findings sent to any of these third-party domains, at most `limit`. */
export function partyFindings(
  db: TracelightDb,
  parties: readonly string[],
  limit: number,
): Promise<FindingRow[]> {
  return db.findings
    .where('party')
    .anyOf([...parties])
    .limit(limit)
    .toArray()
}
