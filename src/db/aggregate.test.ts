import Dexie from 'dexie'
import { IDBFactory, IDBKeyRange } from 'fake-indexeddb'
import { readSiteParties, readVisitPage } from './first-screen-read'
import { readFindingsOfVisits } from './plain-read'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import {
  dayNumber,
  dayOfNumber,
  foldSiteParty,
  groupVisitsOf,
  sitePartiesOf,
  memoryCompanyIds,
  tellingCategory,
  siteStatsOf,
  statField,
  statsDays,
  STAT_FIELDS,
  withVisits,
} from './aggregate'
import { companyParties, sitesWithParty, statsSince } from './dashboard-read'
import { applyRetention, deleteSite } from './manage'
import { lastFindingAt, partyFindings, siteFindings } from './read'
import { DB_NAME, openDb, type FindingRow, type SiteRow, type TracelightDb } from './schema'
import { visitAt } from './test-rows'
import { applyBatch, type FindingDelta } from './write'

const DAY1 = new Date(2024, 4, 1, 10, 0).getTime()
const DAY2 = new Date(2024, 4, 2, 10, 0).getTime()

const row = (over: Partial<FindingRow> = {}): FindingRow => ({
  visitId: 1,
  signal: 'tracker.request',
  party: 'google-analytics.com',
  site: 'news.test',
  company: 'Google',
  category: 'analytics',
  count: 2,
  firstAt: DAY1,
  lastAt: DAY1 + 10,
  evidence: { urls: ['https://google-analytics.com/a'] },
  mode: 'standard',
  ...over,
})

describe('day numbers', () => {
  it('round-trip calendar days, across month and year ends', () => {
    for (const day of ['1970-01-01', '2024-02-29', '2024-03-01', '2024-12-31', '2025-01-01'])
      expect(dayOfNumber(dayNumber(day))).toBe(day)
    expect(dayNumber('2024-03-01') - dayNumber('2024-02-28')).toBe(2)
    expect(dayNumber('1970-01-02')).toBe(1)
  })
})

describe('statField', () => {
  it('puts request signals and families in their column, others nowhere', () => {
    expect(STAT_FIELDS[statField('tracker.request')]).toBe('trackerRequests')
    expect(STAT_FIELDS[statField('thirdparty.request')]).toBe('otherRequests')
    expect(STAT_FIELDS[statField('fingerprint.canvas')]).toBe('fingerprinting')
    expect(STAT_FIELDS[statField('cookie.identifier')]).toBe('identifiers')
    expect(STAT_FIELDS[statField('pixel.facebook')]).toBe('adPixels')
    expect(STAT_FIELDS[statField('consent.before')]).toBe('beforeConsent')
    expect(statField('gpc.support')).toBe(-1)
    expect(statField('thirdparty.learned')).toBe(-1)
  })
})

describe('sitePartiesOf and foldSiteParty', () => {
  it('folds one row per site, signal and party, keeping the latest visit’s evidence', () => {
    const rows = sitePartiesOf([
      row({ visitId: 2, lastAt: DAY2, count: 1, evidence: { urls: ['https://new/'] } }),
      row({ visitId: 1, firstAt: DAY1 - 5, count: 3 }),
      row({ visitId: 1, party: 'doubleclick.net', count: 4 }),
      row({ visitId: 1, site: 'shop.test', count: 7 }),
    ])
    expect(rows).toHaveLength(3)
    const ga = rows.find((r) => r.site === 'news.test' && r.party === 'google-analytics.com')
    expect(ga).toMatchObject({
      count: 4,
      visits: 2,
      firstAt: DAY1 - 5,
      lastAt: DAY2,
      visitId: 2,
      evidence: { urls: ['https://new/'] },
    })
    expect(rows.find((r) => r.site === 'shop.test')).toMatchObject({ count: 7, visits: 1 })
  })

  it('adds an update of a stored finding without counting another visit', () => {
    const first = foldSiteParty(undefined, row(), row(), true)
    const updated = row({ count: 5, lastAt: DAY1 + 50, evidence: { urls: ['a', 'b'] } })
    const next = foldSiteParty(
      first,
      updated,
      { count: 3, firstAt: DAY1 + 40, lastAt: DAY1 + 50 },
      false,
    )
    expect(next).toMatchObject({
      count: 5,
      visits: 1,
      lastAt: DAY1 + 50,
      evidence: { urls: ['a', 'b'] },
    })
  })
})

describe('groupVisitsOf', () => {
  it('counts each visit once per company, across its domains, trackers and others apart', () => {
    expect(
      groupVisitsOf([
        row({ visitId: 1 }),
        row({ visitId: 1, party: 'doubleclick.net' }),
        row({ visitId: 2, party: 'doubleclick.net' }),
        row({ visitId: 2, signal: 'thirdparty.request', party: 'fonts.googleapis.com' }),
        row({ visitId: 3, signal: 'thirdparty.request', party: 'cdn.test', company: undefined }),
        row({ visitId: 3, signal: 'pixel.facebook', party: 'facebook.com', company: 'Facebook' }),
      ]),
    ).toEqual({
      'tracker.request Google': 2,
      'thirdparty.request Google': 1,
      'thirdparty.request cdn.test': 1,
    })
  })
})

describe('siteStatsOf', () => {
  const site: SiteRow = {
    site: 'news.test',
    firstSeen: DAY1,
    lastSeen: DAY2,
    visits: 2,
    counts: {},
    companies: {
      Google: {
        tracker: true,
        category: 'analytics',
        parties: ['ga.test', 'dc.test'],
        requests: 5,
        firstAt: DAY1,
        lastAt: DAY2,
      },
      'fonts.test': {
        tracker: false,
        category: 'unknown',
        parties: ['fonts.test'],
        requests: 1,
        firstAt: DAY1,
        lastAt: DAY1,
      },
    },
  }
  it('keeps the most telling category of a company, and says which known rows changed', () => {
    expect(tellingCategory('cdn', 'ad')).toBe('ad')
    expect(tellingCategory('analytics', 'cdn')).toBe('analytics')
    expect(tellingCategory('ad', 'analytics')).toBe('ad')
    expect(tellingCategory('something-new', 'unknown')).toBe('something-new')
    expect(tellingCategory('unknown', 'hosting')).toBe('hosting')
    const ids = memoryCompanyIds([{ name: 'Google', id: 1, category: 'cdn' }])
    expect(ids.id('Google', 'utility')).toBe(1)
    expect(ids.updated()).toEqual([{ name: 'Google', id: 1, category: 'utility' }])
    expect(ids.id('Google', 'analytics')).toBe(1)
    expect(ids.id('Google', 'cdn')).toBe(1)
    expect(ids.updated()).toEqual([{ name: 'Google', id: 1, category: 'analytics' }])
    expect(ids.id('Hotjar', 'hosting')).toBe(2)
    expect(ids.id('Hotjar', 'analytics')).toBe(2)
    // A new row is added with its latest category, and is not "updated".
    expect(ids.added()).toEqual([{ name: 'Hotjar', id: 2, category: 'analytics' }])
    expect(ids.updated().map((r) => r.name)).toEqual(['Google'])
  })

  it('keeps seven numbers per day, days in order, and the tracking companies only', () => {
    const ids = memoryCompanyIds([{ name: 'Facebook', id: 4, category: 'social' }])
    const stats = siteStatsOf(
      site,
      [
        { site: 'news.test', day: '2024-05-02', signal: 'tracker.request', count: 3 },
        { site: 'news.test', day: '2024-05-01', signal: 'tracker.request', count: 2 },
        { site: 'news.test', day: '2024-05-01', signal: 'pixel.facebook', count: 1 },
        { site: 'news.test', day: '2024-05-02', signal: 'gpc.support', count: 1 },
      ],
      ids,
      // Visits count on the day they started: one on each day, and one with nothing found.
      [DAY1, DAY2 + 1, new Date(2024, 4, 4, 9).getTime()],
    )
    expect(Array.from(stats.days)).toEqual([
      dayNumber('2024-05-01'),
      dayNumber('2024-05-02'),
      dayNumber('2024-05-04'),
    ])
    expect(Array.from(stats.perDay)).toEqual([
      2, 0, 0, 0, 1, 0, 1, 3, 0, 0, 0, 0, 0, 1, 0, 0, 0, 0, 0, 0, 1,
    ])
    // Google gets the next id after the known ones; other parties get none.
    expect(Array.from(stats.trackerIds)).toEqual([5])
    expect(ids.added()).toEqual([{ name: 'Google', id: 5, category: 'analytics' }])
    expect(Array.from(stats.trackerRequests)).toEqual([5])
    expect(Array.from(stats.trackerLastDay)).toEqual([dayNumber('2024-05-02')])
    expect(statsDays(stats, dayNumber('2024-05-02')).map((d) => Array.from(d.values))).toEqual([
      [3, 0, 0, 0, 0, 0, 1],
      [0, 0, 0, 0, 0, 0, 1],
    ])
  })
  it('adds the visits of each day to a row of six numbers a day (schema v5), once', () => {
    const old = {
      site: 'news.test',
      lastSeen: DAY2,
      visits: 2,
      days: Uint32Array.from([dayNumber('2024-05-01'), dayNumber('2024-05-02')]),
      perDay: Uint32Array.from([2, 0, 0, 0, 1, 0, 3, 0, 0, 0, 0, 0]),
      trackerIds: Uint32Array.from([5]),
      trackerLastDay: Uint32Array.from([dayNumber('2024-05-02')]),
      trackerRequests: Uint32Array.from([5]),
    }
    const row = withVisits(old, [DAY2, DAY1, DAY2 + 5, new Date(2024, 3, 30, 9).getTime()])
    expect(Array.from(row.days)).toEqual([
      dayNumber('2024-04-30'),
      dayNumber('2024-05-01'),
      dayNumber('2024-05-02'),
    ])
    expect(Array.from(row.perDay)).toEqual([
      0, 0, 0, 0, 0, 0, 1, 2, 0, 0, 0, 1, 0, 1, 3, 0, 0, 0, 0, 0, 2,
    ])
    expect(row.trackerIds).toBe(old.trackerIds)
    // A row that has them already (made by the v4 upgrade of an older database) stays.
    expect(withVisits(row, [DAY1])).toBe(row)
  })

  it('is empty for a site with no companies and no days', () => {
    const ids = memoryCompanyIds()
    const stats = siteStatsOf({ ...site, companies: undefined }, [], ids, [])
    expect(stats.days.length).toBe(0)
    expect(stats.trackerIds.length).toBe(0)
    expect(ids.rows()).toEqual([])
  })
})

// The database: the write path keeps the aggregates, the upgrade computes the same ones.

let db: TracelightDb
let idb: IDBFactory
beforeEach(async () => {
  idb = new IDBFactory()
  db = openDb(idb, IDBKeyRange)
  await db.open()
})
afterEach(() => db.close())

const visit = visitAt
const delta = (over: Partial<FindingDelta> & Pick<FindingDelta, 'visitId'>): FindingDelta => ({
  signal: 'tracker.request',
  party: 'google-analytics.com',
  site: 'news.test',
  company: 'Google',
  category: 'analytics',
  count: 1,
  firstAt: DAY1,
  lastAt: DAY1,
  urls: [],
  mode: 'standard',
  ...over,
})

/** Two sites, three visits, a company on two domains, written in several batches. */
async function record(target: TracelightDb) {
  await applyBatch(target, {
    visits: [visit(1, 'news.test', DAY1), visit(3, 'shop.test', DAY1 + 5)],
    findings: [
      delta({ visitId: 1, lastAt: DAY1 + 1 }),
      delta({ visitId: 3, site: 'shop.test', count: 4 }),
    ],
  })
  await applyBatch(target, {
    visits: [],
    findings: [
      // Same visit, another Google domain: the visit is not counted twice for Google.
      delta({ visitId: 1, party: 'doubleclick.net', lastAt: DAY1 + 2 }),
      delta({ visitId: 1, lastAt: DAY1 + 3, urls: ['https://google-analytics.com/late'] }),
      delta({
        visitId: 1,
        signal: 'pixel.facebook',
        party: 'facebook.com',
        company: 'Facebook',
        details: [{ event: 'PageView' }],
      }),
      delta({
        visitId: 1,
        signal: 'thirdparty.request',
        party: 'cdn.test',
        company: undefined,
        category: undefined,
      }),
    ],
  })
  await applyBatch(target, {
    visits: [visit(2, 'news.test', DAY2)],
    findings: [
      delta({ visitId: 2, party: 'doubleclick.net', firstAt: DAY2, lastAt: DAY2 + 1, count: 2 }),
      delta({
        visitId: 2,
        signal: 'gpc.support',
        party: 'news.test',
        company: undefined,
        firstAt: DAY2,
        lastAt: DAY2,
      }),
    ],
  })
}

/** The site page's reads (first-screen-read.ts), over this test's database. */
const siteParties = (target: TracelightDb, site: string) =>
  readSiteParties(target.backendDB(), site, IDBKeyRange)
const visitPage = (target: TracelightDb, site: string, before: number, limit: number) =>
  readVisitPage(target.backendDB(), site, before, limit, IDBKeyRange)
const findingsOfVisits = (target: TracelightDb, ids: number[]) =>
  readFindingsOfVisits(target.backendDB(), ids, IDBKeyRange)

describe('aggregates on write', () => {
  it('keeps site × party rows, group visits and stats current', async () => {
    await record(db)
    const news = await siteParties(db, 'news.test')
    expect(news.map((r) => [r.signal, r.party, r.count, r.visits])).toEqual([
      ['gpc.support', 'news.test', 1, 1],
      ['pixel.facebook', 'facebook.com', 1, 1],
      ['thirdparty.request', 'cdn.test', 1, 1],
      ['tracker.request', 'doubleclick.net', 3, 2],
      ['tracker.request', 'google-analytics.com', 2, 1],
    ])
    const ga = news.find((r) => r.party === 'google-analytics.com')
    expect(ga?.evidence.urls).toEqual(['https://google-analytics.com/late'])
    expect((await db.sites.get('news.test'))?.groupVisits).toEqual({
      'tracker.request Google': 2,
      'thirdparty.request cdn.test': 1,
    })
    const [stats] = await statsSince(db, DAY2 - 1)
    expect(stats?.site).toBe('news.test')
    expect(Array.from(stats?.perDay ?? [])).toEqual([3, 1, 0, 0, 1, 0, 1, 2, 0, 0, 0, 0, 0, 1])
    const google = await db.companyNames.get('Google')
    expect(Array.from(stats?.trackerIds ?? [])).toEqual([google?.id])
    expect(await sitesWithParty(db, 'DOUBLECLICK')).toEqual(['news.test'])
    expect((await sitesWithParty(db, 'google-analytics')).sort()).toEqual([
      'news.test',
      'shop.test',
    ])
    expect(await sitesWithParty(db, 'nothing.like.it')).toEqual([])
    expect(await sitesWithParty(db, ' ')).toEqual([])
    expect(await lastFindingAt(db, 'news.test', 'gpc.support')).toBe(DAY2)
    expect(await lastFindingAt(db, 'shop.test', 'gpc.support')).toBeUndefined()
    expect((await partyFindings(db, 'google-analytics.com')).map((r) => r.site)).toEqual([
      'news.test',
      'shop.test',
    ])
  })

  it('reads a company’s rows by name, and an unlisted domain’s by domain', async () => {
    await record(db)
    expect((await companyParties(db, 'Google', 100)).map((r) => `${r.site} ${r.party}`)).toEqual([
      'news.test doubleclick.net',
      'news.test google-analytics.com',
      'shop.test google-analytics.com',
    ])
    expect((await companyParties(db, 'cdn.test', 100)).map((r) => r.party)).toEqual(['cdn.test'])
    expect(await companyParties(db, 'google-analytics.com', 100)).toEqual([])
    expect(await companyParties(db, 'Google', 1)).toHaveLength(1)
  })

  it('pages a site’s visits newest first without skipping visits that share a start time', async () => {
    await applyBatch(db, {
      visits: [1, 2, 3, 4, 5].map((id) => visit(id, 'news.test', id < 4 ? DAY1 : DAY1 + id)),
      findings: [delta({ visitId: 5 }), delta({ visitId: 2 })],
    })
    const first = await visitPage(db, 'news.test', Infinity, 3)
    expect(first.map((v) => v.id)).toEqual([5, 4, 3])
    // The store asks again from the oldest start shown, and drops what it already has.
    const again = await visitPage(db, 'news.test', DAY1, 3 + 1)
    expect(again.map((v) => v.id).filter((id) => id !== 3)).toEqual([2, 1])
    expect((await findingsOfVisits(db, [5, 2, 4])).map((f) => f.visitId)).toEqual([5, 2])
  })

  it('deleting a site removes its aggregates and keeps the others', async () => {
    await record(db)
    await deleteSite(db, 'news.test')
    expect(await siteParties(db, 'news.test')).toEqual([])
    expect(await db.siteStats.get('news.test')).toBeUndefined()
    expect(await siteParties(db, 'shop.test')).toHaveLength(1)
    expect(await db.siteStats.get('shop.test')).toBeDefined()
  })

  it('retention rebuilds the aggregates from the rows that remain', async () => {
    await record(db)
    await applyRetention(db, 1, DAY2 + 20 * 3_600_000)
    const news = await siteParties(db, 'news.test')
    expect(news.map((r) => [r.party, r.count, r.visits])).toEqual([
      ['news.test', 1, 1],
      ['doubleclick.net', 2, 1],
    ])
    expect((await db.sites.get('news.test'))?.groupVisits).toEqual({ 'tracker.request Google': 1 })
    const stats = await db.siteStats.get('news.test')
    expect(Array.from(stats?.days ?? [])).toEqual([dayNumber('2024-05-02')])
    expect(await db.siteStats.get('shop.test')).toBeUndefined()
    expect(await siteParties(db, 'shop.test')).toEqual([])
  })
})

/** Version 2 as it shipped, with version 1 before it. */
const SHIPPED_V1 = {
  sites: 'site, lastSeen',
  visits: 'id, [site+startedAt], startedAt',
  findings: '[visitId+signal+party], [site+signal], [site+lastAt], party, signal',
  daily: '[site+day+signal], day',
  settings: 'key',
}
const SHIPPED_V2 = { requests: '++id, [site+status], dueAt, site', contacts: 'site' }

describe('schema upgrade v2 → v4', () => {
  it('keeps every row and computes the aggregates the write path keeps', async () => {
    // The same history, recorded by the v4 write path…
    await record(db)
    const base = {
      sites: (await db.sites.toArray()).map(({ groupVisits: _g, ...rest }) => rest),
      visits: await db.visits.toArray(),
      findings: await db.findings.toArray(),
      daily: await db.daily.toArray(),
    }
    // …and as a v2 database holds it (no aggregates), with a request and a setting.
    const indexedDB = new IDBFactory()
    const old = new Dexie(DB_NAME, { indexedDB, IDBKeyRange })
    old.version(1).stores(SHIPPED_V1)
    old.version(2).stores(SHIPPED_V2)
    await old.open()
    for (const [table, rows] of Object.entries(base)) await old.table(table).bulkPut(rows)
    await old.table('settings').put({ key: 'retentionDays', value: 30 })
    await old.table('requests').add({ site: 'news.test', status: 'sent', dueAt: 5 })
    old.close()

    const upgraded = openDb(indexedDB, IDBKeyRange)
    await upgraded.open()
    expect(upgraded.verno).toBe(6)
    expect(await upgraded.visits.toArray()).toEqual(base.visits)
    expect(await upgraded.findings.toArray()).toEqual(base.findings)
    expect(await upgraded.daily.toArray()).toEqual(base.daily)
    expect(await upgraded.settings.get('retentionDays')).toEqual({
      key: 'retentionDays',
      value: 30,
    })
    expect(await upgraded.requests.count()).toBe(1)
    // Site summaries gain their group visits; the aggregates match those kept on write.
    expect(await upgraded.sites.toArray()).toEqual(await db.sites.toArray())
    expect(await upgraded.siteParties.toArray()).toEqual(await db.siteParties.toArray())
    expect(await upgraded.siteStats.toArray()).toEqual(await db.siteStats.toArray())
    expect(await upgraded.companyNames.toArray()).toEqual(await db.companyNames.toArray())
    // Findings keep no index (v4 dropped those no query used, v6 the one by site, which the
    // v4 upgrade still read): a site's are found through its visits.
    const indexes = upgraded.findings.schema.indexes.map((i) => i.name)
    expect(indexes).toEqual([])
    expect(await siteFindings(upgraded, 'news.test', 'tracker.request')).toHaveLength(3)
    upgraded.close()
  })

  it('upgrades an empty v2 database', async () => {
    const indexedDB = new IDBFactory()
    const old = new Dexie(DB_NAME, { indexedDB, IDBKeyRange })
    old.version(1).stores(SHIPPED_V1)
    old.version(2).stores(SHIPPED_V2)
    await old.open()
    old.close()
    const upgraded = openDb(indexedDB, IDBKeyRange)
    await upgraded.open()
    expect(await upgraded.siteParties.count()).toBe(0)
    expect(await upgraded.siteStats.count()).toBe(0)
    upgraded.close()
  })
})
