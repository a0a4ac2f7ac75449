import Dexie, { type EntityTable, type IndexableType } from 'dexie'
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

/** What one deletion covers (the person's choice in the dashboard or the popup). */
export type DeleteScope =
  | { kind: 'site'; site: string }
  /** Every finding whose company (or, for unlisted domains, whose domain) is `name`; `parties`
   * are the domains searched, fixed when the deletion starts so a resumed one finds the same. */
  | { kind: 'company'; name: string; parties: string[] }
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
  /** Sites whose summary rows were adjusted (range and company deletions). */
  touched: string[]
  /** Where the next chunk starts (reading from the start again would walk over every row
   * already deleted): deleting everything, the last key moved per table; a date range, the
   * start time of the last visit moved (as `visits`). */
  after?: Partial<Record<'findings' | 'visits' | 'daily' | 'sites', IndexableType>>
}

/** One chunk of rows moved out of the live tables by a pending deletion, with the part of the
 * summary rows (site counts, daily counts) taken away with them; undo adds it all back. One
 * record per chunk: the trash costs a write per thousand rows, not per row. */
export interface TrashRow {
  op: number
  n: number
  visits?: VisitRow[]
  findings?: FindingRow[]
  daily?: DailyRow[]
  sites?: SiteRow[]
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
  settings: EntityTable<SettingRow, 'key'>
  requests: EntityTable<RequestRow, 'id'>
  contacts: EntityTable<ContactRow, 'site'>
  pendingDeletions: EntityTable<PendingDeletionRow, 'id'>
  trash: Dexie.Table<TrashRow, [number, number]>
}

export const DB_NAME = 'tracelight'

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
  // v5 (undoable deletions): adds tables only. Trash rows are keyed by deletion and sequence,
  // so a deletion's rows are one key range (restored in order, dropped with one range delete).
  db.version(5).stores({
    pendingDeletions: '++id',
    trash: '[op+n]',
  })
  return db as TracelightDb
}
