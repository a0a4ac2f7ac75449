import Dexie from 'dexie'
import type { SignalId } from '@/detect/signals'
import type { CompanySeen, SiteRow, TracelightDb } from './schema'
import { loadCompanyIds, localDay, mergeCompanies, saveCompanyIds } from './write'
import { groupVisitsOf, sitePartiesOf, siteStatsOf } from './aggregate'
import { siteVisitIds, visitRange } from './read'
import { clearSiteStats, deleteSiteStats, overviewTables, putSiteStats } from './overview-rows'

/** Retention, and the site rebuild it shares with undoable deletions (staged-delete.ts);
 * background only, like every write. deleteSite and deleteEverything delete at once. */

const ALL_TABLES = (db: TracelightDb) => [
  db.sites,
  db.visits,
  db.findings,
  db.daily,
  db.consent,
  db.siteParties,
  ...overviewTables(db),
]

/** Removes every row of one site from sites, visits, findings, daily, consent and the
 * aggregates. */
export async function deleteSite(db: TracelightDb, site: string): Promise<void> {
  await db.transaction('rw', ALL_TABLES(db), async () => {
    // Findings are found through their visits (no index by site).
    const ids = await siteVisitIds(db, site)
    await Promise.all(ids.map((id) => visitRange(db, id).delete()))
    await db.visits.bulkDelete(ids)
    await db.daily
      .where('[site+day+signal]')
      .between([site, Dexie.minKey, Dexie.minKey], [site, Dexie.maxKey, Dexie.maxKey], true, true)
      .delete()
    await db.consent
      .where('[site+at]')
      .between([site, Dexie.minKey], [site, Dexie.maxKey], true, true)
      .delete()
    await db.siteParties
      .where('[site+signal+party]')
      .between([site, Dexie.minKey, Dexie.minKey], [site, Dexie.maxKey, Dexie.maxKey], true, true)
      .delete()
    await deleteSiteStats(db, [site])
    await db.sites.delete(site)
  })
}

/** Removes all recorded history; settings stay. */
export async function deleteEverything(db: TracelightDb): Promise<void> {
  await db.transaction('rw', ALL_TABLES(db), async () => {
    // The overview's derived rows go with the stats rows (and are then up to date).
    await Promise.all(
      ALL_TABLES(db)
        .filter((t) => t !== db.meta)
        .map((t) => t.clear()),
    )
    await clearSiteStats(db)
  })
}

const DAY_MS = 86_400_000

/**
 * Deletes visits that started more than `days` days before `now`, with their findings and the
 * daily counts of those days, then rebuilds the summary row of each site that lost visits
 * (or deletes it when nothing is left). `days` 0 keeps everything. Returns visits removed.
 */
export async function applyRetention(db: TracelightDb, days: number, now: number): Promise<number> {
  if (!(days > 0)) return 0
  const cutoff = now - days * DAY_MS
  return db.transaction('rw', ALL_TABLES(db), async () => {
    const old = await db.visits.where('startedAt').below(cutoff).toArray()
    // Sites whose old daily counts go: their overview stats are rebuilt too.
    const oldDays = (await db.daily
      .where('day')
      .below(localDay(cutoff))
      .primaryKeys()) as unknown as [string, string, string][]
    const statsOnly = new Set(oldDays.map(([site]) => site))
    if (old.length === 0) {
      await db.daily.where('day').below(localDay(cutoff)).delete()
      for (const site of statsOnly) await rebuildSite(db, site)
      return 0
    }
    for (const v of old) {
      await db.findings
        .where('[visitId+signal+party]')
        .between([v.id, Dexie.minKey, Dexie.minKey], [v.id, Dexie.maxKey, Dexie.maxKey])
        .delete()
    }
    await db.consent
      .where('visitId')
      .anyOf(old.map((v) => v.id))
      .delete()
    await db.visits.bulkDelete(old.map((v) => v.id))
    await db.daily.where('day').below(localDay(cutoff)).delete()
    const touched = new Set([...old.map((v) => v.site), ...statsOnly])
    for (const site of touched) await rebuildSite(db, site)
    return old.length
  })
}

/** Recomputes a site's summary and aggregates from the rows that remain. */
export async function rebuildSite(db: TracelightDb, site: string): Promise<void> {
  const visits = await db.visits
    .where('[site+startedAt]')
    .between([site, Dexie.minKey], [site, Dexie.maxKey])
    .toArray()
  await db.siteParties
    .where('[site+signal+party]')
    .between([site, Dexie.minKey, Dexie.minKey], [site, Dexie.maxKey, Dexie.maxKey], true, true)
    .delete()
  if (visits.length === 0) {
    await db.sites.delete(site)
    await deleteSiteStats(db, [site])
    return
  }
  const lists = await Promise.all(visits.map((v) => visitRange(db, v.id).toArray()))
  const findings = lists.flat()
  const counts: Partial<Record<SignalId, number>> = {}
  const companies: Record<string, CompanySeen> = {}
  let firstSeen = Math.min(...visits.map((v) => v.startedAt))
  let lastSeen = Math.max(...visits.map((v) => v.startedAt))
  for (const f of findings) {
    counts[f.signal] = (counts[f.signal] ?? 0) + f.count
    firstSeen = Math.min(firstSeen, f.firstAt)
    lastSeen = Math.max(lastSeen, f.lastAt)
    const request = f.signal === 'tracker.request' || f.signal === 'thirdparty.request'
    if (request && f.sameCompany !== true)
      mergeCompanies(companies, {
        [f.company ?? f.party]: {
          tracker: f.signal === 'tracker.request',
          category: f.category ?? 'unknown',
          parties: [f.party],
          requests: f.count,
          firstAt: f.firstAt,
          lastAt: f.lastAt,
        },
      })
  }
  const row: SiteRow = {
    site,
    firstSeen,
    lastSeen,
    visits: visits.length,
    counts,
    companies,
    groupVisits: groupVisitsOf(findings),
  }
  const daily = await db.daily
    .where('[site+day+signal]')
    .between([site, Dexie.minKey, Dexie.minKey], [site, Dexie.maxKey, Dexie.maxKey], true, true)
    .toArray()
  await db.sites.put(row)
  await db.siteParties.bulkPut(sitePartiesOf(findings))
  const ids = await loadCompanyIds(db, [row])
  const stats = siteStatsOf(
    row,
    daily,
    ids,
    visits.map((v) => v.startedAt),
  )
  await saveCompanyIds(db, ids)
  await putSiteStats(db, [stats], { names: ids.rows() })
}
