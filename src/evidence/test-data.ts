/** Rows shaped like the recorder's, for the evidence unit tests. */
import type { FindingRow, SiteRow, VisitRow } from '@/db/schema'
import type { EvidenceInput } from './build'

const T0 = Date.UTC(2026, 10, 30, 9, 0, 0)

export const SITES: SiteRow[] = [
  {
    site: 'news.test',
    firstSeen: T0,
    lastSeen: T0 + 60_000,
    visits: 2,
    counts: { 'tracker.request': 5, 'thirdparty.request': 2 },
  },
  {
    site: 'shop.test',
    firstSeen: T0 + 120_000,
    lastSeen: T0 + 120_000,
    visits: 1,
    counts: { 'pixel.facebook': 1 },
  },
]

export const VISITS: VisitRow[] = [
  {
    id: 1,
    site: 'news.test',
    url: 'https://news.test/',
    tabId: 7,
    startedAt: T0,
    mode: 'standard',
  },
  {
    id: 2,
    site: 'news.test',
    url: 'https://news.test/article/1',
    tabId: 7,
    startedAt: T0 + 60_000,
    mode: 'standard',
  },
  {
    id: 3,
    site: 'shop.test',
    url: 'https://shop.test/',
    tabId: 8,
    startedAt: T0 + 120_000,
    mode: 'standard',
  },
]

export const FINDINGS: FindingRow[] = [
  {
    visitId: 1,
    signal: 'tracker.request',
    party: 'google-analytics.com',
    site: 'news.test',
    entity: 'Google',
    company: 'Google',
    category: 'analytics',
    count: 3,
    firstAt: T0 + 100,
    lastAt: T0 + 900,
    evidence: {
      urls: ['https://www.google-analytics.com/g/collect?v=2&tid=G-TRACEDEMO1&cid=[hidden]'],
    },
    mode: 'standard',
  },
  {
    visitId: 1,
    signal: 'thirdparty.request',
    party: 'unknown-widgets.test',
    site: 'news.test',
    count: 2,
    firstAt: T0 + 200,
    lastAt: T0 + 300,
    evidence: { urls: ['https://static.unknown-widgets.test/widget.js'] },
    mode: 'standard',
  },
  {
    visitId: 2,
    signal: 'tracker.request',
    party: 'facebook.net',
    site: 'news.test',
    company: 'Facebook',
    category: 'social',
    count: 2,
    firstAt: T0 + 60_100,
    lastAt: T0 + 60_200,
    evidence: { urls: ['https://connect.facebook.net/en_US/fbevents.js'] },
    mode: 'standard',
  },
  {
    visitId: 3,
    signal: 'pixel.facebook',
    party: 'facebook.com',
    site: 'shop.test',
    company: 'Facebook',
    count: 1,
    firstAt: T0 + 120_500,
    lastAt: T0 + 120_500,
    evidence: {
      urls: ['https://www.facebook.com/tr?id=[hidden]&ev=Purchase'],
      details: [{ event: 'Purchase', value: 12.5, hashed: ['em'] }],
    },
    mode: 'standard',
  },
]

export function input(overrides: Partial<EvidenceInput> = {}): EvidenceInput {
  return {
    sites: SITES,
    visits: VISITS,
    findings: FINDINGS,
    settings: { evidenceMode: false, retentionDays: 90 },
    generator: {
      name: 'Tracelight',
      version: '0.1.0',
      browser: { name: 'Chromium', version: '150.0.0.0' },
    },
    now: T0 + 3_600_000,
    ...overrides,
  }
}
