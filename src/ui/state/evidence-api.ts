/** What the dashboard's evidence components use by default: this browser's database, read
 * directly as extension pages may (DESIGN.md §1), and a Blob download. */
import { openDb, type TracelightDb } from '@/db/schema'
import { exportFromDb } from '@/evidence/from-db'
import { saveFile } from '@/ui/download'
import type { EvidenceApi } from './evidence-store'

let db: TracelightDb | undefined

export const dashboardEvidenceApi: EvidenceApi = {
  build: (site) => exportFromDb((db ??= openDb()), site, navigator.userAgent),
  save: saveFile,
}
