/** What the dashboard's evidence components use by default: this browser's database, read
 * directly as extension pages may (DESIGN.md §1), a Blob download, and the background for
 * the one write (an import). */
import { openDb, type TracelightDb } from '@/db/schema'
import { exportFromDb } from '@/evidence/from-db'
import { sendMessage } from '@/platform/runtime'
import { saveFile } from '@/ui/download'
import type { EvidenceApi, Importer } from './evidence-store'

let db: TracelightDb | undefined

export const dashboardEvidenceApi: EvidenceApi = {
  build: (site, onProgress) =>
    exportFromDb((db ??= openDb()), site, navigator.userAgent, onProgress),
  save: saveFile,
}

export const dashboardImporter: Importer = (text) => sendMessage({ type: 'evidence.import', text })
