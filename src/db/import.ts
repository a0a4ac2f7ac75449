import { applyBatch, writeTables, type FindingDelta } from './write'
import type { ConsentRow, FindingRow, RequestRow, TracelightDb, VisitRow } from './schema'

/** Write repository for imported evidence (only the background calls it). */

export interface ImportOutcome {
  visits: number
  findings: number
  /** Visits already in this browser (same site, start, address and tab), left as they are. */
  duplicateVisits: number
  /** Moments of the added visits' consent timelines. */
  consent: number
  /** Requests the person made, added to the Requests page. */
  requests: number
  /** Requests left out because the file holds them without their letter (a masked export). */
  maskedRequests: number
}

export interface ImportRows {
  visits: VisitRow[]
  findings: FindingRow[]
  consent: ConsentRow[]
  /** `text` undefined: the file left the letter out. */
  requests: (Omit<RequestRow, 'text'> & { text?: string })[]
}

/**
 * Adds visits and their findings that this browser does not have yet, in one transaction:
 * on any error nothing is written. A visit counts as already present when one with the same
 * site, start time, address and tab exists, whatever its id, so importing a file twice adds
 * nothing the second time. An imported visit whose id is taken by a different visit gets a
 * fresh id, and its findings and consent timeline follow it. A request is added when the file
 * has its letter and this browser has no request with the same site, reference and creation
 * time; it gets a fresh id, and a follow-up keeps pointing at the request it follows.
 */
export function mergeImport(db: TracelightDb, rows: ImportRows): Promise<ImportOutcome> {
  return db.transaction('rw', [...writeTables(db), db.consent, db.requests], async () => {
    const last = await db.visits.orderBy('id').last()
    // A reduce, not Math.max(...ids): spreading many ids overflows the call stack.
    let nextId = rows.visits.reduce((max, v) => Math.max(max, v.id), last?.id ?? 0) + 1
    const ids = new Map<number, number>()
    const visits: VisitRow[] = []
    let duplicateVisits = 0
    for (const v of rows.visits) {
      const same = await db.visits.where('[site+startedAt]').equals([v.site, v.startedAt]).toArray()
      if (same.some((o) => o.url === v.url && o.tabId === v.tabId)) {
        duplicateVisits += 1
        continue
      }
      const taken = (await db.visits.get(v.id)) !== undefined || ids.has(v.id)
      const id = taken ? nextId++ : v.id
      ids.set(v.id, id)
      visits.push({ ...v, id })
    }
    const findings: FindingDelta[] = []
    for (const f of rows.findings) {
      const visitId = ids.get(f.visitId)
      if (visitId === undefined) continue
      const { evidence, ...rest } = f
      const delta: FindingDelta = { ...rest, visitId, urls: evidence.urls }
      if (evidence.details !== undefined) delta.details = evidence.details
      findings.push(delta)
    }
    await applyBatch(db, { visits, findings })

    const consent: ConsentRow[] = []
    for (const c of rows.consent) {
      const visitId = ids.get(c.visitId)
      if (visitId === undefined) continue
      const { id: _id, ...rest } = c
      consent.push({ ...rest, visitId })
    }
    if (consent.length > 0) await db.consent.bulkAdd(consent)

    let requests = 0
    let maskedRequests = 0
    const requestIds = new Map<number, number>()
    for (const r of rows.requests) {
      if (r.text === undefined) {
        maskedRequests += 1
        continue
      }
      const same = await db.requests.where('site').equals(r.site).toArray()
      const match = same.find((o) => o.reference === r.reference && o.createdAt === r.createdAt)
      if (match !== undefined) {
        if (r.id !== undefined && match.id !== undefined) requestIds.set(r.id, match.id)
        continue
      }
      const { id, followUpOf, ...rest } = r
      const row: RequestRow = { ...rest, text: r.text }
      if (followUpOf !== undefined) {
        const target = requestIds.get(followUpOf)
        if (target !== undefined) row.followUpOf = target
      }
      const added = await db.requests.add(row)
      if (id !== undefined && added !== undefined) requestIds.set(id, added)
      requests += 1
    }
    return {
      visits: visits.length,
      findings: findings.length,
      duplicateVisits,
      consent: consent.length,
      requests,
      maskedRequests,
    }
  })
}
