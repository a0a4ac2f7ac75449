/** Rows shaped like the recorder's, for the evidence unit tests. */
import type { ConsentRow, FindingRow, RequestRow, SiteRow, VisitRow } from '@/db/schema'
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

/** The news site's banner on the first visit: shown, then answered with ads refused. */
export const CONSENT: ConsentRow[] = [
  {
    id: 1,
    visitId: 1,
    site: 'news.test',
    at: T0 + 400,
    source: 'page',
    framework: 'cmp',
    event: 'platform',
    state: { cmp: 'OneTrust' },
  },
  {
    id: 2,
    visitId: 1,
    site: 'news.test',
    at: T0 + 500,
    source: 'page',
    framework: 'tcf',
    event: 'shown',
    state: {},
  },
  {
    id: 3,
    visitId: 1,
    site: 'news.test',
    at: T0 + 4_000,
    source: 'page',
    framework: 'tcf',
    event: 'answered',
    adsAllowed: false,
    state: { purposes: ['1'], vendors: 3 },
  },
]

/** An access request to the news site, answered, and a reminder that follows it up. */
export const REQUESTS: RequestRow[] = [
  {
    id: 4,
    site: 'news.test',
    company: 'News Test Ltd',
    law: 'gdpr-eu',
    kind: 'access',
    reference: 'TL-20261130-ABCD',
    recipient: 'privacy@news.test',
    subject: 'Access request under Article 15 GDPR (TL-20261130-ABCD)',
    text: 'Dear News Test Ltd,\n\nI am Ada Example <ada@example.org> …',
    createdAt: T0 + 600_000,
    sentAt: T0 + 660_000,
    channel: 'mailto',
    dueDay: '2026-12-30',
    dueAt: T0 + 30 * 86_400_000,
    extension: false,
    status: 'sent',
    history: [{ status: 'sent', at: T0 + 660_000, note: 'Sent from ada@example.org' }],
  },
  {
    id: 9,
    site: 'news.test',
    company: 'News Test Ltd',
    law: 'gdpr-eu',
    kind: 'reminder',
    reference: 'TL-20261130-EFGH',
    recipient: 'privacy@news.test',
    subject: 'Reminder: TL-20261130-ABCD',
    text: 'Dear News Test Ltd,\n\nI wrote to you on 30 November 2026 …',
    createdAt: T0 + 900_000,
    extension: false,
    status: 'sent',
    history: [{ status: 'sent', at: T0 + 900_000 }],
    followUpOf: 4,
  },
]

export function input(overrides: Partial<EvidenceInput> = {}): EvidenceInput {
  return {
    sites: SITES,
    visits: VISITS,
    findings: FINDINGS,
    consent: CONSENT,
    requests: REQUESTS,
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
