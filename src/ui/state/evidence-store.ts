/**
 * Export and check of evidence files for the dashboard. The store does the work; the
 * components only show its state. `api` reads the database and saves files, so tests can
 * pass fakes.
 */
import { signal } from '@preact/signals'
import { buildBundle, bundleName, evidenceJson, openEvidenceFile } from '@/evidence/bundle'
import { findingsCsv } from '@/evidence/csv'
import type { EvidenceExport } from '@/evidence/format'
import { evidenceReport } from '@/evidence/html'
import { MAX_EVIDENCE_BYTES, verifyEvidenceText, type Problem } from '@/evidence/verify'
import { plural } from '@/ui/labels'

export type ExportFormat = 'zip' | 'json' | 'csv' | 'html'

export interface EvidenceApi {
  build(site: string | null): Promise<EvidenceExport>
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
      const evidence = await api.build(site)
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

export function createCheckStore() {
  const state = signal<TaskState>({ kind: 'idle' })

  async function check(file: { name: string; size: number; arrayBuffer(): Promise<ArrayBuffer> }) {
    if (file.size > MAX_EVIDENCE_BYTES) {
      state.value = {
        kind: 'failed',
        message: `${file.name} is too large to be an evidence file (${Math.round(file.size / 1048576)} MB).`,
      }
      return
    }
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
      state.value = {
        kind: 'done',
        message: `${file.name} is intact: ${describe(result.evidence)}, made ${result.evidence.createdAt.slice(0, 10)} by ${result.evidence.generator.name} ${result.evidence.generator.version}.`,
        head: result.evidence.integrity.head,
      }
    } catch (e) {
      state.value = { kind: 'failed', message: `${file.name} could not be read: ${errorText(e)}` }
    }
  }
  return { state, check }
}

export type ExportStore = ReturnType<typeof createExportStore>
export type CheckStore = ReturnType<typeof createCheckStore>
