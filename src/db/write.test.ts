import { IDBFactory, IDBKeyRange } from 'fake-indexeddb'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import {
  getSite,
  getVisit,
  recentSites,
  siteFindings,
  siteRequestFindings,
  siteVisits,
  visitFindings,
} from './read'
import { openDb, type TracelightDb, type VisitRow } from './schema'
import { readSetting, SETTINGS, writeSetting } from './settings'
import { applyBatch, EVIDENCE_DETAILS, EVIDENCE_URLS, localDay, type FindingDelta } from './write'

let db: TracelightDb

beforeEach(async () => {
  db = openDb(new IDBFactory(), IDBKeyRange)
  await db.open()
})
afterEach(() => {
  db.close()
})

/** Local times, so the expected days do not depend on the machine's time zone. */
const DAY1 = new Date(2024, 4, 1, 10, 0).getTime()
const DAY2 = new Date(2024, 4, 2, 10, 0).getTime()

const visit = (id: number, over: Partial<VisitRow> = {}): VisitRow => ({
  id,
  site: 'news.test',
  url: 'https://news.test/',
  tabId: 1,
  startedAt: DAY1 + id,
  mode: 'standard',
  ...over,
})

const delta = (over: Partial<FindingDelta> = {}): FindingDelta => ({
  visitId: 1,
  signal: 'tracker.request',
  party: 'google-analytics.com',
  site: 'news.test',
  entity: 'Google Analytics',
  company: 'Google',
  category: 'analytics',
  count: 2,
  firstAt: DAY1 + 10,
  lastAt: DAY1 + 20,
  urls: ['https://t.test/1'],
  mode: 'standard',
  ...over,
})

const everything = async () => ({
  sites: await db.sites.toArray(),
  visits: await db.visits.toArray(),
  findings: await db.findings.toArray(),
  daily: await db.daily.toArray(),
})

describe('localDay', () => {
  it('formats the local calendar day with zero padding', () => {
    expect(localDay(new Date(2024, 0, 5, 0, 0).getTime())).toBe('2024-01-05')
    expect(localDay(new Date(2024, 11, 31, 23, 59).getTime())).toBe('2024-12-31')
    expect(localDay(new Date(2024, 11, 31, 23, 59).getTime() + 60_000)).toBe('2025-01-01')
  })
})

describe('applyBatch', () => {
  it('creates findings, visits, sites and daily rows from a first batch', async () => {
    await applyBatch(db, {
      visits: [visit(1)],
      findings: [
        delta({ details: [{ event: 'PageView' }] }),
        delta({
          signal: 'thirdparty.request',
          party: 'widgets.test',
          entity: undefined,
          company: undefined,
          category: undefined,
          count: 1,
          urls: [],
        }),
      ],
    })
    expect(await getVisit(db, 1)).toEqual(visit(1))
    expect(await db.findings.get([1, 'tracker.request', 'google-analytics.com'])).toEqual({
      visitId: 1,
      signal: 'tracker.request',
      party: 'google-analytics.com',
      site: 'news.test',
      entity: 'Google Analytics',
      company: 'Google',
      category: 'analytics',
      count: 2,
      firstAt: DAY1 + 10,
      lastAt: DAY1 + 20,
      evidence: { urls: ['https://t.test/1'], details: [{ event: 'PageView' }] },
      mode: 'standard',
    })
    expect((await db.findings.get([1, 'thirdparty.request', 'widgets.test']))?.evidence).toEqual({
      urls: [],
    })
    expect(await getSite(db, 'news.test')).toEqual({
      site: 'news.test',
      firstSeen: DAY1 + 1,
      lastSeen: DAY1 + 20,
      visits: 1,
      counts: { 'tracker.request': 2, 'thirdparty.request': 1 },
      groupVisits: { 'tracker.request Google': 1, 'thirdparty.request widgets.test': 1 },
      companies: {
        Google: {
          tracker: true,
          category: 'analytics',
          parties: ['google-analytics.com'],
          requests: 2,
          firstAt: DAY1 + 10,
          lastAt: DAY1 + 20,
        },
        'widgets.test': {
          tracker: false,
          category: 'unknown',
          parties: ['widgets.test'],
          requests: 1,
          firstAt: DAY1 + 10,
          lastAt: DAY1 + 20,
        },
      },
    })
    expect(await db.daily.orderBy('[site+day+signal]').toArray()).toEqual([
      { site: 'news.test', day: '2024-05-01', signal: 'thirdparty.request', count: 1 },
      { site: 'news.test', day: '2024-05-01', signal: 'tracker.request', count: 2 },
    ])
  })

  it('adds a second batch for the same keys to the stored rows', async () => {
    await applyBatch(db, {
      visits: [visit(1)],
      findings: [delta({ urls: ['https://t.test/1', 'https://t.test/2'], details: [{ e: 'a' }] })],
    })
    await applyBatch(db, {
      visits: [],
      findings: [
        delta({
          count: 3,
          firstAt: DAY1 + 5,
          lastAt: DAY1 + 15,
          urls: ['https://t.test/2', 'https://t.test/3', 'https://t.test/4', 'https://t.test/5'],
          details: [{ e: 'a' }, { e: 'b' }],
        }),
      ],
    })
    const row = await db.findings.get([1, 'tracker.request', 'google-analytics.com'])
    expect(row?.count).toBe(5)
    expect(row?.firstAt).toBe(DAY1 + 5)
    expect(row?.lastAt).toBe(DAY1 + 20)
    expect(row?.evidence.urls).toEqual([1, 2, 3, 4, 5].map((i) => `https://t.test/${i}`))
    expect(row?.evidence.details).toEqual([{ e: 'a' }, { e: 'b' }])
    expect(await db.findings.count()).toBe(1)
    expect(await getSite(db, 'news.test')).toMatchObject({
      visits: 1,
      firstSeen: DAY1 + 1,
      lastSeen: DAY1 + 20,
      counts: { 'tracker.request': 5 },
    })
    expect(await db.daily.toArray()).toEqual([
      { site: 'news.test', day: '2024-05-01', signal: 'tracker.request', count: 5 },
    ])
  })

  it('caps evidence URLs and details across batches', async () => {
    const urls = (from: number) => Array.from({ length: 4 }, (_, i) => `https://t.test/${from + i}`)
    const details = (from: number) => Array.from({ length: 4 }, (_, i) => ({ n: from + i }))
    await applyBatch(db, { visits: [], findings: [delta({ urls: urls(0), details: details(0) })] })
    await applyBatch(db, { visits: [], findings: [delta({ urls: urls(4), details: details(4) })] })
    await applyBatch(db, { visits: [], findings: [delta({ urls: urls(8), details: details(8) })] })
    const row = await db.findings.get([1, 'tracker.request', 'google-analytics.com'])
    expect(row?.evidence.urls).toEqual(urls(0).concat('https://t.test/4'))
    expect(row?.evidence.urls).toHaveLength(EVIDENCE_URLS)
    expect(row?.evidence.details).toHaveLength(EVIDENCE_DETAILS)
    expect(row?.count).toBe(6)
  })

  it('keeps the first batch evidence when a later batch brings none', async () => {
    await applyBatch(db, { visits: [], findings: [delta({ details: [{ e: 'a' }] })] })
    await applyBatch(db, { visits: [], findings: [delta({ urls: [] })] })
    const row = await db.findings.get([1, 'tracker.request', 'google-analytics.com'])
    expect(row?.evidence).toEqual({ urls: ['https://t.test/1'], details: [{ e: 'a' }] })
  })

  it('counts site visits and per-signal totals across batches and keeps sites apart', async () => {
    await applyBatch(db, {
      visits: [visit(1), visit(2), visit(3, { site: 'shop.test', startedAt: DAY2 })],
      findings: [
        delta(),
        delta({ visitId: 2, count: 1 }),
        delta({ visitId: 2, signal: 'cookie.identifier', count: 4 }),
        delta({ visitId: 3, site: 'shop.test', firstAt: DAY2, lastAt: DAY2 + 1, count: 7 }),
      ],
    })
    await applyBatch(db, {
      visits: [visit(4, { startedAt: DAY2 + 100 })],
      findings: [delta({ visitId: 4, firstAt: DAY2 + 100, lastAt: DAY2 + 200 })],
    })
    expect(await getSite(db, 'news.test')).toEqual({
      site: 'news.test',
      firstSeen: DAY1 + 1,
      lastSeen: DAY2 + 200,
      visits: 3,
      counts: { 'tracker.request': 5, 'cookie.identifier': 4 },
      groupVisits: { 'tracker.request Google': 3 },
      // Only requests feed the per-site company summary, merged across batches.
      companies: {
        Google: {
          tracker: true,
          category: 'analytics',
          parties: ['google-analytics.com'],
          requests: 5,
          firstAt: DAY1 + 10,
          lastAt: DAY2 + 200,
        },
      },
    })
    expect(await getSite(db, 'shop.test')).toEqual({
      site: 'shop.test',
      firstSeen: DAY2,
      lastSeen: DAY2 + 1,
      visits: 1,
      counts: { 'tracker.request': 7 },
      groupVisits: { 'tracker.request Google': 1 },
      companies: {
        Google: {
          tracker: true,
          category: 'analytics',
          parties: ['google-analytics.com'],
          requests: 7,
          firstAt: DAY2,
          lastAt: DAY2 + 1,
        },
      },
    })
    expect(await getSite(db, 'other.test')).toBeUndefined()
  })

  it('keeps daily rows per site, local day and signal', async () => {
    await applyBatch(db, {
      visits: [],
      findings: [
        delta({ visitId: 1, count: 1, firstAt: DAY1, lastAt: DAY1 }),
        delta({ visitId: 2, count: 2, firstAt: DAY1, lastAt: DAY1 + 1 }),
        delta({ visitId: 3, count: 4, firstAt: DAY2, lastAt: DAY2 }),
        delta({ visitId: 3, signal: 'thirdparty.request', count: 8, firstAt: DAY2, lastAt: DAY2 }),
        delta({ visitId: 4, site: 'shop.test', count: 16, firstAt: DAY2, lastAt: DAY2 }),
      ],
    })
    await applyBatch(db, {
      visits: [],
      findings: [delta({ visitId: 5, count: 32, firstAt: DAY2, lastAt: DAY2 + 5 })],
    })
    const rows = await db.daily.orderBy('[site+day+signal]').toArray()
    expect(rows.map((r) => `${r.site} ${r.day} ${r.signal} ${r.count}`)).toEqual([
      'news.test 2024-05-01 tracker.request 3',
      'news.test 2024-05-02 thirdparty.request 8',
      'news.test 2024-05-02 tracker.request 36',
      'shop.test 2024-05-02 tracker.request 16',
    ])
    expect(await db.daily.where('day').equals('2024-05-01').count()).toBe(1)
  })

  it('stores the row of a finding’s earlier visit when it has none, as a visit', async () => {
    await applyBatch(db, { visits: [visit(1)], findings: [delta({ visitId: 1 })] })
    // Visit 1 is stored, visit 2 is not (it started while recording was paused).
    await applyBatch(db, {
      visits: [],
      findings: [delta({ visitId: 1, count: 2 }), delta({ visitId: 2, party: 'late.test' })],
      seen: [visit(1, { url: 'https://news.test/changed' }), visit(2, { startedAt: DAY2 })],
    })
    expect(await db.visits.get(1)).toEqual(visit(1))
    expect(await db.visits.get(2)).toEqual(visit(2, { startedAt: DAY2 }))
    expect((await db.sites.get('news.test'))?.visits).toBe(2)
    expect((await siteFindings(db, 'news.test')).map((f) => f.visitId)).toEqual([1, 2])
    // A row of a visit the batch has no findings of is not stored.
    await applyBatch(db, { visits: [], findings: [delta({ visitId: 1 })], seen: [visit(3)] })
    expect(await db.visits.get(3)).toBeUndefined()
    expect((await db.sites.get('news.test'))?.visits).toBe(2)
  })

  it('an empty batch changes nothing', async () => {
    await applyBatch(db, { visits: [], findings: [] })
    expect(await everything()).toEqual({ sites: [], visits: [], findings: [], daily: [] })
  })

  it('a batch that fails midway leaves the database unchanged', async () => {
    await applyBatch(db, { visits: [visit(1)], findings: [delta()] })
    const before = await everything()
    await expect(
      applyBatch(db, {
        visits: [visit(2)],
        findings: [delta({ count: 5 }), delta({ visitId: Number.NaN })],
      }),
    ).rejects.toThrow()
    expect(await everything()).toEqual(before)
    // And the database still works afterwards
    await applyBatch(db, { visits: [], findings: [delta({ count: 1 })] })
    expect((await getSite(db, 'news.test'))?.counts['tracker.request']).toBe(3)
  })
})

describe('read repositories', () => {
  beforeEach(async () => {
    await applyBatch(db, {
      visits: [
        visit(1, { startedAt: DAY1 }),
        visit(2, { startedAt: DAY1 + 300 }),
        visit(3, { startedAt: DAY1 + 200 }),
        visit(4, { site: 'shop.test', startedAt: DAY2 }),
        visit(5, { site: 'news.test.example', startedAt: DAY2 }),
      ],
      findings: [
        delta({ visitId: 1 }),
        delta({ visitId: 1, signal: 'thirdparty.request', party: 'widgets.test' }),
        delta({ visitId: 1, signal: 'cookie.identifier', party: 'news.test' }),
        delta({ visitId: 2, party: 'doubleclick.net' }),
        delta({ visitId: 4, site: 'shop.test', lastAt: DAY2 + 1 }),
        delta({ visitId: 11, party: 'late.test' }),
      ],
    })
  })

  it('visitFindings returns only that visit’s rows', async () => {
    const rows = await visitFindings(db, 1)
    expect(rows.map((r) => `${r.visitId} ${r.signal} ${r.party}`).sort()).toEqual([
      '1 cookie.identifier news.test',
      '1 thirdparty.request widgets.test',
      '1 tracker.request google-analytics.com',
    ])
    expect((await visitFindings(db, 2)).map((r) => r.party)).toEqual(['doubleclick.net'])
    expect(await visitFindings(db, 10)).toEqual([])
  })

  it('siteVisits lists a site’s visits newest first, up to the limit', async () => {
    expect((await siteVisits(db, 'news.test')).map((v) => v.id)).toEqual([2, 3, 1])
    expect((await siteVisits(db, 'news.test', 2)).map((v) => v.id)).toEqual([2, 3])
    expect((await siteVisits(db, 'shop.test')).map((v) => v.id)).toEqual([4])
    expect(await siteVisits(db, 'news')).toEqual([])
  })

  it('siteFindings and siteRequestFindings return one site’s rows across visits', async () => {
    const requests = await siteRequestFindings(db, 'news.test')
    expect(requests.map((r) => `${r.visitId} ${r.signal} ${r.party}`)).toEqual([
      '1 tracker.request google-analytics.com',
      '2 tracker.request doubleclick.net',
      // Visit 11 has no row: a site's findings are found through its visits (the recorder
      // stores a visit's row with its findings, see the batch's `seen`).
      '1 thirdparty.request widgets.test',
    ])
    expect((await siteRequestFindings(db, 'shop.test')).map((r) => r.visitId)).toEqual([4])
    expect(await siteRequestFindings(db, 'other.test')).toEqual([])
    expect((await siteFindings(db, 'news.test', 'cookie.identifier')).map((r) => r.party)).toEqual([
      'news.test',
    ])
    expect(await siteFindings(db, 'shop.test', 'cookie.identifier')).toEqual([])
  })

  it('recentSites orders sites by last seen, newest first, up to the limit', async () => {
    await applyBatch(db, {
      visits: [visit(6, { site: 'old.test', startedAt: DAY1 - 1_000 })],
      findings: [],
    })
    expect((await recentSites(db)).map((s) => s.site)).toEqual([
      'shop.test',
      'news.test.example',
      'news.test',
      'old.test',
    ])
    expect((await recentSites(db, 1)).map((s) => s.site)).toEqual(['shop.test'])
  })
})

describe('settings', () => {
  it('reads defaults until a value is written', async () => {
    expect(await readSetting(db, 'evidenceMode')).toBe(SETTINGS.evidenceMode.default)
    expect(await readSetting(db, 'evidenceMode')).toBe(false)
    expect(await readSetting(db, 'retentionDays')).toBe(90)
    await writeSetting(db, 'evidenceMode', true)
    await writeSetting(db, 'retentionDays', 0)
    expect(await readSetting(db, 'evidenceMode')).toBe(true)
    expect(await readSetting(db, 'retentionDays')).toBe(0)
    await writeSetting(db, 'retentionDays', 30)
    expect(await readSetting(db, 'retentionDays')).toBe(30)
  })

  it.each([
    ['evidenceMode', 'true'],
    ['evidenceMode', 1],
    ['evidenceMode', null],
    ['retentionDays', '30'],
    ['retentionDays', true],
    ['retentionDays', { days: 30 }],
  ] as const)('falls back to the default when %s holds %j', async (key, value) => {
    await db.settings.put({ key, value })
    expect(await readSetting(db, key)).toBe(SETTINGS[key].default)
  })
})
