/**
 * Checks an evidence file: that it is complete JSON, a Tracelight export of a version this
 * code reads, valid against the schema, and that its hash chain is intact. Says exactly what
 * is wrong and where, in words a person can act on.
 */
import { digestOf, link } from './integrity'
import {
  COUNT_OF,
  FORMAT,
  FORMAT_VERSION,
  genesisOf,
  READABLE_VERSIONS,
  type Counts,
  type EvidenceExport,
  type EvidenceHeader,
  type EvidenceRecord,
  type Integrity,
} from './format'
import { validate, type SchemaError } from './schema'

export type ProblemKind = 'file' | 'version' | 'schema' | 'integrity'

export interface Problem {
  kind: ProblemKind
  /** 1-based record number, when one record is at fault. */
  record?: number
  message: string
}

export type VerifyResult =
  { ok: true; evidence: EvidenceExport } | { ok: false; problems: Problem[] }

/** Larger files are refused before parsing: no real export comes near it, and parsing one
 * would stall the page. */
export const MAX_EVIDENCE_BYTES = 512 * 1024 * 1024
const MAX_INTEGRITY_PROBLEMS = 20

export function describeRecord(r: EvidenceRecord | undefined): string {
  if (r === undefined || typeof r !== 'object' || r === null) return 'record'
  const d = (r as unknown as { data?: Record<string, unknown> }).data ?? {}
  switch (r.kind) {
    case 'site':
      return `site ${String(d.site)}`
    case 'visit':
      return `visit ${String(d.id)} (${String(d.url)})`
    case 'finding':
      return `finding ${String(d.signal)} → ${String(d.party)} on visit ${String(d.visitId)}`
    case 'consent':
      return `consent ${String(d.framework)} ${String(d.event)} on visit ${String(d.visitId)}`
    case 'request':
      return `request ${String(d.kind)} to ${String(d.company)}`
    default:
      return 'record'
  }
}

export function parseEvidenceText(text: string): { value: unknown } | { problem: Problem } {
  if (text.length > MAX_EVIDENCE_BYTES)
    return {
      problem: {
        kind: 'file',
        message: `The file is too large (${Math.round(text.length / 1048576)} MB; the limit is ${MAX_EVIDENCE_BYTES / 1048576} MB).`,
      },
    }
  if (text.trim() === '') return { problem: { kind: 'file', message: 'The file is empty.' } }
  try {
    return { value: JSON.parse(text) as unknown }
  } catch (e) {
    return {
      problem: {
        kind: 'file',
        message: `The file is not complete JSON: it was cut short or damaged (${e instanceof Error ? e.message : String(e)}).`,
      },
    }
  }
}

export async function verifyEvidenceText(text: string): Promise<VerifyResult> {
  const parsed = parseEvidenceText(text)
  if ('problem' in parsed) return { ok: false, problems: [parsed.problem] }
  return verifyEvidence(parsed.value)
}

/** Whether a parsed value is a Tracelight export of a version this code reads. */
export function formatProblem(value: unknown): Problem | null {
  if (typeof value !== 'object' || value === null || Array.isArray(value))
    return {
      kind: 'file',
      message: 'This is not a Tracelight evidence file: it holds no JSON object.',
    }
  const v = value as Record<string, unknown>
  if (v.format !== FORMAT)
    return {
      kind: 'file',
      message: `This is not a Tracelight evidence file: its "format" is ${JSON.stringify(v.format) ?? 'missing'}, not "${FORMAT}".`,
    }
  if (typeof v.version !== 'number' || !READABLE_VERSIONS.includes(v.version))
    return {
      kind: 'version',
      message:
        typeof v.version === 'number' && v.version > FORMAT_VERSION
          ? `This file uses version ${v.version} of the evidence format, newer than this Tracelight reads (version ${FORMAT_VERSION}). Update Tracelight to check it.`
          : `This file's format version is ${JSON.stringify(v.version) ?? 'missing'}; this Tracelight reads versions ${READABLE_VERSIONS.slice(0, -1).join(', ')} and ${READABLE_VERSIONS.at(-1)}.`,
    }
  return null
}

export function schemaProblem(e: SchemaError): Problem {
  const record = /^records\[(\d+)\]/.exec(e.path)?.[1]
  const p: Problem = { kind: 'schema', message: `${e.path} ${e.message}.` }
  if (record !== undefined) p.record = Number(record) + 1
  return p
}

export async function verifyEvidence(value: unknown): Promise<VerifyResult> {
  const wrong = formatProblem(value)
  if (wrong !== null) return { ok: false, problems: [wrong] }
  const schemaErrors = validate(value)
  if (schemaErrors.length > 0) return { ok: false, problems: schemaErrors.map(schemaProblem) }
  const evidence = value as EvidenceExport
  const problems = checkIntegrity(evidence)
  return problems.length === 0 ? { ok: true, evidence } : { ok: false, problems }
}

/**
 * The chain and count checks, one record at a time, so that a file can be checked as it is
 * read. Record 1 links to the genesis, which a streamed file names only at its end, so that
 * one link is checked in `finish`; the problems come out in the same order either way.
 */
export class IntegrityCheck {
  private readonly problems: Problem[] = []
  private first: { digest: string; hash: string; what: string } | null = null
  private previous: string | null = null
  private n = 0
  private readonly kinds: Required<Counts> = {
    sites: 0,
    visits: 0,
    findings: 0,
    consent: 0,
    requests: 0,
  }

  private add(p: Problem): void {
    if (this.problems.length < MAX_INTEGRITY_PROBLEMS) this.problems.push(p)
  }

  /** A record that passed the schema. */
  record(r: EvidenceRecord): void {
    const n = ++this.n
    const what = describeRecord(r)
    if (digestOf({ kind: r.kind, data: r.data }) !== r.digest)
      this.add({
        kind: 'integrity',
        record: n,
        message: `Record ${n} (${what}) was changed after export: its content no longer matches its digest.`,
      })
    else if (n === 1) this.first = { digest: r.digest, hash: r.hash, what }
    else if (link(this.previous!, r.digest) !== r.hash)
      this.add({
        kind: 'integrity',
        record: n,
        message: `Record ${n} (${what}) does not follow record ${n - 1} in the chain: records were removed, inserted or reordered before it, or its hash was edited.`,
      })
    this.previous = r.hash
    this.kinds[COUNT_OF[r.kind]] += 1
  }

  /** Every problem, once the header and `integrity` are known. */
  finish(e: EvidenceHeader & { integrity: Integrity }): Problem[] {
    const out: Problem[] = []
    if (genesisOf(e) !== e.integrity.genesis)
      out.push({
        kind: 'integrity',
        message:
          'The header (generator, scope, redaction, time range, settings or counts) was changed after export: it no longer matches the genesis hash.',
      })
    const first = this.first
    if (first !== null && link(e.integrity.genesis, first.digest) !== first.hash)
      out.push({
        kind: 'integrity',
        record: 1,
        message: `Record 1 (${first.what}) does not follow record 0 (the header) in the chain: records were removed, inserted or reordered before it, or its hash was edited.`,
      })
    out.push(...this.problems)
    if (this.n !== e.integrity.records)
      out.push({
        kind: 'integrity',
        message: `The header says ${e.integrity.records} records but the file holds ${this.n}: records were ${this.n < e.integrity.records ? 'removed' : 'added'}.`,
      })
    if ((this.previous ?? e.integrity.genesis) !== e.integrity.head)
      out.push({
        kind: 'integrity',
        message:
          'The last record is not the chain head named in the header: records at the end were removed or added, or the head was edited.',
      })
    // Versions 1 and 2 have no consent or request counts, and their schemas no such records.
    for (const key of ['sites', 'visits', 'findings', 'consent', 'requests'] as const) {
      if (this.kinds[key] !== (e.counts[key] ?? 0))
        out.push({
          kind: 'integrity',
          message: `The header counts ${e.counts[key]} ${key} but the file holds ${this.kinds[key]}.`,
        })
    }
    return out.slice(0, MAX_INTEGRITY_PROBLEMS)
  }
}

function checkIntegrity(e: EvidenceExport): Problem[] {
  const check = new IntegrityCheck()
  for (const r of e.records) check.record(r)
  return check.finish(e)
}

export function formatProblems(problems: readonly Problem[]): string {
  return problems.map((p) => `- ${p.message}`).join('\n')
}
