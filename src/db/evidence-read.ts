import Dexie from 'dexie'
import type { FindingRow, SiteRow, TracelightDb, VisitRow } from './schema'

/** Read-only repository for evidence exports: every row of one site, or of all sites. */

export interface EvidenceRows {
  sites: SiteRow[]
  visits: VisitRow[]
  findings: FindingRow[]
}

/** One read transaction, so the rows agree with each other even while the recorder writes. */
export function evidenceRows(db: TracelightDb, site: string | null): Promise<EvidenceRows> {
  return db.transaction('r', [db.sites, db.visits, db.findings], async () => {
    if (site === null) {
      const [sites, visits, findings] = await Promise.all([
        db.sites.toArray(),
        db.visits.toArray(),
        db.findings.toArray(),
      ])
      return { sites, visits, findings }
    }
    const [row, visits, findings] = await Promise.all([
      db.sites.get(site),
      db.visits.where('[site+startedAt]').between([site, -Infinity], [site, Infinity]).toArray(),
      db.findings
        .where('[site+signal]')
        .between([site, Dexie.minKey], [site, Dexie.maxKey], true, true)
        .toArray(),
    ])
    return { sites: row === undefined ? [] : [row], visits, findings }
  })
}
