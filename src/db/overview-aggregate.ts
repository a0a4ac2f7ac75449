import { dayNumber, localDay, STAT_FIELDS } from './aggregate'
import type {
  CompanyNameRow,
  CompanyRankRow,
  CompanyReachRow,
  DayTotalRow,
  SiteRankRow,
  SiteStatsRow,
} from './schema'

/**
 * The overview's precomputed rows (DESIGN.md §9), derived from the per-site stats rows by pure
 * functions: every writer (recorder, deletions, undo, retention, upgrade, the benches' seed)
 * turns each change of a stats row into the same changes of these rows.
 *
 * - `siteRanks`: per period and site, the sums the overview ranks by. A period ends today, so
 *   a row stays right until the earliest day it counts leaves the period (`until`); after
 *   that day the background recomputes it (overview-rows.ts, `refreshRanks`).
 * - `dayTotals`: every site's numbers of a day added up, with the number of sites active.
 * - `companyReach`: per tracking company, sites and requests by the day it was last seen on
 *   each site. Neither depends on today, so both are simply added to and taken from.
 * - `companyRanks`: per period and tracking company, its sites and requests in the period,
 *   from its reach; like the sites' ranking rows, valid `until` a day.
 * - Counts of ranking rows per period (the overview's totals of sites and companies), kept
 *   with them (`RankCounts`).
 */

/** The overview's periods in days; 0 is all of history. */
export const RANK_PERIODS = [7, 30, 90, 0] as const

/** `until` of a row that never goes stale (all of history). */
export const FOREVER = 2 ** 31

const FIELDS = STAT_FIELDS.length
const TRACKER = STAT_FIELDS.indexOf('trackerRequests')
const FINGERPRINTING = STAT_FIELDS.indexOf('fingerprinting')
const IDENTIFIERS = STAT_FIELDS.indexOf('identifiers')
const AD_PIXELS = STAT_FIELDS.indexOf('adPixels')
const BEFORE_CONSENT = STAT_FIELDS.indexOf('beforeConsent')

/** Today's day number at time `now` (local calendar). */
export const dayAt = (now: number) => dayNumber(localDay(now))

/** First day (day number) of a period ending `today`; -∞ for all of history. */
export const firstDayOf = (period: number, today: number) =>
  period === 0 ? Number.NEGATIVE_INFINITY : today - period + 1

/** A site's ranking row for one period ending `today`, or none when it was not seen in it. */
export function rankOf(row: SiteStatsRow, period: number, today: number): SiteRankRow | undefined {
  const first = firstDayOf(period, today)
  const lastDay = dayAt(row.lastSeen)
  if (lastDay < first) return undefined
  let earliest = lastDay
  const sums = new Array<number>(FIELDS).fill(0)
  const { days, perDay } = row
  for (let i = 0; i < days.length; i++) {
    const day = days[i] ?? 0
    if (day < first) continue
    if (day < earliest) earliest = day
    for (let f = 0; f < FIELDS; f++) sums[f] = (sums[f] ?? 0) + (perDay[i * FIELDS + f] ?? 0)
  }
  let companies = 0
  for (const day of row.trackerLastDay) if (day >= first) companies += 1
  const at = (f: number) => sums[f] ?? 0
  return {
    p: period,
    site: row.site,
    k: [
      period,
      companies,
      at(FINGERPRINTING),
      at(BEFORE_CONSENT),
      at(IDENTIFIERS) + at(AD_PIXELS),
      at(TRACKER),
    ],
    until: period === 0 ? FOREVER : earliest + period - 1,
    visits: row.visits,
    lastSeen: row.lastSeen,
    companies,
    trackerRequests: at(TRACKER),
    fingerprinting: at(FINGERPRINTING),
    identifiers: at(IDENTIFIERS),
    adPixels: at(AD_PIXELS),
    beforeConsent: at(BEFORE_CONSENT),
  }
}

/** A site's ranking rows for every period ending `today`. */
export const ranksOf = (row: SiteStatsRow, today: number): SiteRankRow[] =>
  RANK_PERIODS.map((p) => rankOf(row, p, today)).filter((r) => r !== undefined)

/** Keys of a site's ranking rows, one per period (stored or not). */
export const rankKeys = (site: string): [number, string][] => RANK_PERIODS.map((p) => [p, site])

/** Changes to the day totals and company reach, summed over any number of stats rows. */
export interface OverviewDelta {
  days: Map<number, { sites: number; counts: number[] }>
  /** Company id → day → [sites, requests]. */
  reach: Map<number, Map<number, [number, number]>>
}

export const emptyDelta = (): OverviewDelta => ({ days: new Map(), reach: new Map() })

/** Adds (`sign` 1) or takes away (-1) what one stats row contributes. */
export function addStats(delta: OverviewDelta, row: SiteStatsRow, sign: 1 | -1): void {
  const { days, perDay } = row
  for (let i = 0; i < days.length; i++) {
    const day = days[i] ?? 0
    let d = delta.days.get(day)
    if (d === undefined)
      delta.days.set(day, (d = { sites: 0, counts: new Array<number>(FIELDS).fill(0) }))
    d.sites += sign
    for (let f = 0; f < FIELDS; f++)
      d.counts[f] = (d.counts[f] ?? 0) + sign * (perDay[i * FIELDS + f] ?? 0)
  }
  const { trackerIds, trackerLastDay, trackerRequests } = row
  for (let i = 0; i < trackerIds.length; i++) {
    const id = trackerIds[i] ?? 0
    const day = trackerLastDay[i] ?? 0
    let byDay = delta.reach.get(id)
    if (byDay === undefined) delta.reach.set(id, (byDay = new Map()))
    const e = byDay.get(day) ?? [0, 0]
    e[0] += sign
    e[1] += sign * (trackerRequests[i] ?? 0)
    byDay.set(day, e)
  }
}

/** Whether a change of one day's totals changes anything. */
const isZero = (d: { sites: number; counts: number[] }) =>
  d.sites === 0 && d.counts.every((n) => n === 0)

/** The days and companies a delta changes (the rest cancelled out). */
export function changed(delta: OverviewDelta): { days: number[]; companies: number[] } {
  const days = [...delta.days].filter(([, d]) => !isZero(d)).map(([day]) => day)
  const companies = [...delta.reach]
    .filter(([, byDay]) => [...byDay.values()].some(([s, r]) => s !== 0 || r !== 0))
    .map(([id]) => id)
  return { days, companies }
}

/** A day's totals after a change; undefined once no site has anything that day. */
export function applyDay(
  old: DayTotalRow | undefined,
  day: number,
  d: { sites: number; counts: number[] },
): DayTotalRow | undefined {
  const sites = (old?.sites ?? 0) + d.sites
  if (sites <= 0) return undefined
  return {
    day,
    sites,
    counts: d.counts.map((n, f) => Math.max(0, (old?.counts[f] ?? 0) + n)),
  }
}

/** A company's reach after a change; undefined once it is on no site. */
export function applyReach(
  old: CompanyReachRow | undefined,
  name: CompanyNameRow | undefined,
  id: number,
  byDay: ReadonlyMap<number, readonly [number, number]>,
): CompanyReachRow | undefined {
  const merged = new Map<number, [number, number]>()
  old?.days.forEach((day, i) => merged.set(day, [old.sites[i] ?? 0, old.requests[i] ?? 0]))
  for (const [day, [s, r]] of byDay) {
    const e = merged.get(day) ?? [0, 0]
    merged.set(day, [e[0] + s, e[1] + r])
  }
  const days = [...merged.keys()].filter((d) => (merged.get(d)?.[0] ?? 0) > 0).sort((a, b) => a - b)
  if (days.length === 0) return undefined
  return {
    id,
    name: old?.name ?? name?.name ?? '',
    // The name row holds the most telling category seen so far (it may have become one since).
    category: name?.category ?? old?.category ?? 'unknown',
    days,
    sites: days.map((d) => merged.get(d)?.[0] ?? 0),
    requests: days.map((d) => Math.max(0, merged.get(d)?.[1] ?? 0)),
  }
}

/** A company's sites and requests on the days from `first` on (its reach in a period). */
export function reachSince(
  row: CompanyReachRow,
  first: number,
): { sites: number; requests: number } {
  let sites = 0
  let requests = 0
  for (let i = row.days.length - 1; i >= 0; i--) {
    if ((row.days[i] ?? 0) < first) break
    sites += row.sites[i] ?? 0
    requests += row.requests[i] ?? 0
  }
  return { sites, requests }
}

/** Every derived row of a set of stats rows, from nothing (the upgrade, a rebuild, seeds). */
export function overviewRowsOf(
  stats: Iterable<SiteStatsRow>,
  names: readonly CompanyNameRow[],
  today: number,
): {
  siteRanks: SiteRankRow[]
  dayTotals: DayTotalRow[]
  companyReach: CompanyReachRow[]
  companyRanks: CompanyRankRow[]
  counts: RankCounts
} {
  const delta = emptyDelta()
  const siteRanks: SiteRankRow[] = []
  for (const row of stats) {
    addStats(delta, row, 1)
    siteRanks.push(...ranksOf(row, today))
  }
  const byId = new Map(names.map((n) => [n.id, n]))
  // In key order, as the tables give them back.
  const dayTotals = [...delta.days]
    .map(([day, d]) => applyDay(undefined, day, d))
    .filter((r) => r !== undefined)
    .sort((a, b) => a.day - b.day)
  const companyReach = [...delta.reach]
    .map(([id, byDay]) => applyReach(undefined, byId.get(id), id, byDay))
    .filter((r) => r !== undefined)
    .sort((a, b) => a.id - b.id)
  const companyRanks = companyReach.flatMap((r) => companyRanksOf(r, today))
  let counts = recount(emptyCounts(), 'sites', [], siteRanks)
  counts = recount(counts, 'companies', [], companyRanks)
  return { siteRanks, dayTotals, companyReach, companyRanks, counts }
}

/** What the overview's first screen needs, as read from the precomputed rows. */
export interface OverviewRows {
  /** The first sites in the overview's order (fewer when the period has fewer). */
  ranks: SiteRankRow[]
  /** The first tracking companies, by sites then requests in the period. */
  companies: CompanyRankRow[]
  /** Sites seen within the period. */
  siteCount: number
  /** Tracking companies seen within the period. */
  companyCount: number
  /** Totals of the days within the period. */
  days: DayTotalRow[]
}

/** The overview's order of company ranking rows: most sites, then requests, then by name. */
export const byCompanyRank = (a: CompanyRankRow, b: CompanyRankRow) =>
  compareKeys(b.k, a.k) || (a.name < b.name ? -1 : a.name > b.name ? 1 : 0)

/** Order of ranking keys (as IndexedDB orders arrays of numbers). */
export function compareKeys(a: readonly number[], b: readonly number[]): number {
  for (let i = 0; i < Math.min(a.length, b.length); i++) {
    const d = (a[i] ?? 0) - (b[i] ?? 0)
    if (d !== 0) return d
  }
  return a.length - b.length
}

/** The overview's order of ranking rows: highest first, then by site (code units). */
export const byRank = (a: SiteRankRow, b: SiteRankRow) =>
  compareKeys(b.k, a.k) || (a.site < b.site ? -1 : a.site > b.site ? 1 : 0)

/** Tracking companies of a site seen on or after day `first`, by name, sorted. */
export function trackingNames(
  row: SiteStatsRow,
  first: number,
  names: ReadonlyMap<number, string>,
): string[] {
  const list: string[] = []
  row.trackerIds.forEach((id, i) => {
    const name = names.get(id)
    if ((row.trackerLastDay[i] ?? 0) >= first && name !== undefined) list.push(name)
  })
  return list.sort()
}

/** The same rows as the database reader gives (dashboard-read.ts), from every site's stats
 * rows (the dashboard's fixture). */
export function overviewRowsFromStats(
  stats: readonly SiteStatsRow[],
  names: readonly CompanyNameRow[],
  days: number,
  now: number,
  shown: { sites: number; companies: number },
): OverviewRows {
  const today = dayAt(now)
  const first = firstDayOf(days, today)
  const all = overviewRowsOf(stats, names, today)
  return {
    ranks: all.siteRanks
      .filter((r) => r.p === days)
      .sort(byRank)
      .slice(0, shown.sites),
    companies: all.companyRanks
      .filter((r) => r.p === days)
      .sort(byCompanyRank)
      .slice(0, shown.companies),
    siteCount: all.counts.sites[days] ?? 0,
    companyCount: all.counts.companies[days] ?? 0,
    days: all.dayTotals.filter((d) => d.day >= first),
  }
}

/** Tracking companies seen within a period on each of these sites, by name (for the overview's
 * list of sites, read after its first screen). */
export function namesOfSites(
  stats: readonly (SiteStatsRow | undefined)[],
  names: ReadonlyMap<number, string>,
  first: number,
): Record<string, string[]> {
  const out: Record<string, string[]> = {}
  for (const row of stats) if (row !== undefined) out[row.site] = trackingNames(row, first, names)
  return out
}

/** A company's ranking row for one period ending `today`, or none when it was on no site in
 * it. */
export function companyRankOf(
  reach: CompanyReachRow,
  period: number,
  today: number,
): CompanyRankRow | undefined {
  const first = firstDayOf(period, today)
  const { sites, requests } = reachSince(reach, first)
  if (sites <= 0) return undefined
  const earliest = reach.days.find((d) => d >= first) ?? today
  return {
    p: period,
    name: reach.name,
    id: reach.id,
    category: reach.category,
    k: [period, sites, requests],
    until: period === 0 ? FOREVER : earliest + period - 1,
    sites,
    requests,
  }
}

/** A company's ranking rows for every period ending `today`. */
export const companyRanksOf = (reach: CompanyReachRow, today: number): CompanyRankRow[] =>
  RANK_PERIODS.map((p) => companyRankOf(reach, p, today)).filter((r) => r !== undefined)

/** Keys of a company's ranking rows, one per period (stored or not). */
export const companyRankKeys = (name: string): [number, string][] =>
  RANK_PERIODS.map((p) => [p, name])

/** How many ranking rows each period has: sites and tracking companies seen in it. */
export interface RankCounts {
  sites: Record<string, number>
  companies: Record<string, number>
}

export const emptyCounts = (): RankCounts => ({
  sites: Object.fromEntries(RANK_PERIODS.map((p) => [p, 0])),
  companies: Object.fromEntries(RANK_PERIODS.map((p) => [p, 0])),
})

/** Counts after ranking rows were replaced: `gone` are the rows there were, `now` the new. */
export function recount(
  counts: RankCounts,
  kind: keyof RankCounts,
  gone: readonly ({ p: number } | undefined)[],
  now: readonly { p: number }[],
): RankCounts {
  const out = { ...counts, [kind]: { ...counts[kind] } }
  for (const r of gone) if (r !== undefined) out[kind][r.p] = (out[kind][r.p] ?? 0) - 1
  for (const r of now) out[kind][r.p] = (out[kind][r.p] ?? 0) + 1
  return out
}
