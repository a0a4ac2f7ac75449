/**
 * The evidence zip: evidence.json, findings.csv, report.html and a SHA256SUMS file in the
 * format `sha256sum -c` reads, so the three can be checked without Tracelight too.
 */
import { strFromU8, strToU8, unzipSync, zipSync } from 'fflate'
import { findingsCsv } from './csv'
import type { EvidenceExport } from './format'
import { evidenceReport } from './html'
import { sha256Hex } from './integrity'
import type { Problem } from './verify'

export const BUNDLE_FILES = {
  json: 'evidence.json',
  csv: 'findings.csv',
  html: 'report.html',
  sums: 'SHA256SUMS',
} as const

export function evidenceJson(evidence: EvidenceExport): string {
  return JSON.stringify(evidence, null, 2) + '\n'
}

export async function buildBundle(evidence: EvidenceExport): Promise<Uint8Array> {
  const files: Record<string, Uint8Array> = {
    [BUNDLE_FILES.json]: strToU8(evidenceJson(evidence)),
    [BUNDLE_FILES.csv]: strToU8(findingsCsv(evidence)),
    [BUNDLE_FILES.html]: strToU8(evidenceReport(evidence, { jsonName: BUNDLE_FILES.json })),
  }
  const sums: string[] = []
  for (const [name, bytes] of Object.entries(files)) sums.push(`${await sha256Hex(bytes)}  ${name}`)
  files[BUNDLE_FILES.sums] = strToU8(sums.join('\n') + '\n')
  // A fixed time keeps the zip byte-identical for identical evidence.
  return zipSync(files, { level: 6, mtime: new Date('2020-01-01T00:00:00Z') })
}

/** Suggested file name: `tracelight-evidence-<site or all>-<YYYY-MM-DD>`. */
export function bundleName(evidence: EvidenceExport, extension: 'zip' | 'json'): string {
  const scope = (evidence.scope.site ?? 'all').replace(/[^a-zA-Z0-9.-]/g, '_')
  return `tracelight-evidence-${scope}-${evidence.createdAt.slice(0, 10)}.${extension}`
}

const isZip = (bytes: Uint8Array) => bytes[0] === 0x50 && bytes[1] === 0x4b

/** The JSON text inside a file that is either an evidence zip or the JSON itself, plus any
 * problem with the zip's SHA256SUMS. */
export async function openEvidenceFile(
  bytes: Uint8Array,
): Promise<{ text: string; problems: Problem[] } | { problem: Problem }> {
  if (!isZip(bytes)) return { text: new TextDecoder().decode(bytes), problems: [] }
  let files: Record<string, Uint8Array>
  try {
    files = unzipSync(bytes)
  } catch (e) {
    return {
      problem: {
        kind: 'file',
        message: `The zip file is damaged or incomplete (${e instanceof Error ? e.message : String(e)}).`,
      },
    }
  }
  const json = files[BUNDLE_FILES.json]
  if (json === undefined)
    return {
      problem: {
        kind: 'file',
        message: `The zip holds no ${BUNDLE_FILES.json}: it is not a Tracelight evidence zip.`,
      },
    }
  const problems: Problem[] = []
  const sums = files[BUNDLE_FILES.sums]
  if (sums === undefined)
    problems.push({ kind: 'file', message: `The zip holds no ${BUNDLE_FILES.sums} file.` })
  else {
    for (const line of strFromU8(sums).split('\n')) {
      const m = /^([0-9a-f]{64}) {2}(.+)$/.exec(line)
      if (m === null) continue
      const [, expected, name] = m as unknown as [string, string, string]
      const file = files[name]
      if (file === undefined)
        problems.push({
          kind: 'file',
          message: `${name}, listed in ${BUNDLE_FILES.sums}, is missing from the zip.`,
        })
      else if ((await sha256Hex(file)) !== expected)
        problems.push({
          kind: 'integrity',
          message: `${name} was changed after export: it does not match its line in ${BUNDLE_FILES.sums}.`,
        })
    }
  }
  return { text: strFromU8(json), problems }
}
