import Dexie from 'dexie'
import type { ContactRow, FindingRow, RequestRow, TracelightDb } from './schema'
import { siteFindings } from './read'

/** Requests, newest first. */
export function listRequests(db: TracelightDb): Promise<RequestRow[]> {
  return db.requests.orderBy('id').reverse().toArray()
}

export function getRequest(db: TracelightDb, id: number): Promise<RequestRow | undefined> {
  return db.requests.get(id)
}

/** Requests about one site, newest first. */
export async function siteRequests(db: TracelightDb, site: string): Promise<RequestRow[]> {
  const rows = await db.requests
    .where('[site+status]')
    .between([site, Dexie.minKey], [site, Dexie.maxKey])
    .toArray()
  return rows.sort((a, b) => (b.id ?? 0) - (a.id ?? 0))
}

/** Requests still waiting for an answer whose due date is before `at`. */
export function dueBefore(db: TracelightDb, at: number): Promise<RequestRow[]> {
  return db.requests.where('dueAt').below(at).toArray()
}

export function getContact(db: TracelightDb, site: string): Promise<ContactRow | undefined> {
  return db.contacts.get(site)
}

// Writes: the background only.

export async function addRequest(db: TracelightDb, row: RequestRow): Promise<number> {
  const { id: _ignored, ...rest } = row
  return (await db.requests.add(rest as RequestRow)) as number
}

export async function putRequests(db: TracelightDb, rows: readonly RequestRow[]): Promise<void> {
  await db.requests.bulkPut([...rows])
}

export async function putContact(db: TracelightDb, row: ContactRow): Promise<void> {
  await db.contacts.put(row)
}

/** Every finding recorded on a site, all signals and visits. */
export function allSiteFindings(db: TracelightDb, site: string): Promise<FindingRow[]> {
  return siteFindings(db, site)
}
