import { IDBFactory, IDBKeyRange } from 'fake-indexeddb'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { openDb, type ConsentRow, type DeleteScope, type TracelightDb } from './schema'
import {
  CHUNK,
  UNDO_MS,
  addSite,
  commitDeletion,
  movingProgress,
  previewDeletion,
  settleDeletions,
  stageDeletion,
  undoDeletion,
} from './staged-delete'
import { writeSetting } from './settings'
import { dayAt, overviewRowsOf } from './overview-aggregate'
import { companyTrackerAt, visitAt } from './test-rows'
import { applyBatch } from './write'

let db: TracelightDb
let clock: number
const now = () => clock

beforeEach(async () => {
  db = openDb(new IDBFactory(), IDBKeyRange)
  await db.open()
  clock = NOW
})
afterEach(() => db.close())

const DAY = 86_400_000
const NOW = new Date(2024, 4, 10, 12).getTime()

const visit = visitAt
const COMPANY: Record<string, string> = {
  'ga.test': 'Google',
  'doubleclick.test': 'Google',
  'fb.test': 'Facebook',
}
// Google's entry on shop.test comes from two domains, an ad server and analytics: undo must
// give it back as it was recorded, whatever order its domains sort in.
const finding = companyTrackerAt(COMPANY, (party) =>
  party === 'doubleclick.test' ? 'ad' : 'analytics',
)

/** Three sites over ten days: Google on all of them, Facebook and an unlisted widget on news. */
async function seed() {
  await applyBatch(db, {
    visits: [
      visit(1, 'news.test', NOW - 3 * DAY),
      visit(2, 'news.test', NOW - DAY),
      visit(3, 'shop.test', NOW - DAY),
      visit(4, 'old.test', NOW - 10 * DAY),
    ],
    findings: [
      finding(1, 'news.test', NOW - 3 * DAY, 'ga.test'),
      finding(1, 'news.test', NOW - 3 * DAY, 'widgets.test', { signal: 'thirdparty.request' }),
      finding(2, 'news.test', NOW - DAY, 'ga.test'),
      finding(2, 'news.test', NOW - DAY, 'fb.test', { count: 5 }),
      finding(2, 'news.test', NOW - DAY, 'fb.test', {
        signal: 'pixel.facebook',
        count: 1,
        details: [{ event: 'Purchase' }],
      }),
      finding(3, 'shop.test', NOW - DAY, 'ga.test'),
      finding(3, 'shop.test', NOW - DAY, 'doubleclick.test', { count: 1 }),
      finding(3, 'shop.test', NOW - DAY, 'doubleclick.test', { signal: 'cookie.thirdparty' }),
      finding(4, 'old.test', NOW - 10 * DAY, 'ga.test', { count: 7 }),
    ],
  })
  await db.consent.bulkAdd([
    consent(1, 'news.test', NOW - 3 * DAY),
    consent(3, 'shop.test', NOW - DAY),
  ])
  await writeSetting(db, 'retentionDays', 30)
}

const consent = (visitId: number, site: string, at: number): ConsentRow => ({
  visitId,
  site,
  at,
  source: 'page',
  framework: 'tcf',
  event: 'shown',
  state: {},
})

/** Every history table and aggregate, in a stable order, for before/after comparisons (the
 * order of a company's domains, of a summary's keys or of a stats row's trackers carries no
 * meaning). */
async function dump() {
  const sorted = <T>(rows: T[]) =>
    rows.sort((a, b) => JSON.stringify(a).localeCompare(JSON.stringify(b)))
  const sites = (await db.sites.toArray()).map((s) => ({
    ...s,
    ...(s.companies !== undefined && {
      companies: Object.fromEntries(
        Object.entries(s.companies).map(([k, c]) => [k, { ...c, parties: [...c.parties].sort() }]),
      ),
    }),
  }))
  const stats = (await db.siteStats.toArray()).map((r) => ({
    site: r.site,
    lastSeen: r.lastSeen,
    visits: r.visits,
    days: Array.from(r.days),
    perDay: Array.from(r.perDay),
    trackers: Array.from(r.trackerIds)
      .map((id, i) => [id, r.trackerLastDay[i], r.trackerRequests[i]])
      .sort((a, b) => Number(a[0]) - Number(b[0])),
  }))
  return {
    sites: sorted(sites),
    visits: sorted(await db.visits.toArray()),
    findings: sorted(await db.findings.toArray()),
    daily: sorted(await db.daily.toArray()),
    consent: sorted(await db.consent.toArray()),
    siteParties: sorted(await db.siteParties.toArray()),
    siteStats: sorted(stats),
    // The overview's derived rows come and go with the rest.
    siteRanks: sorted(await db.siteRanks.toArray()),
    dayTotals: await db.dayTotals.toArray(),
    companyReach: await db.companyReach.toArray(),
    companyRanks: await db.companyRanks.toArray(),
    counts: (await db.meta.bulkGet(['overview.counts'])).filter((r) => r !== undefined),
  }
}

const EMPTY = {
  sites: [],
  visits: [],
  findings: [],
  daily: [],
  consent: [],
  siteParties: [],
  siteStats: [],
  siteRanks: [],
  dayTotals: [],
  companyReach: [],
  companyRanks: [],
  counts: [
    {
      key: 'overview.counts',
      value: {
        sites: { 0: 0, 7: 0, 30: 0, 90: 0 },
        companies: { 0: 0, 7: 0, 30: 0, 90: 0 },
      },
    },
  ],
}

const company = (name: string): DeleteScope => ({ kind: 'company', name })

describe('previewDeletion', () => {
  it('counts what each kind of deletion would remove', async () => {
    await seed()
    expect(await previewDeletion(db, { kind: 'site', site: 'news.test' })).toEqual({
      sites: 1,
      visits: 2,
      findings: 5,
    })
    expect(await previewDeletion(db, company('Google'))).toEqual({
      sites: 3,
      visits: 0,
      findings: 6,
    })
    expect(
      await previewDeletion(db, { kind: 'range', from: NOW - 4 * DAY, to: NOW - 2 * DAY }),
    ).toEqual({ sites: 1, visits: 1, findings: 2 })
    expect(await previewDeletion(db, { kind: 'everything' })).toEqual({
      sites: 3,
      visits: 4,
      findings: 9,
    })
    expect(await previewDeletion(db, { kind: 'site', site: 'never.test' })).toEqual({
      sites: 0,
      visits: 0,
      findings: 0,
    })
  })

  it('finds a company’s records on any of its domains, and an unlisted domain by its name', async () => {
    await seed()
    // A script's finding on a domain the company was never contacted on from this site.
    await applyBatch(db, {
      visits: [],
      findings: [
        finding(3, 'shop.test', NOW - DAY, 'gstatic.test', {
          signal: 'fingerprint.canvas',
          company: 'Google',
        }),
      ],
    })
    expect((await previewDeletion(db, company('Google'))).findings).toBe(7)
    // An unlisted domain is its own company.
    expect(await previewDeletion(db, company('widgets.test'))).toEqual({
      sites: 1,
      visits: 0,
      findings: 1,
    })
    expect(await previewDeletion(db, company('Nobody'))).toEqual({
      sites: 0,
      visits: 0,
      findings: 0,
    })
  })
})

describe('deleting a site', () => {
  it('moves its rows out of every table, leaves the others, and undo brings them back', async () => {
    await seed()
    const before = await dump()
    const op = await stageDeletion(db, { kind: 'site', site: 'news.test' }, now)
    expect(op).toMatchObject({ phase: 'staged', deadline: NOW + UNDO_MS })
    expect(op.summary).toEqual({ sites: 1, visits: 2, findings: 5 })
    const { dayTotals, companyReach, companyRanks, counts, ...after } = await dump()
    for (const rows of Object.values(after))
      expect(rows.some((r) => r.site === 'news.test')).toBe(false)
    const others = (rows: { site: string }[]) => rows.filter((r) => r.site !== 'news.test')
    for (const table of Object.keys(after) as (keyof typeof after)[])
      expect(after[table], table).toEqual(others(before[table]))
    // The overview's totals are those of the sites left.
    const left = overviewRowsOf(
      await db.siteStats.toArray(),
      await db.companyNames.toArray(),
      dayAt(Date.now()),
    )
    expect(dayTotals).toEqual(left.dayTotals)
    expect(companyReach).toEqual(left.companyReach)
    const byKey = (a: { p: number; name: string }, b: { p: number; name: string }) =>
      a.p - b.p || (a.name < b.name ? -1 : 1)
    expect(companyRanks).toEqual([...left.companyRanks].sort(byKey))
    expect(counts[0]?.value).toEqual(left.counts)
    expect(dayTotals).not.toEqual(before.dayTotals)
    expect(await db.settings.get('retentionDays')).toEqual({ key: 'retentionDays', value: 30 })

    clock = NOW + UNDO_MS - 1
    expect(await undoDeletion(db, op.id as number, clock)).toBe('restored')
    expect(await dump()).toEqual(before)
    expect(await db.trash.count()).toBe(0)
    expect(await db.pendingDeletions.count()).toBe(0)
  })

  it('merges what was recorded for the same visit meanwhile into what comes back', async () => {
    await seed()
    const op = await stageDeletion(db, { kind: 'site', site: 'shop.test' }, now)
    // The tab is still open: the recorder adds to the same visit while the undo is offered.
    await applyBatch(db, { visits: [], findings: [finding(3, 'shop.test', NOW, 'ga.test')] })
    await undoDeletion(db, op.id as number, NOW + 1)
    const ga = await db.findings.get([3, 'tracker.request', 'ga.test'])
    expect(ga).toMatchObject({ count: 4, firstAt: NOW - DAY, lastAt: NOW })
    const shop = await db.sites.get('shop.test')
    expect(shop).toMatchObject({ visits: 1, counts: { 'tracker.request': 5 } })
    expect(shop?.companies?.Google?.requests).toBe(5)
    // Its summaries were recorded anew meanwhile: they are summed up again from the rows.
    expect(await db.siteParties.get(['shop.test', 'tracker.request', 'ga.test'])).toMatchObject({
      count: 4,
      visits: 1,
    })
    expect(await db.consent.where('site').equals('shop.test').count()).toBe(1)
    expect((await db.siteStats.get('shop.test'))?.visits).toBe(1)
  })
})

describe('deleting a company', () => {
  it('removes its findings on every site, adjusts the summaries, and keeps the rest', async () => {
    await seed()
    const before = await dump()
    const op = await stageDeletion(db, company('Google'), now)
    expect(op.summary).toEqual({ sites: 3, visits: 0, findings: 6 })
    const after = await dump()
    expect(after.findings.filter((f) => f.company === 'Google')).toEqual([])
    expect(after.findings).toEqual(before.findings.filter((f) => f.company !== 'Google'))
    expect(after.visits).toEqual(before.visits)

    const news = after.sites.find((s) => s.site === 'news.test')
    expect(news).toMatchObject({
      visits: 2,
      counts: { 'tracker.request': 5, 'thirdparty.request': 2, 'pixel.facebook': 1 },
    })
    expect(Object.keys(news?.companies ?? {}).sort()).toEqual(['Facebook', 'widgets.test'])
    expect(after.sites.find((s) => s.site === 'shop.test')).toMatchObject({
      visits: 1,
      counts: {},
      companies: {},
    })
    // Days lose exactly the deleted counts; a day with nothing left goes.
    const sum = (rows: typeof after.daily, site: string) =>
      rows.filter((d) => d.site === site).reduce((n, d) => n + d.count, 0)
    expect(sum(after.daily, 'news.test')).toBe(sum(before.daily, 'news.test') - 4)
    expect(after.daily.filter((d) => d.site === 'old.test')).toEqual([])
    // Its site × party rows go; the others stay as they were.
    expect(after.siteParties).toEqual(before.siteParties.filter((p) => p.company !== 'Google'))
    expect(news?.groupVisits).toEqual({
      'tracker.request Facebook': 1,
      'thirdparty.request widgets.test': 1,
    })
    // The overview's rows no longer count it among the trackers, nor its requests on the days.
    // Its visit still counts on the day it started.
    const stats = after.siteStats.find((r) => r.site === 'old.test')
    expect(stats).toMatchObject({
      days: [dayAt(NOW - 10 * DAY)],
      perDay: [0, 0, 0, 0, 0, 0, 1],
      trackers: [],
    })
    expect(after.siteStats.find((r) => r.site === 'news.test')?.trackers).toHaveLength(1)

    await undoDeletion(db, op.id as number, NOW + 5)
    expect(await dump()).toEqual(before)
  })

  it('leaves other companies’ findings on the same domains', async () => {
    await seed()
    // A first-party finding on ga.test's own site is the site's, not Google's.
    await applyBatch(db, {
      visits: [visit(5, 'ga.test', NOW - DAY)],
      findings: [
        finding(5, 'ga.test', NOW - DAY, 'ga.test', {
          signal: 'storage.identifier',
          company: 'Other',
        }),
      ],
    })
    await stageDeletion(db, company('Google'), now)
    expect((await db.findings.toArray()).map((f) => f.company).sort()).toEqual([
      'Facebook',
      'Facebook',
      'Other',
      undefined,
    ])
  })
})

describe('deleting a company just after a visit', () => {
  it('gives its entry back as it was recorded, not as its domains sort', async () => {
    // Its tag manager loaded first, a second before the deletion.
    await applyBatch(db, {
      visits: [visit(8, 'blog.test', NOW - 1000)],
      findings: [
        finding(8, 'blog.test', NOW - 1000, 'gtm.test', {
          company: 'Google',
          category: 'tag-manager',
        }),
      ],
    })
    await applyBatch(db, { visits: [], findings: [finding(8, 'blog.test', NOW - 900, 'ga.test')] })
    const before = await dump()
    const op = await stageDeletion(db, company('Google'), now)
    await undoDeletion(db, op.id as number, NOW + 1)
    expect(await dump()).toEqual(before)
    // Kept as recorded: the most telling of its categories, whichever domain came first.
    expect((await db.sites.get('blog.test'))?.companies?.Google?.category).toBe('analytics')
  })
})

describe('deleting a company, then recording it again', () => {
  it('sums up the sites recorded meanwhile again from their rows on undo', async () => {
    await seed()
    const op = await stageDeletion(db, company('Google'), now)
    clock = NOW + 2000
    await applyBatch(db, {
      visits: [visit(7, 'news.test', NOW + 1000)],
      findings: [finding(7, 'news.test', NOW + 1000, 'ga.test')],
    })
    await undoDeletion(db, op.id as number, clock)
    expect(await db.siteParties.get(['news.test', 'tracker.request', 'ga.test'])).toMatchObject({
      visits: 3,
      count: 6,
      lastAt: NOW + 1000,
    })
    const news = await db.sites.get('news.test')
    expect(news).toMatchObject({ visits: 3, counts: { 'tracker.request': 11 } })
    expect(news?.companies?.Google?.requests).toBe(6)
    expect(news?.groupVisits?.['tracker.request Google']).toBe(3)
    // A site not recorded meanwhile gets its rows back as they were.
    expect(await db.siteParties.get(['old.test', 'tracker.request', 'ga.test'])).toMatchObject({
      visits: 1,
      count: 7,
    })
  })
})

describe('progress', () => {
  it('is only reported while a deletion is being moved', async () => {
    await seed()
    expect(await movingProgress(db)).toBeNull()
    await db.pendingDeletions.add({
      scope: { kind: 'everything' },
      summary: { sites: 0, visits: 0, findings: 120 },
      createdAt: NOW,
      deadline: NOW,
      phase: 'moving',
      next: 1,
      touched: [],
    })
    expect(await movingProgress(db)).toEqual({ sites: 0, visits: 0, findings: 120 })
  })
})

describe('deleting a date range', () => {
  it('removes the visits that started in it, with their findings, and fixes the summaries', async () => {
    await seed()
    const before = await dump()
    // Day -3 (news.test's first visit) and day -10 (old.test's only visit), not day -1.
    const op = await stageDeletion(
      db,
      { kind: 'range', from: NOW - 11 * DAY, to: NOW - 2 * DAY },
      now,
    )
    expect(op.summary).toEqual({ sites: 2, visits: 2, findings: 3 })
    const after = await dump()
    expect(after.visits.map((v) => v.id)).toEqual([2, 3])
    expect(after.findings.every((f) => f.visitId === 2 || f.visitId === 3)).toBe(true)
    expect(after.sites.map((s) => s.site)).toEqual(['news.test', 'shop.test'])
    const news = after.sites.find((s) => s.site === 'news.test')
    expect(news).toMatchObject({
      visits: 1,
      firstSeen: NOW - DAY,
      lastSeen: NOW - DAY,
      counts: { 'tracker.request': 7, 'pixel.facebook': 1 },
    })
    expect(Object.keys(news?.companies ?? {}).sort()).toEqual(['Facebook', 'Google'])
    expect(news?.companies?.Google?.requests).toBe(2)
    expect(after.daily.some((d) => d.day < '2024-05-08')).toBe(false)
    expect(after.sites.find((s) => s.site === 'shop.test')).toEqual(
      before.sites.find((s) => s.site === 'shop.test'),
    )

    await undoDeletion(db, op.id as number, NOW + 5)
    expect(await dump()).toEqual(before)
  })

  it('removes nothing when no visit started in the range', async () => {
    await seed()
    const before = await dump()
    const op = await stageDeletion(db, { kind: 'range', from: NOW, to: NOW + DAY }, now)
    expect(op.summary).toEqual({ sites: 0, visits: 0, findings: 0 })
    expect(await dump()).toEqual(before)
  })
})

describe('deleting everything', () => {
  it('moves many rows chunk by chunk and restores them all', async () => {
    await seed()
    const many = CHUNK * 2 + 17
    await applyBatch(db, {
      visits: [visit(9, 'big.test', NOW - DAY)],
      findings: Array.from({ length: many }, (_, i) =>
        finding(9, 'big.test', NOW - DAY, `p${i}.test`),
      ),
    })
    const before = await dump()
    const op = await stageDeletion(db, { kind: 'everything' }, now)
    expect(op.summary.findings).toBe(many + 9)
    expect(await dump()).toEqual(EMPTY)
    expect(await db.settings.count()).toBe(1)
    await undoDeletion(db, op.id as number, NOW + 1)
    expect(await dump()).toEqual(before)
  }, 60_000)
})

describe('deleting everything, then recording', () => {
  it('merges a row recorded for the same key meanwhile into what comes back', async () => {
    await seed()
    const op = await stageDeletion(db, { kind: 'everything' }, now)
    await applyBatch(db, { visits: [], findings: [finding(2, 'news.test', NOW, 'ga.test')] })
    await undoDeletion(db, op.id as number, NOW + 1)
    expect(await db.findings.get([2, 'tracker.request', 'ga.test'])).toMatchObject({
      count: 4,
      lastAt: NOW,
    })
    expect(await db.findings.count()).toBe(9)
    expect((await db.sites.get('news.test'))?.counts['tracker.request']).toBe(11)
  })
})

describe('the undo window', () => {
  it('is closed at the deadline: undo is refused, and the deletion becomes final', async () => {
    await seed()
    const op = await stageDeletion(db, { kind: 'site', site: 'old.test' }, now)
    const id = op.id as number
    expect(await commitDeletion(db, id, NOW + UNDO_MS - 1)).toBe(false)
    expect(await undoDeletion(db, id, NOW + UNDO_MS)).toBe('expired')
    expect(await db.sites.get('old.test')).toBeUndefined()
    expect(await commitDeletion(db, id, NOW + UNDO_MS)).toBe(true)
    expect(await db.trash.count()).toBe(0)
    expect(await undoDeletion(db, id, NOW)).toBe('unknown')
    expect(await db.sites.get('old.test')).toBeUndefined()
  })

  it('is offered for the latest deletion only: a new one makes the earlier one final', async () => {
    await seed()
    const first = await stageDeletion(db, { kind: 'site', site: 'old.test' }, now)
    const second = await stageDeletion(db, { kind: 'site', site: 'shop.test' }, now)
    expect((await db.pendingDeletions.toArray()).map((p) => p.id)).toEqual([second.id])
    expect(await undoDeletion(db, first.id as number, NOW)).toBe('unknown')
    expect(await db.sites.get('old.test')).toBeUndefined()
    expect(await undoDeletion(db, second.id as number, NOW)).toBe('restored')
    expect(await db.sites.get('shop.test')).toBeDefined()
  })
})

describe('a worker stopped part-way', () => {
  it('finishes an interrupted move at the next start, with a new undo window', async () => {
    await seed()
    const before = await dump()
    // As left by a worker stopped after the record was written and before any rows moved.
    const id = (await db.pendingDeletions.add({
      scope: { kind: 'site', site: 'news.test' },
      summary: { sites: 0, visits: 0, findings: 0 },
      createdAt: NOW - 60_000,
      deadline: NOW - 50_000,
      phase: 'moving',
      next: 0,
      touched: [],
    })) as number
    const staged = await settleDeletions(db, now)
    expect(staged.map((p) => [p.id, p.phase, p.deadline, p.summary])).toEqual([
      [id, 'staged', NOW + UNDO_MS, { sites: 1, visits: 2, findings: 5 }],
    ])
    expect(await db.sites.get('news.test')).toBeUndefined()
    expect(await undoDeletion(db, id, NOW + 1)).toBe('restored')
    expect(await dump()).toEqual(before)
  })

  it('resumes deleting everything where it stopped, and still takes rows left before that point', async () => {
    await seed()
    const before = await dump()
    // As if the chunks up to visit 2's findings were moved, then rows were recorded again
    // under smaller keys (visit 1) before the worker stopped.
    const id = (await db.pendingDeletions.add({
      scope: { kind: 'everything' },
      summary: { sites: 0, visits: 0, findings: 0 },
      createdAt: NOW,
      deadline: NOW,
      phase: 'moving',
      next: 0,
      touched: [],
      after: { findings: [2, 'tracker.request', 'fb.test'] },
    })) as number
    await settleDeletions(db, now)
    expect(await dump()).toEqual(EMPTY)
    expect((await db.pendingDeletions.get(id))?.summary).toEqual({
      sites: 3,
      visits: 4,
      findings: 9,
    })
    await undoDeletion(db, id, NOW + 1)
    expect(await dump()).toEqual(before)
  })

  it('resumes a date range from its last visit, and still takes the earlier ones', async () => {
    await seed()
    const id = (await db.pendingDeletions.add({
      scope: { kind: 'range', from: NOW - 11 * DAY, to: NOW },
      summary: { sites: 0, visits: 0, findings: 0 },
      createdAt: NOW,
      deadline: NOW,
      phase: 'moving',
      next: 0,
      touched: [],
      after: { visits: NOW - 2 * DAY },
    })) as number
    await settleDeletions(db, now)
    expect(await db.visits.count()).toBe(0)
    expect((await db.pendingDeletions.get(id))?.summary).toEqual({
      sites: 3,
      visits: 4,
      findings: 9,
    })
  })

  it('makes a staged deletion final when it starts after the deadline, and keeps it before', async () => {
    await seed()
    const op = await stageDeletion(db, { kind: 'site', site: 'news.test' }, now)
    clock = NOW + 3000
    expect((await settleDeletions(db, now)).map((p) => p.id)).toEqual([op.id])
    clock = NOW + UNDO_MS
    expect(await settleDeletions(db, now)).toEqual([])
    expect(await db.trash.count()).toBe(0)
    expect(await db.sites.get('news.test')).toBeUndefined()
  })

  it('finishes an accepted undo even after the deadline', async () => {
    await seed()
    const before = await dump()
    const op = await stageDeletion(db, { kind: 'everything' }, now)
    // The undo was accepted (recorded), then the worker stopped before the rows were back.
    await db.pendingDeletions.update(op.id as number, { phase: 'restoring' })
    clock = NOW + 10 * UNDO_MS
    expect(await settleDeletions(db, now)).toEqual([])
    expect(await dump()).toEqual(before)
    expect(await db.trash.count()).toBe(0)
  })
})

describe('addSite', () => {
  it('adds counts, visits and companies and widens the dates; unknown dates change nothing', () => {
    const live = {
      site: 'a.test',
      firstSeen: 10,
      lastSeen: 20,
      visits: 1,
      counts: { 'tracker.request': 1 },
    }
    expect(
      addSite(live, {
        site: 'a.test',
        firstSeen: Number.POSITIVE_INFINITY,
        lastSeen: Number.NEGATIVE_INFINITY,
        visits: 0,
        counts: { 'tracker.request': 2, 'pixel.x': 1 },
      }),
    ).toEqual({ ...live, counts: { 'tracker.request': 3, 'pixel.x': 1 } })
    expect(addSite(live, { ...live, firstSeen: 5, lastSeen: 30 })).toMatchObject({
      firstSeen: 5,
      lastSeen: 30,
      visits: 2,
    })
  })
})
