/**
 * The evidence zip (evidence.json, findings.csv, report.html and a SHA256SUMS file in the
 * format `sha256sum -c` reads, so the three can be checked without Tracelight too), file
 * names, and opening a file that may be a zip or the JSON itself.
 */
import { strFromU8, unzipSync } from 'fflate'
import { BUNDLE_FILES, fileOutput, type FileFormat } from './files'
import type { EvidenceExport, EvidenceHeader } from './format'
import { sha256Hex } from './integrity'
import { replay } from './seal'
import { scopeSlug } from './scope'
import type { Problem } from './verify'

export { BUNDLE_FILES } from './files'
export { evidenceJson } from './json'

/** The files of an export already in memory (small exports, tests). */
export async function exportFile(evidence: EvidenceExport, format: FileFormat): Promise<Blob> {
  const out = await fileOutput(format)
  replay(evidence, out.sinks)
  return out.finish()
}

export async function buildBundle(evidence: EvidenceExport): Promise<Uint8Array> {
  return new Uint8Array(await (await exportFile(evidence, 'zip')).arrayBuffer())
}

/**
 * Suggested file name: `tracelight-evidence-<site, company-<name> or all>[-<from>-to-<to>]-<made>`
 * where the period is given as the local days the person chose.
 */
export function exportName(
  header: Pick<EvidenceHeader, 'scope' | 'createdAt'>,
  extension: FileFormat,
  days?: { from: string; to: string },
): string {
  const period =
    days === undefined || (days.from === '' && days.to === '')
      ? ''
      : `-${days.from === '' ? 'start' : days.from}-to-${days.to === '' ? 'now' : days.to}`
  return `tracelight-evidence-${scopeSlug(header.scope)}${period}-${header.createdAt.slice(0, 10)}.${extension}`
}

export const bundleName = (evidence: EvidenceExport, extension: 'zip' | 'json'): string =>
  exportName(evidence, extension)

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
      else if (sha256Hex(file) !== expected)
        problems.push({
          kind: 'integrity',
          message: `${name} was changed after export: it does not match its line in ${BUNDLE_FILES.sums}.`,
        })
    }
  }
  return { text: strFromU8(json), problems }
}
