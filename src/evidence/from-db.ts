/** Builds an export from the extension's database (extension pages read it directly). */
import { evidenceRows } from '@/db/evidence-read'
import type { TracelightDb } from '@/db/schema'
import { readSetting } from '@/db/settings'
import manifest from '../../manifest.json' with { type: 'json' }
import { browserFromUserAgent, buildEvidence, type EvidenceExport } from './format'

export async function exportFromDb(
  db: TracelightDb,
  site: string | null,
  userAgent: string,
  onProgress?: (done: number, total: number) => void,
): Promise<EvidenceExport> {
  const [rows, evidenceMode, retentionDays] = await Promise.all([
    evidenceRows(db, site),
    readSetting(db, 'evidenceMode'),
    readSetting(db, 'retentionDays'),
  ])
  return buildEvidence({
    ...rows,
    settings: { evidenceMode, retentionDays },
    generator: {
      // The manifest's name is a locale key (__MSG_extName__); short_name is the plain name.
      name: manifest.short_name,
      version: manifest.version,
      browser: browserFromUserAgent(userAgent),
    },
    scope: { site },
    onProgress,
  })
}
