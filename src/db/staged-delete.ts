import Dexie, { type IndexableType, type Table } from 'dexie'
import type { SignalId } from '@/detect/signals'
import { groupKey, siteStatsOf, sitePartiesOf } from './aggregate'
import { rebuildSite } from './manage'
import { siteVisitIds, visitRange as visitFindingsRange } from './read'
import { clearSiteStats, deleteSiteStats, overviewTables, putSiteStats } from './overview-rows'
import type {
  ConsentRow,
  DailyRow,
  DeleteScope,
  DeleteSummary,
  FindingRow,
  PendingDeletionRow,
  SitePartyRow,
  SiteRow,
  TracelightDb,
  TrashRow,
} from './schema'
import {
  EVIDENCE_URLS,
  loadCompanyIds,
  localDay,
  mergeBounded,
  mergeCompanies,
  mergeDetails,
  saveCompanyIds,
} from './write'

/**
 * Deletions the person can undo for a few seconds (issue 6, data management).
 *
 * A deletion moves the rows it covers (visits, findings, consent moments) from the live tables
 * into `trash`, with what they added to the daily counts and the site summaries, so every view
 * at once shows the history without them; the derived rows (site × party, overview stats) are
 * moved with them or recomputed. Undo puts everything back; once the undo window has passed,
 * the trash is dropped for good. Each step is one IndexedDB transaction over the live tables,
 * the trash and the pending record, so a worker stopped at any point leaves a state the next
 * start finishes deterministically (`settleDeletions`): rows are never lost before their
 * deletion is final, and never come back after it.
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
/** Sites whose derived rows are recomputed per transaction after an undo. */
const SITES_PER_STEP = 250
/** Days a finding's count may be spread over in the daily table (a visit left open for days). */
const MAX_SPREAD_DAYS = 400

type FindingKey = [number, SignalId, string]
type Op = PendingDeletionRow & { id: number }
const findingKey = (f: FindingRow): FindingKey => [f.visitId, f.signal, f.party]
const dailyKey = (d: DailyRow): [string, string, SignalId] => [d.site, d.day, d.signal]
const partyRowKey = (p: SitePartyRow): [string, SignalId, string] => [p.site, p.signal, p.party]

const tables = (db: TracelightDb) => [
  db.sites,
  db.visits,
  db.findings,
  db.daily,
  db.consent,
  db.siteParties,
  ...overviewTables(db),
  db.trash,
  db.pendingDeletions,
]

/** Whether a finding is one of company `name`'s records (unlisted domains go by their name). */
export const belongsTo = (f: { company?: string; party: string }, name: string) =>
  (f.company ?? f.party) === name

const siteRange = (site: string) =>
  [
    [site, Dexie.minKey],
    [site, Dexie.maxKey],
  ] as const
const siteRange3 = (site: string) =>
  [
    [site, Dexie.minKey, Dexie.minKey],
    [site, Dexie.maxKey, Dexie.maxKey],
  ] as const
const visitRange = (id: number) =>
  [
    [id, Dexie.minKey, Dexie.minKey],
    [id, Dexie.maxKey, Dexie.maxKey],
  ] as const

/** A company's site × party rows: by company name, and an unlisted domain's by its domain. */
async function companyPartyRows(
  db: TracelightDb,
  name: string,
  limit = Infinity,
): Promise<SitePartyRow[]> {
  const named = await db.siteParties.where('company').equals(name).limit(limit).toArray()
  if (named.length >= limit) return named
  const unlisted = await db.siteParties
    .where('party')
    .equals(name)
    .filter((p) => p.company === undefined)
    .limit(limit - named.length)
    .toArray()
  return [...named, ...unlisted]
}

/** What a deletion would remove now: the numbers its confirmation names. */
export async function previewDeletion(
  db: TracelightDb,
  scope: DeleteScope,
): Promise<DeleteSummary> {
  return db.transaction('r', [db.sites, db.visits, db.findings, db.siteParties], async () => {
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
          siteVisitIds(db, scope.site).then(async (ids) =>
            (await Promise.all(ids.map((id) => visitFindingsRange(db, id).count()))).reduce(
              (a, b) => a + b,
              0,
            ),
          ),
        ])
        return { sites: row !== undefined || visits > 0 ? 1 : 0, visits, findings }
      }
      case 'company': {
        // Each site × party row counts the finding rows (one per visit) folded into it.
        const rows = await companyPartyRows(db, scope.name)
        return {
          sites: new Set(rows.map((r) => r.site)).size,
          visits: 0,
          findings: rows.reduce((n, r) => n + r.visits, 0),
        }
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

/** A site summary with nothing in it: the start of a delta. Dates unknown (±∞). */
const emptySite = (site: string): SiteRow => ({
  site,
  firstSeen: Number.POSITIVE_INFINITY,
  lastSeen: Number.NEGATIVE_INFINITY,
  visits: 0,
  counts: {},
})

/**
 * Takes what deleted findings added to their sites' signal counts from the live summaries
 * (never below zero); returns what was taken, to be added back on undo.
 */
async function takeCounts(db: TracelightDb, findings: readonly FindingRow[]): Promise<SiteRow[]> {
  const wanted = new Map<string, Partial<Record<SignalId, number>>>()
  for (const f of findings) {
    let counts = wanted.get(f.site)
    if (counts === undefined) wanted.set(f.site, (counts = {}))
    counts[f.signal] = (counts[f.signal] ?? 0) + f.count
  }
  const names = [...wanted.keys()]
  const live = await db.sites.bulkGet(names)
  const taken: SiteRow[] = []
  const updated: SiteRow[] = []
  names.forEach((site, i) => {
    const row = live[i]
    // No summary row (it was never written, or is gone): nothing to take, nothing to give back.
    if (row === undefined) return
    const took = emptySite(site)
    const counts = { ...row.counts }
    for (const [signal, n] of Object.entries(wanted.get(site) ?? {}) as [SignalId, number][]) {
      const have = counts[signal] ?? 0
      const t = Math.min(have, n)
      if (t > 0) took.counts[signal] = t
      if (have - t > 0) counts[signal] = have - t
      else delete counts[signal]
    }
    updated.push({ ...row, counts })
    taken.push(took)
  })
  if (updated.length > 0) await db.sites.bulkPut(updated)
  return taken
}

/**
 * Takes what deleted findings added to the daily counts. The recorder adds each flush's count
 * to the day it ended, so a finding's count sits on the day of its last observation, or (for a
 * visit across midnight) partly on earlier days. Returns what was taken, to be added back.
 */
async function takeDaily(db: TracelightDb, findings: readonly FindingRow[]): Promise<DailyRow[]> {
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
  const taken = new Map<string, DailyRow>()
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
      const old = taken.get(k)
      if (old === undefined) taken.set(k, { site: f.site, day, signal: f.signal, count: t })
      else old.count += t
    }
  }
  const toPut: DailyRow[] = []
  const toDelete: [string, string, SignalId][] = []
  for (const k of taken.keys()) {
    const [site, day, signal] = keys.get(k) as [string, string, SignalId]
    const n = counts.get(k) ?? 0
    if (n > 0) toPut.push({ site, day, signal, count: n })
    else toDelete.push([site, day, signal])
  }
  if (toPut.length > 0) await db.daily.bulkPut(toPut)
  if (toDelete.length > 0) await db.daily.bulkDelete(toDelete)
  return [...taken.values()]
}

/** Start times of a site's visits, from the index alone. */
async function visitStarts(db: TracelightDb, site: string): Promise<number[]> {
  const keys = await db.visits
    .where('[site+startedAt]')
    .between(...siteRange(site), true, true)
    .keys()
  return (keys as unknown as [string, number][]).map(([, at]) => at)
}

/** Recomputes sites' overview stats rows from their summaries, daily counts and visits. */
async function refreshStats(db: TracelightDb, sites: readonly string[]): Promise<void> {
  if (sites.length === 0) return
  const rows = await db.sites.bulkGet([...sites])
  const gone = sites.filter((_, i) => rows[i] === undefined)
  await deleteSiteStats(db, gone)
  const present = rows.filter((r) => r !== undefined)
  if (present.length === 0) return
  const days = await Promise.all(
    present.map((r) =>
      db.daily
        .where('[site+day+signal]')
        .between(...siteRange3(r.site), true, true)
        .toArray(),
    ),
  )
  const starts = await Promise.all(present.map((r) => visitStarts(db, r.site)))
  const ids = await loadCompanyIds(db, present)
  const stats = present.map((r, i) => siteStatsOf(r, days[i] ?? [], ids, starts[i] ?? []))
  await saveCompanyIds(db, ids)
  await putSiteStats(db, stats, { names: ids.rows() })
}

/** Adds one chunk to a deletion's trash and counts it; `op.next` advances (the caller stores
 * `op`). */
async function toTrash(db: TracelightDb, op: Op, chunk: Omit<TrashRow, 'op' | 'n'>): Promise<void> {
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

type Cursor = 'findings' | 'visits' | 'consent' | 'daily' | 'siteParties' | 'sites'

/**
 * The next chunk of a whole table, in key order from where the last one ended; once that runs
 * dry, from the start once more, for rows recorded meanwhile under smaller keys.
 */
async function nextInKeyOrder<T, K extends IndexableType, I>(
  op: PendingDeletionRow,
  name: Cursor,
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

/** Visits whose findings are read at once while moving a site's findings. */
const VISITS_AT_ONCE = 50

/**
 * The next chunk of a site's findings, through its visits (findings have no index by site):
 * whole visits, in id order from the last one moved; once that runs dry, from the first visit
 * once more, for findings recorded meanwhile.
 */
async function siteFindingsChunk(db: TracelightDb, op: Op, site: string): Promise<FindingRow[]> {
  const ids = (await siteVisitIds(db, site)).sort((a, b) => a - b)
  const pass = async (after: number | undefined) => {
    const out: FindingRow[] = []
    let last: number | undefined
    const todo = after === undefined ? ids : ids.filter((id) => id > after)
    for (let i = 0; i < todo.length && out.length < CHUNK; i += VISITS_AT_ONCE) {
      const group = todo.slice(i, i + VISITS_AT_ONCE)
      const lists = await Promise.all(group.map((id) => visitFindingsRange(db, id).toArray()))
      for (const [j, rows] of lists.entries()) {
        if (out.length >= CHUNK) break
        out.push(...rows)
        last = group[j]
      }
    }
    return { out, last }
  }
  const after = op.after?.findings as number | undefined
  let next = await pass(after)
  if (next.out.length === 0 && after !== undefined) next = await pass(undefined)
  if (next.last !== undefined) op.after = { ...op.after, findings: next.last }
  return next.out
}

/** Moves the next chunk of one site, or of everything: findings, visits, consent moments,
 * days, site × party rows, then the summary rows (the overview stats go, recomputed on undo). */
async function moveWhole(db: TracelightDb, op: Op, site: string | null): Promise<boolean> {
  const all = site === null
  const findings = all
    ? await nextInKeyOrder(op, 'findings', db.findings, findingKey)
    : await siteFindingsChunk(db, op, site)
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
  // Consent moments are keyed by an auto-increment id: in key order, a number each.
  const consentTable = db.consent as unknown as Table<ConsentRow, number>
  const consent = all
    ? await nextInKeyOrder(op, 'consent', consentTable, (c) => c.id as number)
    : await db.consent
        .where('[site+at]')
        .between(...siteRange(site), true, true)
        .limit(CHUNK)
        .toArray()
  if (consent.length > 0) {
    await toTrash(db, op, { consent })
    await dropChunk(
      consentTable,
      consent.map((c) => c.id as number),
      all,
    )
    return false
  }
  // Days and site × party rows are keyed by site first: one site's are one key range too.
  const daily = all
    ? await nextInKeyOrder(op, 'daily', db.daily, dailyKey)
    : await db.daily
        .where('[site+day+signal]')
        .between(...siteRange3(site), true, true)
        .limit(CHUNK)
        .toArray()
  if (daily.length > 0) {
    await toTrash(db, op, { daily })
    await dropChunk(db.daily, daily.map(dailyKey), true)
    return false
  }
  const siteParties = all
    ? await nextInKeyOrder(op, 'siteParties', db.siteParties, partyRowKey)
    : await db.siteParties
        .where('[site+signal+party]')
        .between(...siteRange3(site), true, true)
        .limit(CHUNK)
        .toArray()
  if (siteParties.length > 0) {
    await toTrash(db, op, { siteParties })
    await dropChunk(db.siteParties, siteParties.map(partyRowKey), true)
    return false
  }
  const sites = all
    ? await nextInKeyOrder(op, 'sites', db.sites, (s) => s.site)
    : await db.sites.bulkGet([site]).then((r) => r.filter((s) => s !== undefined))
  if (sites.length > 0) {
    await toTrash(db, op, { sites })
    op.summary.sites += sites.length
    const names = sites.map((s) => s.site)
    touch(op, names)
    await dropChunk(db.sites, names, true)
    await deleteSiteStats(db, names)
    return !all
  }
  // The overview stats are recomputed on undo; any left (a site recorded only while the rows
  // were being moved) go too.
  if (all) await clearSiteStats(db)
  else {
    touch(op, [site])
    await deleteSiteStats(db, [site])
  }
  return true
}

/** Moves the next chunk of a date range: visits with their findings and consent moments, and
 * their part of the daily counts; then rebuilds the summaries of the sites it touched from what
 * remains. */
async function moveRange(db: TracelightDb, op: Op, from: number, to: number): Promise<boolean> {
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
    const ids = visits.map((v) => v.id)
    const findings = (
      await Promise.all(
        ids.map((id) =>
          db.findings
            .where('[visitId+signal+party]')
            .between(...visitRange(id), true, true)
            .toArray(),
        ),
      )
    ).flat()
    const consent = await db.consent.where('visitId').anyOf(ids).toArray()
    const daily = await takeDaily(db, findings)
    await toTrash(db, op, { findings, visits, consent, daily })
    await db.findings.bulkDelete(findings.map(findingKey))
    await db.visits.bulkDelete(ids)
    await db.consent.bulkDelete(consent.map((c) => c.id as number))
    touch(
      op,
      visits.map((v) => v.site),
    )
    return false
  }
  // Every visit in the range is gone: the sites it touched are summed up again from what
  // remains, in the same transaction as the check above.
  for (const site of op.touched) await rebuildSite(db, site)
  return true
}

/** Moves the next chunk of a company's findings (found through its site × party rows), with
 * those rows and their part of the counts; at the end, its entry in each site's summary. */
async function moveCompany(db: TracelightDb, op: Op, name: string): Promise<boolean> {
  const partyRows = await companyPartyRows(db, name, 500)
  if (partyRows.length > 0) {
    // One read per site and signal, for all the company's domains there.
    const groups = new Map<string, SitePartyRow[]>()
    for (const p of partyRows) {
      const key = `${p.site}\u0000${p.signal}`
      groups.set(key, [...(groups.get(key) ?? []), p])
    }
    const findings: FindingRow[] = []
    const gone: SitePartyRow[] = []
    const rebuilt: SitePartyRow[] = []
    const visitIds = new Map<string, number[]>()
    for (const rows of groups.values()) {
      const first = rows[0] as SitePartyRow
      const parties = [...new Set(rows.map((p) => p.party))]
      let ids = visitIds.get(first.site)
      if (ids === undefined) visitIds.set(first.site, (ids = await siteVisitIds(db, first.site)))
      // Findings are found through the site's visits: one key per visit and domain.
      const keys = ids.flatMap((id) => parties.map((p): FindingKey => [id, first.signal, p]))
      const all = (await db.findings.bulkGet(keys)).filter((f) => f !== undefined)
      findings.push(...all.filter((f) => belongsTo(f, name)))
      gone.push(...rows)
      // Another company's findings under the same domain keep a row of their own.
      const rest = all.filter((f) => !belongsTo(f, name))
      if (rest.length > 0) rebuilt.push(...sitePartiesOf(rest))
      if (findings.length >= COMPANY_CHUNK) break
    }
    const counts = await takeCounts(db, findings)
    const daily = await takeDaily(db, findings)
    await toTrash(db, op, { findings, siteParties: gone, sites: counts, daily })
    await db.findings.bulkDelete(findings.map(findingKey))
    await db.siteParties.bulkDelete(gone.map(partyRowKey))
    if (rebuilt.length > 0) await db.siteParties.bulkPut(rebuilt)
    touch(
      op,
      gone.map((p) => p.site),
    )
    return false
  }
  // Nothing of it is left: each site's summary forgets the company, in the same transaction.
  const keys = [groupKey('tracker.request', name), groupKey('thirdparty.request', name)]
  const took: SiteRow[] = []
  const updated: SiteRow[] = []
  for (const row of await db.sites.bulkGet(op.touched)) {
    if (row === undefined) continue
    const part: SiteRow = emptySite(row.site)
    const companies = { ...row.companies }
    const groupVisits = { ...row.groupVisits }
    const entry = companies[name]
    if (entry !== undefined) {
      part.companies = { [name]: entry }
      delete companies[name]
    }
    for (const key of keys) {
      const n = groupVisits[key]
      if (n === undefined) continue
      part.groupVisits = { ...part.groupVisits, [key]: n }
      delete groupVisits[key]
    }
    took.push(part)
    updated.push({ ...row, companies, groupVisits })
  }
  await toTrash(db, op, { sites: took })
  await db.sites.bulkPut(updated)
  await refreshStats(db, op.touched)
  return true
}

/** One transaction of a deletion's move; true once everything is in the trash (and the record
 * is then `staged`, undoable until `now + UNDO_MS`). */
async function moveStep(db: TracelightDb, id: number, now: number): Promise<boolean> {
  return db.transaction('rw', tables(db), async () => {
    const found = await db.pendingDeletions.get(id)
    if (found === undefined || found.phase !== 'moving') return true
    const op = found as Op
    const { scope } = op
    const done =
      scope.kind === 'site'
        ? await moveWhole(db, op, scope.site)
        : scope.kind === 'everything'
          ? await moveWhole(db, op, null)
          : scope.kind === 'range'
            ? await moveRange(db, op, scope.from, scope.to)
            : await moveCompany(db, op, scope.name)
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
  let groupVisits = old.groupVisits
  if (back.groupVisits !== undefined) {
    groupVisits = { ...old.groupVisits }
    for (const [key, n] of Object.entries(back.groupVisits))
      groupVisits[key] = (groupVisits[key] ?? 0) + n
  }
  return {
    site: old.site,
    firstSeen: Math.min(old.firstSeen, back.firstSeen),
    lastSeen: Math.max(old.lastSeen, back.lastSeen),
    visits: old.visits + back.visits,
    counts,
    ...(companies !== undefined && { companies }),
    ...(groupVisits !== undefined && { groupVisits }),
  }
}

/**
 * One transaction of an undo: the next trash record goes back (rows recorded meanwhile under the
 * same keys are merged; the summaries of sites recorded meanwhile are left to be recomputed);
 * once the trash is empty, the derived rows of the sites touched are recomputed a few sites at
 * a time. True when all is done (the pending record is then gone).
 */
async function restoreStep(db: TracelightDb, id: number): Promise<boolean> {
  return db.transaction('rw', tables(db), async () => {
    const op = await db.pendingDeletions.get(id)
    if (op === undefined || op.phase !== 'restoring') return true
    const [record] = await db.trash
      .where('[op+n]')
      .between([id, Dexie.minKey], [id, Dexie.maxKey], true, true)
      .limit(1)
      .toArray()
    if (record === undefined) return finishRestore(db, op as Op)
    const recompute = new Set(op.rebuild ?? [])

    const visits = record.visits ?? []
    const liveVisits = await db.visits.bulkGet(visits.map((v) => v.id))
    await db.visits.bulkPut(visits.filter((_, i) => liveVisits[i] === undefined))

    // A chunk may repeat a finding's key (recorded again, then moved again): merge in order.
    const findings = new Map<string, FindingRow>()
    for (const f of record.findings ?? []) {
      const k = JSON.stringify(findingKey(f))
      findings.set(k, mergeFinding(findings.get(k), f))
    }
    const findingList = [...findings.values()]
    const live = await liveRows(db.findings, findingList.map(findingKey), record.ordered)
    await db.findings.bulkPut(findingList.map((f, i) => mergeFinding(live[i], f)))

    if (record.consent !== undefined) await db.consent.bulkPut(record.consent as ConsentRow[])

    const daily = new Map<string, DailyRow>()
    for (const d of record.daily ?? []) {
      const k = JSON.stringify(dailyKey(d))
      const seen = daily.get(k)
      daily.set(k, seen === undefined ? { ...d } : { ...seen, count: seen.count + d.count })
    }
    const dailyList = [...daily.values()]
    const liveDaily = await db.daily.bulkGet(dailyList.map(dailyKey))
    await db.daily.bulkPut(
      dailyList.map((d, i) => ({ ...d, count: d.count + (liveDaily[i]?.count ?? 0) })),
    )

    // Summaries of sites recorded meanwhile are recomputed at the end instead.
    const parties = (record.siteParties ?? []).filter((p) => !recompute.has(p.site))
    if (parties.length > 0) await db.siteParties.bulkPut(parties)
    const sites = new Map<string, SiteRow>()
    for (const s of record.sites ?? [])
      if (!recompute.has(s.site)) sites.set(s.site, addSite(sites.get(s.site), s))
    const siteList = [...sites.values()]
    const liveSites = await db.sites.bulkGet(siteList.map((s) => s.site))
    // A part with no date of its own (a company entry) is only ever added to a live summary.
    await db.sites.bulkPut(
      siteList
        .map((s, i) => addSite(liveSites[i], s))
        .filter((s) => Number.isFinite(s.firstSeen) && Number.isFinite(s.lastSeen)),
    )

    await db.trash.delete([record.op, record.n])
    return false
  })
}

/** After the rows are back: each touched site's overview stats are recomputed, and the sites
 * recorded meanwhile (or every site of a date range) are summed up again from their rows. */
async function finishRestore(db: TracelightDb, op: Op): Promise<boolean> {
  const batch = op.touched.slice(0, SITES_PER_STEP)
  if (batch.length === 0) {
    await db.pendingDeletions.delete(op.id)
    return true
  }
  const rebuild = new Set(op.rebuild ?? [])
  const whole = batch.filter((site) => op.scope.kind === 'range' || rebuild.has(site))
  for (const site of whole) await rebuildSite(db, site)
  await refreshStats(
    db,
    batch.filter((site) => !whole.includes(site)),
  )
  await db.pendingDeletions.put({ ...op, touched: op.touched.slice(batch.length) })
  return false
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

async function finishUndo(db: TracelightDb, id: number): Promise<void> {
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
    if (op.phase === 'restoring') await finishUndo(db, id)
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
 * is recorded first (with the sites recorded meanwhile, whose summaries are then recomputed),
 * so a stopped worker finishes it rather than the deletion. */
export async function undoDeletion(db: TracelightDb, id: number, now: number): Promise<UndoResult> {
  const accepted = await db.transaction(
    'rw',
    [db.pendingDeletions, db.sites, db.siteParties],
    async () => {
      const op = await db.pendingDeletions.get(id)
      if (op === undefined) return 'unknown' as const
      if (op.phase === 'restoring') return 'restored' as const
      if (op.phase !== 'staged' || now >= op.deadline) return 'expired' as const
      await db.pendingDeletions.put({
        ...op,
        phase: 'restoring',
        rebuild: await recordedSince(db, op),
      })
      return 'restored' as const
    },
  )
  if (accepted === 'restored') await finishUndo(db, id)
  return accepted
}

/**
 * The touched sites whose summaries changed in a way the trash cannot simply be added to: a
 * site deleted whole that has a summary again (it was recorded since), a deleted company
 * recorded again on a site, every site of a date range (always summed up again).
 */
async function recordedSince(db: TracelightDb, op: PendingDeletionRow): Promise<string[]> {
  const { scope, touched } = op
  if (scope.kind === 'range') return touched
  if (scope.kind === 'company') {
    const again = new Set((await companyPartyRows(db, scope.name)).map((p) => p.site))
    return touched.filter((site) => again.has(site))
  }
  const live = await db.sites.bulkGet(touched)
  return touched.filter((_, i) => live[i] !== undefined)
}

/** What the deletion being moved has removed so far (null when none is), for its progress. */
export async function movingProgress(db: TracelightDb): Promise<DeleteSummary | null> {
  const moving = (await db.pendingDeletions.toArray()).find((op) => op.phase === 'moving')
  return moving === undefined ? null : moving.summary
}
