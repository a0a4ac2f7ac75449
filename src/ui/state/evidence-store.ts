/**
 * Export and check of evidence files for the dashboard. The store does the work; the
 * components only show its state. `api` reads the database and saves files, so tests can
 * pass fakes.
 */
import { signal } from '@preact/signals'
import { buildBundle, bundleName, evidenceJson, openEvidenceFile } from '@/evidence/bundle'
import { findingsCsv } from '@/evidence/csv'
import type { ImportResult } from '@/evidence/import'
import type { EvidenceExport } from '@/evidence/format'
import { evidenceReport } from '@/evidence/html'
import { MAX_EVIDENCE_BYTES, verifyEvidenceText, type Problem } from '@/evidence/verify'
import { plural } from '@/ui/labels'

export type ExportFormat = 'zip' | 'json' | 'csv' | 'html'

export interface EvidenceApi {
  build(
    site: string | null,
    onProgress: (done: number, total: number) => void,
  ): Promise<EvidenceExport>
  save(bytes: Uint8Array | string, name: string, type: string): void
}

export type TaskState =
  | { kind: 'idle' }
  | { kind: 'working'; message: string }
  | { kind: 'done'; message: string; head?: string }
  | { kind: 'failed'; message: string; problems?: Problem[] }

const describe = (e: EvidenceExport) =>
  `${plural(e.counts.sites, 'site', 'sites')}, ${plural(e.counts.visits, 'visit', 'visits')}, ${plural(e.counts.findings, 'finding', 'findings')}`

const errorText = (e: unknown) => (e instanceof Error ? e.message : String(e))

export function createExportStore(api: EvidenceApi) {
  const state = signal<TaskState>({ kind: 'idle' })

  async function run(site: string | null, format: ExportFormat): Promise<void> {
    if (state.value.kind === 'working') return
    state.value = { kind: 'working', message: 'Preparing the evidence file…' }
    try {
      const evidence = await api.build(site, (done, total) => {
        state.value = {
          kind: 'working',
          message: `Sealing ${total.toLocaleString()} records: ${Math.floor((done / total) * 100)} %…`,
        }
      })
      state.value = { kind: 'working', message: 'Writing the files…' }
      const base = bundleName(evidence, 'json').replace(/\.json$/, '')
      let name: string
      if (format === 'zip') {
        name = `${base}.zip`
        api.save(await buildBundle(evidence), name, 'application/zip')
      } else if (format === 'json') {
        name = `${base}.json`
        api.save(evidenceJson(evidence), name, 'application/json')
      } else if (format === 'csv') {
        name = `${base}.csv`
        api.save(findingsCsv(evidence), name, 'text/csv;charset=utf-8')
      } else {
        name = `${base}.html`
        api.save(evidenceReport(evidence), name, 'text/html;charset=utf-8')
      }
      state.value = {
        kind: 'done',
        message: `Saved ${name}: ${describe(evidence)}.`,
        head: evidence.integrity.head,
      }
    } catch (e) {
      state.value = { kind: 'failed', message: `The export failed: ${errorText(e)}` }
    }
  }
  return { state, run }
}

/** Sends verified JSON text to the background, which checks it again and writes it. */
export type Importer = (text: string) => Promise<ImportResult>

export function createCheckStore(importer?: Importer) {
  const state = signal<TaskState>({ kind: 'idle' })
  const importState = signal<TaskState>({ kind: 'idle' })
  /** The last file that passed every check: the only one that may be imported. */
  const verified = signal<{ name: string; text: string } | null>(null)

  async function check(file: { name: string; size: number; arrayBuffer(): Promise<ArrayBuffer> }) {
    if (file.size > MAX_EVIDENCE_BYTES) {
      state.value = {
        kind: 'failed',
        message: `${file.name} is too large to be an evidence file (${Math.round(file.size / 1048576)} MB).`,
      }
      return
    }
    verified.value = null
    importState.value = { kind: 'idle' }
    state.value = { kind: 'working', message: `Checking ${file.name}…` }
    try {
      const opened = await openEvidenceFile(new Uint8Array(await file.arrayBuffer()))
      if ('problem' in opened) {
        state.value = {
          kind: 'failed',
          message: `${file.name} cannot be trusted.`,
          problems: [opened.problem],
        }
        return
      }
      const result = await verifyEvidenceText(opened.text)
      const problems = [...opened.problems, ...(result.ok ? [] : result.problems)]
      if (!result.ok || problems.length > 0) {
        state.value = { kind: 'failed', message: `${file.name} cannot be trusted.`, problems }
        return
      }
      verified.value = { name: file.name, text: opened.text }
      state.value = {
        kind: 'done',
        message: `${file.name} is intact: ${describe(result.evidence)}, made ${result.evidence.createdAt.slice(0, 10)} by ${result.evidence.generator.name} ${result.evidence.generator.version}.`,
        head: result.evidence.integrity.head,
      }
    } catch (e) {
      state.value = { kind: 'failed', message: `${file.name} could not be read: ${errorText(e)}` }
    }
  }
  async function importVerified(): Promise<void> {
    const file = verified.value
    if (importer === undefined || file === null || importState.value.kind === 'working') return
    importState.value = {
      kind: 'working',
      message: `Adding ${file.name} to this browser's history…`,
    }
    try {
      const r = await importer(file.text)
      if (!r.ok) {
        importState.value = {
          kind: 'failed',
          message: `Nothing was imported from ${file.name}.`,
          problems: r.problems,
        }
        return
      }
      verified.value = null
      const already =
        r.duplicateVisits === 0
          ? ''
          : ` ${plural(r.duplicateVisits, 'visit was', 'visits were')} already here and not added again.`
      importState.value = {
        kind: 'done',
        message: `Added ${plural(r.visits, 'visit', 'visits')} and ${plural(r.findings, 'finding', 'findings')} from ${file.name}.${already}`,
      }
    } catch (e) {
      importState.value = {
        kind: 'failed',
        message: `Nothing was imported from ${file.name}: ${errorText(e)}`,
      }
    }
  }
  return { state, importState, verified, check, importVerified }
}

export type ExportStore = ReturnType<typeof createExportStore>
export type CheckStore = ReturnType<typeof createCheckStore>
