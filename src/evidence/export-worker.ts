/**
 * The dashboard's exports run here, in a dedicated worker, so that reading, hashing and
 * compressing a million findings never holds up the page; files are written to disk as they
 * grow (opfs.ts). Messages:
 *   page → worker: { type: 'run', request, userAgent }, then perhaps { type: 'cancel' }
 *   worker → page: { type: 'progress', progress } … then { type: 'done', result }
 *                  or { type: 'failed', name, message }
 * After a cancel the worker removes its files, answers, and closes itself.
 */
import { openDb } from '@/db/schema'
import type { ExportResult } from './export'
import { exportFilesFromDb, type ExportRequest } from './from-db'
import { opfsSpools } from './opfs'
import type { Progress } from './seal'

export type ToWorker =
  { type: 'run'; request: ExportRequest; userAgent: string } | { type: 'cancel' }
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
  close(): void
}

const controller = new AbortController()

async function run(request: ExportRequest, userAgent: string): Promise<void> {
  let last = 0
  let phase = ''
  const db = openDb()
  try {
    const spools = await opfsSpools()
    const result = await exportFilesFromDb(
      db,
      request,
      userAgent,
      {
        signal: controller.signal,
        onProgress(progress) {
          const now = Date.now()
          if (progress.phase === phase && now - last < PROGRESS_MS) return
          phase = progress.phase
          last = now
          worker.postMessage({ type: 'progress', progress })
        },
      },
      spools === null ? {} : { spools },
    )
    worker.postMessage({ type: 'done', result })
  } catch (e) {
    worker.postMessage({
      type: 'failed',
      name: e instanceof Error || e instanceof DOMException ? e.name : 'Error',
      message: e instanceof Error || e instanceof DOMException ? e.message : String(e),
    })
    if (controller.signal.aborted) worker.close()
  } finally {
    db.close()
  }
}

worker.onmessage = (event) => {
  const message = event.data
  if (message.type === 'run') void run(message.request, message.userAgent)
  else if (message.type === 'cancel') controller.abort()
}
