/**
 * Where the rows of an export come from. Sealing needs two passes: the header (counts, time
 * range, modes) is hashed into the chain's genesis before the first record, so a source is
 * first surveyed, then read in record order, in batches, so that no reader ever holds every
 * row at once. The database source is in db/evidence-read.ts; the one here serves rows
 * already in memory (tests, the audit command).
 */
import type { ConsentRow, FindingRow, RecordMode, RequestRow, SiteRow, VisitRow } from '@/db/schema'
import {
  consentOrder,
  findingOrder,
  requestOrder,
  siteOrder,
  visitOrder,
  type Survey,
} from './format'
import { findingMatches, requestMatches, visitMatches, type ScopeFilter } from './scope'

/** Findings in key order, with the visits they belong to (for the CSV's page column). */
export interface FindingBatch {
  findings: FindingRow[]
  visits: ReadonlyMap<number, VisitRow>
}

export interface RowSource {
  /** Counts the records the reads below will give, and their time range and modes;
   * reports the rows read so far, and how many it will read at most when it knows. */
  survey(onProgress?: (rows: number, total?: number) => void): Promise<Survey>
  /** Sites by name. */
  sites(): AsyncIterable<SiteRow[]>
  /** Visits by start time, then id. */
  visits(): AsyncIterable<VisitRow[]>
  /** Findings by visit id, signal, party. */
  findings(): AsyncIterable<FindingBatch>
  /** The consent timelines of the visits above, by visit id, then as recorded. */
  consent(): AsyncIterable<ConsentRow[]>
  /** Requests the person made, in the scope, as made. */
  requests(): AsyncIterable<RequestRow[]>
}

/** Accumulates a survey's time range and modes. */
export class SurveyTally {
  from = Infinity
  to = -Infinity
  readonly modes = new Set<RecordMode>()
  see(at: number): void {
    if (at < this.from) this.from = at
    if (at > this.to) this.to = at
  }
  visit(v: VisitRow): void {
    this.see(v.startedAt)
    this.modes.add(v.mode)
  }
  finding(f: FindingRow): void {
    this.see(f.firstAt)
    this.see(f.lastAt)
    this.modes.add(f.mode)
  }
  consent(c: ConsentRow): void {
    this.see(c.at)
  }
  result(counts: Survey['counts']): Survey {
    const none = this.from === Infinity
    return {
      counts,
      from: none ? null : this.from,
      to: none ? null : this.to,
      modes: this.modes,
    }
  }
}

export interface MemoryRows {
  sites: readonly SiteRow[]
  visits: readonly VisitRow[]
  findings: readonly FindingRow[]
  consent?: readonly ConsentRow[]
  requests?: readonly RequestRow[]
}

const BATCH = 2000

function* batches<T>(rows: readonly T[]): Generator<T[]> {
  for (let i = 0; i < rows.length; i += BATCH) yield rows.slice(i, i + BATCH)
}

/**
 * Rows held in memory, filtered by `scope` exactly as the database source filters: visits in
 * the site and period; with a company, only findings of that company and the visits that
 * have one; sites that have an included visit (all sites when nothing is filtered).
 */
export function memorySource(rows: MemoryRows, scope: ScopeFilter): RowSource {
  let visits = rows.visits.filter((v) => visitMatches(scope, v))
  const visitIds = new Set(visits.map((v) => v.id))
  const everything =
    scope.site === null && scope.company === null && scope.from === null && scope.to === null
  const findings = rows.findings
    .filter((f) => findingMatches(scope, f) && (everything || visitIds.has(f.visitId)))
    .sort(findingOrder)
  if (scope.company !== null) {
    const withFindings = new Set(findings.map((f) => f.visitId))
    visits = visits.filter((v) => withFindings.has(v.id))
  }
  visits.sort(visitOrder)
  const visitSites = new Set(visits.map((v) => v.site))
  const sites = rows.sites.filter((s) => everything || visitSites.has(s.site)).sort(siteOrder)
  const byId = new Map(rows.visits.map((v) => [v.id, v]))
  const included = new Set(visits.map((v) => v.id))
  const consent = (rows.consent ?? []).filter((c) => included.has(c.visitId)).sort(consentOrder)
  const requests = (rows.requests ?? []).filter((r) => requestMatches(scope, r)).sort(requestOrder)
  return {
    async survey() {
      const tally = new SurveyTally()
      for (const v of visits) tally.visit(v)
      for (const f of findings) tally.finding(f)
      for (const c of consent) tally.consent(c)
      return tally.result({
        sites: sites.length,
        visits: visits.length,
        findings: findings.length,
        consent: consent.length,
        requests: requests.length,
      })
    },
    async *sites() {
      yield* batches(sites)
    },
    async *visits() {
      yield* batches(visits)
    },
    async *findings() {
      for (const batch of batches(findings)) {
        const map = new Map<number, VisitRow>()
        for (const f of batch) {
          const v = byId.get(f.visitId)
          if (v !== undefined) map.set(v.id, v)
        }
        yield { findings: batch, visits: map }
      }
    },
    async *consent() {
      yield* batches(consent)
    },
    async *requests() {
      yield* batches(requests)
    },
  }
}
