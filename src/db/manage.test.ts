import { IDBFactory, IDBKeyRange } from 'fake-indexeddb'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { applyRetention, deleteEverything, deleteSite } from './manage'
import { openDb, type TracelightDb } from './schema'
import { writeSetting } from './settings'
import { trackerAt, visitAt } from './test-rows'
import { applyBatch, type FindingDelta } from './write'

let db: TracelightDb
beforeEach(async () => {
  db = openDb(new IDBFactory(), IDBKeyRange)
  await db.open()
})
afterEach(() => db.close())

const DAY = 86_400_000
const NOW = new Date(2024, 4, 10, 12).getTime()

const visit = visitAt
const finding = (visitId: number, site: string, at: number, party: string): FindingDelta =>
  trackerAt(visitId, site, at, party, {
    company: party === 'ga.test' ? 'Google' : 'Old Ads',
    category: 'analytics',
  })

async function seed() {
  await applyBatch(db, {
    visits: [
      visit(1, 'news.test', NOW - 200 * DAY),
      visit(2, 'news.test', NOW - DAY),
      visit(3, 'shop.test', NOW - DAY),
      visit(4, 'old.test', NOW - 120 * DAY),
    ],
    findings: [
      finding(1, 'news.test', NOW - 200 * DAY, 'oldads.test'),
      finding(2, 'news.test', NOW - DAY, 'ga.test'),
      finding(3, 'shop.test', NOW - DAY, 'ga.test'),
      finding(4, 'old.test', NOW - 120 * DAY, 'ga.test'),
    ],
  })
  const consent = (visitId: number, site: string, at: number) => ({
    visitId,
    site,
    at,
    source: 'page' as const,
    framework: 'tcf' as const,
    event: 'shown',
    state: {},
  })
  await db.consent.bulkAdd([
    consent(1, 'news.test', NOW - 200 * DAY),
    consent(2, 'news.test', NOW - DAY),
    consent(3, 'shop.test', NOW - DAY),
    consent(4, 'old.test', NOW - 120 * DAY),
  ])
  await writeSetting(db, 'retentionDays', 30)
}

const sitesOf = async () => ({
  sites: (await db.sites.toArray()).map((r) => r.site).sort(),
  visits: (await db.visits.toArray()).map((r) => r.site).sort(),
  findings: (await db.findings.toArray()).map((r) => r.site).sort(),
  daily: [...new Set((await db.daily.toArray()).map((r) => r.site))].sort(),
  consent: (await db.consent.toArray()).map((r) => r.site).sort(),
})

describe('deleteSite', () => {
  it('removes one site from every table and nothing else', async () => {
    await seed()
    await deleteSite(db, 'news.test')
    expect(await sitesOf()).toEqual({
      sites: ['old.test', 'shop.test'],
      visits: ['old.test', 'shop.test'],
      findings: ['old.test', 'shop.test'],
      daily: ['old.test', 'shop.test'],
      consent: ['old.test', 'shop.test'],
    })
    expect(await db.settings.get('retentionDays')).toEqual({ key: 'retentionDays', value: 30 })
  })
})

describe('deleteEverything', () => {
  it('empties the history and keeps the settings', async () => {
    await seed()
    await deleteEverything(db)
    expect(await sitesOf()).toEqual({
      sites: [],
      visits: [],
      findings: [],
      daily: [],
      consent: [],
    })
    expect(await db.settings.count()).toBe(1)
  })
})

describe('applyRetention', () => {
  it('removes visits older than the limit, their findings and days, and rebuilds sites', async () => {
    await seed()
    expect(await applyRetention(db, 90, NOW)).toBe(2)
    expect(await sitesOf()).toEqual({
      sites: ['news.test', 'shop.test'],
      visits: ['news.test', 'shop.test'],
      findings: ['news.test', 'shop.test'],
      daily: ['news.test', 'shop.test'],
      consent: ['news.test', 'shop.test'],
    })
    const news = await db.sites.get('news.test')
    expect(news).toMatchObject({
      visits: 1,
      firstSeen: NOW - DAY,
      counts: { 'tracker.request': 2 },
    })
    expect(Object.keys(news?.companies ?? {})).toEqual(['Google'])
    // Unchanged sites keep their rows as they were.
    expect((await db.sites.get('shop.test'))?.visits).toBe(1)
  })

  it('keeps everything when retention is "forever" (0)', async () => {
    await seed()
    expect(await applyRetention(db, 0, NOW)).toBe(0)
    expect((await db.visits.count()) + (await db.findings.count())).toBe(8)
  })
})
