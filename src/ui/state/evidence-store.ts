/**
 * Export and check of evidence files for the dashboard. The stores do the work and keep
 * their state as data; the components put it into words (i18n). `api` runs the export (in a
 * worker, off the page's thread) and saves files, so tests can pass fakes.
 */
import { signal } from '@preact/signals'
import type { ExportResult } from '@/evidence/export'
import type { FileFormat } from '@/evidence/files'
import type { Counts } from '@/evidence/format'
import type { ExportRequest } from '@/evidence/from-db'
import type { ImportResult } from '@/evidence/import'
import { MAX_IMPORT_CHARS } from '@/evidence/import-limit'
import type { Redaction } from '@/evidence/redact'
import type { Progress } from '@/evidence/seal'
import { EVERYTHING, periodFromDays, type ScopeFilter } from '@/evidence/scope'
import type { Problem } from '@/evidence/verify'

/** Zip, report and verification code is fetched when a file is made or checked, not with the
 * page: the dashboard's first screen does not need it. */
const bundle = () => import('@/evidence/bundle')

export type ExportFormat = FileFormat

export interface EvidenceApi {
  /** Runs an export; rejects with an AbortError when `signal` aborts. */
  run(
    request: ExportRequest,
    onProgress: (p: Progress) => void,
    signal: AbortSignal,
  ): Promise<ExportResult>
  save(file: Blob, name: string): void
}

/** What an export panel is for: everything, one site or one company. */
export type ExportTarget = { site?: string; company?: string }

export interface ExportChoice {
  format: ExportFormat
  /** Local days (YYYY-MM-DD) as date inputs give them; empty for no limit. */
  from: string
  to: string
  full: boolean
}

export type ExportState =
  | { kind: 'idle' }
  | { kind: 'invalid'; reason: 'invalid' | 'order' }
  | { kind: 'working'; progress: Progress | null }
  | {
      kind: 'done'
      name: string
      counts: Counts
      head: string
      redaction: Redaction
      /** Whether any record holds values recorded in evidence mode. */
      fullValues: boolean
    }
  | { kind: 'cancelled' }
  | { kind: 'failed'; message: string }

const errorText = (e: unknown) => (e instanceof Error ? e.message : String(e))
const isAbort = (e: unknown) =>
  typeof e === 'object' && e !== null && (e as { name?: unknown }).name === 'AbortError'

export function createExportStore(api: EvidenceApi) {
  const state = signal<ExportState>({ kind: 'idle' })
  let controller: AbortController | null = null

  async function run(target: ExportTarget, choice: ExportChoice): Promise<void> {
    if (state.value.kind === 'working') return
    const period = periodFromDays(choice.from, choice.to)
    if (!period.ok) {
      state.value = { kind: 'invalid', reason: period.error }
      return
    }
    const scope: ScopeFilter = {
      ...EVERYTHING,
      site: target.site ?? null,
      company: target.company ?? null,
      from: period.from,
      to: period.to,
    }
    const request: ExportRequest = {
      format: choice.format,
      scope,
      redaction: choice.full ? 'none' : 'masked',
    }
    const mine = (controller = new AbortController())
    state.value = { kind: 'working', progress: null }
    try {
      const result = await api.run(
        request,
        (progress) => {
          if (controller === mine) state.value = { kind: 'working', progress }
        },
        mine.signal,
      )
      const { exportName } = await bundle()
      const name = exportName(result.header, choice.format, { from: choice.from, to: choice.to })
      api.save(result.blob, name)
      state.value = {
        kind: 'done',
        name,
        counts: result.header.counts,
        head: result.integrity.head,
        redaction: result.header.redaction ?? 'masked',
        fullValues: result.header.recording.modes.includes('evidence'),
      }
    } catch (e) {
      state.value = isAbort(e) ? { kind: 'cancelled' } : { kind: 'failed', message: errorText(e) }
    } finally {
      if (controller === mine) controller = null
    }
  }

  function cancel(): void {
    controller?.abort()
  }

  return { state, run, cancel }
}

/** Sends verified JSON text to the background, which checks it again and writes it. */
export type Importer = (text: string) => Promise<ImportResult>

export type CheckState =
  | { kind: 'idle' }
  | { kind: 'tooLarge'; name: string; megabytes: number }
  | { kind: 'working'; name: string; done: number; total: number }
  | { kind: 'failed'; name: string; problems: Problem[] }
  | { kind: 'unreadable'; name: string; message: string }
  | {
      kind: 'done'
      name: string
      counts: Counts
      made: string
      generator: string
      head: string
      /** Small enough to be added to this browser's history. */
      importable: boolean
      megabytes: number
    }

export type ImportState =
  | { kind: 'idle' }
  | { kind: 'working'; name: string }
  | { kind: 'failed'; name: string; problems: Problem[] }
  | { kind: 'error'; name: string; message: string }
  | {
      kind: 'done'
      name: string
      visits: number
      findings: number
      duplicates: number
      /** Requests added, and requests left out because the file held them masked. */
      requests: number
      maskedRequests: number
    }

/** A file chosen in the page (a File is a Blob with a name). */
export type CheckFile = Blob & { name: string }

/** Files are checked as they are read, so only absurd sizes are refused outright. */
export const MAX_CHECK_BYTES = 16 * 1024 * 1024 * 1024
/** Read in pieces this size: each is checked in a few milliseconds, so the page stays
 * responsive while a large file is checked. */
const CHECK_CHUNK = 256 * 1024

export function createCheckStore(importer?: Importer) {
  const state = signal<CheckState>({ kind: 'idle' })
  const importState = signal<ImportState>({ kind: 'idle' })
  /** The last file that passed every check: the only one that may be imported. */
  const verified = signal<{ name: string; file: CheckFile } | null>(null)

  async function check(file: CheckFile): Promise<void> {
    const name = file.name
    const megabytes = Math.round(file.size / 1048576)
    if (file.size > MAX_CHECK_BYTES) {
      state.value = { kind: 'tooLarge', name, megabytes }
      return
    }
    verified.value = null
    importState.value = { kind: 'idle' }
    state.value = { kind: 'working', name, done: 0, total: file.size }
    let shown = 0
    try {
      const verify = await import('@/evidence/verify-stream')
      async function* chunks() {
        let done = 0
        for await (const chunk of verify.blobChunks(file, CHECK_CHUNK)) {
          done += chunk.length
          if (done - shown >= file.size / 100 || done === file.size) {
            shown = done
            state.value = { kind: 'working', name, done, total: file.size }
          }
          yield chunk
        }
      }
      const result = await verify.verifyEvidenceChunks(chunks())
      if (!result.ok) {
        state.value = { kind: 'failed', name, problems: result.problems }
        return
      }
      const { header, integrity } = result.evidence
      verified.value = { name, file }
      state.value = {
        kind: 'done',
        name,
        counts: header.counts,
        made: header.createdAt.slice(0, 10),
        generator: `${header.generator.name} ${header.generator.version}`,
        head: integrity.head,
        importable: file.size <= MAX_IMPORT_CHARS,
        megabytes,
      }
    } catch (e) {
      state.value = { kind: 'unreadable', name, message: errorText(e) }
    }
  }

  async function importVerified(): Promise<void> {
    const chosen = verified.value
    if (importer === undefined || chosen === null || importState.value.kind === 'working') return
    const name = chosen.name
    if (chosen.file.size > MAX_IMPORT_CHARS) return
    importState.value = { kind: 'working', name }
    try {
      const { openEvidenceFile } = await bundle()
      const opened = await openEvidenceFile(new Uint8Array(await chosen.file.arrayBuffer()))
      if ('problem' in opened) {
        importState.value = { kind: 'failed', name, problems: [opened.problem] }
        return
      }
      const r = await importer(opened.text)
      if (!r.ok) {
        importState.value = { kind: 'failed', name, problems: r.problems }
        return
      }
      verified.value = null
      importState.value = {
        kind: 'done',
        name,
        visits: r.visits,
        findings: r.findings,
        duplicates: r.duplicateVisits,
        requests: r.requests,
        maskedRequests: r.maskedRequests,
      }
    } catch (e) {
      importState.value = { kind: 'error', name, message: errorText(e) }
    }
  }

  return { state, importState, verified, check, importVerified }
}

export type ExportStore = ReturnType<typeof createExportStore>
export type CheckStore = ReturnType<typeof createCheckStore>
