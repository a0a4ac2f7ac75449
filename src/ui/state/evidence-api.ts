/** What the dashboard's evidence components use by default: exports run in a worker over
 * this browser's database (extension pages and their workers may read it directly,
 * DESIGN.md §1), a Blob download, and the background for the one write (an import). */
import type { TracelightDb } from '@/db/schema'
import type { FromWorker, ToWorker } from '@/evidence/export-worker'
import { sendMessage } from '@/platform/runtime'
import { saveFile } from '@/ui/download'
import type { EvidenceApi, Importer } from './evidence-store'

let db: TracelightDb | undefined

const aborted = () => new DOMException('The export was cancelled.', 'AbortError')
/** How long a cancelled worker may take to remove its files before it is stopped. */
const CLEANUP_MS = 5000

/** The same export on the page's own thread, where a worker cannot be started. */
const inPage: EvidenceApi['run'] = async (request, onProgress, signal) => {
  // Fetched only here: the export code is the worker's, not the page's.
  const [{ exportFilesFromDb }, { openDb }] = await Promise.all([
    import('@/evidence/from-db'),
    import('@/db/schema'),
  ])
  return exportFilesFromDb((db ??= openDb()), request, navigator.userAgent, {
    signal,
    onProgress,
  })
}

export const dashboardEvidenceApi: EvidenceApi = {
  run(request, onProgress, signal) {
    if (signal.aborted) return Promise.reject(aborted())
    let worker: Worker
    try {
      worker = new Worker(new URL('../../evidence/export-worker.ts', import.meta.url), {
        type: 'module',
      })
    } catch {
      return inPage(request, onProgress, signal)
    }
    return new Promise((resolve, reject) => {
      let answered = false
      let cancelled = false
      const stop = () => {
        worker.terminate()
        signal.removeEventListener('abort', onAbort)
      }
      // Cancelled at once for the person; the worker removes its files, then is stopped
      // (or stopped anyway after a few seconds; an earlier file goes with the next export).
      const onAbort = () => {
        cancelled = true
        signal.removeEventListener('abort', onAbort)
        worker.postMessage({ type: 'cancel' } satisfies ToWorker)
        setTimeout(() => worker.terminate(), CLEANUP_MS)
        reject(aborted())
      }
      signal.addEventListener('abort', onAbort)
      worker.onmessage = (event: MessageEvent<FromWorker>) => {
        answered = true
        const m = event.data
        if (cancelled) {
          if (m.type !== 'progress') worker.terminate()
          return
        }
        if (m.type === 'progress') onProgress(m.progress)
        else if (m.type === 'done') {
          stop()
          resolve(m.result)
        } else {
          stop()
          const error = new Error(m.message)
          error.name = m.name
          reject(error)
        }
      }
      worker.onerror = (event) => {
        event.preventDefault()
        stop()
        // The worker's script did not load: do the work here instead.
        if (!answered) inPage(request, onProgress, signal).then(resolve, reject)
        // No message: the dashboard says the export stopped unexpectedly.
        else reject(new Error(event.message))
      }
      worker.postMessage({
        type: 'run',
        request,
        userAgent: navigator.userAgent,
      } satisfies ToWorker)
    })
  },
  save: (file, name) => saveFile(file, name, file.type),
}

export const dashboardImporter: Importer = (text) => sendMessage({ type: 'evidence.import', text })
