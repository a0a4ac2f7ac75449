/**
 * Checks an evidence file: that it is complete JSON, a Tracelight export of a version this
 * code reads, valid against the schema, and that its hash chain is intact. Says exactly what
 * is wrong and where, in words a person can act on.
 */
import { digestOf, link } from './integrity'
import {
  FORMAT,
  FORMAT_VERSION,
  genesisOf,
  READABLE_VERSIONS,
  type EvidenceExport,
  type EvidenceRecord,
} from './format'
import { validate } from './schema'

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

export async function verifyEvidence(value: unknown): Promise<VerifyResult> {
  if (typeof value !== 'object' || value === null || Array.isArray(value))
    return {
      ok: false,
      problems: [
        {
          kind: 'file',
          message: 'This is not a Tracelight evidence file: it holds no JSON object.',
        },
      ],
    }
  const v = value as Record<string, unknown>
  if (v.format !== FORMAT)
    return {
      ok: false,
      problems: [
        {
          kind: 'file',
          message: `This is not a Tracelight evidence file: its "format" is ${JSON.stringify(v.format) ?? 'missing'}, not "${FORMAT}".`,
        },
      ],
    }
  if (typeof v.version !== 'number' || !READABLE_VERSIONS.includes(v.version))
    return {
      ok: false,
      problems: [
        {
          kind: 'version',
          message:
            typeof v.version === 'number' && v.version > FORMAT_VERSION
              ? `This file uses version ${v.version} of the evidence format, newer than this Tracelight reads (version ${FORMAT_VERSION}). Update Tracelight to check it.`
              : `This file's format version is ${JSON.stringify(v.version) ?? 'missing'}; this Tracelight reads versions ${READABLE_VERSIONS.join(' and ')}.`,
        },
      ],
    }
  const schemaErrors = validate(value)
  if (schemaErrors.length > 0)
    return {
      ok: false,
      problems: schemaErrors.map((e) => {
        const record = /^records\[(\d+)\]/.exec(e.path)?.[1]
        const p: Problem = { kind: 'schema', message: `${e.path} ${e.message}.` }
        if (record !== undefined) p.record = Number(record) + 1
        return p
      }),
    }
  const evidence = value as EvidenceExport
  const problems = checkIntegrity(evidence)
  return problems.length === 0 ? { ok: true, evidence } : { ok: false, problems }
}

function checkIntegrity(e: EvidenceExport): Problem[] {
  const problems: Problem[] = []
  const add = (p: Problem) => {
    if (problems.length < MAX_INTEGRITY_PROBLEMS) problems.push(p)
  }
  if (genesisOf(e) !== e.integrity.genesis)
    add({
      kind: 'integrity',
      message:
        'The header (generator, scope, redaction, time range, settings or counts) was changed after export: it no longer matches the genesis hash.',
    })
  let previous = e.integrity.genesis
  for (const [i, r] of e.records.entries()) {
    const n = i + 1
    const what = describeRecord(r)
    const digest = digestOf({ kind: r.kind, data: r.data })
    if (digest !== r.digest)
      add({
        kind: 'integrity',
        record: n,
        message: `Record ${n} (${what}) was changed after export: its content no longer matches its digest.`,
      })
    else if (link(previous, r.digest) !== r.hash)
      add({
        kind: 'integrity',
        record: n,
        message: `Record ${n} (${what}) does not follow record ${n - 1 === 0 ? '0 (the header)' : n - 1} in the chain: records were removed, inserted or reordered before it, or its hash was edited.`,
      })
    previous = r.hash
  }
  if (e.records.length !== e.integrity.records)
    add({
      kind: 'integrity',
      message: `The header says ${e.integrity.records} records but the file holds ${e.records.length}: records were ${e.records.length < e.integrity.records ? 'removed' : 'added'}.`,
    })
  if (previous !== e.integrity.head)
    add({
      kind: 'integrity',
      message:
        'The last record is not the chain head named in the header: records at the end were removed or added, or the head was edited.',
    })
  const kinds = { sites: 0, visits: 0, findings: 0 }
  for (const r of e.records) kinds[`${r.kind}s`] += 1
  for (const key of ['sites', 'visits', 'findings'] as const) {
    if (kinds[key] !== e.counts[key])
      add({
        kind: 'integrity',
        message: `The header counts ${e.counts[key]} ${key} but the file holds ${kinds[key]}.`,
      })
  }
  return problems
}

export function formatProblems(problems: readonly Problem[]): string {
  return problems.map((p) => `- ${p.message}`).join('\n')
}
