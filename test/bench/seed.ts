/**
 * Seeding the extension's IndexedDB for the scale benchmarks. Rows are made in Node and
 * aggregated with the extension's own functions (src/db/aggregate.ts, mergeCompanies), so the
 * stored aggregates are exactly those the recorder would keep, then written with plain
 * IndexedDB in the extension page, one transaction per chunk.
 */
import type { Page } from 'playwright-core'
import {
  foldSiteParty,
  groupKey,
  memoryCompanyIds,
  REQUEST_SIGNALS,
  siteStatsOf,
} from '../../src/db/aggregate.ts'
import {
  addStats,
  applyDay,
  applyReach,
  changed,
  companyRanksOf,
  dayAt,
  emptyDelta,
  ranksOf,
  recount,
} from '../../src/db/overview-aggregate.ts'
import { readStore } from '../../src/cli/inspect.ts'
import { COUNTS_KEY, countsOf, RANKS_KEY, RANKS_VERSION } from '../../src/db/overview-rows.ts'
import type {
  CompanyNameRow,
  CompanyRankRow,
  CompanyReachRow,
  DailyRow,
  DayTotalRow,
  MetaRow,
  SiteRankRow,
  FindingRow,
  SitePartyRow,
  SiteRow,
  SiteStatsRow,
  VisitRow,
} from '../../src/db/schema.ts'
import { localDay, mergeCompanies } from '../../src/db/write.ts'

export type Rows = Partial<{
  visits: VisitRow[]
  findings: FindingRow[]
  sites: SiteRow[]
  daily: DailyRow[]
  siteParties: SitePartyRow[]
  siteStats: SiteStatsRow[]
  companyNames: CompanyNameRow[]
  siteRanks: SiteRankRow[]
  dayTotals: DayTotalRow[]
  companyReach: CompanyReachRow[]
  companyRanks: CompanyRankRow[]
  meta: MetaRow[]
}>

/** Runs in the extension page: puts rows into their stores (typed arrays travel as arrays). */
const PUT = `async (rows) => {
  const db = await new Promise((resolve, reject) => {
    const r = indexedDB.open('tracelight')
    r.onsuccess = () => resolve(r.result)
    r.onerror = () => reject(r.error)
  })
  const names = Object.keys(rows).filter((n) => rows[n].length > 0)
  if (names.length > 0) {
    const tx = db.transaction(names, 'readwrite')
    for (const name of names) {
      const store = tx.objectStore(name)
      for (const row of rows[name]) {
        if (name === 'siteStats') {
          row.days = Uint32Array.from(row.days)
          row.perDay = Uint32Array.from(row.perDay)
          row.trackerIds = Uint32Array.from(row.trackerIds)
          row.trackerLastDay = Uint32Array.from(row.trackerLastDay)
          row.trackerRequests = Uint32Array.from(row.trackerRequests)
        }
        store.put(row)
      }
    }
    await new Promise((resolve, reject) => {
      tx.oncomplete = resolve
      tx.onerror = (e) => reject(e.target.error ?? tx.error)
      tx.onabort = () => reject(tx.error ?? new Error('transaction aborted'))
    })
  }
  db.close()
}`

const plain = (rows: Rows) => ({
  ...rows,
  ...(rows.siteStats && {
    siteStats: rows.siteStats.map((s) => ({
      ...s,
      days: Array.from(s.days),
      perDay: Array.from(s.perDay),
      trackerIds: Array.from(s.trackerIds),
      trackerLastDay: Array.from(s.trackerLastDay),
      trackerRequests: Array.from(s.trackerRequests),
    })),
  }),
})

export async function putRows(page: Page, rows: Rows): Promise<void> {
  await page.evaluate(`(${PUT})(${JSON.stringify(plain(rows))})`)
}

/** Company ids already stored (the extension may have recorded real visits before). */
export async function storedCompanyIds(page: Page): Promise<ReturnType<typeof memoryCompanyIds>> {
  return memoryCompanyIds(await readStore<CompanyNameRow>(page, 'companyNames'))
}

/**
 * The overview's derived rows of seeded stats rows (src/db/overview-aggregate.ts), as the
 * extension's writers keep them: ranking rows with each chunk, then the day totals, the
 * companies' reach and their ranking rows added to those already stored, the counts, and
 * today noted as up to date. The seeded sites must be new ones.
 */
export class OverviewSeed {
  private delta = emptyDelta()
  private readonly today = dayAt(Date.now())
  private siteRanks: SiteRankRow[] = []

  /** The ranking rows of new sites' stats rows (their totals are kept for `finish`). */
  add(stats: readonly SiteStatsRow[]): SiteRankRow[] {
    for (const row of stats) addStats(this.delta, row, 1)
    const ranks = stats.flatMap((row) => ranksOf(row, this.today))
    this.siteRanks.push(...ranks.map((r) => ({ ...r, k: [] })))
    return ranks
  }

  /** Writes the day totals and reach, added to the stored ones, and the bookkeeping rows. */
  async finish(page: Page, names: readonly CompanyNameRow[]): Promise<void> {
    const { days, companies } = changed(this.delta)
    const storedDays = new Map(
      (await readStore<DayTotalRow>(page, 'dayTotals')).map((r) => [r.day, r]),
    )
    const storedReach = new Map(
      (await readStore<CompanyReachRow>(page, 'companyReach')).map((r) => [r.id, r]),
    )
    const byId = new Map(names.map((n) => [n.id, n]))
    const dayTotals = days.flatMap((day) => {
      const d = this.delta.days.get(day)
      const row = d === undefined ? undefined : applyDay(storedDays.get(day), day, d)
      return row === undefined ? [] : [row]
    })
    const companyReach = companies.flatMap((id) => {
      const row = applyReach(
        storedReach.get(id),
        byId.get(id),
        id,
        this.delta.reach.get(id) ?? new Map(),
      )
      return row === undefined ? [] : [row]
    })
    const changedNames = new Set(companyReach.map((r) => r.name))
    const storedRanks = (await readStore<CompanyRankRow>(page, 'companyRanks')).filter((r) =>
      changedNames.has(r.name),
    )
    const companyRanks = companyReach.flatMap((r) => companyRanksOf(r, this.today))
    const [stored] = await readStore<MetaRow>(page, 'meta').then((rows) =>
      rows.filter((r) => r.key === COUNTS_KEY),
    )
    let counts = countsOf(stored)
    counts = recount(counts, 'sites', [], this.siteRanks)
    counts = recount(counts, 'companies', storedRanks, companyRanks)
    for (let i = 0; i < Math.max(dayTotals.length, companyRanks.length); i += 2000)
      await putRows(page, {
        dayTotals: dayTotals.slice(i, i + 2000),
        companyReach: companyReach.slice(i, i + 2000),
        companyRanks: companyRanks.slice(i, i + 2000),
      })
    await putRows(page, {
      meta: [
        { key: COUNTS_KEY, value: counts },
        { key: RANKS_KEY, value: { day: this.today, version: RANKS_VERSION } },
      ],
    })
  }
}

/** The storage the extension's origin uses, in bytes. */
export async function usage(page: Page): Promise<number> {
  return (await page.evaluate(
    '(async () => (await navigator.storage.estimate()).usage ?? 0)()',
  )) as number
}

/**
 * The origin's storage once the database has settled after a burst of writes (LevelDB keeps
 * compacting for a while, which moves the figure by ±10 % and slows reads meanwhile): read
 * every few seconds until two readings in a row are within 1 % of each other, at most
 * `limit` ms. Returns the last reading and how long it took.
 */
export async function settledUsage(
  page: Page,
  { interval = 3_000, limit = 120_000 } = {},
): Promise<{ usage: number; waitedS: number }> {
  const started = Date.now()
  let last = await usage(page)
  for (;;) {
    await new Promise((r) => setTimeout(r, interval))
    const now = await usage(page)
    const steady = Math.abs(now - last) <= 0.01 * Math.max(now, last)
    last = now
    if (steady || Date.now() - started >= limit)
      return { usage: now, waitedS: (Date.now() - started) / 1000 }
  }
}

/** Folds visits and their findings into the aggregates, as applyBatch does on write. */
export class Aggregator {
  private sites = new Map<string, SiteRow>()
  private daily = new Map<string, DailyRow>()
  private parties = new Map<string, SitePartyRow>()
  private groups = new Map<string, Map<string, Set<number>>>()
  private starts = new Map<string, number[]>()
  /** Company ids, shared by every chunk (and by later aggregators: pass it on), and the
   * overview's derived rows, kept over every aggregator of a seed. */
  constructor(
    readonly ids = memoryCompanyIds(),
    readonly overview = new OverviewSeed(),
  ) {}

  add(visit: VisitRow, findings: readonly FindingRow[]): void {
    const site = this.site(visit.site, visit.startedAt)
    site.visits += 1
    const starts = this.starts.get(visit.site)
    if (starts === undefined) this.starts.set(visit.site, [visit.startedAt])
    else starts.push(visit.startedAt)
    for (const f of findings) {
      site.firstSeen = Math.min(site.firstSeen, f.firstAt)
      site.lastSeen = Math.max(site.lastSeen, f.lastAt)
      site.counts[f.signal] = (site.counts[f.signal] ?? 0) + f.count
      if (REQUEST_SIGNALS.has(f.signal)) {
        if (f.sameCompany !== true)
          site.companies = mergeCompanies(site.companies ?? {}, {
            [f.company ?? f.party]: {
              tracker: f.signal === 'tracker.request',
              category: f.category ?? 'unknown',
              parties: [f.party],
              requests: f.count,
              firstAt: f.firstAt,
              lastAt: f.lastAt,
            },
          })
        let groups = this.groups.get(f.site)
        if (groups === undefined) this.groups.set(f.site, (groups = new Map()))
        const key = groupKey(f.signal, f.company ?? f.party)
        let visits = groups.get(key)
        if (visits === undefined) groups.set(key, (visits = new Set()))
        visits.add(f.visitId)
      }
      const day = localDay(f.lastAt)
      const dk = `${f.site}\u0000${day}\u0000${f.signal}`
      const d = this.daily.get(dk)
      if (d === undefined)
        this.daily.set(dk, { site: f.site, day, signal: f.signal, count: f.count })
      else d.count += f.count
      const pk = `${f.site}\u0000${f.signal}\u0000${f.party}`
      this.parties.set(pk, foldSiteParty(this.parties.get(pk), f, f, true))
    }
  }

  private site(name: string, at: number): SiteRow {
    let row = this.sites.get(name)
    if (row === undefined) {
      row = { site: name, firstSeen: at, lastSeen: at, visits: 0, counts: {} }
      this.sites.set(name, row)
    }
    row.firstSeen = Math.min(row.firstSeen, at)
    row.lastSeen = Math.max(row.lastSeen, at)
    return row
  }

  /** The aggregate rows of every site added, in chunks of about `size` sites. */
  *chunks(size: number): Generator<Rows> {
    const bySite = new Map<string, { daily: DailyRow[]; parties: SitePartyRow[] }>()
    const of = (site: string) => {
      let e = bySite.get(site)
      if (e === undefined) bySite.set(site, (e = { daily: [], parties: [] }))
      return e
    }
    for (const d of this.daily.values()) of(d.site).daily.push(d)
    for (const p of this.parties.values()) of(p.site).parties.push(p)
    const names = [...this.sites.keys()]
    for (let i = 0; i < names.length; i += size) {
      const out: Required<
        Pick<Rows, 'sites' | 'daily' | 'siteParties' | 'siteStats' | 'companyNames' | 'siteRanks'>
      > = {
        sites: [],
        daily: [],
        siteParties: [],
        siteStats: [],
        companyNames: [],
        siteRanks: [],
      }
      for (const name of names.slice(i, i + size)) {
        const base = this.sites.get(name)
        if (base === undefined) continue
        const groups = this.groups.get(name)
        const site: SiteRow = {
          ...base,
          groupVisits: Object.fromEntries([...(groups ?? [])].map(([k, v]) => [k, v.size])),
        }
        const e = of(name)
        out.sites.push(site)
        out.daily.push(...e.daily)
        out.siteParties.push(...e.parties)
        out.siteStats.push(siteStatsOf(site, e.daily, this.ids, this.starts.get(name) ?? []))
      }
      out.siteRanks = this.overview.add(out.siteStats)
      // Names given an id since the last chunk (put again is harmless: same rows).
      out.companyNames = this.ids.rows()
      yield out
    }
  }
}
