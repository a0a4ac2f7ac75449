import type { ConsentRow } from '@/db/schema'
import type { DetailValue } from '@/detect/types'

/** What one moment of the consent timeline says, as a message key and its values. */
export interface ConsentMoment {
  at: number
  key: ConsentMessage
  vars: Record<string, string>
  /** Where Tracelight read it. */
  from: 'consent.fromPage' | 'consent.fromCookie' | 'consent.fromRequest' | 'consent.fromComparison'
  /** A GPC visit compared with earlier visits without GPC: what it found (ui/gpc-words.ts). */
  gpc?: Record<string, DetailValue>
}

export type ConsentMessage =
  | 'consent.shown'
  | 'consent.answeredRefused'
  | 'consent.answeredAccepted'
  | 'consent.answered'
  | 'consent.loadedRefused'
  | 'consent.loadedAccepted'
  | 'consent.storedRefused'
  | 'consent.storedAccepted'
  | 'consent.platform'
  | 'consent.gpcSent'
  | 'consent.gpcHonoured'
  | 'consent.gpcIgnored'

export interface ConsentVisit {
  visitId: number
  moments: ConsentMoment[]
}

const FROM = {
  page: 'consent.fromPage',
  cookie: 'consent.fromCookie',
  wire: 'consent.fromRequest',
} as const

export function momentOf(row: ConsentRow): ConsentMoment | null {
  const yesNo = (refused: ConsentMessage, accepted: ConsentMessage, neither?: ConsentMessage) =>
    row.adsAllowed === false ? refused : row.adsAllowed === true ? accepted : neither
  let key: ConsentMessage | undefined
  const vars: Record<string, string> = {}
  switch (row.event) {
    case 'shown':
      key = 'consent.shown'
      break
    case 'answered':
      key = yesNo('consent.answeredRefused', 'consent.answeredAccepted', 'consent.answered')
      break
    case 'loaded':
    case 'choice':
      key = yesNo('consent.loadedRefused', 'consent.loadedAccepted')
      break
    case 'stored':
      key = yesNo('consent.storedRefused', 'consent.storedAccepted')
      break
    case 'platform':
      key = 'consent.platform'
      break
    case 'sent':
      key = row.framework === 'gpc' ? 'consent.gpcSent' : undefined
      break
    case 'compared':
      if (row.framework !== 'gpc') break
      if (row.state.outcome === 'honoured') key = 'consent.gpcHonoured'
      if (row.state.outcome === 'ignored') key = 'consent.gpcIgnored'
      if (key !== undefined)
        return { at: row.at, key, vars, from: 'consent.fromComparison', gpc: row.state }
      break
  }
  // A platform named by a cookie is said once, by its own line.
  if (key === undefined && row.framework === 'cmp' && typeof row.state.cmp === 'string')
    key = 'consent.platform'
  if (key === undefined) return null
  if (typeof row.state.cmp === 'string') vars.cmp = row.state.cmp
  return { at: row.at, key, vars, from: FROM[row.source] }
}

/**
 * The timeline rows of a site grouped by visit, newest visit first and each visit in time
 * order, with repeated sentences of a visit said once. Rows that say nothing a person needs
 * (a choice read with no verdict on ads) are left out.
 */
export function consentVisits(rows: readonly ConsentRow[], maxVisits = 10): ConsentVisit[] {
  const byVisit = new Map<number, ConsentRow[]>()
  for (const r of rows) {
    const list = byVisit.get(r.visitId) ?? []
    list.push(r)
    byVisit.set(r.visitId, list)
  }
  const visits: (ConsentVisit & { last: number })[] = []
  for (const [visitId, list] of byVisit) {
    const seen = new Set<string>()
    const moments: ConsentMoment[] = []
    for (const r of list.sort((a, b) => a.at - b.at)) {
      const m = momentOf(r)
      if (m === null) continue
      const id = `${m.key} ${m.vars.cmp ?? ''}`
      if (seen.has(id)) continue
      seen.add(id)
      moments.push(m)
    }
    if (moments.length > 0)
      visits.push({ visitId, moments, last: Math.max(...list.map((r) => r.at)) })
  }
  return visits
    .sort((a, b) => b.last - a.last)
    .slice(0, maxVisits)
    .map(({ visitId, moments }) => ({ visitId, moments }))
}
