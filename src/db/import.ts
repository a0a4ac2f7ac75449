import { applyBatch, writeTables, type FindingDelta } from './write'
import type { FindingRow, TracelightDb, VisitRow } from './schema'

/** Write repository for imported evidence (only the background calls it). */

export interface ImportOutcome {
  visits: number
  findings: number
  /** Visits already in this browser (same site, start, address and tab), left as they are. */
  duplicateVisits: number
}

/**
 * Adds visits and their findings that this browser does not have yet, in one transaction:
 * on any error nothing is written. A visit counts as already present when one with the same
 * site, start time, address and tab exists, whatever its id, so importing a file twice adds
 * nothing the second time. An imported visit whose id is taken by a different visit gets a
 * fresh id, and its findings follow it.
 */
export function mergeImport(
  db: TracelightDb,
  rows: { visits: VisitRow[]; findings: FindingRow[] },
): Promise<ImportOutcome> {
  return db.transaction('rw', writeTables(db), async () => {
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
    return { visits: visits.length, findings: findings.length, duplicateVisits }
  })
}
