/** An export as one object in memory, from rows in memory: for small exports and tests. The
 * dashboard and the audit command stream files instead (files.ts), through the same sealing. */
import type { ConsentRow, FindingRow, RequestRow, SiteRow, VisitRow } from '@/db/schema'
import type { EvidenceExport, Generator, Redaction, Scope } from './format'
import { RecordList, seal, type Control } from './seal'
import { filterOf } from './scope'
import { memorySource } from './source'

export interface EvidenceInput {
  sites: readonly SiteRow[]
  visits: readonly VisitRow[]
  findings: readonly FindingRow[]
  consent?: readonly ConsentRow[]
  requests?: readonly RequestRow[]
  settings: { evidenceMode: boolean; retentionDays: number; gpc?: boolean }
  generator: Generator
  /** Filters, as in the header; rows outside them are left out. */
  scope?: Partial<Scope>
  /** Default `masked`. */
  redaction?: Redaction
  now?: number
  /** Called after each batch of records while sealing. */
  onProgress?: (done: number, total: number) => void
}

export async function buildEvidence(
  input: EvidenceInput,
  control: Omit<Control, 'onProgress'> = {},
): Promise<EvidenceExport> {
  const scope = filterOf(input.scope)
  const list = new RecordList()
  const { header, integrity } = await seal(
    memorySource(input, scope),
    {
      generator: input.generator,
      scope,
      redaction: input.redaction ?? 'masked',
      settings: input.settings,
      now: input.now ?? Date.now(),
    },
    [list],
    {
      ...control,
      onProgress: (p) => {
        if (p.phase === 'records' && p.done > 0) input.onProgress?.(p.done, p.total)
      },
    },
  )
  return { ...header, integrity, records: list.records }
}
