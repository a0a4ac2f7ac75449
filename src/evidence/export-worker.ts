/**
 * The dashboard's exports run here, in a dedicated worker, so that reading, hashing and
 * compressing a million findings never holds up the page. Messages:
 *   page → worker: { type: 'run', request, userAgent }
 *   worker → page: { type: 'progress', progress } … then { type: 'done', result }
 *                  or { type: 'failed', name, message }
 * The page cancels by terminating the worker.
 */
import { openDb } from '@/db/schema'
import type { ExportResult } from './export'
import { exportFilesFromDb, type ExportRequest } from './from-db'
import type { Progress } from './seal'

export type ToWorker = { type: 'run'; request: ExportRequest; userAgent: string }
export type FromWorker =
  | { type: 'progress'; progress: Progress }
  | { type: 'done'; result: ExportResult }
  | { type: 'failed'; name: string; message: string }

/** Progress messages at most this often (and at each change of phase): each one re-renders
 * the panel on the page, which should have little else to do. */
const PROGRESS_MS = 250

const worker = self as unknown as {
  onmessage: ((event: MessageEvent<ToWorker>) => void) | null
  postMessage(message: FromWorker): void
}

worker.onmessage = (event) => {
  const message = event.data
  if (message.type !== 'run') return
  let last = 0
  let phase = ''
  const db = openDb()
  exportFilesFromDb(db, message.request, message.userAgent, {
    onProgress(progress) {
      const now = Date.now()
      if (progress.phase === phase && now - last < PROGRESS_MS) return
      phase = progress.phase
      last = now
      worker.postMessage({ type: 'progress', progress })
    },
  })
    .then((result) => worker.postMessage({ type: 'done', result }))
    .catch((e: unknown) =>
      worker.postMessage({
        type: 'failed',
        name: e instanceof Error ? e.name : 'Error',
        message: e instanceof Error ? e.message : String(e),
      }),
    )
    .finally(() => db.close())
}
