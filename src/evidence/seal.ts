/**
 * Sealing: reads a source in record order, hashes each record into the chain as it passes,
 * and hands it to the sinks (JSON, CSV, report, an in-memory list), so no step holds more
 * than a batch of records. One loop for the dashboard, the audit command and the tests.
 */
import {
  consentData,
  findingData,
  genesisOf,
  makeHeader,
  requestData,
  siteContent,
  visitData,
  type EvidenceHeader,
  type EvidenceRecord,
  type ExportMeta,
  type Integrity,
  type RecordContent,
  type VisitData,
} from './format'
import { canonicalJson } from './canonical'
import { Chain } from './integrity'
import type { RowSource } from './source'

export interface RecordSink {
  begin(header: EvidenceHeader): void
  /**
   * `visit` is the finding's visit as exported (for findings; undefined otherwise);
   * `dataJson` is the canonical JSON of `record.data`, already made for hashing.
   */
  record(record: EvidenceRecord, visit: VisitData | undefined, dataJson: string): void
  end(integrity: Integrity): void
}

/** The canonical JSON of a record's content, from that of its data: keys `data` < `kind`. */
export const contentJson = (kind: string, dataJson: string) =>
  `{"data":${dataJson},"kind":${JSON.stringify(kind)}}`

export type Progress =
  /** `total`: the rows the survey will read at most, when known. */
  | { phase: 'survey'; done: number; total?: number }
  | { phase: 'records'; done: number; total: number }
  | { phase: 'files'; done: number; total: number }

export interface Control {
  signal?: AbortSignal
  onProgress?: (p: Progress) => void
}

/** The rows changed between the survey and the reading (deleted, or recorded late): the
 * header would not match the records, so the export must start again. */
export class ExportChangedError extends Error {
  constructor(what: string) {
    super(`The history changed while it was being exported (${what}).`)
    this.name = 'ExportChangedError'
  }
}

export function cancelled(signal: AbortSignal | undefined): void {
  if (signal?.aborted === true) throw new DOMException('The export was cancelled.', 'AbortError')
}

export const isAbort = (e: unknown): boolean =>
  typeof e === 'object' && e !== null && (e as { name?: unknown }).name === 'AbortError'

export async function seal(
  source: RowSource,
  meta: ExportMeta,
  sinks: readonly RecordSink[],
  control: Control = {},
): Promise<{ header: EvidenceHeader; integrity: Integrity }> {
  const { signal, onProgress } = control
  cancelled(signal)
  const survey = await source.survey((done, total) => {
    cancelled(signal)
    onProgress?.(total === undefined ? { phase: 'survey', done } : { phase: 'survey', done, total })
  })
  cancelled(signal)
  const header = makeHeader(meta, survey)
  const chain = new Chain(genesisOf(header))
  for (const s of sinks) s.begin(header)
  const { sites, visits, findings, consent, requests } = survey.counts
  const total = sites + visits + findings + consent + requests
  const emit = (content: RecordContent, visit: VisitData | undefined) => {
    const dataJson = canonicalJson(content.data)
    const chained = chain.addCanonical(contentJson(content.kind, dataJson))
    const record = { ...content, ...chained } as EvidenceRecord
    for (const s of sinks) s.record(record, visit, dataJson)
  }
  const step = () => {
    cancelled(signal)
    onProgress?.({ phase: 'records', done: chain.count, total })
  }
  const seen = { sites: 0, visits: 0, findings: 0, consent: 0, requests: 0 }
  step()
  for await (const batch of source.sites()) {
    for (const s of batch) emit(siteContent(s), undefined)
    seen.sites += batch.length
    step()
  }
  for await (const batch of source.visits()) {
    for (const v of batch) emit({ kind: 'visit', data: visitData(v, meta.redaction) }, undefined)
    seen.visits += batch.length
    step()
  }
  for await (const batch of source.findings()) {
    const visits = new Map<number, VisitData>()
    for (const f of batch.findings) {
      let visit = visits.get(f.visitId)
      if (visit === undefined) {
        const row = batch.visits.get(f.visitId)
        if (row !== undefined) visits.set(f.visitId, (visit = visitData(row, meta.redaction)))
      }
      emit({ kind: 'finding', data: findingData(f, meta.redaction) }, visit)
    }
    seen.findings += batch.findings.length
    step()
  }
  for await (const batch of source.consent()) {
    for (const c of batch) emit({ kind: 'consent', data: consentData(c) }, undefined)
    seen.consent += batch.length
    step()
  }
  for await (const batch of source.requests()) {
    for (const r of batch)
      emit({ kind: 'request', data: requestData(r, meta.redaction) }, undefined)
    seen.requests += batch.length
    step()
  }
  for (const key of ['sites', 'visits', 'findings', 'consent', 'requests'] as const) {
    if (seen[key] !== survey.counts[key])
      throw new ExportChangedError(`${survey.counts[key]} ${key} counted, ${seen[key]} read`)
  }
  const integrity: Integrity = {
    algorithm: 'SHA-256',
    canonicalization: 'RFC 8785',
    genesis: chain.genesis,
    head: chain.head,
    records: chain.count,
  }
  for (const s of sinks) s.end(integrity)
  return { header, integrity }
}

/** Feeds an export already in memory to sinks, as sealing would have. */
export function replay(
  evidence: EvidenceHeader & { integrity: Integrity; records: EvidenceRecord[] },
  sinks: readonly RecordSink[],
): void {
  const visits = new Map<number, VisitData>()
  for (const r of evidence.records) if (r.kind === 'visit') visits.set(r.data.id, r.data)
  for (const s of sinks) s.begin(evidence)
  for (const r of evidence.records) {
    const visit = r.kind === 'finding' ? visits.get(r.data.visitId) : undefined
    const dataJson = canonicalJson(r.data)
    for (const s of sinks) s.record(r, visit, dataJson)
  }
  for (const s of sinks) s.end(evidence.integrity)
}

/** Collects the records in memory (small exports, tests). */
export class RecordList implements RecordSink {
  readonly records: EvidenceRecord[] = []
  begin(): void {}
  record(r: EvidenceRecord): void {
    this.records.push(r)
  }
  end(): void {}
}
