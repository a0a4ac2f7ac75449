import { DB_NAME } from './name'
import type { FindingRow, SettingRow } from './schema'
import { settingValue } from './settings'

/**
 * Reads with plain IndexedDB, for what a page shows first: here the popup's (the language
 * chosen, the findings of the tab's visit) and the helpers; the dashboard's in
 * first-screen-read.ts. These must show within 100 and 300 ms (DESIGN.md §9), and loading
 * Dexie (and its schema of every version) and going through its transactions costs a good
 * part of that. Each read is one key range of an index or the primary key. Only the background creates or upgrades the database: a
 * page opened before it exists reads nothing rather than create an empty one.
 */

export const request = <T>(r: IDBRequest<T>) =>
  new Promise<T>((resolve, reject) => {
    r.onsuccess = () => resolve(r.result)
    r.onerror = () => reject(r.error ?? new Error('IndexedDB request failed'))
  })

/** The database as it is (any version), or null when it does not exist yet. */
export function openExisting(
  factory: IDBFactory = indexedDB,
  onClosed: () => void = () => undefined,
): Promise<IDBDatabase | null> {
  return new Promise((resolve, reject) => {
    const open = factory.open(DB_NAME)
    let created = false
    open.onupgradeneeded = () => {
      // Only a database that does not exist is "upgraded" without a version: leave it so.
      created = true
      open.transaction?.abort()
    }
    open.onsuccess = () => {
      const db = open.result
      // Never stand in the way of an upgrade (by the background, or the page's own Dexie).
      db.onversionchange = () => {
        db.close()
        onClosed()
      }
      resolve(db)
    }
    open.onerror = () => {
      if (created) resolve(null)
      else reject(open.error ?? new Error('IndexedDB could not be opened'))
    }
    open.onblocked = () => undefined // the background is upgrading it: wait for it
  })
}

/**
 * The page's connection for these reads, opened on first use and again after an upgrade
 * closed it, or while the database did not exist yet.
 */
export function plainConnection(
  factory: IDBFactory = indexedDB,
): () => Promise<IDBDatabase | null> {
  let current: Promise<IDBDatabase | null> | null = null
  let closed = false
  return () => {
    if (current === null || closed) {
      closed = false
      const opening = openExisting(factory, () => (closed = true))
      current = opening
      opening.then(
        (db) => {
          if (db === null && current === opening) current = null
        },
        () => {
          if (current === opening) current = null
        },
      )
    }
    return current
  }
}

/** The language setting ('' when none was chosen, or the store is missing). */
export async function readLanguage(db: IDBDatabase | null): Promise<string> {
  if (!hasStores(db, ['settings'])) return ''
  const row = (await request(
    db.transaction('settings').objectStore('settings').get('language'),
  )) as SettingRow | undefined
  return settingValue('language', row)
}

/** Every finding of these visits (the popup's one, a page of a site's visits): one key range
 * of the findings' primary key [visitId, signal, party] each, in one read transaction. */
export async function readFindingsOfVisits(
  db: IDBDatabase | null,
  visitIds: readonly number[],
  keys: typeof IDBKeyRange = IDBKeyRange,
): Promise<FindingRow[]> {
  if (!hasStores(db, ['findings']) || visitIds.length === 0) return []
  const store = db.transaction('findings').objectStore('findings')
  // Arrays sort after strings: [id, []] is above every key of the visit.
  const lists = await Promise.all(
    visitIds.map(
      (id) => request(store.getAll(keys.bound([id], [id, []]))) as Promise<FindingRow[]>,
    ),
  )
  return lists.flat()
}

/** IDBIndex / IDBObjectStore `getAllRecords` (Chromium 141 and later): a range in either
 * direction, at most `count` rows, in one request. */
interface RecordsReader {
  getAllRecords(options: {
    query: IDBKeyRange
    count: number
    direction: IDBCursorDirection
  }): IDBRequest<{ value: unknown }[]>
}
const readsRecords = (source: object): source is RecordsReader => 'getAllRecords' in source

/** Rows of `source` in `range`, in `direction`, at most `limit`: in one request where the
 * browser can, else with a cursor. */
export function collect<T>(
  source: IDBObjectStore | IDBIndex,
  range: IDBKeyRange,
  direction: IDBCursorDirection,
  limit: number,
): Promise<T[]> {
  if (limit <= 0) return Promise.resolve([])
  if (direction === 'next') return request(source.getAll(range, limit)) as Promise<T[]>
  if (readsRecords(source))
    return request(source.getAllRecords({ query: range, count: limit, direction })).then(
      (records) => records.map((r) => r.value as T),
    )
  return new Promise((resolve, reject) => {
    const rows: T[] = []
    const r = source.openCursor(range, direction)
    r.onsuccess = () => {
      const cursor = r.result
      if (cursor === null) return resolve(rows)
      rows.push(cursor.value as T)
      if (rows.length >= limit) resolve(rows)
      else cursor.continue()
    }
    r.onerror = () => reject(r.error ?? new Error('IndexedDB request failed'))
  })
}

export const hasStores = (db: IDBDatabase | null, names: readonly string[]): db is IDBDatabase =>
  db !== null && names.every((n) => db.objectStoreNames.contains(n))
