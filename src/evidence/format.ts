/**
 * The `tracelight-evidence` format: types, the header and the record contents. The JSON
 * Schemas beside this file (tracelight-evidence.schema.json for version 2, the current one,
 * and tracelight-evidence-v1.schema.json) and the README's "Evidence export" section
 * document every field; keep them in step.
 *
 * Records are one list, each with a `kind`, so later kinds (consent timeline, data-subject
 * requests, privacy contacts) can be appended without changing the chain or older kinds.
 * Signal ids are plain strings in the format: a new detector needs no format change.
 *
 * Version 2 added `scope.company` and the header field `redaction`. Version 3 added the
 * `consent` records (each visit's consent timeline) and `request` records (the requests the
 * person sent), with their counts in the header. Files of versions 1 and 2 still verify.
 */
import type { ConsentRow, FindingRow, RecordMode, RequestRow, SiteRow, VisitRow } from '@/db/schema'
import type { DetailValue } from '@/detect/types'
import { canonicalJson } from './canonical'
import { sha256Hex } from './integrity'
import { maskFinding, maskVisit, type Redaction } from './redact'
import { scopeHeader, type Scope, type ScopeFilter } from './scope'

export type { Redaction } from './redact'
export type { Scope } from './scope'

export const FORMAT = 'tracelight-evidence'
/** The version this code writes. */
export const FORMAT_VERSION = 3
/** The versions this code reads. */
export const READABLE_VERSIONS: readonly number[] = [1, 2, 3]

export interface Generator {
  name: string
  version: string
  browser: { name: string; version: string }
}

export interface SiteData {
  site: string
  firstSeen: string
  lastSeen: string
  visits: number
  counts: Record<string, number>
}

export interface VisitData {
  id: number
  site: string
  url: string
  tabId: number
  startedAt: string
  mode: RecordMode
}

export interface FindingData {
  visitId: number
  signal: string
  site: string
  party: string
  entity?: string
  company?: string
  category?: string
  sameCompany?: boolean
  count: number
  firstAt: string
  lastAt: string
  evidence: { urls: string[]; details?: Record<string, DetailValue>[] }
  mode: RecordMode
}

/** One moment of a visit's consent timeline (version 3). */
export interface ConsentData {
  visitId: number
  site: string
  at: string
  source: ConsentRow['source']
  framework: ConsentRow['framework']
  event: string
  adsAllowed?: boolean
  state: Record<string, DetailValue>
}

/** A request the person made to a site or company (version 3). Masked exports leave out the
 * letter's text and the person's notes, which hold their name and contact details. */
export interface RequestData {
  id: number
  site: string
  company: string
  law: string
  kind: string
  reference: string
  recipient: string
  subject: string
  text?: string
  createdAt: string
  sentAt?: string
  channel?: string
  dueDay?: string
  extension: boolean
  status: string
  history: { status: string; at: string; note?: string }[]
  followUpOf?: number
}

export type RecordContent =
  | { kind: 'site'; data: SiteData }
  | { kind: 'visit'; data: VisitData }
  | { kind: 'finding'; data: FindingData }
  | { kind: 'consent'; data: ConsentData }
  | { kind: 'request'; data: RequestData }

export type RecordKind = RecordContent['kind']

export type EvidenceRecord = RecordContent & { digest: string; hash: string }

export interface Counts {
  sites: number
  visits: number
  findings: number
  /** Version 3 on. */
  consent?: number
  requests?: number
}

/** The header count each kind of record is tallied under. */
export const COUNT_OF: Record<RecordKind, keyof Counts> = {
  site: 'sites',
  visit: 'visits',
  finding: 'findings',
  consent: 'consent',
  request: 'requests',
}

export interface EvidenceHeader {
  format: typeof FORMAT
  version: number
  createdAt: string
  generator: Generator
  scope: Scope
  /** Version 2: `masked` (the default) or `none` (the person chose full evidence). */
  redaction?: Redaction
  /** Earliest and latest observation in the records (null when there are none). */
  timeRange: { from: string | null; to: string | null }
  recording: {
    /** The evidence-mode setting when exported; each visit and finding says its own mode. */
    evidenceMode: boolean
    retentionDays: number
    /** Version 3 on: whether Tracelight was sending Global Privacy Control when exported (each
     * visit's consent records say whether GPC was sent on it). */
    gpc?: boolean
    /** Distinct modes among the records: `evidence` means full URLs and values are inside. */
    modes: RecordMode[]
  }
  counts: Counts
}

export interface Integrity {
  algorithm: 'SHA-256'
  canonicalization: 'RFC 8785'
  genesis: string
  head: string
  records: number
}

export interface EvidenceExport extends EvidenceHeader {
  integrity: Integrity
  records: EvidenceRecord[]
}

/** What a reader of the database found before sealing: the header's facts. */
export interface Survey {
  counts: Required<Counts>
  /** Epoch milliseconds of the earliest and latest observation, null when nothing. */
  from: number | null
  to: number | null
  /** Recording modes among the visits and findings, as recorded. */
  modes: ReadonlySet<RecordMode>
}

/** Everything about an export that does not come from the records. */
export interface ExportMeta {
  generator: Generator
  scope: ScopeFilter
  redaction: Redaction
  settings: { evidenceMode: boolean; retentionDays: number; gpc?: boolean }
  /** Creation time, epoch milliseconds. */
  now: number
}

export const iso = (at: number) => new Date(at).toISOString()

export function makeHeader(meta: ExportMeta, survey: Survey): EvidenceHeader {
  // A masked export holds only standard-mode records (see redact.ts).
  const modes = new Set(
    [...survey.modes].map((m): RecordMode => (meta.redaction === 'masked' ? 'standard' : m)),
  )
  return {
    format: FORMAT,
    version: FORMAT_VERSION,
    createdAt: iso(meta.now),
    generator: meta.generator,
    scope: scopeHeader(meta.scope),
    redaction: meta.redaction,
    timeRange:
      survey.from === null || survey.to === null
        ? { from: null, to: null }
        : { from: iso(survey.from), to: iso(survey.to) },
    recording: {
      evidenceMode: meta.settings.evidenceMode,
      retentionDays: meta.settings.retentionDays,
      gpc: meta.settings.gpc ?? false,
      modes: [...modes].sort(),
    },
    counts: { ...survey.counts },
  }
}

/** The header fields the genesis hash covers: everything but `integrity` and `records`. */
export function headerOf(value: EvidenceHeader): EvidenceHeader {
  const { format, version, createdAt, generator, scope, redaction, timeRange, recording, counts } =
    value
  // `redaction` is undefined in version 1 files, and canonical JSON leaves it out.
  return { format, version, createdAt, generator, scope, redaction, timeRange, recording, counts }
}

export const genesisOf = (header: EvidenceHeader): string =>
  sha256Hex(canonicalJson(headerOf(header)))

export function siteContent(s: SiteRow): RecordContent {
  return {
    kind: 'site',
    data: {
      site: s.site,
      firstSeen: iso(s.firstSeen),
      lastSeen: iso(s.lastSeen),
      visits: s.visits,
      counts: { ...s.counts } as Record<string, number>,
    },
  }
}

export function visitData(v: VisitRow, redaction: Redaction): VisitData {
  const data: VisitData = {
    id: v.id,
    site: v.site,
    url: v.url,
    tabId: v.tabId,
    startedAt: iso(v.startedAt),
    mode: v.mode,
  }
  return redaction === 'masked' ? maskVisit(data) : data
}

export function findingData(f: FindingRow, redaction: Redaction): FindingData {
  const out: FindingData = {
    visitId: f.visitId,
    signal: f.signal,
    site: f.site,
    party: f.party,
    count: f.count,
    firstAt: iso(f.firstAt),
    lastAt: iso(f.lastAt),
    evidence: { urls: [...f.evidence.urls] },
    mode: f.mode,
  }
  if (f.evidence.details !== undefined) out.evidence.details = f.evidence.details
  if (f.entity !== undefined) out.entity = f.entity
  if (f.company !== undefined) out.company = f.company
  if (f.category !== undefined) out.category = f.category
  if (f.sameCompany !== undefined) out.sameCompany = f.sameCompany
  return redaction === 'masked' ? maskFinding(out) : out
}

export function consentData(c: ConsentRow): ConsentData {
  const out: ConsentData = {
    visitId: c.visitId,
    site: c.site,
    at: iso(c.at),
    source: c.source,
    framework: c.framework,
    event: c.event,
    state: { ...c.state },
  }
  if (c.adsAllowed !== undefined) out.adsAllowed = c.adsAllowed
  return out
}

export function requestData(r: RequestRow, redaction: Redaction): RequestData {
  const full = redaction === 'none'
  const out: RequestData = {
    id: r.id ?? 0,
    site: r.site,
    company: r.company,
    law: r.law,
    kind: r.kind,
    reference: r.reference,
    recipient: r.recipient,
    subject: r.subject,
    createdAt: iso(r.createdAt),
    extension: r.extension,
    status: r.status,
    history: r.history.map((h) => {
      const event: RequestData['history'][number] = { status: h.status, at: iso(h.at) }
      if (full && h.note !== undefined) event.note = h.note
      return event
    }),
  }
  if (full) out.text = r.text
  if (r.sentAt !== undefined) out.sentAt = iso(r.sentAt)
  if (r.channel !== undefined) out.channel = r.channel
  if (r.dueDay !== undefined) out.dueDay = r.dueDay
  if (r.followUpOf !== undefined) out.followUpOf = r.followUpOf
  return out
}

const byText = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0)

/** The fixed record order: sites by name, visits by start then id, findings by their key
 * (visit, signal, party) — the order of the database's own keys and indexes. */
export const siteOrder = (a: SiteRow, b: SiteRow) => byText(a.site, b.site)
export const visitOrder = (a: VisitRow, b: VisitRow) => a.startedAt - b.startedAt || a.id - b.id
export const findingOrder = (a: FindingRow, b: FindingRow) =>
  a.visitId - b.visitId || byText(a.signal, b.signal) || byText(a.party, b.party)
/** Consent moments by visit id, then as recorded (their id); requests as made (their id). */
export const consentOrder = (a: ConsentRow, b: ConsentRow) =>
  a.visitId - b.visitId || (a.id ?? 0) - (b.id ?? 0)
export const requestOrder = (a: RequestRow, b: RequestRow) => (a.id ?? 0) - (b.id ?? 0)

/** Which browser made the export, from its user agent string. */
export function browserFromUserAgent(ua: string): Generator['browser'] {
  const firefox = /Firefox\/([\d.]+)/.exec(ua)
  if (firefox?.[1] !== undefined) return { name: 'Firefox', version: firefox[1] }
  const edge = /Edg\/([\d.]+)/.exec(ua)
  if (edge?.[1] !== undefined) return { name: 'Edge', version: edge[1] }
  const chrome = /(?:HeadlessChrome|Chrome|Chromium)\/([\d.]+)/.exec(ua)
  if (chrome?.[1] !== undefined) return { name: 'Chromium', version: chrome[1] }
  return { name: 'unknown', version: 'unknown' }
}
