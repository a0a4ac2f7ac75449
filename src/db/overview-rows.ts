import type { Transaction } from 'dexie'
import {
  addStats,
  applyDay,
  applyReach,
  changed,
  companyRankKeys,
  companyRanksOf,
  dayAt,
  emptyCounts,
  emptyDelta,
  overviewRowsOf,
  rankKeys,
  ranksOf,
  recount,
  type RankCounts,
} from './overview-aggregate'
import type {
  CompanyNameRow,
  CompanyRankRow,
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
  db.companyRanks,
  db.meta,
]

/** Key of the bookkeeping row: the day the ranking rows were last brought up to date. */
export const RANKS_KEY = 'overview.ranks'
/** Key of the counts of ranking rows per period (`RankCounts`). */
export const COUNTS_KEY = 'overview.counts'
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

/** The stored counts of ranking rows (none stored: nothing counted yet). */
export const countsOf = (row: MetaRow | undefined): RankCounts =>
  (row?.value as RankCounts | undefined) ?? emptyCounts()

/** Puts sites' ranking rows for `today` in place of theirs, and counts the change. */
async function replaceSiteRanks(
  db: TracelightDb,
  sites: readonly string[],
  now: readonly (SiteStatsRow | undefined)[],
  today: number,
  counts: RankCounts,
): Promise<RankCounts> {
  const keys = sites.flatMap(rankKeys)
  const gone = await db.siteRanks.bulkGet(keys)
  const ranks: SiteRankRow[] = []
  for (const row of now) if (row !== undefined) ranks.push(...ranksOf(row, today))
  await db.siteRanks.bulkDelete(keys)
  if (ranks.length > 0) await db.siteRanks.bulkPut(ranks)
  return recount(counts, 'sites', gone, ranks)
}

/** Puts companies' ranking rows for `today`, from their reach, in place of theirs. */
async function replaceCompanyRanks(
  db: TracelightDb,
  names: readonly string[],
  reach: readonly (CompanyReachRow | undefined)[],
  today: number,
  counts: RankCounts,
): Promise<RankCounts> {
  const keys = names.flatMap(companyRankKeys)
  const gone = await db.companyRanks.bulkGet(keys)
  const ranks: CompanyRankRow[] = []
  for (const row of reach) if (row !== undefined) ranks.push(...companyRanksOf(row, today))
  await db.companyRanks.bulkDelete(keys)
  if (ranks.length > 0) await db.companyRanks.bulkPut(ranks)
  return recount(counts, 'companies', gone, ranks)
}

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

  let counts = countsOf(await db.meta.get(COUNTS_KEY))
  counts = await replaceSiteRanks(db, sites, now, today, counts)

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
    const reach = companies.map((id, i) =>
      applyReach(stored[i], names.get(id), id, delta.reach.get(id) ?? new Map()),
    )
    const put = reach.filter((r) => r !== undefined)
    const gone = companies.filter((_, i) => reach[i] === undefined)
    if (put.length > 0) await db.companyReach.bulkPut(put)
    if (gone.length > 0) await db.companyReach.bulkDelete(gone)
    const named = companies.map((id, i) => stored[i]?.name ?? reach[i]?.name ?? names.get(id)?.name)
    const present = named.map((name, i) => (name === undefined ? undefined : reach[i]))
    counts = await replaceCompanyRanks(
      db,
      named.filter((n) => n !== undefined),
      present.filter((_, i) => named[i] !== undefined),
      today,
      counts,
    )
  }
  await db.meta.put({ key: COUNTS_KEY, value: counts })
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
    db.companyRanks.clear(),
    db.meta.put({ key: COUNTS_KEY, value: emptyCounts() }),
  ])
}

/** Every derived row computed again from the stats rows, as of `now`; in the caller's
 * transaction (a schema upgrade's, or `refreshRanks`'s). */
export async function buildOverviewRows(tx: Transaction, now: number): Promise<void> {
  const stats = await tx.table<SiteStatsRow, string>('siteStats').toArray()
  const names = await tx.table<CompanyNameRow, string>('companyNames').toArray()
  const rows = overviewRowsOf(stats, names, dayAt(now))
  const derived = ['siteRanks', 'dayTotals', 'companyReach', 'companyRanks']
  await Promise.all(derived.map((t) => tx.table(t).clear()))
  await Promise.all([
    tx.table('siteRanks').bulkPut(rows.siteRanks),
    tx.table('dayTotals').bulkPut(rows.dayTotals),
    tx.table('companyReach').bulkPut(rows.companyReach),
    tx.table('companyRanks').bulkPut(rows.companyRanks),
    tx.table('meta').bulkPut([ranksMeta(now), { key: COUNTS_KEY, value: rows.counts }]),
  ])
}

/** Ranking rows recomputed per transaction while catching up with a new day. */
const RANK_CHUNK = 400

/**
 * Brings the ranking rows up to today (the background, at start, after midnight and when it
 * writes on a new day): the rows whose earliest counted day has left their period are
 * computed again, a few hundred per transaction (sites', then companies'); then today is
 * noted, in the same transaction as the check that none is left. Rows missing or of another
 * version, or a clock set back, rebuild everything in one transaction.
 */
export async function refreshRanks(db: TracelightDb, now = Date.now()): Promise<void> {
  const today = dayAt(now)
  for (;;) {
    const done = await db.transaction('rw', overviewTables(db), async (tx) => {
      const state = ranksState(await db.meta.get(RANKS_KEY))
      if (state?.day === today) return true
      if (state === undefined || state.day > today) {
        await buildOverviewRows(tx, now)
        return true
      }
      let counts = countsOf(await db.meta.get(COUNTS_KEY))
      const siteKeys = await db.siteRanks
        .where('until')
        .below(today)
        .limit(RANK_CHUNK)
        .primaryKeys()
      if (siteKeys.length > 0) {
        const sites = [...new Set(siteKeys.map(([, site]) => site))]
        const stats = await db.siteStats.bulkGet(sites)
        counts = await replaceSiteRanks(db, sites, stats, today, counts)
      } else {
        const companyKeys = await db.companyRanks
          .where('until')
          .below(today)
          .limit(RANK_CHUNK)
          .toArray()
        if (companyKeys.length === 0) {
          await db.meta.put(ranksMeta(now))
          return true
        }
        const ids = [...new Set(companyKeys.map((r) => r.id))]
        const reach = await db.companyReach.bulkGet(ids)
        const names = [...new Set(companyKeys.map((r) => r.name))]
        const byName = new Map(reach.filter((r) => r !== undefined).map((r) => [r.name, r]))
        counts = await replaceCompanyRanks(
          db,
          names,
          names.map((n) => byName.get(n)),
          today,
          counts,
        )
      }
      await db.meta.put({ key: COUNTS_KEY, value: counts })
      return false
    })
    if (done) return
  }
}
