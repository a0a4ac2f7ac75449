import Dexie from 'dexie'
import type { Survey } from '@/evidence/format'
import { consentOrder, requestOrder } from '@/evidence/format'
import { findingMatches, requestMatches, type ScopeFilter } from '@/evidence/scope'
import { SurveyTally, type FindingBatch, type RowSource } from '@/evidence/source'
import type { ConsentRow, FindingRow, RequestRow, SiteRow, TracelightDb, VisitRow } from './schema'

/**
 * Read-only repository for evidence exports: the rows of a scope, read in keyed pages of a few
 * thousand (each page its own short read transaction), in the export's record order, so that
 * a million findings are never in memory at once and the recorder is never blocked for long.
 *
 * Pages cannot share one transaction (hashing between them would let it close), so the rows
 * can change between the survey and the reading. Rows first seen after `cutoff` (the moment
 * the export began, less the recorder's flush delay) are left out of both, so browsing on
 * while exporting changes nothing; what still differs (a deletion, a late write) makes the
 * counts disagree, and the export starts again (evidence/seal.ts).
 */

export interface EvidenceReadOptions {
  /** Rows first seen after this time (epoch ms) are left out. Default: now, less 1 s. */
  cutoff?: number
  /** Rows per page. */
  pageSize?: number
}

/** The recorder writes observations within 250 ms (DESIGN.md §0); a second is ample. */
const SETTLE_MS = 1000
const PAGE = 2000
/** Visits whose findings are read in one transaction, for scoped exports. */
const VISITS_PER_READ = 100

export function evidenceSource(
  db: TracelightDb,
  scope: ScopeFilter,
  options: EvidenceReadOptions = {},
): RowSource {
  const cutoff = options.cutoff ?? Date.now() - SETTLE_MS
  const page = options.pageSize ?? PAGE
  const everything =
    scope.site === null && scope.company === null && scope.from === null && scope.to === null
  const upper = Math.min(scope.to ?? Infinity, cutoff)
  const lower = scope.from ?? -Infinity

  /** Filled by the survey; the reads below use them. */
  let included: Set<number> | null = null
  let visitIds: number[] = []
  let siteNames: string[] | null = null
  let requests: RequestRow[] = []

  const findingIn = (f: FindingRow, visits: ReadonlySet<number> | null) =>
    f.firstAt <= cutoff && findingMatches(scope, f) && (visits === null || visits.has(f.visitId))

  /** Visits of the site and period that began before the cutoff, by start then id. */
  async function* candidateVisits(): AsyncGenerator<VisitRow[]> {
    if (lower > upper) return
    const range = (from: number) =>
      scope.site === null
        ? db.visits.where('startedAt').between(from, upper, true, true)
        : db.visits
            .where('[site+startedAt]')
            .between([scope.site, from], [scope.site, upper], true, true)
    // Keyset paging on a non-unique key: restart at the last start time, skipping the ids
    // already given at that time.
    let from = lower
    let atFrom = new Set<number>()
    for (;;) {
      const limit = page + atFrom.size
      const rows = await range(from).limit(limit).toArray()
      const fresh = rows.filter((v) => !(v.startedAt === from && atFrom.has(v.id)))
      if (fresh.length > 0) yield fresh
      if (rows.length < limit || fresh.length === 0) return
      const last = fresh[fresh.length - 1]!.startedAt
      if (last !== from) {
        from = last
        atFrom = new Set()
      }
      for (const v of fresh) if (v.startedAt === from) atFrom.add(v.id)
    }
  }

  /** Every finding in key order (for exports not limited to a site). The next page is
   * asked for before this one is handed on, so the database reads while the export hashes. */
  async function* allFindings(): AsyncGenerator<FindingRow[]> {
    const read = (after: [number, string, string] | undefined): Promise<FindingRow[]> =>
      (after === undefined ? db.findings.orderBy(':id') : db.findings.where(':id').above(after))
        .limit(page)
        .toArray()
    let next = read(undefined)
    for (;;) {
      const rows = await next
      if (rows.length === 0) return
      const end = rows[rows.length - 1]!
      next = rows.length < page ? Promise.resolve([]) : read([end.visitId, end.signal, end.party])
      yield rows
    }
  }

  /** The findings of some visits (ids ascending), in key order, reading ahead as above. */
  async function* findingsOfVisits(ids: readonly number[]): AsyncGenerator<FindingRow[]> {
    const read = (from: number) => {
      const chunk = ids.slice(from, from + VISITS_PER_READ)
      return db.transaction('r', db.findings, () =>
        Promise.all(
          chunk.map((id) =>
            db.findings.where(':id').between([id, Dexie.minKey], [id, Dexie.maxKey]).toArray(),
          ),
        ),
      )
    }
    if (ids.length === 0) return
    let next = read(0)
    for (let i = 0; i < ids.length; i += VISITS_PER_READ) {
      const lists = await next
      if (i + VISITS_PER_READ < ids.length) next = read(i + VISITS_PER_READ)
      yield lists.flat()
    }
  }

  /** The consent timelines of some visits (ids ascending), by visit, then as recorded. */
  async function* consentOfVisits(ids: readonly number[]): AsyncGenerator<ConsentRow[]> {
    for (let i = 0; i < ids.length; i += page) {
      const rows = await db.consent
        .where('visitId')
        .anyOf(ids.slice(i, i + page))
        .toArray()
      const kept = rows.filter((c) => c.at <= cutoff).sort(consentOrder)
      if (kept.length > 0) yield kept
    }
  }

  /** Requests are few (the person writes each one): read whole in the survey and kept for the
   * reading, so both agree. The person makes them, not the recorder, so none is still being
   * written: every request made before the export is in it. */
  const requestsInScope = async () =>
    (await db.requests.toArray()).filter((r) => requestMatches(scope, r)).sort(requestOrder)

  /** Counts what the reads of consent and requests below will give. */
  async function surveyRest(tally: SurveyTally, ids: readonly number[]) {
    let consent = 0
    for await (const batch of consentOfVisits(ids)) {
      for (const c of batch) tally.consent(c)
      consent += batch.length
    }
    requests = await requestsInScope()
    return { consent, requests: requests.length }
  }

  /** Findings to read: by visit for one site (few visits), else one pass over the table. */
  const scanFindings = (ids: readonly number[]) =>
    scope.site !== null ? findingsOfVisits(ids) : allFindings()

  return {
    async survey(onProgress) {
      const tally = new SurveyTally()
      let rows = 0
      // Without a site, every finding is read: the tables' sizes bound what is read.
      const total =
        scope.site === null ? (await db.visits.count()) + (await db.findings.count()) : undefined
      const seen = (n: number) => {
        rows += n
        onProgress?.(total === undefined ? rows : Math.min(rows, total), total)
      }
      if (everything) {
        // Every visit and finding before the cutoff: only counted, nothing kept.
        let visits = 0
        const ids: number[] = []
        for await (const batch of candidateVisits()) {
          for (const v of batch) {
            tally.visit(v)
            ids.push(v.id)
          }
          visits += batch.length
          seen(batch.length)
        }
        ids.sort((a, b) => a - b)
        let findings = 0
        for await (const batch of allFindings()) {
          for (const f of batch) {
            if (f.firstAt > cutoff) continue
            findings += 1
            tally.finding(f)
          }
          seen(batch.length)
        }
        included = null
        siteNames = null
        visitIds = ids
        const sites = await db.sites.filter((s) => s.firstSeen <= cutoff).count()
        return tally.result({ sites, visits, findings, ...(await surveyRest(tally, ids)) })
      }

      // Visits of the site and period, with their site.
      const candidates = new Map<number, VisitRow | string>()
      for await (const batch of candidateVisits()) {
        // With a company, only visits with one of its findings count: keep the rows for later.
        for (const v of batch) candidates.set(v.id, scope.company === null ? v.site : v)
        if (scope.company === null) for (const v of batch) tally.visit(v)
        seen(batch.length)
      }
      const candidateIds = [...candidates.keys()].sort((a, b) => a - b)
      const filter = new Set(candidateIds)

      let findings = 0
      const withFindings = new Set<number>()
      for await (const batch of scanFindings(candidateIds)) {
        for (const f of batch) {
          if (!findingIn(f, filter)) continue
          findings += 1
          tally.finding(f)
          withFindings.add(f.visitId)
        }
        seen(batch.length)
      }

      const ids =
        scope.company === null ? candidateIds : candidateIds.filter((id) => withFindings.has(id))
      const names = new Set<string>()
      for (const id of ids) {
        const c = candidates.get(id)!
        if (typeof c === 'string') names.add(c)
        else {
          names.add(c.site)
          tally.visit(c)
        }
      }
      included = new Set(ids)
      visitIds = ids
      siteNames = [...names].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0))
      return tally.result({
        sites: siteNames.length,
        visits: ids.length,
        findings,
        ...(await surveyRest(tally, ids)),
      }) satisfies Survey
    },

    async *sites() {
      if (siteNames === null) {
        let last: string | undefined
        for (;;) {
          const query =
            last === undefined ? db.sites.orderBy(':id') : db.sites.where(':id').above(last)
          const rows = await query.limit(page).toArray()
          if (rows.length === 0) return
          last = rows[rows.length - 1]!.site
          const kept = rows.filter((s) => s.firstSeen <= cutoff)
          if (kept.length > 0) yield kept
          if (rows.length < page) return
        }
      }
      for (let i = 0; i < siteNames.length; i += page) {
        const rows = await db.sites.bulkGet(siteNames.slice(i, i + page))
        yield rows.filter((s): s is SiteRow => s !== undefined)
      }
    },

    async *visits() {
      for await (const batch of candidateVisits()) {
        const kept = included === null ? batch : batch.filter((v) => included!.has(v.id))
        if (kept.length > 0) yield kept
      }
    },

    async *findings(): AsyncGenerator<FindingBatch> {
      const filter = everything ? null : included
      let pending: FindingRow[] = []
      const flush = async (): Promise<FindingBatch> => {
        const wanted = [...new Set(pending.map((f) => f.visitId))]
        const rows = await db.visits.bulkGet(wanted)
        const visits = new Map<number, VisitRow>()
        for (const v of rows) if (v !== undefined) visits.set(v.id, v)
        const batch = { findings: pending, visits }
        pending = []
        return batch
      }
      for await (const batch of scanFindings(visitIds)) {
        for (const f of batch) if (findingIn(f, filter)) pending.push(f)
        if (pending.length >= page) yield await flush()
      }
      if (pending.length > 0) yield await flush()
    },

    consent: () => consentOfVisits(visitIds),

    async *requests() {
      if (requests.length > 0) yield requests
    },
  }
}
