import Dexie from 'dexie'
import { EARLIER_WITHIN_MS, MAX_EARLIER, type ComparedVisit } from '@/detect/gpc-compare'
import type { VisitFinding } from '@/detect/gpc-honoured'
import type { SignalId } from '@/detect/signals'
import type { FindingRow, TracelightDb } from './schema'

/** Earlier visits looked at to find MAX_EARLIER without GPC (most people leave GPC on, so
 * most recent visits may have sent it; beyond this many the comparison is simply skipped). */
export const LOOKBACK = 30

/** Signal ranges read per visit, on the findings' primary key [visitId+signal+party]: only what
 * the comparison needs (pixel.* is one range). */
const RANGES: readonly [string, string][] = [
  ['analytics.remarketing', 'analytics.remarketing'],
  ['consent.gpp', 'consent.gpp'],
  ['consent.usp', 'consent.usp'],
  ['id.sync', 'id.sync'],
  ['pixel.', 'pixel.\uffff'],
]

export const comparedFinding = (r: FindingRow): VisitFinding => ({
  signal: r.signal,
  party: r.party,
  ...(r.company !== undefined && { company: r.company }),
  firstAt: r.firstAt,
  details: r.evidence.details ?? [],
})

/**
 * The site's most recent earlier visits that did not send GPC (at most MAX_EARLIER, started in
 * the EARLIER_WITHIN_MS before `before`), with the findings the GPC comparison reads. Bounded
 * whatever the site's history: LOOKBACK visit rows from the [site+startedAt] index, one keyed
 * read of their gpc.sent findings, then five key ranges per visit compared.
 */
export async function earlierVisitsWithoutGpc(
  db: TracelightDb,
  site: string,
  visitId: number,
  before: number,
): Promise<ComparedVisit[]> {
  return db.transaction('r', db.visits, db.findings, async () => {
    const visits = (
      await db.visits
        .where('[site+startedAt]')
        .between([site, before - EARLIER_WITHIN_MS], [site, before], true, false)
        .reverse()
        .limit(LOOKBACK)
        .toArray()
    ).filter((v) => v.id !== visitId)
    const sent = await db.findings.bulkGet(
      visits.map((v) => [v.id, 'gpc.sent' satisfies SignalId, site] as [number, SignalId, string]),
    )
    const chosen = visits.filter((_, i) => sent[i] === undefined).slice(0, MAX_EARLIER)
    return Promise.all(
      chosen.map(async (v) => {
        const rows = await Promise.all(
          RANGES.map(([from, to]) =>
            db.findings
              .where('[visitId+signal+party]')
              .between([v.id, from, Dexie.minKey], [v.id, to, Dexie.maxKey], true, true)
              .toArray(),
          ),
        )
        return { visitId: v.id, startedAt: v.startedAt, findings: rows.flat().map(comparedFinding) }
      }),
    )
  })
}
