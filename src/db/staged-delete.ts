import Dexie, { type IndexableType, type Table } from 'dexie'
import type { SignalId } from '@/detect/signals'
import type {
  DailyRow,
  DeleteScope,
  DeleteSummary,
  FindingRow,
  PendingDeletionRow,
  SiteRow,
  TracelightDb,
  TrashRow,
  VisitRow,
} from './schema'
import { EVIDENCE_URLS, localDay, mergeBounded, mergeCompanies, mergeDetails } from './write'

/**
 * Deletions the person can undo for a few seconds (issue 6, data management).
 *
 * A deletion moves the rows it covers from the live tables into `trash`, and takes what they
 * added to the per-site and per-day counts away with them, so every view at once shows the
 * history without them. Undo puts everything back; once the undo window has passed, the trash
 * rows are dropped for good. Each step is one IndexedDB transaction over the live tables, the
 * trash and the pending record, so a worker stopped at any point leaves a state the next start
 * finishes deterministically (`settleDeletions`): rows are never lost before their deletion is
 * final, and never come back after it.
 */

/** How long a deletion can be undone. */
export const UNDO_MS = 10_000
/** Rows moved per transaction (one trash record): bounds memory and the work a stopped worker
 * redoes. Company and range deletions also rewrite the summaries of every site a chunk
 * touches, so they take bigger chunks: fewer rewrites of the same sites. */
export const CHUNK = 5000
const COMPANY_CHUNK = 10_000
/** Visits per transaction in a date-range deletion (each with its findings). */
const VISIT_CHUNK = 1000
/** Days a finding's count may be spread over in the daily table (a visit left open for days). */
const MAX_SPREAD_DAYS = 400

type FindingKey = [number, SignalId, string]
const findingKey = (f: FindingRow): FindingKey => [f.visitId, f.signal, f.party]
const dailyKey = (d: DailyRow): [string, string, SignalId] => [d.site, d.day, d.signal]
const REQUEST_SIGNALS: ReadonlySet<string> = new Set(['tracker.request', 'thirdparty.request'])

const tables = (db: TracelightDb) => [
  db.sites,
  db.visits,
  db.findings,
  db.daily,
  db.trash,
  db.pendingDeletions,
]

/** Whether a finding is one of company `name`'s records (unlisted domains go by their name). */
export const belongsTo = (f: FindingRow, name: string) => (f.company ?? f.party) === name

/** The domains whose findings a company deletion looks at: those the site summaries list for
 * it, `extra` (e.g. its domains in the bundled tracker list) and the name itself, for unlisted
 * domains, which are their own company. Sorted, without duplicates. */
export async function companyParties(
  db: TracelightDb,
  name: string,
  extra: readonly string[] = [],
): Promise<string[]> {
  const parties = new Set<string>([name, ...extra])
  await db.sites.each((s) => {
    for (const p of s.companies?.[name]?.parties ?? []) parties.add(p)
  })
  return [...parties].sort()
}

const siteRange = (site: string) =>
  [
    [site, Dexie.minKey],
    [site, Dexie.maxKey],
  ] as const
const visitRange = (id: number) =>
  [
    [id, Dexie.minKey, Dexie.minKey],
    [id, Dexie.maxKey, Dexie.maxKey],
  ] as const

/** What a deletion would remove now: the numbers its confirmation names. */
export async function previewDeletion(
  db: TracelightDb,
  scope: DeleteScope,
): Promise<DeleteSummary> {
  return db.transaction('r', [db.sites, db.visits, db.findings], async () => {
    switch (scope.kind) {
      case 'everything': {
        const [sites, visits, findings] = await Promise.all([
          db.sites.count(),
          db.visits.count(),
          db.findings.count(),
        ])
        return { sites, visits, findings }
      }
      case 'site': {
        const [row, visits, findings] = await Promise.all([
          db.sites.get(scope.site),
          db.visits
            .where('[site+startedAt]')
            .between(...siteRange(scope.site), true, true)
            .count(),
          db.findings
            .where('[site+signal]')
            .between(...siteRange(scope.site), true, true)
            .count(),
        ])
        return { sites: row !== undefined || visits > 0 ? 1 : 0, visits, findings }
      }
      case 'company': {
        const sites = new Set<string>()
        let findings = 0
        await db.findings
          .where('party')
          .anyOf(scope.parties)
          .each((f) => {
            if (!belongsTo(f, scope.name)) return
            findings += 1
            sites.add(f.site)
          })
        return { sites: sites.size, visits: 0, findings }
      }
      case 'range': {
        const visits = await db.visits
          .where('startedAt')
          .between(scope.from, scope.to, true, false)
          .toArray()
        const counts = await Promise.all(
          visits.map((v) =>
            db.findings
              .where('[visitId+signal+party]')
              .between(...visitRange(v.id), true, true)
              .count(),
          ),
        )
        return {
          sites: new Set(visits.map((v) => v.site)).size,
          visits: visits.length,
          findings: counts.reduce((a, b) => a + b, 0),
        }
      }
    }
  })
}

/** A site summary with nothing in it: the start of a delta. */
const emptySite = (site: string): SiteRow => ({
  site,
  firstSeen: Number.POSITIVE_INFINITY,
  lastSeen: Number.NEGATIVE_INFINITY,
  visits: 0,
  counts: {},
})

/**
 * What a chunk of deleted rows added to the site and daily summaries, taken from the live rows
 * (never below zero) and kept as trash rows, so undo adds back exactly what was taken.
 */
async function takeFromSummaries(
  db: TracelightDb,
  visits: readonly VisitRow[],
  findings: readonly FindingRow[],
  companyEntries: boolean,
): Promise<{ sites: SiteRow[]; daily: DailyRow[] }> {
  // Sites: the amounts each deleted row added.
  const wanted = new Map<string, SiteRow>()
  const delta = (site: string) => {
    let d = wanted.get(site)
    if (d === undefined) wanted.set(site, (d = emptySite(site)))
    return d
  }
  for (const v of visits) {
    const d = delta(v.site)
    d.visits += 1
    d.firstSeen = Math.min(d.firstSeen, v.startedAt)
    d.lastSeen = Math.max(d.lastSeen, v.startedAt)
  }
  for (const f of findings) {
    const d = delta(f.site)
    d.counts[f.signal] = (d.counts[f.signal] ?? 0) + f.count
    d.firstSeen = Math.min(d.firstSeen, f.firstAt)
    d.lastSeen = Math.max(d.lastSeen, f.lastAt)
    if (companyEntries && REQUEST_SIGNALS.has(f.signal) && f.sameCompany !== true)
      d.companies = mergeCompanies(d.companies ?? {}, {
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
  const names = [...wanted.keys()]
  const live = await db.sites.bulkGet(names)
  const taken: SiteRow[] = []
  const updated: SiteRow[] = []
  names.forEach((site, i) => {
    const want = wanted.get(site) as SiteRow
    const row = live[i]
    // No summary row (it was never written, or is gone): nothing to take, nothing to give back.
    if (row === undefined) return
    const took: SiteRow = { ...emptySite(site), firstSeen: want.firstSeen, lastSeen: want.lastSeen }
    const next: SiteRow = { ...row, counts: { ...row.counts } }
    const visitsTaken = Math.min(row.visits, want.visits)
    next.visits -= visitsTaken
    took.visits = visitsTaken
    for (const [signal, n] of Object.entries(want.counts) as [SignalId, number][]) {
      const have = next.counts[signal] ?? 0
      const t = Math.min(have, n)
      if (t > 0) took.counts[signal] = t
      if (have - t > 0) next.counts[signal] = have - t
      else delete next.counts[signal]
    }
    if (want.companies !== undefined && row.companies !== undefined) {
      const companies = { ...row.companies }
      const tookCompanies: NonNullable<SiteRow['companies']> = {}
      for (const [name, c] of Object.entries(want.companies)) {
        const have = companies[name]
        if (have === undefined) continue
        const t = Math.min(have.requests, c.requests)
        // All of it: the entry as it was. Part of it: in the entry's own words (category).
        tookCompanies[name] =
          t === have.requests
            ? { ...have }
            : { ...c, category: have.category, tracker: have.tracker, requests: t }
        if (have.requests - t > 0) companies[name] = { ...have, requests: have.requests - t }
        else delete companies[name]
      }
      next.companies = companies
      if (Object.keys(tookCompanies).length > 0) took.companies = tookCompanies
    }
    updated.push(next)
    taken.push(took)
  })
  if (updated.length > 0) await db.sites.bulkPut(updated)

  // Days: the recorder adds each flush's count to the day it ended, so a finding's count sits on
  // the day of its last observation, or (for a visit across midnight) partly on earlier days.
  const perFinding = findings.map((f) => {
    const days: string[] = []
    const first = localDay(f.firstAt)
    const at = new Date(f.lastAt)
    for (let i = 0; i < MAX_SPREAD_DAYS; i++) {
      const day = localDay(at.getTime())
      if (day < first) break
      days.push(day)
      at.setDate(at.getDate() - 1)
    }
    return { f, days }
  })
  const keys = new Map<string, [string, string, SignalId]>()
  for (const { f, days } of perFinding)
    for (const day of days)
      keys.set(`${f.site}\u0000${day}\u0000${f.signal}`, [f.site, day, f.signal])
  const keyList = [...keys.entries()]
  const rows = await db.daily.bulkGet(keyList.map(([, k]) => k))
  const counts = new Map<string, number>()
  keyList.forEach(([k], i) => counts.set(k, rows[i]?.count ?? 0))
  const takenDaily = new Map<string, DailyRow>()
  for (const { f, days } of perFinding) {
    let left = f.count
    for (const day of days) {
      if (left <= 0) break
      const k = `${f.site}\u0000${day}\u0000${f.signal}`
      const have = counts.get(k) ?? 0
      const t = Math.min(have, left)
      if (t <= 0) continue
      counts.set(k, have - t)
      left -= t
      const old = takenDaily.get(k)
      if (old === undefined) takenDaily.set(k, { site: f.site, day, signal: f.signal, count: t })
      else old.count += t
    }
  }
  const changed = [...takenDaily.keys()]
  const toPut: DailyRow[] = []
  const toDelete: [string, string, SignalId][] = []
  for (const k of changed) {
    const [site, day, signal] = keys.get(k) as [string, string, SignalId]
    const n = counts.get(k) ?? 0
    if (n > 0) toPut.push({ site, day, signal, count: n })
    else toDelete.push([site, day, signal])
  }
  if (toPut.length > 0) await db.daily.bulkPut(toPut)
  if (toDelete.length > 0) await db.daily.bulkDelete(toDelete)
  return { sites: taken, daily: [...takenDaily.values()] }
}

/** Adds one chunk to a deletion's trash; `op.next` advances (the caller stores `op`). */
async function toTrash(
  db: TracelightDb,
  op: PendingDeletionRow & { id: number },
  chunk: Omit<TrashRow, 'op' | 'n'>,
): Promise<void> {
  const parts = Object.fromEntries(
    Object.entries(chunk).filter(([, rows]) => Array.isArray(rows) && rows.length > 0),
  )
  if (Object.keys(parts).length === 0) return
  await db.trash.add({
    ...parts,
    ...(chunk.ordered === true && { ordered: true }),
    op: op.id,
    n: op.next++,
  })
  // What was moved is what the person is told was deleted.
  op.summary.findings += chunk.findings?.length ?? 0
  op.summary.visits += chunk.visits?.length ?? 0
}

const touch = (op: PendingDeletionRow, sites: Iterable<string>) => {
  const set = new Set(op.touched)
  for (const s of sites) set.add(s)
  op.touched = [...set]
}

/**
 * Deletes a chunk from a live table. A chunk read in primary-key order is every row between
 * its first and last key, so it goes with one range delete (far cheaper than a delete per
 * row); others go key by key.
 */
async function dropChunk<T, K extends IndexableType, I>(
  table: Table<T, K, I>,
  keys: K[],
  inKeyOrder: boolean,
): Promise<void> {
  const first = keys[0]
  const last = keys[keys.length - 1]
  if (first === undefined || last === undefined) return
  if (inKeyOrder) await table.where(':id').between(first, last, true, true).delete()
  else await table.bulkDelete(keys)
}

/**
 * The next chunk of a whole table, in key order from where the last one ended; once that runs
 * dry, from the start once more, for rows recorded meanwhile under smaller keys.
 */
async function nextInKeyOrder<T, K extends IndexableType, I>(
  op: PendingDeletionRow,
  name: 'findings' | 'visits' | 'daily' | 'sites',
  table: Table<T, K, I>,
  keyOf: (row: T) => K,
): Promise<T[]> {
  const last = op.after?.[name] as K | undefined
  let rows =
    last === undefined
      ? await table.limit(CHUNK).toArray()
      : await table.where(':id').above(last).limit(CHUNK).toArray()
  if (rows.length === 0 && last !== undefined) rows = await table.limit(CHUNK).toArray()
  const end = rows[rows.length - 1]
  if (end !== undefined) op.after = { ...op.after, [name]: keyOf(end) }
  return rows
}

/** Moves the next chunk of a site or everything: findings, visits, days, then summary rows. */
async function moveWhole(
  db: TracelightDb,
  op: PendingDeletionRow & { id: number },
  site: string | null,
): Promise<boolean> {
  const all = site === null
  const findings = all
    ? await nextInKeyOrder(op, 'findings', db.findings, findingKey)
    : await db.findings
        .where('[site+signal]')
        .between(...siteRange(site), true, true)
        .limit(CHUNK)
        .toArray()
  if (findings.length > 0) {
    await toTrash(db, op, { findings, ...(all && { ordered: true }) })
    await dropChunk(db.findings, findings.map(findingKey), all)
    return false
  }
  const visits = all
    ? await nextInKeyOrder(op, 'visits', db.visits, (v) => v.id)
    : await db.visits
        .where('[site+startedAt]')
        .between(...siteRange(site), true, true)
        .limit(CHUNK)
        .toArray()
  if (visits.length > 0) {
    await toTrash(db, op, { visits })
    await dropChunk(
      db.visits,
      visits.map((v) => v.id),
      all,
    )
    return false
  }
  // Days are keyed by site first: one site's are one key range too.
  const daily = all
    ? await nextInKeyOrder(op, 'daily', db.daily, dailyKey)
    : await db.daily
        .where('[site+day+signal]')
        .between([site, Dexie.minKey, Dexie.minKey], [site, Dexie.maxKey, Dexie.maxKey], true, true)
        .limit(CHUNK)
        .toArray()
  if (daily.length > 0) {
    await toTrash(db, op, { daily })
    await dropChunk(db.daily, daily.map(dailyKey), true)
    return false
  }
  const sites = all
    ? await nextInKeyOrder(op, 'sites', db.sites, (s) => s.site)
    : await db.sites.bulkGet([site]).then((r) => r.filter((s) => s !== undefined))
  if (sites.length > 0) {
    await toTrash(db, op, { sites })
    op.summary.sites += sites.length
    await dropChunk(
      db.sites,
      sites.map((s) => s.site),
      true,
    )
    return !all
  }
  return true
}

/** Moves the next chunk of a date range: visits with their findings; then fixes the dates of
 * the sites it touched, and moves what is left of a site with no visit left. */
async function moveRange(
  db: TracelightDb,
  op: PendingDeletionRow & { id: number },
  from: number,
  to: number,
): Promise<boolean> {
  // From the start time of the last visit moved (the index entries before it are deleted
  // ones); once that runs dry, from the range's start once more.
  const last = op.after?.visits as number | undefined
  const chunk = (start: number) =>
    db.visits.where('startedAt').between(start, to, true, false).limit(VISIT_CHUNK).toArray()
  let visits = await chunk(last === undefined ? from : Math.max(from, last))
  if (visits.length === 0 && last !== undefined) visits = await chunk(from)
  const end = visits[visits.length - 1]
  if (end !== undefined) op.after = { visits: end.startedAt }
  if (visits.length > 0) {
    const findings = (
      await Promise.all(
        visits.map((v) =>
          db.findings
            .where('[visitId+signal+party]')
            .between(...visitRange(v.id), true, true)
            .toArray(),
        ),
      )
    ).flat()
    const taken = await takeFromSummaries(db, visits, findings, true)
    await toTrash(db, op, { findings, visits, sites: taken.sites, daily: taken.daily })
    await db.findings.bulkDelete(findings.map(findingKey))
    await db.visits.bulkDelete(visits.map((v) => v.id))
    touch(
      op,
      visits.map((v) => v.site),
    )
    return false
  }
  // Every visit in the range is gone: the summaries of the sites touched get their dates from
  // what remains, in the same transaction as the check above.
  const rows = await db.sites.bulkGet(op.touched)
  for (const row of rows) {
    if (row === undefined) continue
    const range = siteRange(row.site)
    const first = await db.visits
      .where('[site+startedAt]')
      .between(...range, true, true)
      .first()
    if (first === undefined) {
      // Nothing left of the site: its summary goes too (what remains of it, into the trash).
      await toTrash(db, op, { sites: [row] })
      await db.sites.delete(row.site)
      continue
    }
    const last = (await db.visits
      .where('[site+startedAt]')
      .between(...range, true, true)
      .last()) as VisitRow
    const lastFindings = await db.findings
      .where('[visitId+signal+party]')
      .between(...visitRange(last.id), true, true)
      .toArray()
    // From what remains: the first visit's start, the last visit's latest observation.
    const firstSeen = first.startedAt
    const lastSeen = Math.max(last.startedAt, ...lastFindings.map((f) => f.lastAt))
    if (firstSeen !== row.firstSeen || lastSeen !== row.lastSeen)
      await db.sites.put({ ...row, firstSeen, lastSeen })
  }
  return true
}

/** Moves the next chunk of a company's findings; at the end, removes what is left of its entry
 * in the site summaries, so no site lists it any more. */
async function moveCompany(
  db: TracelightDb,
  op: PendingDeletionRow & { id: number },
  name: string,
  parties: readonly string[],
): Promise<boolean> {
  const findings = await db.findings
    .where('party')
    .anyOf([...parties])
    .filter((f) => belongsTo(f, name))
    .limit(COMPANY_CHUNK)
    .toArray()
  if (findings.length > 0) {
    const taken = await takeFromSummaries(db, [], findings, true)
    await toTrash(db, op, { findings, sites: taken.sites, daily: taken.daily })
    await db.findings.bulkDelete(findings.map(findingKey))
    touch(
      op,
      findings.map((f) => f.site),
    )
    return false
  }
  const rows = await db.sites.bulkGet(op.touched)
  for (const row of rows) {
    const entry = row?.companies?.[name]
    if (row === undefined || entry === undefined) continue
    const companies = { ...row.companies }
    delete companies[name]
    await toTrash(db, op, {
      sites: [{ ...emptySite(row.site), companies: { [name]: entry } }],
    })
    await db.sites.put({ ...row, companies })
  }
  return true
}

/** One transaction of a deletion's move; true once everything is in the trash (and the record
 * is then `staged`, undoable until `now + UNDO_MS`). */
async function moveStep(db: TracelightDb, id: number, now: number): Promise<boolean> {
  return db.transaction('rw', tables(db), async () => {
    const found = await db.pendingDeletions.get(id)
    if (found === undefined || found.phase !== 'moving') return true
    const op = found as PendingDeletionRow & { id: number }
    const { scope } = op
    const done =
      scope.kind === 'site'
        ? await moveWhole(db, op, scope.site)
        : scope.kind === 'everything'
          ? await moveWhole(db, op, null)
          : scope.kind === 'range'
            ? await moveRange(db, op, scope.from, scope.to)
            : await moveCompany(db, op, scope.name, scope.parties)
    if (done) {
      op.phase = 'staged'
      op.deadline = now + UNDO_MS
      // Range and company deletions count the sites whose rows they took.
      if (scope.kind === 'range' || scope.kind === 'company') op.summary.sites = op.touched.length
    }
    await db.pendingDeletions.put(op)
    return done
  })
}

/**
 * The live rows under `keys` (undefined where none). A chunk moved in key order is one key
 * range: the keys still in it are read first (usually none, the range having been emptied),
 * and only those rows fetched.
 */
async function liveRows<T, K extends IndexableType, I>(
  table: Table<T, K, I>,
  keys: K[],
  inKeyOrder: boolean | undefined,
): Promise<(T | undefined)[]> {
  const first = keys[0]
  const last = keys[keys.length - 1]
  if (!inKeyOrder || first === undefined || last === undefined) return table.bulkGet(keys)
  const present = await table.where(':id').between(first, last, true, true).primaryKeys()
  if (present.length === 0) return keys.map(() => undefined)
  const found = new Map<string, T | undefined>()
  const rows = await table.bulkGet(present)
  present.forEach((k, i) => found.set(JSON.stringify(k), rows[i]))
  return keys.map((k) => found.get(JSON.stringify(k)))
}

/** Adds a deleted finding back, merged with one recorded for the same key meanwhile. */
function mergeFinding(old: FindingRow | undefined, back: FindingRow): FindingRow {
  if (old === undefined) return back
  const details = mergeDetails(old.evidence.details ?? [], back.evidence.details ?? [])
  return {
    ...back,
    count: old.count + back.count,
    firstAt: Math.min(old.firstAt, back.firstAt),
    lastAt: Math.max(old.lastAt, back.lastAt),
    evidence: {
      urls: mergeBounded(back.evidence.urls, old.evidence.urls, EVIDENCE_URLS),
      ...(details.length > 0 && { details }),
    },
  }
}

/** Adds a taken site summary back to another (or to nothing). Dates unknown to a part (±∞)
 * leave the other's. */
export function addSite(old: SiteRow | undefined, back: SiteRow): SiteRow {
  if (old === undefined) return { ...back, counts: { ...back.counts } }
  const counts = { ...old.counts }
  for (const [signal, n] of Object.entries(back.counts) as [SignalId, number][])
    counts[signal] = (counts[signal] ?? 0) + n
  const companies =
    back.companies === undefined
      ? old.companies
      : mergeCompanies({ ...old.companies }, back.companies)
  return {
    site: old.site,
    firstSeen: Math.min(old.firstSeen, back.firstSeen),
    lastSeen: Math.max(old.lastSeen, back.lastSeen),
    visits: old.visits + back.visits,
    counts,
    ...(companies !== undefined && { companies }),
  }
}

/** One transaction of an undo: the next chunk of trash rows goes back; true when none is left
 * (the pending record is then gone). */
async function restoreStep(db: TracelightDb, id: number): Promise<boolean> {
  return db.transaction('rw', tables(db), async () => {
    const op = await db.pendingDeletions.get(id)
    if (op === undefined || op.phase !== 'restoring') return true
    // One trash record (one moved chunk) per transaction.
    const rows = await db.trash
      .where('[op+n]')
      .between([id, Dexie.minKey], [id, Dexie.maxKey], true, true)
      .limit(1)
      .toArray()
    if (rows.length === 0) {
      await db.pendingDeletions.delete(id)
      return true
    }
    const visits = rows.flatMap((r) => r.visits ?? [])
    const deleted = rows.flatMap((r) => r.findings ?? [])
    const days = rows.flatMap((r) => r.daily ?? [])
    const summaries = rows.flatMap((r) => r.sites ?? [])

    const liveVisits = await db.visits.bulkGet(visits.map((v) => v.id))
    await db.visits.bulkPut(visits.filter((_, i) => liveVisits[i] === undefined))

    // Rows of one kind may repeat a key (summaries taken chunk by chunk): merge in order.
    const findings = new Map<string, FindingRow>()
    for (const f of deleted) {
      const k = JSON.stringify(findingKey(f))
      findings.set(k, mergeFinding(findings.get(k), f))
    }
    const findingList = [...findings.values()]
    const keys = findingList.map(findingKey)
    const liveFindings = await liveRows(db.findings, keys, rows.length === 1 && rows[0]?.ordered)
    await db.findings.bulkPut(findingList.map((f, i) => mergeFinding(liveFindings[i], f)))

    const daily = new Map<string, DailyRow>()
    for (const d of days) {
      const k = JSON.stringify(dailyKey(d))
      const seen = daily.get(k)
      daily.set(k, seen === undefined ? { ...d } : { ...seen, count: seen.count + d.count })
    }
    const dailyList = [...daily.values()]
    const liveDaily = await db.daily.bulkGet(dailyList.map(dailyKey))
    await db.daily.bulkPut(
      dailyList.map((d, i) => ({ ...d, count: d.count + (liveDaily[i]?.count ?? 0) })),
    )

    const sites = new Map<string, SiteRow>()
    for (const s of summaries) sites.set(s.site, addSite(sites.get(s.site), s))
    const siteList = [...sites.values()]
    const liveSites = await db.sites.bulkGet(siteList.map((s) => s.site))
    // A part with no date of its own (a company entry) is only ever added to a live summary.
    await db.sites.bulkPut(
      siteList
        .map((s, i) => addSite(liveSites[i], s))
        .filter((s) => Number.isFinite(s.firstSeen) && Number.isFinite(s.lastSeen)),
    )

    await db.trash.bulkDelete(rows.map((r) => [r.op, r.n] as [number, number]))
    return false
  })
}

/** Drops a staged deletion's trash for good, if its undo window is over (or `force`). */
export async function commitDeletion(
  db: TracelightDb,
  id: number,
  now: number,
  force = false,
): Promise<boolean> {
  return db.transaction('rw', [db.trash, db.pendingDeletions], async () => {
    const op = await db.pendingDeletions.get(id)
    if (op === undefined || op.phase !== 'staged' || (!force && now < op.deadline)) return false
    await db.trash
      .where('[op+n]')
      .between([id, Dexie.minKey], [id, Dexie.maxKey], true, true)
      .delete()
    await db.pendingDeletions.delete(id)
    return true
  })
}

async function finishMove(db: TracelightDb, id: number, now: () => number): Promise<void> {
  while (!(await moveStep(db, id, now()))) {
    /* next chunk */
  }
}

async function finishRestore(db: TracelightDb, id: number): Promise<void> {
  while (!(await restoreStep(db, id))) {
    /* next chunk */
  }
}

/**
 * Brings every pending deletion to a resting state, as at the start of a worker: a move that
 * was interrupted is finished and staged (undoable for a new window, or, with `supersede`,
 * made final at once), an accepted undo is finished, a staged deletion past its deadline (any,
 * with `supersede`) is made final. Returns the deletions still undoable.
 */
export async function settleDeletions(
  db: TracelightDb,
  now: () => number,
  supersede = false,
): Promise<PendingDeletionRow[]> {
  for (const op of await db.pendingDeletions.toArray()) {
    const id = op.id as number
    if (op.phase === 'moving') await finishMove(db, id, now)
    if (op.phase === 'restoring') await finishRestore(db, id)
    else await commitDeletion(db, id, now(), supersede)
  }
  return (await db.pendingDeletions.toArray()).filter((op) => op.phase === 'staged')
}

/**
 * Deletes what `scope` covers, undoable until the returned record's deadline. Any earlier
 * deletion still undoable becomes final first: undo is offered for the latest one only, so
 * deletions never overlap.
 */
export async function stageDeletion(
  db: TracelightDb,
  scope: DeleteScope,
  now: () => number,
): Promise<PendingDeletionRow> {
  await settleDeletions(db, now, true)
  const createdAt = now()
  const id = (await db.pendingDeletions.add({
    scope,
    summary: { sites: 0, visits: 0, findings: 0 },
    createdAt,
    deadline: createdAt + UNDO_MS,
    phase: 'moving',
    next: 0,
    touched: [],
  })) as number
  await finishMove(db, id, now)
  return (await db.pendingDeletions.get(id)) as PendingDeletionRow
}

export type UndoResult = 'restored' | 'expired' | 'unknown'

/** Puts a staged deletion's rows back, if asked before its deadline. Once accepted, the undo
 * is recorded first, so a stopped worker finishes it rather than the deletion. */
export async function undoDeletion(db: TracelightDb, id: number, now: number): Promise<UndoResult> {
  const accepted = await db.transaction('rw', db.pendingDeletions, async () => {
    const op = await db.pendingDeletions.get(id)
    if (op === undefined) return 'unknown' as const
    if (op.phase === 'restoring') return 'restored' as const
    if (op.phase !== 'staged' || now >= op.deadline) return 'expired' as const
    await db.pendingDeletions.put({ ...op, phase: 'restoring' })
    return 'restored' as const
  })
  if (accepted === 'restored') await finishRestore(db, id)
  return accepted
}

/** What the deletion being moved has removed so far (null when none is), for its progress. */
export async function movingProgress(db: TracelightDb): Promise<DeleteSummary | null> {
  const moving = (await db.pendingDeletions.toArray()).find((op) => op.phase === 'moving')
  return moving === undefined ? null : moving.summary
}
