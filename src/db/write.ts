import Dexie from 'dexie'
import type { SignalId } from '@/detect/signals'
import type { DetailValue } from '@/detect/types'
import type {
  CompanySeen,
  DailyRow,
  FindingRow,
  RecordMode,
  SitePartyRow,
  SiteRow,
  TracelightDb,
  VisitRow,
} from './schema'
import {
  foldSiteParty,
  groupKey,
  memoryCompanyIds,
  mergeSiteStats,
  localDay,
  tellingCategory,
  REQUEST_SIGNALS,
  trackerNames,
} from './aggregate'
import { overviewTables, putSiteStats } from './overview-rows'

/** Observations aggregated in memory for one visit × signal × party, not yet stored. */
export interface FindingDelta {
  visitId: number
  signal: SignalId
  party: string
  site: string
  entity?: string
  company?: string
  category?: string
  sameCompany?: boolean
  count: number
  firstAt: number
  lastAt: number
  urls: string[]
  details?: Record<string, DetailValue>[]
  mode: RecordMode
}

export interface Batch {
  /** Visits that started since the last batch. */
  visits: VisitRow[]
  findings: FindingDelta[]
  /** Rows of earlier visits the findings belong to, as the recorder knows them: one whose row
   * is not stored (it started while recording was paused, or was deleted while its page was
   * still open) is stored again with its findings, as a visit, so every finding's visit
   * exists. Findings are found through their visits (no index by site). */
  seen?: VisitRow[]
}

/** Request URLs kept per finding: enough to answer "why", small enough to stay bounded. */
export const EVIDENCE_URLS = 5

export { localDay } from './aggregate'

/** Domains remembered per company and site, in the site's small company aggregate. */
export const COMPANY_PARTIES = 8

/** Merges one site's company aggregates; `into` is changed in place. */
export function mergeCompanies(
  into: Record<string, CompanySeen>,
  more: Readonly<Record<string, CompanySeen>>,
): Record<string, CompanySeen> {
  for (const [name, c] of Object.entries(more)) {
    const old = into[name]
    into[name] =
      old === undefined
        ? { ...c, parties: c.parties.slice(0, COMPANY_PARTIES) }
        : {
            tracker: old.tracker || c.tracker,
            category: tellingCategory(old.category, c.category),
            parties: mergeBounded(old.parties, c.parties, COMPANY_PARTIES),
            requests: old.requests + c.requests,
            firstAt: Math.min(old.firstAt, c.firstAt),
            lastAt: Math.max(old.lastAt, c.lastAt),
          }
  }
  return into
}

/** Distinct decoded details kept per finding. */
export const EVIDENCE_DETAILS = 5

/** Appends distinct items up to `limit`; `key` decides what counts as the same item. */
export function mergeBounded<T>(
  into: readonly T[],
  more: readonly T[],
  limit: number,
  key: (item: T) => string = String,
): T[] {
  const out = into.slice(0, limit)
  const seen = new Set(out.map(key))
  for (const item of more) {
    if (out.length >= limit) break
    const k = key(item)
    if (!seen.has(k)) {
      seen.add(k)
      out.push(item)
    }
  }
  return out
}

const mergeUrls = (into: readonly string[], more: readonly string[]) =>
  mergeBounded(into, more, EVIDENCE_URLS)
export const mergeDetails = (
  into: readonly Record<string, DetailValue>[],
  more: readonly Record<string, DetailValue>[],
) => mergeBounded(into, more, EVIDENCE_DETAILS, (d) => JSON.stringify(d))

function evidenceOf(
  urls: readonly string[],
  details: readonly Record<string, DetailValue>[] | undefined,
) {
  return details === undefined || details.length === 0
    ? { urls: [...urls] }
    : { urls: [...urls], details: [...details] }
}

/** Every table a batch writes: callers that wrap `applyBatch` in their own transaction
 * (the evidence import) must include them all. */
export const writeTables = (db: TracelightDb) => [
  db.visits,
  db.findings,
  db.sites,
  db.daily,
  db.siteParties,
  ...overviewTables(db),
]

/** Company ids for these sites' tracking companies: stored ones, and new ones to store with
 * `saveCompanyIds`. */
export async function loadCompanyIds(db: TracelightDb, sites: readonly SiteRow[]) {
  const names = [...new Set(sites.flatMap(trackerNames))]
  const known = (await db.companyNames.bulkGet(names)).filter((r) => r !== undefined)
  const last = known.length < names.length ? await db.companyNames.orderBy('id').last() : undefined
  return memoryCompanyIds(known, last?.id ?? 0)
}

export async function saveCompanyIds(
  db: TracelightDb,
  ids: Awaited<ReturnType<typeof loadCompanyIds>>,
): Promise<void> {
  const added = ids.added()
  if (added.length > 0) await db.companyNames.bulkAdd(added)
  const updated = ids.updated()
  if (updated.length > 0) await db.companyNames.bulkPut(updated)
}

/**
 * Writes one batch in a single transaction, so a worker stopped mid-write leaves either all of
 * it or none of it: nothing is half-counted, and nothing is counted twice. The aggregates the
 * dashboard reads (site summary, site × party rows, daily counts, overview stats) are kept
 * current in the same transaction.
 */
export async function applyBatch(db: TracelightDb, batch: Batch): Promise<void> {
  await db.transaction('rw', writeTables(db), async () => {
    const newVisits = await visitsToStore(db, batch)
    if (newVisits.length > 0) await db.visits.bulkPut(newVisits)

    const keys = batch.findings.map(
      (f) => [f.visitId, f.signal, f.party] as [number, SignalId, string],
    )
    const existing = await db.findings.bulkGet(keys)
    const rows: FindingRow[] = batch.findings.map((delta, i) => {
      const old = existing[i]
      const { urls, details, ...rest } = delta
      if (old === undefined)
        return {
          ...rest,
          evidence: evidenceOf(mergeUrls([], urls), mergeDetails([], details ?? [])),
        }
      return {
        ...old,
        count: old.count + delta.count,
        firstAt: Math.min(old.firstAt, delta.firstAt),
        lastAt: Math.max(old.lastAt, delta.lastAt),
        evidence: evidenceOf(
          mergeUrls(old.evidence.urls, urls),
          mergeDetails(old.evidence.details ?? [], details ?? []),
        ),
      }
    })
    const groupVisits = await newGroupVisits(db, batch.findings, existing)
    await db.findings.bulkPut(rows)
    await foldSiteParties(db, batch.findings, rows, existing)

    const siteDeltas = new Map<string, SiteRow>()
    const touch = (site: string, at: number): SiteRow => {
      let row = siteDeltas.get(site)
      if (row === undefined) {
        row = { site, firstSeen: at, lastSeen: at, visits: 0, counts: {} }
        siteDeltas.set(site, row)
      }
      row.firstSeen = Math.min(row.firstSeen, at)
      row.lastSeen = Math.max(row.lastSeen, at)
      return row
    }
    for (const visit of newVisits) touch(visit.site, visit.startedAt).visits += 1
    const daily = new Map<string, DailyRow>()
    for (const f of batch.findings) {
      touch(f.site, f.firstAt)
      const row = touch(f.site, f.lastAt)
      row.counts[f.signal] = (row.counts[f.signal] ?? 0) + f.count
      if (REQUEST_SIGNALS.has(f.signal) && f.sameCompany !== true) {
        const seen: CompanySeen = {
          tracker: f.signal === 'tracker.request',
          category: f.category ?? 'unknown',
          parties: [f.party],
          requests: f.count,
          firstAt: f.firstAt,
          lastAt: f.lastAt,
        }
        row.companies = mergeCompanies(row.companies ?? {}, { [f.company ?? f.party]: seen })
      }
      const day = localDay(f.lastAt)
      const key = `${f.site}\u0000${day}\u0000${f.signal}`
      const d = daily.get(key)
      if (d === undefined) daily.set(key, { site: f.site, day, signal: f.signal, count: f.count })
      else d.count += f.count
    }
    for (const [site, counts] of groupVisits) {
      const row = siteDeltas.get(site)
      if (row !== undefined) row.groupVisits = counts
    }

    const siteList = [...siteDeltas.values()]
    const oldSites = await db.sites.bulkGet(siteList.map((s) => s.site))
    const merged = siteList.map((delta, i) => {
      const old = oldSites[i]
      if (old === undefined) return delta
      const counts = { ...old.counts }
      const companies =
        delta.companies === undefined
          ? old.companies
          : mergeCompanies({ ...old.companies }, delta.companies)
      for (const [signal, n] of Object.entries(delta.counts) as [SignalId, number][]) {
        counts[signal] = (counts[signal] ?? 0) + n
      }
      const visits = addCounts(old.groupVisits, delta.groupVisits)
      return {
        site: old.site,
        firstSeen: Math.min(old.firstSeen, delta.firstSeen),
        lastSeen: Math.max(old.lastSeen, delta.lastSeen),
        visits: old.visits + delta.visits,
        counts,
        ...(companies === undefined ? {} : { companies }),
        ...(visits === undefined ? {} : { groupVisits: visits }),
      }
    })
    await db.sites.bulkPut(merged)

    const dailyList = [...daily.values()]
    const oldDaily = await db.daily.bulkGet(
      dailyList.map((d) => [d.site, d.day, d.signal] as [string, string, SignalId]),
    )
    await db.daily.bulkPut(
      dailyList.map((d, i) => ({ ...d, count: d.count + (oldDaily[i]?.count ?? 0) })),
    )

    const oldStats = await db.siteStats.bulkGet(merged.map((s) => s.site))
    const ids = await loadCompanyIds(db, merged)
    const stats = merged.map((site, i) =>
      mergeSiteStats(
        oldStats[i],
        site,
        dailyList.filter((d) => d.site === site.site),
        ids,
        // Each visit is in one batch only (the site's visit count relies on it too).
        newVisits.filter((v) => v.site === site.site).map((v) => v.startedAt),
      ),
    )
    await saveCompanyIds(db, ids)
    await putSiteStats(db, stats, { old: oldStats, names: ids.rows() })
  })
}

/** The batch's new visits, and those of its earlier visits that have no row (any more). */
async function visitsToStore(db: TracelightDb, batch: Batch): Promise<VisitRow[]> {
  const listed = new Set(batch.visits.map((v) => v.id))
  const used = new Set(batch.findings.map((f) => f.visitId))
  const earlier = (batch.seen ?? []).filter((v) => !listed.has(v.id) && used.has(v.id))
  if (earlier.length === 0) return batch.visits
  const stored = await db.visits.bulkGet(earlier.map((v) => v.id))
  return [...batch.visits, ...earlier.filter((_, i) => stored[i] === undefined)]
}

function addCounts(
  a: Record<string, number> | undefined,
  b: Record<string, number> | undefined,
): Record<string, number> | undefined {
  if (b === undefined) return a
  const out = { ...a }
  for (const [k, n] of Object.entries(b)) out[k] = (out[k] ?? 0) + n
  return out
}

/**
 * Company groups (request signal × company) that this batch shows on a visit for the first
 * time, counted per site: a new finding row of a listed company counts unless another domain
 * of the same company was already stored for that visit, or earlier in the batch.
 */
async function newGroupVisits(
  db: TracelightDb,
  deltas: readonly FindingDelta[],
  existing: readonly (FindingRow | undefined)[],
): Promise<Map<string, Record<string, number>>> {
  const fresh = deltas.filter((f, i) => existing[i] === undefined && REQUEST_SIGNALS.has(f.signal))
  const present = new Map<string, Set<string>>()
  const toRead = new Map<string, [number, SignalId]>()
  for (const f of fresh) {
    if (f.company !== undefined) toRead.set(`${f.visitId}\u0000${f.signal}`, [f.visitId, f.signal])
  }
  await Promise.all(
    [...toRead].map(async ([key, [visitId, signal]]) => {
      const stored = await db.findings
        .where('[visitId+signal+party]')
        .between([visitId, signal, Dexie.minKey], [visitId, signal, Dexie.maxKey], true, true)
        .toArray()
      present.set(key, new Set(stored.map((r) => r.company ?? r.party)))
    }),
  )
  const out = new Map<string, Record<string, number>>()
  for (const f of fresh) {
    const name = f.company ?? f.party
    const key = `${f.visitId}\u0000${f.signal}`
    let names = present.get(key)
    if (names === undefined) present.set(key, (names = new Set()))
    if (names.has(name)) continue
    names.add(name)
    let counts = out.get(f.site)
    if (counts === undefined) out.set(f.site, (counts = {}))
    const group = groupKey(f.signal, name)
    counts[group] = (counts[group] ?? 0) + 1
  }
  return out
}

/** Folds the batch's finding rows into their site × signal × party aggregates. */
async function foldSiteParties(
  db: TracelightDb,
  deltas: readonly FindingDelta[],
  rows: readonly FindingRow[],
  existing: readonly (FindingRow | undefined)[],
): Promise<void> {
  const keys = new Map<string, [string, SignalId, string]>()
  for (const f of deltas)
    keys.set(`${f.site}\u0000${f.signal}\u0000${f.party}`, [f.site, f.signal, f.party])
  const list = [...keys]
  const stored = await db.siteParties.bulkGet(list.map(([, k]) => k))
  const folded = new Map<string, SitePartyRow | undefined>(list.map(([k], i) => [k, stored[i]]))
  deltas.forEach((f, i) => {
    const row = rows[i]
    if (row === undefined) return
    const key = `${f.site}\u0000${f.signal}\u0000${f.party}`
    folded.set(key, foldSiteParty(folded.get(key), row, f, existing[i] === undefined))
  })
  await db.siteParties.bulkPut([...folded.values()].filter((r) => r !== undefined))
}
