/** Exporting files from a row source: sealing into the file sinks, started again when the
 * history changed underneath (see seal.ts), with progress and cancellation. */
import { fileOutput, type FileFormat, type FileOptions } from './files'
import type { EvidenceHeader, ExportMeta, Integrity } from './format'
import { ExportChangedError, seal, type Control, type RecordSink } from './seal'
import type { RowSource } from './source'

export interface ExportResult {
  blob: Blob
  header: EvidenceHeader
  integrity: Integrity
}

/** Attempts before giving up when the history keeps changing during the export. */
const ATTEMPTS = 3

export async function exportFiles(
  source: () => RowSource,
  meta: () => ExportMeta,
  format: FileFormat,
  control: Control = {},
  options: FileOptions & { sinks?: () => RecordSink[] } = {},
): Promise<ExportResult> {
  for (let attempt = 1; ; attempt++) {
    const out = await fileOutput(format, options)
    const sinks = [...out.sinks, ...(options.sinks?.() ?? [])]
    try {
      const { header, integrity } = await seal(source(), meta(), sinks, control)
      const blob = await out.finish(control)
      return { blob, header, integrity }
    } catch (e) {
      await out.discard().catch(() => undefined)
      if (!(e instanceof ExportChangedError) || attempt >= ATTEMPTS) throw e
    }
  }
}
