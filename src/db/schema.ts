import Dexie, { type EntityTable, type IndexableType, type Transaction } from 'dexie'
import {
  groupVisitsOf,
  memoryCompanyIds,
  sitePartiesOf,
  siteStatsOf,
  withVisits,
} from './aggregate'
import { buildOverviewRows, ranksMeta } from './overview-rows'
import { DB_NAME } from './name'
import type { SignalId } from '@/detect/signals'
import type { DetailValue } from '@/detect/types'

/** How a record was made: `standard` keeps URLs and values short and masked; `evidence`
 * keeps them in full (a setting, see DESIGN.md §0). */
export type RecordMode = 'standard' | 'evidence'

export interface SiteRow {
  site: string
  firstSeen: number
  lastSeen: number
  visits: number
  /** Observations per signal over the site's whole history. */
  counts: Partial<Record<SignalId, number>>
  /** Third-party companies (or unlisted domains) contacted from this site, by name: a small
   * per-site aggregate so the overview and graph need not scan findings. Not indexed. */
  companies?: Record<string, CompanySeen>
  /** Distinct visits per company group of the site page (`groupKey(signal, company)`). */
  groupVisits?: Record<string, number>
}

export interface CompanySeen {
  tracker: boolean
  category: string
  /** Third-party domains of this company contacted from the site (bounded). */
  parties: string[]
  requests: number
  firstAt: number
  lastAt: number
}

export interface VisitRow {
  id: number
  site: string
  /** Origin and path; the full URL only when recorded in evidence mode. */
  url: string
  tabId: number
  startedAt: number
  mode: RecordMode
}

export interface FindingEvidence {
  /** The first few request URLs that produced the finding (masked in standard mode). */
  urls: string[]
  /** The first few distinct decoded details (pixel events, parameters…), bounded. */
  details?: Record<string, DetailValue>[]
}

export interface FindingRow {
  visitId: number
  signal: SignalId
  /** Site of the third party, or the page's own site for first-party findings. */
  party: string
  site: string
  entity?: string
  company?: string
  category?: string
  /** Part of the site's own company, though on another domain (e.g. fbcdn.net on facebook.com). */
  sameCompany?: boolean
  count: number
  firstAt: number
  lastAt: number
  evidence: FindingEvidence
  mode: RecordMode
}

/** One site × signal × party over every visit (DESIGN.md §9): what the site page summarises and
 * the company page lists, without reading every finding. `visitId`, `evidence` and the
 * descriptive fields are those of the latest visit's finding. */
export interface SitePartyRow extends FindingRow {
  /** Visits with this finding (finding rows folded in). */
  visits: number
}

/** The overview's compact per-site row (DESIGN.md §9): typed arrays rather than many small
 * objects and strings, so 5,000 sites load in one short query and are summed without garbage. */
export interface SiteStatsRow {
  site: string
  lastSeen: number
  visits: number
  /** Days with anything recorded, as day numbers (days since 1970-01-01), ascending. */
  days: Uint32Array
  /** `STAT_FIELDS.length` counts per entry of `days` (see aggregate.ts). */
  perDay: Uint32Array
  /** Tracking companies contacted from the site (ids of `companyNames`), with the day (day
   * number) each was last seen there and its requests there. */
  trackerIds: Uint32Array
  trackerLastDay: Uint32Array
  trackerRequests: Uint32Array
}

/** A small id for each company name, so the stats rows hold numbers. */
export interface CompanyNameRow {
  name: string
  id: number
  /** Category when the company was first seen. */
  category: string
}

/** One site's standing in one overview period (DESIGN.md §9): the sums the overview ranks
 * by, so its first screen reads the top rows of an index rather than every site's stats. Kept
 * current from the stats rows (overview-rows.ts); valid up to and including day `until`. */
export interface SiteRankRow {
  /** The period in days (7, 30, 90), or 0 for all of history. */
  p: number
  site: string
  /** The ranking, as an index key: [p, companies, fingerprinting, before consent, identifiers
   * + ad pixels, tracker requests] (highest first is the overview's order). */
  k: number[]
  /** The last day (day number) these sums hold for: after it, the earliest day they count
   * leaves the period. */
  until: number
  visits: number
  lastSeen: number
  companies: number
  trackerRequests: number
  fingerprinting: number
  identifiers: number
  adPixels: number
  beforeConsent: number
}

/** Every site's numbers of one day added up (the overview's trend and totals). */
export interface DayTotalRow {
  /** Day number (days since 1970-01-01 of the local calendar day). */
  day: number
  /** Sites with anything recorded that day. */
  sites: number
  /** `STAT_FIELDS.length` sums, in that order (see aggregate.ts). */
  counts: number[]
}

/** Where one tracking company was seen, by the day it was last seen on each site: the
 * overview's company ranking for any period without reading every site. */
export interface CompanyReachRow {
  /** Company id (see `companyNames`). */
  id: number
  name: string
  category: string
  /** Day numbers, ascending, each with the sites whose last sighting of the company was
   * that day and the company's requests on those sites (over their whole history). */
  days: number[]
  sites: number[]
  requests: number[]
}

/** One tracking company's reach in one overview period: like a site's ranking row, the
 * overview reads the first ones through the index on `k` rather than every company. */
export interface CompanyRankRow {
  /** The period in days (7, 30, 90), or 0 for all of history. */
  p: number
  name: string
  id: number
  category: string
  /** [p, sites, requests]: the overview's order, highest first. */
  k: number[]
  /** The last day these numbers hold for (see `SiteRankRow.until`). */
  until: number
  sites: number
  requests: number
}

/** Small bookkeeping values of derived tables. */
export interface MetaRow {
  key: string
  value: unknown
}

export interface DailyRow {
  site: string
  /** Local calendar day, YYYY-MM-DD. */
  day: string
  signal: SignalId
  count: number
}

/** Where a request stands. `overdue` is recorded when the user (or a check) sees the due
 * date pass without an answer. */
export type RequestStatus = 'sent' | 'acknowledged' | 'extended' | 'answered' | 'overdue' | 'closed'

export type RequestChannel = 'mailto' | 'copy' | 'eml' | 'form' | 'other'

export interface RequestEvent {
  status: RequestStatus
  at: number
  /** What the user wrote down with it, e.g. what the answer said. */
  note?: string
}

/** A data-subject request the user made (DESIGN.md §4, §6). */
export interface RequestRow {
  id?: number
  site: string
  /** Who it is addressed to: the site's operator or a tracking company. */
  company: string
  law: string
  kind: string
  reference: string
  recipient: string
  subject: string
  text: string
  createdAt: number
  sentAt?: number
  channel?: RequestChannel
  /** Calendar day the answer is due (YYYY-MM-DD) and the end of that day as a timestamp. */
  dueDay?: string
  dueAt?: number
  /** Whether the company announced an extension (the due date then includes it). */
  extension: boolean
  status: RequestStatus
  history: RequestEvent[]
  /** The request this one follows up (reminder, complaint). */
  followUpOf?: number
  /** The letter's language (`en`, `de`, …) as the person chose it; absent on requests stored
   * before it was kept, whose language is recognised from the letter itself. No index. */
  language?: string
}

/** A privacy contact for a site or company, found or typed by the user. */
export interface ContactRow {
  site: string
  name?: string
  email?: string
  formUrl?: string
  policyUrl?: string
  /** `user`, `bundled`, or where it was found. */
  source: string
  foundAt: number
}

/** One moment of a visit's consent timeline (DESIGN.md §4 `consent`): what the site's consent
 * tool reported, or what its cookie or the request headers said, decoded. */
export interface ConsentRow {
  id?: number
  visitId: number
  site: string
  at: number
  /** Where it was read: the page's consent API, the site's own cookie, or the request itself. */
  source: 'page' | 'cookie' | 'wire'
  /** tcf, gpp, usp (IAB frameworks), cmp (the consent platform), gpc. */
  framework: 'tcf' | 'gpp' | 'usp' | 'cmp' | 'gpc'
  /** shown (banner), answered, loaded (the choice the tool had on load), stored (a choice from
   * an earlier visit, in the cookie the page request carried), choice, platform, sent. */
  event: string
  /** What the choice allowed for advertising, when it says. */
  adsAllowed?: boolean
  state: Record<string, DetailValue>
}

/** What one deletion covers (the person's choice in the dashboard or the popup). */
export type DeleteScope =
  | { kind: 'site'; site: string }
  /** Every finding whose company (or, for unlisted domains, whose domain) is `name`, on every
   * site (found through the site × party rows). */
  | { kind: 'company'; name: string }
  /** Visits that started in [from, to), with their findings. */
  | { kind: 'range'; from: number; to: number }
  | { kind: 'everything' }

/** How much a deletion removes, as told to the person before and after. */
export interface DeleteSummary {
  sites: number
  visits: number
  findings: number
}

/**
 * A deletion that can still be undone (DESIGN.md §0: nothing is lost or brought back by a
 * stopped worker). Its rows sit in `trash` until `deadline`; `moving` while rows are still being
 * moved there, `restoring` once an undo was accepted. A worker that starts finds each record and
 * finishes what it says: moving → staged, staged past its deadline → gone for good, restoring →
 * restored.
 */
export interface PendingDeletionRow {
  id?: number
  scope: DeleteScope
  /** What was moved so far (all of it once staged). */
  summary: DeleteSummary
  createdAt: number
  /** Until when undo is accepted (set when the rows have all been moved). */
  deadline: number
  phase: 'moving' | 'staged' | 'restoring'
  /** Next sequence number for this deletion's trash rows. */
  next: number
  /** Sites whose summaries the deletion changed: their derived rows are recomputed after an
   * undo (consumed as that goes). */
  touched: string[]
  /** Once an undo was accepted: the touched sites recorded meanwhile (or, for a date range,
   * all of them), whose summaries are summed up again from their rows rather than restored. */
  rebuild?: string[]
  /** Where the next chunk starts (reading from the start again would walk over every row
   * already deleted): deleting everything, the last key moved per table; a date range, the
   * start time of the last visit moved (as `visits`). */
  after?: Partial<
    Record<'findings' | 'visits' | 'consent' | 'daily' | 'siteParties' | 'sites', IndexableType>
  >
}

/** One chunk of rows moved out of the live tables by a pending deletion, with the part of the
 * summary rows (site counts, daily counts) taken away with them; undo adds it all back. One
 * record per chunk: the trash costs a write per thousands of rows, not per row. */
export interface TrashRow {
  op: number
  n: number
  visits?: VisitRow[]
  findings?: FindingRow[]
  consent?: ConsentRow[]
  /** Daily counts to add back. */
  daily?: DailyRow[]
  /** Site summaries, or the part of one taken away, to add back. */
  sites?: SiteRow[]
  siteParties?: SitePartyRow[]
  /** The findings were moved in key order: one key range, and nothing else in it then. */
  ordered?: true
}

export interface SettingRow {
  key: string
  value: unknown
}

export type TracelightDb = Dexie & {
  sites: EntityTable<SiteRow, 'site'>
  visits: EntityTable<VisitRow, 'id'>
  findings: Dexie.Table<FindingRow, [number, SignalId, string]>
  daily: Dexie.Table<DailyRow, [string, string, SignalId]>
  siteParties: Dexie.Table<SitePartyRow, [string, SignalId, string]>
  siteStats: EntityTable<SiteStatsRow, 'site'>
  companyNames: EntityTable<CompanyNameRow, 'name'>
  siteRanks: Dexie.Table<SiteRankRow, [number, string]>
  dayTotals: EntityTable<DayTotalRow, 'day'>
  companyReach: EntityTable<CompanyReachRow, 'id'>
  companyRanks: Dexie.Table<CompanyRankRow, [number, string]>
  meta: EntityTable<MetaRow, 'key'>
  settings: EntityTable<SettingRow, 'key'>
  requests: EntityTable<RequestRow, 'id'>
  contacts: EntityTable<ContactRow, 'site'>
  consent: EntityTable<ConsentRow, 'id'>
  pendingDeletions: EntityTable<PendingDeletionRow, 'id'>
  trash: Dexie.Table<TrashRow, [number, number]>
}

export { DB_NAME }

/**
 * Every schema version ever shipped stays declared here, oldest first.
 * Findings are keyed by [visitId+signal+party] rather than ++id: the recorder aggregates by
 * exactly that triple, so a compound key makes each flush a keyed read-modify-write with no
 * extra unique index to maintain.
 */
export function openDb(indexedDB?: IDBFactory, keyRange?: typeof IDBKeyRange): TracelightDb {
  const db = new Dexie(DB_NAME, indexedDB && keyRange ? { indexedDB, IDBKeyRange: keyRange } : {})
  db.version(1).stores({
    sites: 'site, lastSeen',
    visits: 'id, [site+startedAt], startedAt',
    findings: '[visitId+signal+party], [site+signal], [site+lastAt], party, signal',
    daily: '[site+day+signal], day',
    settings: 'key',
  })
  // v2 (requests): adds tables only, so no upgrade function; existing rows stay as they are.
  db.version(2).stores({
    requests: '++id, [site+status], dueAt, site',
    contacts: 'site',
  })
  // v3 (consent timeline): adds a table only; visits recorded before it simply have none.
  db.version(3).stores({
    consent: '++id, visitId, [site+at]',
  })
  // v4 (scale, DESIGN.md §9): per site × party and
  // per-site overview aggregates, computed here from the rows already stored; findings lose the
  // indexes no query uses any more ([site+lastAt], signal) or that moved to siteParties (party).
  db.version(4)
    .stores({
      findings: '[visitId+signal+party], [site+signal]',
      siteParties: '[site+signal+party], party, company',
      siteStats: 'site, lastSeen',
      companyNames: 'name, &id',
    })
    .upgrade(buildAggregates)
  // v5 (undoable deletions): adds tables only. Trash rows are keyed by deletion and sequence,
  // so a deletion's rows are one key range (restored in order, dropped with one range delete).
  db.version(5).stores({
    pendingDeletions: '++id',
    trash: '[op+n]',
  })
  // v6 (overview at scale, DESIGN.md §9): the overview stats rows also count each day's
  // visits (from the visits' index), and new tables derived from them: each site's ranking
  // per period, every day's totals, each tracking company's reach and its ranking per period,
  // so the overview's first screen reads a few small rows. Findings lose their index by site
  // (about 50 bytes a finding, a quarter of the storage budget): a site's findings are found
  // through its visits. No row changes otherwise.
  db.version(6)
    .stores({
      findings: '[visitId+signal+party]',
      siteRanks: '[p+site], k, until',
      dayTotals: 'day',
      companyReach: 'id',
      companyRanks: '[p+name], k, until',
      meta: 'key',
    })
    .upgrade(async (tx) => {
      await addVisitsToStats(tx)
      await buildOverviewRows(tx, Date.now())
    })
  // A new database's derived rows are up to date: there is nothing yet.
  db.on('populate', (tx) => {
    void tx.table('meta').put(ranksMeta(Date.now()))
  })
  return db as TracelightDb
}

/** Adds each day's visits to every stats row (v6), from the visits' site index alone. */
export async function addVisitsToStats(tx: Transaction): Promise<void> {
  const keys = (await tx.table('visits').orderBy('[site+startedAt]').keys()) as unknown as [
    string,
    number,
  ][]
  const starts = new Map<string, number[]>()
  for (const [site, at] of keys) {
    const list = starts.get(site)
    if (list === undefined) starts.set(site, [at])
    else list.push(at)
  }
  const stats = tx.table<SiteStatsRow, string>('siteStats')
  const rows = await stats.toArray()
  await stats.bulkPut(rows.map((row) => withVisits(row, starts.get(row.site) ?? [])))
}

/** Fills siteParties and siteStats, and each site's group visits, one site at a time. */
export async function buildAggregates(tx: Transaction): Promise<void> {
  const sites = tx.table<SiteRow, string>('sites')
  const findings = tx.table<FindingRow>('findings')
  const daily = tx.table<DailyRow>('daily')
  const siteNames = (await sites.toCollection().primaryKeys()) as string[]
  const ids = memoryCompanyIds()
  for (const name of siteNames) {
    const [row, rows, days, starts] = await Promise.all([
      sites.get(name),
      findings
        .where('[site+signal]')
        .between([name, Dexie.minKey], [name, Dexie.maxKey], true, true)
        .toArray(),
      daily
        .where('[site+day+signal]')
        .between([name, Dexie.minKey, Dexie.minKey], [name, Dexie.maxKey, Dexie.maxKey], true, true)
        .toArray(),
      tx
        .table<VisitRow>('visits')
        .where('[site+startedAt]')
        .between([name, Dexie.minKey], [name, Dexie.maxKey], true, true)
        .keys(),
    ])
    if (row === undefined) continue
    const site: SiteRow = { ...row, groupVisits: groupVisitsOf(rows) }
    await Promise.all([
      sites.put(site),
      tx.table('siteParties').bulkPut(sitePartiesOf(rows)),
      tx.table('siteStats').put(
        siteStatsOf(
          site,
          days,
          ids,
          (starts as unknown as [string, number][]).map(([, at]) => at),
        ),
      ),
    ])
  }
  await tx.table('companyNames').bulkPut(ids.rows())
}
