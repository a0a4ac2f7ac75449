import type { Transaction } from 'dexie'
import {
  addStats,
  applyDay,
  applyReach,
  changed,
  dayAt,
  emptyDelta,
  overviewRowsOf,
  rankKeys,
  ranksOf,
} from './overview-aggregate'
import type {
  CompanyNameRow,
  CompanyReachRow,
  DayTotalRow,
  MetaRow,
  SiteRankRow,
  SiteStatsRow,
  TracelightDb,
} from './schema'

/**
 * Writes of the overview stats rows, and the rows derived from them (overview-aggregate.ts),
 * in the caller's read-write transaction, which must include `overviewTables`. Every change
 * of a stats row goes through here, so the derived rows always add up to the stats rows.
 */

/** Tables a writer of stats rows must have in its transaction. */
export const overviewTables = (db: TracelightDb) => [
  db.siteStats,
  db.companyNames,
  db.siteRanks,
  db.dayTotals,
  db.companyReach,
]

/** Key of the bookkeeping row: the day the ranking rows were last brought up to date. */
export const RANKS_KEY = 'overview.ranks'
/** Bumped when what the derived rows hold changes: a start then rebuilds them. */
export const RANKS_VERSION = 1

export interface RanksState {
  /** Day number up to which every ranking row is right. */
  day: number
  version: number
}

export function ranksState(row: MetaRow | undefined): RanksState | undefined {
  const v = row?.value as Partial<RanksState> | undefined
  return typeof v?.day === 'number' && v.version === RANKS_VERSION
    ? { day: v.day, version: v.version }
    : undefined
}

/** The bookkeeping row saying the ranking rows are right for the day of `now`. */
export const ranksMeta = (now: number): MetaRow => ({
  key: RANKS_KEY,
  value: { day: dayAt(now), version: RANKS_VERSION },
})

/** Whether the ranking rows are right for `today` (else the overview sums the stats rows). */
export const ranksCurrent = (row: MetaRow | undefined, today: number) =>
  ranksState(row)?.day === today

/** Applies what replacing `old` stats rows by `now` ones (undefined: none) changes. */
async function applyChange(
  db: TracelightDb,
  sites: readonly string[],
  old: readonly (SiteStatsRow | undefined)[],
  now: readonly (SiteStatsRow | undefined)[],
  today: number,
  known: readonly CompanyNameRow[] = [],
): Promise<void> {
  const delta = emptyDelta()
  for (const row of old) if (row !== undefined) addStats(delta, row, -1)
  for (const row of now) if (row !== undefined) addStats(delta, row, 1)
  const { days, companies } = changed(delta)

  const ranks: SiteRankRow[] = []
  for (const row of now) if (row !== undefined) ranks.push(...ranksOf(row, today))
  await db.siteRanks.bulkDelete(sites.flatMap(rankKeys))
  if (ranks.length > 0) await db.siteRanks.bulkPut(ranks)

  if (days.length > 0) {
    const stored = await db.dayTotals.bulkGet(days)
    const put: DayTotalRow[] = []
    const gone: number[] = []
    days.forEach((day, i) => {
      const d = delta.days.get(day)
      const row = d === undefined ? stored[i] : applyDay(stored[i], day, d)
      if (row === undefined) gone.push(day)
      else put.push(row)
    })
    if (put.length > 0) await db.dayTotals.bulkPut(put)
    if (gone.length > 0) await db.dayTotals.bulkDelete(gone)
  }

  if (companies.length > 0) {
    const stored = await db.companyReach.bulkGet(companies)
    const names = new Map<number, CompanyNameRow>()
    for (const n of known) names.set(n.id, n)
    const unnamed = companies.filter((id, i) => stored[i] === undefined && !names.has(id))
    const found = await Promise.all(
      unnamed.map((id) => db.companyNames.where('id').equals(id).first()),
    )
    for (const n of found) if (n !== undefined) names.set(n.id, n)
    const put: CompanyReachRow[] = []
    const gone: number[] = []
    companies.forEach((id, i) => {
      const row = applyReach(stored[i], names.get(id), id, delta.reach.get(id) ?? new Map())
      if (row === undefined) gone.push(id)
      else put.push(row)
    })
    if (put.length > 0) await db.companyReach.bulkPut(put)
    if (gone.length > 0) await db.companyReach.bulkDelete(gone)
  }
}

/**
 * Stores stats rows. `old` are the rows they replace when the caller has just read them (in
 * this transaction); otherwise they are read here. A company seen for the first time takes
 * its name from `names` (the caller's company ids) or else from the stored ids, so ids the
 * rows hold must be known to one of them (`saveCompanyIds`).
 */
export async function putSiteStats(
  db: TracelightDb,
  rows: readonly SiteStatsRow[],
  {
    old,
    names = [],
  }: { old?: readonly (SiteStatsRow | undefined)[]; names?: readonly CompanyNameRow[] } = {},
): Promise<void> {
  if (rows.length === 0) return
  const sites = rows.map((r) => r.site)
  const before = old ?? (await db.siteStats.bulkGet(sites))
  await db.siteStats.bulkPut([...rows])
  await applyChange(db, sites, before, rows, dayAt(Date.now()), names)
}

/** Removes sites' stats rows and what they added to the derived rows. */
export async function deleteSiteStats(db: TracelightDb, sites: readonly string[]): Promise<void> {
  if (sites.length === 0) return
  const before = await db.siteStats.bulkGet([...sites])
  await db.siteStats.bulkDelete([...sites])
  await applyChange(
    db,
    sites,
    before,
    sites.map(() => undefined),
    dayAt(Date.now()),
  )
}

/** Removes every stats row and every derived row (they stay up to date: there is nothing). */
export async function clearSiteStats(db: TracelightDb): Promise<void> {
  await Promise.all([
    db.siteStats.clear(),
    db.siteRanks.clear(),
    db.dayTotals.clear(),
    db.companyReach.clear(),
  ])
}

/** Every derived row computed again from the stats rows, as of `now`; in the caller's
 * transaction (a schema upgrade's, or `refreshRanks`'s). */
export async function buildOverviewRows(tx: Transaction, now: number): Promise<void> {
  const stats = await tx.table<SiteStatsRow, string>('siteStats').toArray()
  const names = await tx.table<CompanyNameRow, string>('companyNames').toArray()
  const today = dayAt(now)
  const rows = overviewRowsOf(stats, names, today)
  await Promise.all(['siteRanks', 'dayTotals', 'companyReach'].map((t) => tx.table(t).clear()))
  await Promise.all([
    tx.table('siteRanks').bulkPut(rows.siteRanks),
    tx.table('dayTotals').bulkPut(rows.dayTotals),
    tx.table('companyReach').bulkPut(rows.companyReach),
    tx.table('meta').put(ranksMeta(now)),
  ])
}

/** Sites whose ranking rows are recomputed per transaction while catching up with a new day. */
const RANK_CHUNK = 400

/**
 * Brings the ranking rows up to today (the background, at start, after midnight and when it
 * writes on a new day): the rows whose earliest counted day has left their period are
 * computed again, a few hundred sites per transaction; then today is noted, in the same
 * transaction as the check that none is left. Rows missing or of another version, or a clock
 * set back, rebuild everything in one transaction.
 */
export async function refreshRanks(db: TracelightDb, now = Date.now()): Promise<void> {
  const scope = [...overviewTables(db), db.meta]
  const today = dayAt(now)
  for (;;) {
    const done = await db.transaction('rw', scope, async (tx) => {
      const state = ranksState(await db.meta.get(RANKS_KEY))
      if (state?.day === today) return true
      if (state === undefined || state.day > today) {
        await buildOverviewRows(tx, now)
        return true
      }
      const keys = await db.siteRanks.where('until').below(today).limit(RANK_CHUNK).primaryKeys()
      if (keys.length === 0) {
        await db.meta.put(ranksMeta(now))
        return true
      }
      const sites = [...new Set(keys.map(([, site]) => site))]
      const stats = await db.siteStats.bulkGet(sites)
      const ranks = stats.flatMap((row) => (row === undefined ? [] : ranksOf(row, today)))
      await db.siteRanks.bulkDelete(sites.flatMap(rankKeys))
      if (ranks.length > 0) await db.siteRanks.bulkPut(ranks)
      return false
    })
    if (done) return
  }
}
