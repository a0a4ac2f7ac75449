/**
 * Export files on disk while they are written, in the extension's own origin-private file
 * system, through a synchronous access handle (which only dedicated workers have). A Blob
 * built in a page keeps its bytes in the browser's memory until it is saved; a file here
 * does not, so an export of a million findings costs disk, not memory. The finished file is
 * handed to the page as a File that reads from disk, and the page saves it as usual.
 *
 * Files are named `<creation time>-<random>-<n>-<name>`. Each export removes what earlier
 * exports left behind (saved, cancelled or interrupted) once it is a few minutes old: a file
 * must outlive the moment the browser copies it into the download.
 */
import type { Spool, SpoolFactory } from './files'

const DIRECTORY = 'tracelight-exports'
export const KEEP_MS = 10 * 60_000

interface SyncHandle {
  write(buffer: Uint8Array, options?: { at?: number }): number
  flush(): void
  close(): void
}

type SyncFileHandle = FileSystemFileHandle & { createSyncAccessHandle(): Promise<SyncHandle> }

/** File names in a directory (the async iterator is not in TypeScript's DOM types). */
const namesIn = (dir: FileSystemDirectoryHandle) =>
  (dir as unknown as { keys(): AsyncIterable<string> }).keys()

/** Removes files older than `KEEP_MS`, and any name it did not write. */
export async function cleanExports(dir: FileSystemDirectoryHandle, now: number): Promise<void> {
  const old: string[] = []
  for await (const name of namesIn(dir)) {
    const made = Number(name.split('-')[0])
    if (!Number.isFinite(made) || now - made > KEEP_MS) old.push(name)
  }
  for (const name of old) await dir.removeEntry(name).catch(() => undefined)
}

/** Spools on disk, or null where there is no file system with synchronous access (a page
 * rather than a worker, an old browser, storage switched off): then memory it is. */
export async function opfsSpools(now = Date.now()): Promise<SpoolFactory | null> {
  const storage = (globalThis as { navigator?: Navigator }).navigator?.storage
  if (typeof storage?.getDirectory !== 'function') return null
  const Handle = (globalThis as { FileSystemFileHandle?: { prototype: object } })
    .FileSystemFileHandle
  if (Handle === undefined || !('createSyncAccessHandle' in Handle.prototype)) return null
  let dir: FileSystemDirectoryHandle
  try {
    dir = await (await storage.getDirectory()).getDirectoryHandle(DIRECTORY, { create: true })
    await cleanExports(dir, now)
  } catch {
    return null
  }
  let n = 0
  const run = Math.random().toString(36).slice(2, 10)
  return async (name): Promise<Spool> => {
    const fileName = `${now}-${run}-${n++}-${name.replace(/[^a-zA-Z0-9.]/g, '_')}`
    const file = (await dir.getFileHandle(fileName, { create: true })) as SyncFileHandle
    const sync = await file.createSyncAccessHandle()
    let size = 0
    let open = true
    const close = () => {
      if (!open) return
      open = false
      sync.flush()
      sync.close()
    }
    return {
      push(bytes) {
        let at = 0
        while (at < bytes.length) {
          const wrote = sync.write(bytes.subarray(at), { at: size + at })
          if (wrote <= 0) throw new Error(`Could not write ${name} to disk (is the disk full?).`)
          at += wrote
        }
        size += bytes.length
      },
      async finish(type) {
        close()
        return new Blob([await file.getFile()], { type })
      },
      async discard() {
        try {
          close()
        } catch {
          // Already closed by a failed write: the file is removed all the same.
        }
        await dir.removeEntry(fileName).catch(() => undefined)
      },
    }
  }
}
