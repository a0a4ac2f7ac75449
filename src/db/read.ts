import Dexie from 'dexie'
import type { SignalId } from '@/detect/signals'
import type { FindingRow, SitePartyRow, SiteRow, TracelightDb, VisitRow } from './schema'

/** Read-only repositories: what extension pages and the background may read. */

export function visitFindings(db: TracelightDb, visitId: number): Promise<FindingRow[]> {
  return db.findings
    .where('[visitId+signal+party]')
    .between([visitId, Dexie.minKey, Dexie.minKey], [visitId, Dexie.maxKey, Dexie.maxKey])
    .toArray()
}

export function getVisit(db: TracelightDb, id: number): Promise<VisitRow | undefined> {
  return db.visits.get(id)
}

export function getSite(db: TracelightDb, site: string): Promise<SiteRow | undefined> {
  return db.sites.get(site)
}

/** Most recent visits to a site, newest first. */
export function siteVisits(db: TracelightDb, site: string, limit = 50): Promise<VisitRow[]> {
  return db.visits
    .where('[site+startedAt]')
    .between([site, Dexie.minKey], [site, Dexie.maxKey])
    .reverse()
    .limit(limit)
    .toArray()
}

/** Ids of a site's visits, from the visits' site index alone. */
export async function siteVisitIds(db: TracelightDb, site: string): Promise<number[]> {
  const ids = await db.visits
    .where('[site+startedAt]')
    .between([site, Dexie.minKey], [site, Dexie.maxKey], true, true)
    .primaryKeys()
  return ids as number[]
}

/** One visit's findings (of one signal, when given): one key range of the findings' key. */
export function visitRange(db: TracelightDb, visitId: number, signal?: SignalId) {
  return signal === undefined
    ? db.findings
        .where('[visitId+signal+party]')
        .between([visitId, Dexie.minKey, Dexie.minKey], [visitId, Dexie.maxKey, Dexie.maxKey])
    : db.findings
        .where('[visitId+signal+party]')
        .between([visitId, signal, Dexie.minKey], [visitId, signal, Dexie.maxKey], true, true)
}

/**
 * Every finding of a site (of one signal, when given), across visits: through the site's
 * visits, since findings are keyed by visit and kept no index by site (it cost about 50
 * bytes per finding, a quarter of the storage budget; DESIGN.md §9).
 */
export function siteFindings(
  db: TracelightDb,
  site: string,
  signal?: SignalId,
): Promise<FindingRow[]> {
  return db.transaction('r', [db.visits, db.findings], async () => {
    const ids = await siteVisitIds(db, site)
    const lists = await Promise.all(ids.map((id) => visitRange(db, id, signal).toArray()))
    return lists.flat()
  })
}

/** The latest finding of one signal on a site (its site × party row; the most recent one
 * when there are several parties), in one key range. */
export async function newestSiteFinding(
  db: TracelightDb,
  site: string,
  signal: SignalId,
): Promise<SitePartyRow | undefined> {
  const rows = await db.siteParties
    .where('[site+signal+party]')
    .between([site, signal, Dexie.minKey], [site, signal, Dexie.maxKey], true, true)
    .toArray()
  return rows.sort((a, b) => b.lastAt - a.lastAt)[0]
}

/** Sites ordered by last visit, newest first. */
export function recentSites(db: TracelightDb, limit = 100): Promise<SiteRow[]> {
  return db.sites.orderBy('lastSeen').reverse().limit(limit).toArray()
}

/** Request findings (trackers and other third parties) of a site across all its visits. */
export async function siteRequestFindings(db: TracelightDb, site: string): Promise<FindingRow[]> {
  const [trackers, others] = await Promise.all([
    siteFindings(db, site, 'tracker.request'),
    siteFindings(db, site, 'thirdparty.request'),
  ])
  return trackers.concat(others)
}

/** Time of the latest finding of one signal on a site (e.g. its last GPC check). */
export async function lastFindingAt(
  db: TracelightDb,
  site: string,
  signal: SignalId,
): Promise<number | undefined> {
  const rows = await db.siteParties
    .where('[site+signal+party]')
    .between([site, signal, Dexie.minKey], [site, signal, Dexie.maxKey], true, true)
    .toArray()
  return rows.length === 0 ? undefined : Math.max(...rows.map((r) => r.lastAt))
}

/** What is known about one party on every site (thirdparty.learned reads these), one row per
 * site and signal over all visits, newest 500. */
export async function partyFindings(db: TracelightDb, party: string): Promise<SitePartyRow[]> {
  const rows = await db.siteParties.where('party').equals(party).limit(2000).toArray()
  return rows.sort((a, b) => b.lastAt - a.lastAt).slice(0, 500)
}
