/**
 * The `tracelight-evidence` format (version 1): types and the pure builder. The JSON Schema
 * beside this file (tracelight-evidence.schema.json) and the README's "Evidence export"
 * section document every field; keep the three in step.
 *
 * Records are one list, each with a `kind`, so later kinds (consent timeline, data-subject
 * requests, privacy contacts) can be appended without changing the chain or older kinds.
 * Signal ids are plain strings in the format: a new detector needs no format change.
 */
import type { FindingRow, RecordMode, SiteRow, VisitRow } from '@/db/schema'
import type { DetailValue } from '@/detect/types'
import { canonicalJson } from './canonical'
import { chain, sha256Hex } from './integrity'

export const FORMAT = 'tracelight-evidence'
export const FORMAT_VERSION = 1

export interface Generator {
  name: string
  version: string
  browser: { name: string; version: string }
}

export interface Scope {
  /** One site (eTLD+1), or null for everything. */
  site: string | null
  from: string | null
  to: string | null
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

export type RecordContent =
  | { kind: 'site'; data: SiteData }
  | { kind: 'visit'; data: VisitData }
  | { kind: 'finding'; data: FindingData }

export type EvidenceRecord = RecordContent & { digest: string; hash: string }

export interface EvidenceHeader {
  format: typeof FORMAT
  version: number
  createdAt: string
  generator: Generator
  scope: Scope
  /** Earliest and latest observation in the records (null when there are none). */
  timeRange: { from: string | null; to: string | null }
  recording: {
    /** The evidence-mode setting when exported; each visit and finding says its own mode. */
    evidenceMode: boolean
    retentionDays: number
    /** Distinct modes among the records: `evidence` means full URLs and values are inside. */
    modes: RecordMode[]
  }
  counts: { sites: number; visits: number; findings: number }
}

export interface EvidenceExport extends EvidenceHeader {
  integrity: {
    algorithm: 'SHA-256'
    canonicalization: 'RFC 8785'
    genesis: string
    head: string
    records: number
  }
  records: EvidenceRecord[]
}

export interface EvidenceInput {
  sites: SiteRow[]
  visits: VisitRow[]
  findings: FindingRow[]
  settings: { evidenceMode: boolean; retentionDays: number }
  generator: Generator
  scope?: Partial<Scope>
  now?: number
  /** Called every thousand records while hashing, for a progress display. */
  onProgress?: (done: number, total: number) => void
}

const iso = (at: number) => new Date(at).toISOString()

function findingData(f: FindingRow): FindingData {
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
  return out
}

const byText = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0)

/** Record contents in their fixed order: sites, visits, findings. */
export function recordContents(input: EvidenceInput): RecordContent[] {
  const sites = [...input.sites].sort((a, b) => byText(a.site, b.site))
  const visits = [...input.visits].sort((a, b) => a.startedAt - b.startedAt || a.id - b.id)
  const findings = [...input.findings].sort(
    (a, b) => a.visitId - b.visitId || byText(a.signal, b.signal) || byText(a.party, b.party),
  )
  return [
    ...sites.map((s): RecordContent => ({
      kind: 'site',
      data: {
        site: s.site,
        firstSeen: iso(s.firstSeen),
        lastSeen: iso(s.lastSeen),
        visits: s.visits,
        counts: { ...s.counts } as Record<string, number>,
      },
    })),
    ...visits.map((v): RecordContent => ({
      kind: 'visit',
      data: {
        id: v.id,
        site: v.site,
        url: v.url,
        tabId: v.tabId,
        startedAt: iso(v.startedAt),
        mode: v.mode,
      },
    })),
    ...findings.map((f): RecordContent => ({ kind: 'finding', data: findingData(f) })),
  ]
}

/** The header fields the genesis hash covers: everything but `integrity` and `records`. */
export function headerOf(value: EvidenceHeader): EvidenceHeader {
  const { format, version, createdAt, generator, scope, timeRange, recording, counts } = value
  return { format, version, createdAt, generator, scope, timeRange, recording, counts }
}

export const genesisOf = (header: EvidenceHeader): Promise<string> =>
  sha256Hex(canonicalJson(headerOf(header)))

export async function buildEvidence(input: EvidenceInput): Promise<EvidenceExport> {
  const contents = recordContents(input)
  // A loop, not Math.min(...times): spreading a million values overflows the call stack.
  let from = Infinity
  let to = -Infinity
  const see = (at: number) => {
    if (at < from) from = at
    if (at > to) to = at
  }
  for (const v of input.visits) see(v.startedAt)
  for (const f of input.findings) {
    see(f.firstAt)
    see(f.lastAt)
  }
  const modes = new Set<RecordMode>([
    ...input.visits.map((v) => v.mode),
    ...input.findings.map((f) => f.mode),
  ])
  const header: EvidenceHeader = {
    format: FORMAT,
    version: FORMAT_VERSION,
    createdAt: iso(input.now ?? Date.now()),
    generator: input.generator,
    scope: {
      site: input.scope?.site ?? null,
      from: input.scope?.from ?? null,
      to: input.scope?.to ?? null,
    },
    timeRange: from === Infinity ? { from: null, to: null } : { from: iso(from), to: iso(to) },
    recording: {
      evidenceMode: input.settings.evidenceMode,
      retentionDays: input.settings.retentionDays,
      modes: [...modes].sort(),
    },
    counts: {
      sites: input.sites.length,
      visits: input.visits.length,
      findings: input.findings.length,
    },
  }
  const genesis = await genesisOf(header)
  const links = await chain(genesis, contents, input.onProgress)
  const records = contents.map((c, i) => ({ ...c, ...links[i]! }) as EvidenceRecord)
  return {
    ...header,
    integrity: {
      algorithm: 'SHA-256',
      canonicalization: 'RFC 8785',
      genesis,
      head: links.at(-1)?.hash ?? genesis,
      records: records.length,
    },
    records,
  }
}

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
