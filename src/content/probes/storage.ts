/** Storage writes: localStorage/sessionStorage, document.cookie and IndexedDB opens. The value
 * is cut to 200 characters: enough to judge whether it looks like an identifier. */
import { record, sampling, text, wrapAccessor, wrapMethod } from './core'

export function installStorage(): void {
  // Looked up at call time: touching localStorage at document_start would open the storage
  // area in every frame, even frames that never use it.
  const isLocal = (self: unknown) => {
    try {
      return self === globalThis.localStorage
    } catch {
      return false // storage blocked (sandboxed frame, cookies off)
    }
  }
  wrapMethod(globalThis.Storage?.prototype, 'setItem', (self, a) => {
    const api = isLocal(self) ? 'storage.local' : 'storage.session'
    if (sampling(api)) record(api, 0, `${text(a[0]).slice(0, 60)}=${text(a[1])}`)
  })
  wrapAccessor(globalThis.Document?.prototype, 'cookie', null, (_, value) => {
    if (sampling('storage.cookie')) record('storage.cookie', 0, text(value).split(';')[0] ?? '')
  })
  wrapMethod(globalThis.IDBFactory?.prototype, 'open', (_, a) => {
    if (sampling('storage.indexedDB')) record('storage.indexedDB', 0, text(a[0]))
  })
}
