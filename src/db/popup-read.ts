import { DB_NAME } from './name'
import type { FindingRow, SettingRow } from './schema'

/**
 * The popup's two reads (the language chosen, the findings of the tab's visit) with plain
 * IndexedDB: the popup is opened often and must show within 100 ms (DESIGN.md §9), and
 * loading Dexie (and its schema of every version) for two reads costs a good part of that.
 * Only the background creates or upgrades the database: a popup opened before it exists
 * reads nothing rather than create an empty one.
 */

const request = <T>(r: IDBRequest<T>) =>
  new Promise<T>((resolve, reject) => {
    r.onsuccess = () => resolve(r.result)
    r.onerror = () => reject(r.error ?? new Error('IndexedDB request failed'))
  })

/** The database as it is (any version), or null when it does not exist yet. */
export function openExisting(factory: IDBFactory = indexedDB): Promise<IDBDatabase | null> {
  return new Promise((resolve, reject) => {
    const open = factory.open(DB_NAME)
    let created = false
    open.onupgradeneeded = () => {
      // Only a database that does not exist is "upgraded" without a version: leave it so.
      created = true
      open.transaction?.abort()
    }
    open.onsuccess = () => resolve(open.result)
    open.onerror = () => {
      if (created) resolve(null)
      else reject(open.error ?? new Error('IndexedDB could not be opened'))
    }
    open.onblocked = () => undefined // the background is upgrading it: wait for it
  })
}

/** The language setting ('' when none was chosen, or the store is missing). */
export async function readLanguage(db: IDBDatabase | null): Promise<string> {
  if (db === null || !db.objectStoreNames.contains('settings')) return ''
  const row = (await request(
    db.transaction('settings').objectStore('settings').get('language'),
  )) as SettingRow | undefined
  return typeof row?.value === 'string' ? row.value : ''
}

/** Every finding of one visit: one key range of the findings' primary key
 * [visitId, signal, party]. */
export async function readVisitFindings(
  db: IDBDatabase | null,
  visitId: number,
  keyRange: typeof IDBKeyRange = IDBKeyRange,
): Promise<FindingRow[]> {
  if (db === null || !db.objectStoreNames.contains('findings')) return []
  // Arrays sort after strings: [visitId, []] is above every key of the visit.
  const range = keyRange.bound([visitId], [visitId, []])
  return (await request(
    db.transaction('findings').objectStore('findings').getAll(range),
  )) as FindingRow[]
}
