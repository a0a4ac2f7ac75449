import type { FindingRow, VisitRow } from '@/db/schema'

const REQUEST_SIGNALS = new Set(['tracker.request', 'thirdparty.request'])

export interface TimelineEntry {
  visit: VisitRow
  /** Everything found during this visit, earliest first. */
  findings: FindingRow[]
  trackingCompanies: string[]
  /** Findings beyond "who was contacted" (pixels, IDs, fingerprinting…). */
  decoded: FindingRow[]
}

/** One entry per visit, newest first, with what was found during it. */
export function buildTimeline(
  visits: readonly VisitRow[],
  findings: readonly FindingRow[],
): TimelineEntry[] {
  const byVisit = new Map<number, FindingRow[]>()
  for (const f of findings) {
    let list = byVisit.get(f.visitId)
    if (list === undefined) byVisit.set(f.visitId, (list = []))
    list.push(f)
  }
  return [...visits]
    .sort((a, b) => b.startedAt - a.startedAt)
    .map((visit) => {
      const list = (byVisit.get(visit.id) ?? []).sort((a, b) => a.firstAt - b.firstAt)
      const companies = new Set<string>()
      for (const f of list) if (f.signal === 'tracker.request') companies.add(f.company ?? f.party)
      return {
        visit,
        findings: list,
        trackingCompanies: [...companies].sort(),
        decoded: list.filter((f) => !REQUEST_SIGNALS.has(f.signal)),
      }
    })
}

/** What each company (or unlisted domain) did on the site beyond receiving requests: signal
 * id -> times, keyed by company name. */
export function actionsByCompany(
  findings: readonly FindingRow[],
): Map<string, Map<string, number>> {
  const out = new Map<string, Map<string, number>>()
  for (const f of findings) {
    if (REQUEST_SIGNALS.has(f.signal)) continue
    const name = f.company ?? f.party
    let m = out.get(name)
    if (m === undefined) out.set(name, (m = new Map()))
    m.set(f.signal, (m.get(f.signal) ?? 0) + f.count)
  }
  return out
}
