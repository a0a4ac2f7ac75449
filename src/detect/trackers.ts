import type { Classification } from './classifier'
import type { SignalId } from './signals'

/**
 * `tracker.request` and `thirdparty.request`: who a page contacted.
 * Fixtures: test/fixtures/sites/news.test (Google Analytics, Facebook, an unknown widget host,
 * a same-site CDN) and test/fixtures/sites/www.youtube.com (same-company CDN).
 */
export const detector = {
  file: 'trackers',
  signals: ['tracker.request', 'thirdparty.request'] as const satisfies readonly SignalId[],
  needs: 'each request URL and the site of the page it belongs to',
}

export interface RequestFinding {
  signal: 'tracker.request' | 'thirdparty.request'
  party: string
  entity?: string
  company?: string
  category?: string
  sameCompany?: boolean
}

/** Finding for one classified request; null for the page's own site. */
export function requestFinding(c: Classification): RequestFinding | null {
  if (c.relation === 'first-party') return null
  const finding: RequestFinding = {
    signal: c.tracker ? 'tracker.request' : 'thirdparty.request',
    party: c.info.site,
  }
  const entity = c.info.entity
  if (entity !== undefined) {
    finding.entity = entity[0]
    finding.company = entity[1]
    finding.category = entity[2]
  }
  if (c.relation === 'same-company') finding.sameCompany = true
  return finding
}
