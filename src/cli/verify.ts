/**
 * `npm run verify -- FILE...`: checks Tracelight evidence files (evidence.json or the export
 * zip): schema, hash chain, and the zip's SHA256SUMS. Prints OK with the chain head, or every
 * problem found; exits 1 when any file fails, 2 on a usage error. Files are read as a stream
 * (verify-stream.ts), so an export of a million findings is checked in little memory.
 */
import { createReadStream, statSync } from 'node:fs'
import type { EvidenceHeader } from '../evidence/format.ts'
import { verifyEvidenceChunks } from '../evidence/verify-stream.ts'

/** What the file covers and whether its values are masked, in one line. */
function scopeWords(e: EvidenceHeader): string {
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
  try {
    if (!statSync(path).isFile()) return { ok: false, lines: [`${path}: not a file.`] }
  } catch {
    return { ok: false, lines: [`${path}: no such file.`] }
  }
  const result = await verifyEvidenceChunks(
    createReadStream(path, { highWaterMark: 1024 * 1024 }) as AsyncIterable<Uint8Array>,
  )
  if (!result.ok)
    return {
      ok: false,
      lines: [`${path}: FAILED`, ...result.problems.map((p) => `  - ${p.message}`)],
    }
  const e = result.evidence.header
  const integrity = result.evidence.integrity
  return {
    ok: true,
    lines: [
      `${path}: OK`,
      `  ${integrity.records} records (${e.counts.sites} sites, ${e.counts.visits} visits, ${e.counts.findings} findings${e.counts.consent === undefined ? '' : `, ${e.counts.consent} consent moments, ${e.counts.requests ?? 0} requests`}), made ${e.createdAt} by ${e.generator.name} ${e.generator.version} in ${e.generator.browser.name} ${e.generator.browser.version}`,
      `  ${scopeWords(e)}`,
      `  chain head ${integrity.head}`,
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
