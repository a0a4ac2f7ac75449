import { IDBFactory, IDBKeyRange } from 'fake-indexeddb'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { exportFiles } from '@/evidence/export'
import type { ExportMeta } from '@/evidence/format'
import { RecordList, seal, ExportChangedError } from '@/evidence/seal'
import { EVERYTHING, type ScopeFilter } from '@/evidence/scope'
import { memorySource, type RowSource } from '@/evidence/source'
import { verifyEvidenceText } from '@/evidence/verify'
import { evidenceSource } from './evidence-read'
import { openDb, type FindingRow, type SiteRow, type TracelightDb, type VisitRow } from './schema'

const T0 = Date.UTC(2026, 10, 1)
const HOUR = 3_600_000
const COMPANIES = ['Google', 'Facebook', 'Acme']

/** Three sites, visits (some starting in the same millisecond), findings of three companies
 * and unnamed parties, in both recording modes. */
function rows() {
  const sites: SiteRow[] = []
  const visits: VisitRow[] = []
  const findings: FindingRow[] = []
  let id = 100
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
  return { sites, visits, findings }
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
    expect(e.header.counts).toEqual({
      sites: 3,
      visits: visitIds.size,
      findings: findings.length,
    })
    // Masked: the evidence-mode rows read as standard mode.
    expect(e.header.recording.modes).toEqual(['standard'])
    expect(JSON.stringify(e.records)).not.toMatch(/Zz99Yy88Xx77Ww66|Q1w2E3r4T5y6U7i8/)
    const full = await sealed(evidenceSource(db, scope, { cutoff: LATER }), scope, 'none')
    expect(full.header.recording.modes).toEqual(['evidence', 'standard'])
    expect(JSON.stringify(full.records)).toContain('Zz99Yy88Xx77Ww66')
  })

  it('leaves out what was first seen after the export began', async () => {
    const cutoff = T0 + 20 * HOUR
    const e = await sealed(evidenceSource(db, EVERYTHING, { cutoff }), EVERYTHING)
    const expected = {
      sites: data.sites,
      visits: data.visits.filter((v) => v.startedAt <= cutoff),
      findings: data.findings.filter((f) => f.firstAt <= cutoff),
    }
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
  }
}
