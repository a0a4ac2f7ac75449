import type {
  CompanyNameRow,
  DailyRow,
  FindingRow,
  SitePartyRow,
  SiteRow,
  SiteStatsRow,
} from './schema'

/**
 * Precomputed aggregates (DESIGN.md §9: the dashboard at 1 M findings). Pure functions, used by
 * the write path, the schema upgrade, retention's rebuild and the dashboard's fixture, so all
 * of them agree on what an aggregate holds.
 */

export const REQUEST_SIGNALS: ReadonlySet<string> = new Set([
  'tracker.request',
  'thirdparty.request',
])

/** Signal families the overview counts, besides the companies themselves. */
export type Family = 'fingerprinting' | 'identifiers' | 'adPixels' | 'beforeConsent'

export function familyOf(signal: string): Family | null {
  if (signal.startsWith('fingerprint.')) return 'fingerprinting'
  if (
    signal === 'cookie.identifier' ||
    signal === 'storage.identifier' ||
    signal === 'id.sync' ||
    signal === 'link.decoration'
  )
    return 'identifiers'
  if (signal.startsWith('pixel.') || signal === 'analytics.remarketing') return 'adPixels'
  if (signal === 'consent.before') return 'beforeConsent'
  return null
}

/** The numbers kept per site and day in `SiteStatsRow.perDay`, in this order: counts of
 * findings by kind (on the day of their last observation), and visits (on the day they
 * started). */
export const STAT_FIELDS = [
  'trackerRequests',
  'otherRequests',
  'fingerprinting',
  'identifiers',
  'adPixels',
  'beforeConsent',
  'visits',
] as const
export type StatField = (typeof STAT_FIELDS)[number]
const FIELDS = STAT_FIELDS.length
const VISITS = STAT_FIELDS.indexOf('visits')

/** Where a signal's count goes in a day's numbers, or -1 (the day is still counted as active). */
export function statField(signal: string): number {
  if (signal === 'tracker.request') return 0
  if (signal === 'thirdparty.request') return 1
  const family = familyOf(signal)
  return family === null ? -1 : STAT_FIELDS.indexOf(family)
}

/** The local calendar day (YYYY-MM-DD) of a time. */
export function localDay(at: number): string {
  const d = new Date(at)
  const pad = (n: number) => String(n).padStart(2, '0')
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}`
}

/** A local calendar day (YYYY-MM-DD) as a day number (days since 1970-01-01). */
export function dayNumber(day: string): number {
  const [y = 1970, m = 1, d = 1] = day.split('-').map(Number)
  return Math.round(Date.UTC(y, m - 1, d) / 86_400_000)
}

/** The calendar day (YYYY-MM-DD) of a day number. */
export function dayOfNumber(n: number): string {
  return new Date(n * 86_400_000).toISOString().slice(0, 10)
}

/**
 * third-party-web's categories, from the most to the least telling about tracking. A company
 * has domains in several (Google: ads, analytics, fonts, a CDN); where one category is kept
 * per company, it is the most telling one seen, so Google is not labelled "Content delivery"
 * because a page loaded its fonts first.
 */
const CATEGORY_ORDER = [
  'ad',
  'analytics',
  'social',
  'marketing',
  'customer-success',
  'video',
  'tag-manager',
  'consent-provider',
  'content',
  'utility',
  'hosting',
  'cdn',
  'other',
  'unknown',
]
const categoryRank = (c: string) => {
  const i = CATEGORY_ORDER.indexOf(c)
  return i === -1 ? CATEGORY_ORDER.indexOf('other') : i
}

/** The more telling of two categories (the first when they tell as much). */
export const tellingCategory = (a: string, b: string): string =>
  categoryRank(b) < categoryRank(a) ? b : a

/** Company ids of the stats rows: `id` gives a name's id, allocating new ones as needed. */
export interface CompanyIds {
  id(name: string, category: string): number
}

/** Company ids kept in memory (the upgrade, the fixture, tests): new names get the next id. */
export function memoryCompanyIds(
  rows: readonly CompanyNameRow[] = [],
  lastId = 0,
): CompanyIds & {
  rows(): CompanyNameRow[]
  added(): CompanyNameRow[]
  /** Rows given at the start whose category became a more telling one. */
  updated(): CompanyNameRow[]
} {
  const byName = new Map(rows.map((r) => [r.name, r]))
  const added = new Set<string>()
  const updated = new Set<string>()
  let next = rows.reduce((max, r) => Math.max(max, r.id), lastId) + 1
  return {
    id(name, category) {
      const row = byName.get(name)
      if (row === undefined) {
        const id = next++
        byName.set(name, { name, id, category })
        added.add(name)
        return id
      }
      const better = tellingCategory(row.category, category)
      if (better !== row.category) {
        byName.set(name, { ...row, category: better })
        if (!added.has(name)) updated.add(name)
      }
      return row.id
    },
    rows: () => [...byName.values()],
    added: () => [...added].map((n) => byName.get(n)!),
    updated: () => [...updated].map((n) => byName.get(n)!),
  }
}

/** Tracking companies of a site summary, by name. */
export const trackerNames = (site: SiteRow): string[] =>
  Object.entries(site.companies ?? {})
    .filter(([, c]) => c.tracker)
    .map(([name]) => name)

/**
 * One site's stats row: the per-day numbers from `daily` and from the start times of the
 * site's visits, the rest from the site's summary.
 */
export function siteStatsOf(
  site: SiteRow,
  daily: readonly DailyRow[],
  ids: CompanyIds,
  visitStarts: readonly number[],
): SiteStatsRow {
  const perDay = new Map<number, number[]>()
  for (const d of daily) addDaily(perDay, d)
  for (const at of visitStarts) addVisit(perDay, at)
  return statsRow(site, perDay, ids)
}

/** Adds a batch's daily deltas and new visits (their start times) to an existing stats row
 * (or none) and refreshes the rest. */
export function mergeSiteStats(
  old: SiteStatsRow | undefined,
  site: SiteRow,
  daily: readonly DailyRow[],
  ids: CompanyIds,
  visitStarts: readonly number[] = [],
): SiteStatsRow {
  const perDay = old === undefined ? new Map<number, number[]>() : daysOf(old)
  for (const d of daily) addDaily(perDay, d)
  for (const at of visitStarts) addVisit(perDay, at)
  return statsRow(site, perDay, ids)
}

function dayValues(perDay: Map<number, number[]>, n: number): number[] {
  let values = perDay.get(n)
  if (values === undefined) perDay.set(n, (values = new Array<number>(FIELDS).fill(0)))
  return values
}

function addDaily(perDay: Map<number, number[]>, d: DailyRow): void {
  const values = dayValues(perDay, dayNumber(d.day))
  const field = statField(d.signal)
  if (field >= 0) values[field] = (values[field] ?? 0) + d.count
}

function addVisit(perDay: Map<number, number[]>, startedAt: number): void {
  const values = dayValues(perDay, dayNumber(localDay(startedAt)))
  values[VISITS] = (values[VISITS] ?? 0) + 1
}

/**
 * A stats row of the six-numbers-a-day layout (schema v4, v5) with the visits of each day
 * added (the start times of the site's visits): the v6 upgrade.
 */
export function withVisits(row: SiteStatsRow, visitStarts: readonly number[]): SiteStatsRow {
  // Rows made by the v4 upgrade of an older database have them already.
  if (row.perDay.length === row.days.length * FIELDS) return row
  const OLD = FIELDS - 1
  const perDay = new Map<number, number[]>()
  row.days.forEach((day, i) =>
    perDay.set(day, [...Array.from(row.perDay.subarray(i * OLD, i * OLD + OLD)), 0]),
  )
  for (const at of visitStarts) addVisit(perDay, at)
  const days = [...perDay.keys()].sort((a, b) => a - b)
  const flat = new Uint32Array(days.length * FIELDS)
  days.forEach((day, i) => flat.set(perDay.get(day) ?? [], i * FIELDS))
  return { ...row, days: Uint32Array.from(days), perDay: flat }
}

function daysOf(row: SiteStatsRow): Map<number, number[]> {
  const out = new Map<number, number[]>()
  row.days.forEach((day, i) =>
    out.set(day, Array.from(row.perDay.subarray(i * FIELDS, i * FIELDS + FIELDS))),
  )
  return out
}

function statsRow(site: SiteRow, perDay: Map<number, number[]>, ids: CompanyIds): SiteStatsRow {
  const days = [...perDay.keys()].sort((a, b) => a - b)
  const flat = new Uint32Array(days.length * FIELDS)
  days.forEach((day, i) => flat.set(perDay.get(day) ?? [], i * FIELDS))
  const trackerIds: number[] = []
  const lastAt: number[] = []
  const requests: number[] = []
  for (const [name, c] of Object.entries(site.companies ?? {})) {
    if (!c.tracker) continue
    trackerIds.push(ids.id(name, c.category))
    lastAt.push(dayNumber(localDay(c.lastAt)))
    requests.push(c.requests)
  }
  return {
    site: site.site,
    lastSeen: site.lastSeen,
    visits: site.visits,
    days: Uint32Array.from(days),
    perDay: flat,
    trackerIds: Uint32Array.from(trackerIds),
    trackerLastDay: Uint32Array.from(lastAt),
    trackerRequests: Uint32Array.from(requests),
  }
}

/** Numbers of one stats row for the days from `firstDay` (a day number) on. */
export function statsDays(
  row: SiteStatsRow,
  firstDay: number,
): { day: number; values: Uint32Array }[] {
  const out: { day: number; values: Uint32Array }[] = []
  row.days.forEach((day, i) => {
    if (day >= firstDay)
      out.push({ day, values: row.perDay.subarray(i * FIELDS, i * FIELDS + FIELDS) })
  })
  return out
}

/** The key of a company group on a site page: request signal and company (or domain). */
export const groupKey = (signal: string, name: string) => `${signal} ${name}`

/** Site × signal × party key of a finding, as a string. */
const partyKey = (f: { site: string; signal: string; party: string }) =>
  `${f.site}\u0000${f.signal}\u0000${f.party}`

/**
 * Folds one finding row into a site × signal × party aggregate. `newVisit` is true when the
 * finding row did not exist before (each finding row is one visit). The latest finding's
 * evidence and descriptive fields are kept, as the site page showed them before.
 */
export function foldSiteParty(
  old: SitePartyRow | undefined,
  row: FindingRow,
  delta: { count: number; firstAt: number; lastAt: number },
  newVisit: boolean,
): SitePartyRow {
  if (old === undefined) return { ...row, count: delta.count, visits: 1 }
  const latest = row.lastAt > old.lastAt || row.visitId === old.visitId ? row : old
  return {
    ...latest,
    site: old.site,
    signal: old.signal,
    party: old.party,
    count: old.count + delta.count,
    visits: old.visits + (newVisit ? 1 : 0),
    firstAt: Math.min(old.firstAt, delta.firstAt),
    lastAt: Math.max(old.lastAt, delta.lastAt),
  }
}

/** Every site × signal × party aggregate of these findings (any order of rows). */
export function sitePartiesOf(findings: readonly FindingRow[]): SitePartyRow[] {
  const out = new Map<string, SitePartyRow>()
  for (const f of findings) {
    const key = partyKey(f)
    out.set(key, foldSiteParty(out.get(key), f, f, true))
  }
  return [...out.values()]
}

/** Visits per company group (`groupKey`) of a site: distinct visits with a request to it. */
export function groupVisitsOf(findings: readonly FindingRow[]): Record<string, number> {
  const seen = new Map<string, Set<number>>()
  for (const f of findings) {
    if (!REQUEST_SIGNALS.has(f.signal)) continue
    const key = groupKey(f.signal, f.company ?? f.party)
    let visits = seen.get(key)
    if (visits === undefined) seen.set(key, (visits = new Set()))
    visits.add(f.visitId)
  }
  return Object.fromEntries([...seen].map(([k, v]) => [k, v.size]))
}

/** Number of finding rows (one per visit × signal × party) behind a site's aggregates. */
export const findingRowsOf = (parties: readonly SitePartyRow[]) =>
  parties.reduce((n, p) => n + p.visits, 0)
