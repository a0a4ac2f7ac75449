import Dexie from 'dexie'
import { IDBFactory, IDBKeyRange } from 'fake-indexeddb'
import { describe, expect, it, vi } from 'vitest'
import {
  readCompaniesOfSites,
  readOverviewRows,
  readSettings,
  readSite,
  readSiteConsent,
  readSiteParties,
  readVisitPage,
} from './first-screen-read'
import { openExisting, plainConnection, readFindingsOfVisits } from './plain-read'
import { namesOfSites, overviewRowsFromStats, type OverviewRows } from './overview-aggregate'
import { getSite } from './read'
import { DB_NAME, openDb, type TracelightDb } from './schema'
import { readSetting, SETTINGS, writeSetting, type SettingKey } from './settings'
import { trackerAt } from './test-rows'
import { applyBatch, type FindingDelta } from './write'

const AT = new Date(2024, 4, 10, 12).getTime()
const finding = (visitId: number, party: string, signal = 'tracker.request'): FindingDelta =>
  trackerAt(visitId, 'news.test', AT, party, {
    signal: signal as FindingDelta['signal'],
    count: 1,
  })

/**
 * What each read must give, worked out the long way: the overview from a full recount of every
 * site's stats row, the rest by scanning whole tables.
 */
const expected = {
  async overview(
    dexie: TracelightDb,
    days: number,
    now: number,
    shown: { sites: number; companies: number },
  ): Promise<OverviewRows> {
    const want = overviewRowsFromStats(
      await dexie.siteStats.toArray(),
      await dexie.companyNames.toArray(),
      days,
      now,
      shown,
    )
    return { ...want, days: [...want.days].sort((a, b) => a.day - b.day) }
  },
  async companiesOfSites(dexie: TracelightDb, sites: string[], first: number) {
    const names = await dexie.companyNames.toArray()
    const stats = await dexie.siteStats.toArray()
    return namesOfSites(
      sites.map((site) => stats.find((r) => r.site === site)),
      new Map(names.map((n) => [n.id, n.name])),
      first,
    )
  },
  siteParties: async (dexie: TracelightDb, site: string) =>
    (await dexie.siteParties.toArray()).filter((r) => r.site === site),
  /** Newest first; visits that started together, the highest id first (as the index gives). */
  visitPage: async (dexie: TracelightDb, site: string, before: number, limit: number) =>
    (await dexie.visits.toArray())
      .filter((v) => v.site === site && v.startedAt <= before)
      .sort((a, b) => b.startedAt - a.startedAt || b.id - a.id)
      .slice(0, limit),
  findingsOfVisits: async (dexie: TracelightDb, ids: number[]) => {
    const all = await dexie.findings.toArray()
    return ids.flatMap((id) => all.filter((f) => f.visitId === id))
  },
  consent: async (dexie: TracelightDb, site: string, limit: number) =>
    (await dexie.consent.toArray())
      .filter((c) => c.site === site)
      .sort((a, b) => b.at - a.at || (b.id ?? 0) - (a.id ?? 0))
      .slice(0, limit),
}

describe('the dashboard’s first-screen reads without Dexie', () => {
  const DAY = 86_400_000
  const NOW = new Date(2024, 4, 10, 12).getTime()
  const COMPANIES = ['Google', 'Facebook', 'Microsoft', 'Criteo']

  /** Twelve sites over 100 days, several ranked alike, so a short list ends inside a tie. */
  async function history() {
    vi.useFakeTimers({ toFake: ['Date'] })
    vi.setSystemTime(NOW)
    const factory = new IDBFactory()
    const dexie = openDb(factory, IDBKeyRange)
    await dexie.open()
    let id = 0
    for (let s = 0; s < 12; s++) {
      const site = `site-${s}.test`
      for (let v = 0; v < 1 + (s % 4); v++) {
        id += 1
        const at = NOW - ((s * 7 + v * 13) % 100) * DAY
        const parties = Array.from({ length: 1 + (s % 3) }, (_, k) => `t${(s + k) % 5}.test`)
        await applyBatch(dexie, {
          visits: [
            { id, site, url: `https://${site}/${v}`, tabId: 1, startedAt: at, mode: 'standard' },
          ],
          findings: parties.map((party, k) => ({
            ...finding(id, party),
            site,
            firstAt: at,
            lastAt: at + k,
            company: COMPANIES[(s + k) % COMPANIES.length],
            category: 'ad',
            ...(k === 2 && { signal: 'fingerprint.canvas' as FindingDelta['signal'] }),
          })),
        })
      }
    }
    const db = await openExisting(factory)
    return { dexie, db, done: () => (db?.close(), dexie.close(), vi.useRealTimers()) }
  }

  it('gives the overview’s rows as a full recount does, in every period, ties included', async () => {
    const { dexie, db, done } = await history()
    for (const days of [0, 7, 30, 90])
      for (const shown of [
        { sites: 3, companies: 2 },
        { sites: 50, companies: 20 },
      ]) {
        const plain = await readOverviewRows(db, days, NOW, shown, IDBKeyRange)
        expect(plain, `${days} days`).toEqual(await expected.overview(dexie, days, NOW, shown))
        expect(plain?.ranks.length).toBe(Math.min(shown.sites, plain?.siteCount ?? -1))
      }
    const sites = ['site-1.test', 'site-5.test', 'nowhere.test']
    expect(await readCompaniesOfSites(db, sites, 0)).toEqual(
      await expected.companiesOfSites(dexie, sites, 0),
    )
    done()
  })

  it('ends a short list inside a tie with the first names', async () => {
    vi.useFakeTimers({ toFake: ['Date'] })
    vi.setSystemTime(NOW)
    const factory = new IDBFactory()
    const dexie = openDb(factory, IDBKeyRange)
    await dexie.open()
    const names = ['tie-a.test', 'tie-b.test', 'tie-c.test', 'tie-d.test', 'tie-e.test']
    for (const [i, site] of names.entries())
      await applyBatch(dexie, {
        visits: [
          {
            id: i + 1,
            site,
            url: `https://${site}/`,
            tabId: 1,
            startedAt: NOW - DAY,
            mode: 'standard',
          },
        ],
        findings: [{ ...finding(i + 1, 'ga.test'), site, company: 'Google', category: 'ad' }],
      })
    const db = await openExisting(factory)
    const shown = { sites: 2, companies: 1 }
    const plain = await readOverviewRows(db, 30, NOW, shown, IDBKeyRange)
    expect(plain?.ranks.map((r) => r.site)).toEqual(['tie-a.test', 'tie-b.test'])
    expect(plain).toEqual(await expected.overview(dexie, 30, NOW, shown))
    db?.close()
    dexie.close()
    vi.useRealTimers()
  })

  it('names the companies of sites that saw many of them, read in one request', async () => {
    vi.useFakeTimers({ toFake: ['Date'] })
    vi.setSystemTime(NOW)
    const factory = new IDBFactory()
    const dexie = openDb(factory, IDBKeyRange)
    await dexie.open()
    const site = (name: string, id: number, companies: number) =>
      applyBatch(dexie, {
        visits: [
          {
            id,
            site: name,
            url: `https://${name}/`,
            tabId: 1,
            startedAt: NOW - DAY,
            mode: 'standard',
          },
        ],
        findings: Array.from({ length: companies }, (_, k) => ({
          ...finding(id, `t${k}.test`),
          site: name,
          company: `Company ${String(k).padStart(2, '0')}`,
          category: 'ad',
        })),
      })
    await site('busy.test', 1, 60)
    await site('quiet.test', 2, 3)
    await site('other.test', 3, 70)
    const db = await openExisting(factory)
    for (const sites of [
      ['busy.test', 'quiet.test'],
      ['quiet.test'],
      ['busy.test', 'nowhere.test'],
    ]) {
      const named = await readCompaniesOfSites(db, sites, 0)
      expect(named).toEqual(await expected.companiesOfSites(dexie, sites, 0))
      // Only the companies of the sites asked for.
      expect(Object.keys(named).sort()).toEqual(sites.filter((s) => s !== 'nowhere.test').sort())
    }
    expect((await readCompaniesOfSites(db, ['busy.test'], 0))['busy.test']).toHaveLength(60)
    db?.close()
    dexie.close()
    vi.useRealTimers()
  })

  it('gives no overview when its rows are not up to date for today', async () => {
    const { db, done } = await history()
    expect(
      await readOverviewRows(db, 30, NOW + 2 * DAY, { sites: 5, companies: 5 }, IDBKeyRange),
    ).toBe(undefined)
    done()
  })

  it('gives a site’s summary, parties, pages of visits and their findings as a table scan does', async () => {
    const { dexie, db, done } = await history()
    for (const site of ['site-3.test', 'site-7.test', 'nowhere.test']) {
      expect(await readSite(db, site)).toEqual(await getSite(dexie, site))
      expect(await readSiteParties(db, site, IDBKeyRange)).toEqual(
        await expected.siteParties(dexie, site),
      )
      for (const [before, limit] of [
        [Number.POSITIVE_INFINITY, 30],
        [Number.POSITIVE_INFINITY, 2],
        [NOW - 20 * DAY, 1],
      ] as const) {
        const page = await readVisitPage(db, site, before, limit, IDBKeyRange)
        expect(page).toEqual(await expected.visitPage(dexie, site, before, limit))
        const ids = page.map((v) => v.id)
        expect(await readFindingsOfVisits(db, ids, IDBKeyRange)).toEqual(
          await expected.findingsOfVisits(dexie, ids),
        )
      }
    }
    expect(await readFindingsOfVisits(db, [], IDBKeyRange)).toEqual([])
    done()
  })

  it('gives a site’s consent timeline and every setting as a table scan does', async () => {
    const { dexie, db, done } = await history()
    const moment = (visitId: number, site: string, at: number, event: string) => ({
      visitId,
      site,
      at,
      source: 'page' as const,
      framework: 'tcf' as const,
      event,
      state: {},
    })
    await dexie.consent.bulkAdd([
      moment(1, 'site-3.test', NOW - 5000, 'shown'),
      moment(1, 'site-3.test', NOW - 4000, 'answered'),
      moment(2, 'site-4.test', NOW - 3000, 'shown'),
      moment(3, 'site-3.test', NOW - 1000, 'loaded'),
    ])
    for (const [site, limit] of [
      ['site-3.test', 300],
      ['site-3.test', 2],
      ['nowhere.test', 300],
    ] as const)
      expect(await readSiteConsent(db, site, limit, IDBKeyRange)).toEqual(
        await expected.consent(dexie, site, limit),
      )
    const all = async () =>
      Object.fromEntries(
        await Promise.all(
          (Object.keys(SETTINGS) as SettingKey[]).map(async (k) => [
            k,
            await readSetting(dexie, k),
          ]),
        ),
      )
    expect(await readSettings(db)).toEqual(await all())
    await writeSetting(dexie, 'retentionDays', 30)
    await writeSetting(dexie, 'excludedSites', ['a.test'])
    await dexie.settings.put({ key: 'gpcEnabled', value: 'yes' }) // the wrong type: the default
    expect(await readSettings(db)).toEqual(await all())
    expect((await readSettings(db)).retentionDays).toBe(30)
    expect(await readSettings(null)).toEqual(
      Object.fromEntries(Object.entries(SETTINGS).map(([k, v]) => [k, v.default])),
    )
    done()
  })

  it('reads nothing, without failing, from a database that does not exist yet', async () => {
    expect(await readOverviewRows(null, 30, NOW, { sites: 5, companies: 5 }, IDBKeyRange)).toBe(
      undefined,
    )
    expect(await readSite(null, 'news.test')).toBe(undefined)
    expect(await readSiteParties(null, 'news.test', IDBKeyRange)).toEqual([])
    expect(await readVisitPage(null, 'news.test', Infinity, 30, IDBKeyRange)).toEqual([])
    expect(await readCompaniesOfSites(null, ['news.test'], 0)).toEqual({})
  })

  it('reads nothing from a database older than its tables, and reopens once it is upgraded', async () => {
    const factory = new IDBFactory()
    const old = new Dexie(DB_NAME, { indexedDB: factory, IDBKeyRange })
    old.version(1).stores({ sites: 'site, lastSeen', settings: 'key' })
    await old.open()
    old.close()
    const connection = plainConnection(factory)
    const shown = { sites: 5, companies: 5 }
    expect(await readOverviewRows(await connection(), 30, Date.now(), shown, IDBKeyRange)).toBe(
      undefined,
    )
    expect(await readSiteParties(await connection(), 'news.test', IDBKeyRange)).toEqual([])
    // The page's connection closes when the background upgrades the database (else the upgrade
    // would wait for it), and the next read opens it again, at the new version.
    const dexie = openDb(factory, IDBKeyRange)
    await dexie.open()
    expect(dexie.verno).toBe(6)
    const rows = await readOverviewRows(await connection(), 30, Date.now(), shown, IDBKeyRange)
    expect(rows?.ranks).toEqual([])
    ;(await connection())?.close()
    dexie.close()
  })

  it('opens again once a database that did not exist was created', async () => {
    const factory = new IDBFactory()
    const connection = plainConnection(factory)
    expect(await connection()).toBeNull()
    const dexie = openDb(factory, IDBKeyRange)
    await dexie.open()
    const db = await connection()
    expect(db?.objectStoreNames.contains('siteRanks')).toBe(true)
    db?.close()
    dexie.close()
  })
})
