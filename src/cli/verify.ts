/**
 * `npm run verify -- FILE...`: checks Tracelight evidence files (evidence.json or the export
 * zip): schema, hash chain, and the zip's SHA256SUMS. Prints OK with the chain head, or every
 * problem found; exits 1 when any file fails, 2 on a usage error.
 */
import { readFileSync, statSync } from 'node:fs'
import { openEvidenceFile } from '../evidence/bundle.ts'
import type { EvidenceExport } from '../evidence/format.ts'
import { MAX_EVIDENCE_BYTES, verifyEvidenceText, type Problem } from '../evidence/verify.ts'

/** What the file covers and whether its values are masked, in one line. */
function scopeWords(e: EvidenceExport): string {
  const what = [
    e.scope.site === null ? null : `site ${e.scope.site}`,
    e.scope.company === null || e.scope.company === undefined ? null : `company ${e.scope.company}`,
  ].filter((w) => w !== null)
  const period =
    e.scope.from === null && e.scope.to === null
      ? ''
      : `, visits from ${e.scope.from ?? 'the start'} to ${e.scope.to ?? 'the end'}`
  const values =
    e.redaction === 'none'
      ? 'full evidence (values as recorded)'
      : e.redaction === 'masked'
        ? 'values masked'
        : `values as recorded (format version ${e.version})`
  return `${what.length === 0 ? 'all sites' : what.join(', ')}${period}; ${values}`
}

interface FileReport {
  ok: boolean
  lines: string[]
}

async function verifyFile(path: string): Promise<FileReport> {
  let size: number
  try {
    size = statSync(path).size
  } catch {
    return { ok: false, lines: [`${path}: no such file.`] }
  }
  if (size > MAX_EVIDENCE_BYTES)
    return {
      ok: false,
      lines: [`${path}: too large to be an evidence file (${Math.round(size / 1048576)} MB).`],
    }
  const opened = await openEvidenceFile(new Uint8Array(readFileSync(path)))
  if ('problem' in opened)
    return { ok: false, lines: [`${path}: FAILED`, `  - ${opened.problem.message}`] }
  const result = await verifyEvidenceText(opened.text)
  const problems: Problem[] = [...opened.problems, ...(result.ok ? [] : result.problems)]
  if (problems.length > 0)
    return { ok: false, lines: [`${path}: FAILED`, ...problems.map((p) => `  - ${p.message}`)] }
  if (!result.ok) throw new Error('unreachable: no problems but not ok')
  const e = result.evidence
  return {
    ok: true,
    lines: [
      `${path}: OK`,
      `  ${e.integrity.records} records (${e.counts.sites} sites, ${e.counts.visits} visits, ${e.counts.findings} findings), made ${e.createdAt} by ${e.generator.name} ${e.generator.version} in ${e.generator.browser.name} ${e.generator.browser.version}`,
      `  ${scopeWords(e)}`,
      `  chain head ${e.integrity.head}`,
    ],
  }
}

async function main(args: string[]): Promise<number> {
  if (args.length === 0 || args.includes('--help') || args.includes('-h')) {
    console.log(`Usage: npm run verify -- FILE...

Checks Tracelight evidence files (evidence.json, or the zip the dashboard or the audit
command writes): the format, every record's hash and the chain between them, and the zip's
SHA256SUMS. Prints OK and the chain head, or exactly what is wrong.`)
    return args.length === 0 ? 2 : 0
  }
  let failed = 0
  for (const path of args) {
    const report = await verifyFile(path)
    for (const line of report.lines) (report.ok ? console.log : console.error)(line)
    if (!report.ok) failed += 1
  }
  return failed === 0 ? 0 : 1
}

main(process.argv.slice(2)).then(
  (code) => process.exit(code),
  (error: unknown) => {
    console.error(`Could not verify: ${error instanceof Error ? error.message : String(error)}`)
    process.exit(2)
  },
)
