import { IDBFactory, IDBKeyRange } from 'fake-indexeddb'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { exportFiles } from '@/evidence/export'
import type { ExportMeta } from '@/evidence/format'
import { RecordList, seal, ExportChangedError } from '@/evidence/seal'
import { EVERYTHING, type ScopeFilter } from '@/evidence/scope'
import { memorySource, type RowSource } from '@/evidence/source'
import { verifyEvidenceText } from '@/evidence/verify'
import { evidenceSource } from './evidence-read'
import {
  openDb,
  type ConsentRow,
  type FindingRow,
  type RequestRow,
  type SiteRow,
  type TracelightDb,
  type VisitRow,
} from './schema'

const T0 = Date.UTC(2026, 10, 1)
const HOUR = 3_600_000
const COMPANIES = ['Google', 'Facebook', 'Acme']

/** Three sites, visits (some starting in the same millisecond), findings of three companies
 * and unnamed parties, in both recording modes. */
function rows() {
  const sites: SiteRow[] = []
  const visits: VisitRow[] = []
  const findings: FindingRow[] = []
  const consent: ConsentRow[] = []
  let id = 100
  let consentId = 0
  for (const [s, site] of ['a.test', 'b.test', 'c.test'].entries()) {
    sites.push({ site, firstSeen: T0, lastSeen: T0 + 40 * HOUR, visits: 8, counts: {} })
    for (let v = 0; v < 8; v++) {
      // Visits 2 and 3 of each site start together, and the sites interleave in time.
      const startedAt = T0 + (v === 3 ? 2 : v) * 5 * HOUR + s * 1000
      const visitId = (id += 7)
      visits.push({
        id: visitId,
        site,
        url: v % 3 === 0 ? `https://${site}/p${v}?sid=Q1w2E3r4T5y6U7i8` : `https://${site}/p${v}`,
        tabId: 1,
        startedAt,
        mode: v % 3 === 0 ? 'evidence' : 'standard',
      })
      // Half the visits had a banner; ids run across visits, so id order is not visit order.
      if (v % 2 === 0) {
        const first = 1000 - (consentId += 2)
        for (const [n, event] of ['shown', 'answered'].entries())
          consent.push({
            id: first + n,
            visitId,
            site,
            at: startedAt + 300 + n * 1000,
            source: 'page',
            framework: 'tcf',
            event,
            ...(n === 1 && { adsAllowed: v % 4 === 0 }),
            state: n === 1 ? { purposes: ['1', '3'], vendors: 12 } : {},
          })
      }
      for (let k = 0; k < 5; k++) {
        const company = (v + k) % 4 === 3 ? undefined : COMPANIES[(v + k + s) % 3]
        findings.push({
          visitId,
          signal: k % 2 === 0 ? 'tracker.request' : 'cookie.identifier',
          party: `p${k}.test`,
          site,
          ...(company !== undefined && { company }),
          count: k + 1,
          firstAt: startedAt + k * 100,
          lastAt: startedAt + k * 100 + 50,
          // Standard mode stores addresses already masked; evidence mode in full.
          evidence: {
            urls: [`https://p${k}.test/c?uid=${v % 3 === 0 ? 'Zz99Yy88Xx77Ww66' : '[hidden]'}`],
          },
          mode: v % 3 === 0 ? 'evidence' : 'standard',
        })
      }
    }
  }
  const request = (n: number, site: string, company: string, createdAt: number): RequestRow => ({
    id: n,
    site,
    company,
    law: 'gdpr-eu',
    kind: 'access',
    reference: `TL-${n}`,
    recipient: `privacy@${site}`,
    subject: `Access request TL-${n}`,
    text: `Dear ${company}, I am Ada Example (ada@example.org) …`,
    createdAt,
    sentAt: createdAt + 60_000,
    channel: 'mailto',
    dueDay: '2026-12-01',
    dueAt: T0 + 720 * HOUR,
    extension: false,
    status: 'answered',
    history: [
      { status: 'sent', at: createdAt + 60_000 },
      { status: 'answered', at: createdAt + 2 * HOUR, note: 'They sent a file to ada@example.org' },
    ],
  })
  const requests = [
    request(1, 'b.test', 'Acme', T0 + 30 * HOUR),
    request(2, 'a.test', 'Google', T0 + 3 * HOUR),
    request(3, 'c.test', 'Facebook', T0 + 12 * HOUR),
  ]
  return { sites, visits, findings, consent, requests }
}

const meta = (scope: ScopeFilter, redaction: 'masked' | 'none' = 'masked'): ExportMeta => ({
  generator: { name: 'Tracelight', version: '0.1.0', browser: { name: 'Chromium', version: '1' } },
  scope,
  redaction,
  settings: { evidenceMode: true, retentionDays: 90 },
  now: T0 + 100 * HOUR,
})

async function sealed(source: RowSource, scope: ScopeFilter, redaction?: 'masked' | 'none') {
  const list = new RecordList()
  const { header, integrity } = await seal(source, meta(scope, redaction), [list])
  return { header, integrity, records: list.records }
}

let db: TracelightDb
const data = rows()
beforeEach(async () => {
  db = openDb(new IDBFactory(), IDBKeyRange)
  await db.open()
  await db.sites.bulkPut(data.sites)
  await db.visits.bulkPut(data.visits)
  await db.findings.bulkPut(data.findings)
  await db.consent.bulkPut(data.consent)
  await db.requests.bulkPut(data.requests)
})
afterEach(() => db.close())

const LATER = T0 + 1000 * HOUR

describe('evidenceSource (database) reads what the memory source reads', () => {
  const scopes: [string, ScopeFilter][] = [
    ['everything', EVERYTHING],
    ['one site', { ...EVERYTHING, site: 'b.test' }],
    ['one company', { ...EVERYTHING, company: 'Facebook' }],
    ['a period', { ...EVERYTHING, from: T0 + 10 * HOUR, to: T0 + 20 * HOUR }],
    ['a site in a period', { ...EVERYTHING, site: 'a.test', from: T0 + 10 * HOUR, to: null }],
    ['a company in a period', { ...EVERYTHING, company: 'Acme', from: null, to: T0 + 12 * HOUR }],
    ['a company on a site', { ...EVERYTHING, site: 'c.test', company: 'Google' }],
    ['nothing at all', { ...EVERYTHING, site: 'nowhere.test' }],
    ['an empty period', { ...EVERYTHING, from: T0 - 10 * HOUR, to: T0 - HOUR }],
  ]
  it.each(scopes)('%s, in pages of two rows', async (_name, scope) => {
    const fromDb = await sealed(evidenceSource(db, scope, { cutoff: LATER, pageSize: 2 }), scope)
    const fromMemory = await sealed(memorySource(data, scope), scope)
    expect(fromDb).toEqual(fromMemory)
  })

  it('keeps records in key order and their counts in the header', async () => {
    const scope = { ...EVERYTHING, company: 'Facebook' }
    const e = await sealed(evidenceSource(db, scope, { cutoff: LATER, pageSize: 3 }), scope)
    const findings = e.records.flatMap((r) => (r.kind === 'finding' ? [r.data] : []))
    expect(findings.length).toBeGreaterThan(0)
    expect(findings.every((f) => f.company === 'Facebook')).toBe(true)
    const visitIds = new Set(findings.map((f) => f.visitId))
    const visits = e.records.flatMap((r) => (r.kind === 'visit' ? [r.data] : []))
    expect(new Set(visits.map((v) => v.id))).toEqual(visitIds)
    const consent = e.records.flatMap((r) => (r.kind === 'consent' ? [r.data] : []))
    expect(consent.length).toBeGreaterThan(0)
    expect(consent.every((c) => visitIds.has(c.visitId))).toBe(true)
    const requests = e.records.flatMap((r) => (r.kind === 'request' ? [r.data] : []))
    expect(requests.map((r) => r.company)).toEqual(['Facebook'])
    expect(e.header.counts).toEqual({
      sites: 3,
      visits: visitIds.size,
      findings: findings.length,
      consent: consent.length,
      requests: 1,
    })
    // Records come in kind order: sites, visits, findings, consent, requests.
    const order = ['site', 'visit', 'finding', 'consent', 'request']
    const kinds = e.records.map((r) => order.indexOf(r.kind))
    expect(kinds).toEqual([...kinds].sort((a, b) => a - b))
    // Consent by visit, then as recorded.
    const keys = consent.map((c) => [c.visitId, c.event])
    expect(keys.filter((_, i) => i % 2 === 0).every(([, ev]) => ev === 'shown')).toBe(true)
    expect(consent.map((c) => c.visitId)).toEqual(
      consent.map((c) => c.visitId).sort((a, b) => a - b),
    )
    // Masked: the letter's text and the person's notes stay out.
    expect(JSON.stringify(requests)).not.toMatch(/Ada Example|ada@example\.org/)
    expect(requests[0]!.history).toHaveLength(2)
    // Masked: the evidence-mode rows read as standard mode.
    expect(e.header.recording.modes).toEqual(['standard'])
    expect(JSON.stringify(e.records)).not.toMatch(/Zz99Yy88Xx77Ww66|Q1w2E3r4T5y6U7i8/)
    const full = await sealed(evidenceSource(db, scope, { cutoff: LATER }), scope, 'none')
    expect(full.header.recording.modes).toEqual(['evidence', 'standard'])
    expect(JSON.stringify(full.records)).toContain('Zz99Yy88Xx77Ww66')
    expect(JSON.stringify(full.records)).toContain('Dear Facebook, I am Ada Example')
    expect(JSON.stringify(full.records)).toContain('They sent a file to ada@example.org')
  })

  it('leaves out what was first seen after the export began', async () => {
    const cutoff = T0 + 20 * HOUR
    const e = await sealed(evidenceSource(db, EVERYTHING, { cutoff }), EVERYTHING)
    const expected = {
      sites: data.sites,
      visits: data.visits.filter((v) => v.startedAt <= cutoff),
      findings: data.findings.filter((f) => f.firstAt <= cutoff),
      consent: data.consent.filter((c) => c.at <= cutoff),
      requests: data.requests,
    }
    // Requests are made by the person, not the recorder: each one made so far is in.
    expect(e.header.counts.requests).toBe(3)
    expect(e).toEqual(await sealed(memorySource(expected, EVERYTHING), EVERYTHING))
    await db.sites.put({
      site: 'new.test',
      firstSeen: cutoff + 1,
      lastSeen: cutoff + 1,
      visits: 1,
      counts: {},
    })
    const again = await sealed(evidenceSource(db, EVERYTHING, { cutoff }), EVERYTHING)
    expect(again.header.counts.sites).toBe(3)
  })

  it('notices rows deleted between the survey and the reading, and the export starts again', async () => {
    await expect(seal(deleting(db, EVERYTHING), meta(EVERYTHING), [])).rejects.toThrow(
      ExportChangedError,
    )
    let attempts = 0
    const result = await exportFiles(
      () =>
        ++attempts === 1
          ? deleting(db, EVERYTHING)
          : evidenceSource(db, EVERYTHING, { cutoff: LATER }),
      () => meta(EVERYTHING),
      'json',
    )
    expect(attempts).toBe(2)
    const verified = await verifyEvidenceText(await result.blob.text())
    expect(verified.ok).toBe(true)
  })
})

/** A database source during whose reading a visit's findings are deleted. */
function deleting(db: TracelightDb, scope: ScopeFilter): RowSource {
  const inner = evidenceSource(db, scope, { cutoff: LATER })
  return {
    survey: (p) => inner.survey(p),
    sites: () => inner.sites(),
    async *visits() {
      const visitId = (await db.findings.limit(1).first())!.visitId
      await db.findings
        .where(':id')
        .between([visitId, -Infinity], [visitId, [[]]])
        .delete()
      yield* inner.visits()
    },
    findings: () => inner.findings(),
    consent: () => inner.consent(),
    requests: () => inner.requests(),
  }
}
