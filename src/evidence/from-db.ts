/** Exports from the extension's database (extension pages and workers read it directly). */
import { evidenceSource } from '@/db/evidence-read'
import type { TracelightDb } from '@/db/schema'
import { readSetting } from '@/db/settings'
import manifest from '../../manifest.json' with { type: 'json' }
import { exportFiles, type ExportResult } from './export'
import type { FileFormat, FileOptions } from './files'
import { browserFromUserAgent, type EvidenceExport, type ExportMeta } from './format'
import type { Redaction } from './redact'
import { RecordList, seal, type Control } from './seal'
import { EVERYTHING, type ScopeFilter } from './scope'

export interface ExportRequest {
  format: FileFormat
  scope: ScopeFilter
  redaction: Redaction
}

async function settingsOf(db: TracelightDb) {
  const [evidenceMode, retentionDays, gpc] = await Promise.all([
    readSetting(db, 'evidenceMode'),
    readSetting(db, 'retentionDays'),
    readSetting(db, 'gpcEnabled'),
  ])
  return { evidenceMode, retentionDays, gpc }
}

function metaOf(
  scope: ScopeFilter,
  redaction: Redaction,
  settings: ExportMeta['settings'],
  userAgent: string,
): ExportMeta {
  return {
    generator: {
      // The manifest's name is a locale key (__MSG_extName__); short_name is the plain name.
      name: manifest.short_name,
      version: manifest.version,
      browser: browserFromUserAgent(userAgent),
    },
    scope,
    redaction,
    settings,
    now: Date.now(),
  }
}

/** Streams an export's file (zip, JSON, CSV or report) out of the database. */
export async function exportFilesFromDb(
  db: TracelightDb,
  request: ExportRequest,
  userAgent: string,
  control: Control = {},
  options: FileOptions = {},
): Promise<ExportResult> {
  const settings = await settingsOf(db)
  return exportFiles(
    () => evidenceSource(db, request.scope),
    () => metaOf(request.scope, request.redaction, settings, userAgent),
    request.format,
    control,
    options,
  )
}

/** An export as one object (small histories and tests). */
export async function exportFromDb(
  db: TracelightDb,
  scope: ScopeFilter | string | null,
  userAgent: string,
  redaction: Redaction = 'masked',
): Promise<EvidenceExport> {
  const filter = typeof scope === 'string' ? { ...EVERYTHING, site: scope } : (scope ?? EVERYTHING)
  const list = new RecordList()
  const { header, integrity } = await seal(
    evidenceSource(db, filter),
    metaOf(filter, redaction, await settingsOf(db), userAgent),
    [list],
  )
  return { ...header, integrity, records: list.records }
}
