import Dexie from 'dexie'
import { IDBFactory, IDBKeyRange } from 'fake-indexeddb'
import { readCompaniesOfSites, readOverviewRows } from './first-screen-read'
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { buildOverview, overviewFromRows, withCompanyNames } from '@/ui/state/overview'
import { dayNumber } from './aggregate'
import { periodStart, PERIODS } from '@/ui/state/route'
import { companyNames, statsSince, visitCountSince } from './dashboard-read'
import { applyRetention, deleteEverything, deleteSite } from './manage'
import {
  dayAt,
  emptyCounts,
  FOREVER,
  overviewRowsFromStats,
  overviewRowsOf,
} from './overview-aggregate'
import { COUNTS_KEY, RANKS_KEY, RANKS_VERSION, refreshRanks } from './overview-rows'
import { DB_NAME, openDb, type SiteStatsRow, type TracelightDb } from './schema'
import { stageDeletion, undoDeletion } from './staged-delete'
import { companyTrackerAt, visitAt } from './test-rows'
import { applyBatch } from './write'

const DAY = 86_400_000
const NOW = new Date(2024, 4, 10, 12).getTime()

let db: TracelightDb
beforeEach(async () => {
  // The writers note today from the clock: the dates are the test's.
  vi.useFakeTimers({ toFake: ['Date'] })
  vi.setSystemTime(NOW)
  db = openDb(new IDBFactory(), IDBKeyRange)
  await db.open()
})
afterEach(() => {
  db.close()
  vi.useRealTimers()
})

const visit = visitAt
const COMPANY: Record<string, string> = {
  'ga.test': 'Google',
  'dc.test': 'Google',
  'fb.test': 'Facebook',
  'ms.test': 'Microsoft',
}
const finding = companyTrackerAt(COMPANY, () => 'ad')

/** Four sites over two months: trackers, other parties, fingerprinting, a pixel. */
async function record(target: TracelightDb) {
  await applyBatch(target, {
    visits: [visit(1, 'news.test', NOW - 40 * DAY), visit(2, 'shop.test', NOW - 20 * DAY)],
    findings: [
      finding(1, 'news.test', NOW - 40 * DAY, 'ga.test'),
      finding(1, 'news.test', NOW - 40 * DAY, 'ms.test'),
      finding(2, 'shop.test', NOW - 20 * DAY, 'fb.test', { signal: 'pixel.facebook' }),
      finding(2, 'shop.test', NOW - 20 * DAY, 'fb.test'),
    ],
  })
  await applyBatch(target, {
    visits: [visit(3, 'news.test', NOW - 3 * DAY), visit(4, 'blog.test', NOW - DAY)],
    findings: [
      finding(3, 'news.test', NOW - 3 * DAY, 'dc.test'),
      finding(3, 'news.test', NOW - 3 * DAY, 'fonts.test', { signal: 'thirdparty.request' }),
      finding(3, 'news.test', NOW - 3 * DAY, 'news.test', { signal: 'fingerprint.canvas' }),
      finding(4, 'blog.test', NOW - DAY, 'ga.test'),
    ],
  })
  await applyBatch(target, {
    visits: [visit(5, 'mail.test', NOW - 2 * 3_600_000)],
    findings: [
      finding(5, 'mail.test', NOW - 3_600_000, 'ms.test'),
      finding(3, 'news.test', NOW - 3 * DAY + 5, 'ga.test'),
    ],
  })
}

/** The overview's reads (first-screen-read.ts), over this test's database. */
const overviewRows = (
  target: TracelightDb,
  days: number,
  now: number,
  shown: { sites: number; companies: number },
) => readOverviewRows(target.backendDB(), days, now, shown, IDBKeyRange)
const companiesOfSites = (target: TracelightDb, sites: string[], first: number) =>
  readCompaniesOfSites(target.backendDB(), sites, first)

const bySiteAndPeriod = <T extends { p: number; site: string }>(rows: T[]) =>
  [...rows].sort((a, b) => a.p - b.p || (a.site < b.site ? -1 : 1))

/** The derived rows stored are those computed from the stored stats rows as of `now`. */
async function expectDerived(target: TracelightDb, now = NOW) {
  const stats = await target.siteStats.toArray()
  const want = overviewRowsOf(stats, await target.companyNames.toArray(), dayAt(now))
  expect(bySiteAndPeriod(await target.siteRanks.toArray())).toEqual(bySiteAndPeriod(want.siteRanks))
  expect(await target.dayTotals.toArray()).toEqual(want.dayTotals.sort((a, b) => a.day - b.day))
  expect(await target.companyReach.toArray()).toEqual(want.companyReach.sort((a, b) => a.id - b.id))
  const byPeriodAndName = <T extends { p: number; name: string }>(rows: T[]) =>
    [...rows].sort((a, b) => a.p - b.p || (a.name < b.name ? -1 : 1))
  expect(byPeriodAndName(await target.companyRanks.toArray())).toEqual(
    byPeriodAndName(want.companyRanks),
  )
  expect((await target.meta.get(COUNTS_KEY))?.value ?? emptyCounts()).toEqual(want.counts)
}

describe('the overview’s derived rows', () => {
  it('are kept on every write', async () => {
    await record(db)
    await expectDerived(db)
    expect(await db.siteRanks.where('[p+site]').equals([7, 'news.test']).first()).toMatchObject({
      companies: 1,
      fingerprinting: 2,
      until: dayAt(NOW - 3 * DAY) + 6,
    })
    // Google: news.test last seen 3 days ago (both domains), blog.test yesterday.
    const google = await db.companyReach.get((await db.companyNames.get('Google'))?.id ?? 0)
    expect(google).toMatchObject({
      name: 'Google',
      category: 'ad',
      days: [dayAt(NOW - 3 * DAY), dayAt(NOW - DAY)],
      sites: [1, 1],
      requests: [6, 2],
    })
    expect(await db.dayTotals.get(dayAt(NOW - 3 * DAY))).toEqual({
      day: dayAt(NOW - 3 * DAY),
      sites: 1,
      counts: [4, 2, 2, 0, 0, 0, 1],
    })
  })

  it('label a company by its most telling category, even when a CDN of it came first', async () => {
    const at = NOW - DAY
    // Google's font CDN first, on its own; its analytics later, on another site.
    await applyBatch(db, {
      visits: [visit(1, 'fonts-only.test', at)],
      findings: [
        finding(1, 'fonts-only.test', at, 'fonts.test', { company: 'Google', category: 'cdn' }),
      ],
    })
    expect((await db.companyNames.get('Google'))?.category).toBe('cdn')
    await applyBatch(db, {
      visits: [visit(2, 'news.test', at + 1000), visit(3, 'fonts-only.test', at + 2000)],
      findings: [
        finding(2, 'news.test', at + 1000, 'ga.test'),
        finding(3, 'fonts-only.test', at + 2000, 'ga.test'),
      ],
    })
    expect((await db.companyNames.get('Google'))?.category).toBe('ad')
    expect((await db.sites.get('fonts-only.test'))?.companies?.Google?.category).toBe('ad')
    const google = await db.companyReach.get((await db.companyNames.get('Google'))?.id ?? 0)
    expect(google?.category).toBe('ad')
    // A CDN seen again does not make it "Content delivery" again.
    await applyBatch(db, {
      visits: [visit(4, 'news.test', at + 3000)],
      findings: [
        finding(4, 'news.test', at + 3000, 'fonts.test', { company: 'Google', category: 'cdn' }),
      ],
    })
    expect((await db.companyNames.get('Google'))?.category).toBe('ad')
    await expectDerived(db)
    const rows = await overviewRows(db, 7, NOW, { sites: 10, companies: 10 })
    expect(rows?.companies.map((c) => [c.name, c.category])).toEqual([['Google', 'ad']])
  })

  it('follow deleting a site, retention and deleting everything', async () => {
    await record(db)
    await deleteSite(db, 'news.test')
    await expectDerived(db)
    expect(await db.siteRanks.where('[p+site]').equals([0, 'news.test']).count()).toBe(0)
    await applyRetention(db, 10, NOW)
    await expectDerived(db)
    expect((await db.siteStats.toArray()).map((s) => s.site).sort()).toEqual([
      'blog.test',
      'mail.test',
    ])
    await deleteEverything(db)
    expect(await db.siteRanks.count()).toBe(0)
    expect(await db.dayTotals.count()).toBe(0)
    expect(await db.companyReach.count()).toBe(0)
  })

  it('follow undoable deletions and their undo', async () => {
    await record(db)
    const scopes = [
      { kind: 'company', name: 'Google' },
      { kind: 'site', site: 'shop.test' },
      { kind: 'range', from: NOW - 5 * DAY, to: NOW },
      { kind: 'everything' },
    ] as const
    for (const scope of scopes) {
      const op = await stageDeletion(db, scope, () => NOW)
      await expectDerived(db)
      await undoDeletion(db, op.id as number, NOW + 1)
      await expectDerived(db)
    }
    expect(await db.siteRanks.where('[p+site]').equals([0, 'shop.test']).count()).toBe(1)
  })
})

describe('overviewRows', () => {
  it('gives the first screen of the overview summed from every stats row', async () => {
    await record(db)
    // Many sites of equal rank: the first ones by name are shown.
    for (let i = 0; i < 12; i++)
      await applyBatch(db, {
        visits: [visit(100 + i, `s${(i * 5) % 12}.test`, NOW - DAY)],
        findings: [finding(100 + i, `s${(i * 5) % 12}.test`, NOW - DAY, 'ga.test')],
      })
    for (const period of PERIODS) {
      const since = periodStart(period, NOW)
      const days = period === 'all' ? 0 : Number(period)
      const [stats, names, visits] = await Promise.all([
        statsSince(db, since),
        companyNames(db),
        visitCountSince(db, since),
      ])
      const full = buildOverview({ stats, names }, since, NOW)
      // Visits are counted on the day they started, as the visits' index counts them.
      expect(full.totals.visits).toBe(visits)
      const every = await statsSince(db, 0)
      for (const n of [1, 3, 8, 50]) {
        const shown = { sites: n, companies: Math.ceil(n / 3) }
        const rows = await overviewRows(db, days, NOW, shown)
        expect(rows).toEqual(overviewRowsFromStats(every, names, days, NOW, shown))
        const summary = overviewFromRows(rows!, since, NOW)
        const named = await companiesOfSites(
          db,
          summary.sites.map((s) => s.site),
          since > 0 ? dayAt(since) : 0,
        )
        expect(withCompanyNames(summary, named)).toEqual({
          ...full,
          sites: full.sites.slice(0, shown.sites),
          companies: full.companies.slice(0, shown.companies),
        })
      }
    }
    const top = await overviewRows(db, 30, NOW, { sites: 4, companies: 20 })
    // Fingerprinting, then ad pixels; then fourteen sites with one company and two requests.
    expect(top?.ranks.map((r) => r.site)).toEqual([
      'news.test',
      'shop.test',
      'blog.test',
      'mail.test',
    ])
    expect(top?.siteCount).toBe(16)
  })

  it('is none until the ranking rows are brought up to a new day', async () => {
    await record(db)
    const later = NOW + 10 * DAY
    vi.setSystemTime(later)
    expect(await overviewRows(db, 7, later, { sites: 50, companies: 20 })).toBeUndefined()
    // Rows whose earliest counted day left their period are stale; the others still hold.
    const stale = await db.siteRanks.where('until').below(dayAt(later)).toArray()
    expect(stale.map((r) => `${r.p} ${r.site}`).sort()).toEqual([
      '30 shop.test',
      '7 blog.test',
      '7 mail.test',
      '7 news.test',
    ])
    await refreshRanks(db, later)
    await expectDerived(db, later)
    expect(await db.siteRanks.where('p').equals(7).count()).toBe(0)
    const rows = await overviewRows(db, 30, later, { sites: 50, companies: 20 })
    expect(rows?.ranks.map((r) => r.site)).toEqual(['news.test', 'blog.test', 'mail.test'])
    expect(await db.meta.get(RANKS_KEY)).toEqual({
      key: RANKS_KEY,
      value: { day: dayAt(later), version: RANKS_VERSION },
    })
  })

  it('is rebuilt whole after the clock went back, or without its bookkeeping row', async () => {
    await record(db)
    await refreshRanks(db, NOW + 2 * DAY)
    const earlier = NOW - 2 * DAY
    await refreshRanks(db, earlier)
    await expectDerived(db, earlier)
    await db.meta.clear()
    await db.siteRanks.clear()
    await db.dayTotals.clear()
    await refreshRanks(db, NOW)
    await expectDerived(db)
    expect((await db.siteRanks.where('p').equals(0).first())?.until).toBe(FOREVER)
  })
})

/** Versions 1 to 5 as they shipped. */
const SHIPPED: Record<string, string>[] = [
  {
    sites: 'site, lastSeen',
    visits: 'id, [site+startedAt], startedAt',
    findings: '[visitId+signal+party], [site+signal], [site+lastAt], party, signal',
    daily: '[site+day+signal], day',
    settings: 'key',
  },
  { requests: '++id, [site+status], dueAt, site', contacts: 'site' },
  { consent: '++id, visitId, [site+at]' },
  {
    findings: '[visitId+signal+party], [site+signal]',
    siteParties: '[site+signal+party], party, company',
    siteStats: 'site, lastSeen',
    companyNames: 'name, &id',
  },
  { pendingDeletions: '++id', trash: '[op+n]' },
]
const V5_TABLES = [
  'sites',
  'visits',
  'findings',
  'daily',
  'settings',
  'requests',
  'contacts',
  'consent',
  'siteParties',
  'siteStats',
  'companyNames',
  'pendingDeletions',
  'trash',
]

describe('schema upgrade v5 → v6', () => {
  it('keeps every row and derives the rows the writers keep', async () => {
    await record(db)
    // A visit that found nothing, on a day without findings.
    await applyBatch(db, { visits: [visit(9, 'blog.test', NOW - 5 * DAY)], findings: [] })
    await db.settings.put({ key: 'retentionDays', value: 30 })
    await db.consent.add({
      visitId: 3,
      site: 'news.test',
      at: NOW - 3 * DAY,
      source: 'page',
      framework: 'tcf',
      event: 'shown',
      state: {},
    })
    const before: Record<string, unknown[]> = {}
    for (const name of V5_TABLES) before[name] = await db.table(name).toArray()
    // Version 5 kept six numbers a day, without visits, for the days of the daily counts.
    const daily = await db.daily.toArray()
    const v5Stats = (await db.siteStats.toArray()).map((row) => {
      const counted = new Set(daily.filter((d) => d.site === row.site).map((d) => dayNumber(d.day)))
      const kept = [...row.days.keys()].filter((i) => counted.has(row.days[i] ?? 0))
      return {
        ...row,
        days: Uint32Array.from(kept.map((i) => row.days[i] ?? 0)),
        perDay: Uint32Array.from(
          kept.flatMap((i) => Array.from(row.perDay.slice(i * 7, i * 7 + 6))),
        ),
      }
    })
    expect(v5Stats.map((r) => r.perDay.length)).not.toEqual(
      (before.siteStats as SiteStatsRow[]).map((r) => r.perDay.length),
    )

    const indexedDB = new IDBFactory()
    const old = new Dexie(DB_NAME, { indexedDB, IDBKeyRange })
    SHIPPED.forEach((stores, i) => old.version(i + 1).stores(stores))
    await old.open()
    for (const name of V5_TABLES)
      await old.table(name).bulkPut(name === 'siteStats' ? v5Stats : (before[name] ?? []))
    old.close()

    const upgraded = openDb(indexedDB, IDBKeyRange)
    await upgraded.open()
    expect(upgraded.verno).toBe(6)
    for (const name of V5_TABLES) expect(await upgraded.table(name).toArray()).toEqual(before[name])
    await expectDerived(upgraded)
    expect(await upgraded.siteRanks.toArray()).toEqual(await db.siteRanks.toArray())
    expect(await upgraded.companyReach.toArray()).toEqual(await db.companyReach.toArray())
    expect(await upgraded.meta.get(RANKS_KEY)).toEqual({
      key: RANKS_KEY,
      value: { day: dayAt(NOW), version: RANKS_VERSION },
    })
    expect(await overviewRows(upgraded, 30, NOW, { sites: 50, companies: 20 })).toEqual(
      await overviewRows(db, 30, NOW, { sites: 50, companies: 20 }),
    )
    upgraded.close()
  })

  it('upgrades an empty v5 database', async () => {
    const indexedDB = new IDBFactory()
    const old = new Dexie(DB_NAME, { indexedDB, IDBKeyRange })
    SHIPPED.forEach((stores, i) => old.version(i + 1).stores(stores))
    await old.open()
    old.close()
    const upgraded = openDb(indexedDB, IDBKeyRange)
    await upgraded.open()
    expect(await upgraded.siteRanks.count()).toBe(0)
    expect(await overviewRows(upgraded, 0, NOW, { sites: 50, companies: 20 })).toMatchObject({
      ranks: [],
      siteCount: 0,
    })
    upgraded.close()
  })
})
