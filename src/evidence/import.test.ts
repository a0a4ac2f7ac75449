import { IDBFactory, IDBKeyRange } from 'fake-indexeddb'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { openDb, type TracelightDb } from '@/db/schema'
import { evidenceJson } from './bundle'
import { buildEvidence } from './build'
import type { EvidenceExport } from './format'
import { exportFromDb } from './from-db'
import { endOfDay } from '@/requests/dates'
import { importEvidence, rowsFromEvidence } from './import'
import { FINDINGS, input, VISITS } from './test-data'

let db: TracelightDb
beforeEach(async () => {
  db = openDb(new IDBFactory(), IDBKeyRange)
  await db.open()
})
afterEach(() => db.close())

const snapshot = async () => ({
  sites: await db.sites.toArray(),
  visits: await db.visits.toArray(),
  findings: await db.findings.toArray(),
  daily: await db.daily.toArray(),
  consent: await db.consent.toArray(),
  requests: await db.requests.toArray(),
})
const text = async (e?: EvidenceExport) => evidenceJson(e ?? (await buildEvidence(input())))
const digests = (e: EvidenceExport, kinds: string[]) =>
  e.records.filter((r) => kinds.includes(r.kind)).map((r) => r.digest)

describe('importEvidence', () => {
  it('adds every visit and finding to an empty browser, so a re-export holds the same records', async () => {
    const original = await buildEvidence(input())
    expect(await importEvidence(db, await text(original))).toEqual({
      ok: true,
      visits: 3,
      findings: 4,
      duplicateVisits: 0,
      consent: 3,
      requests: 0,
      maskedRequests: 2,
    })
    const again = await exportFromDb(db, null, 'Chrome/150.0')
    expect(digests(again, ['visit', 'finding', 'consent'])).toEqual(
      digests(original, ['visit', 'finding', 'consent']),
    )
    const news = await db.sites.get('news.test')
    expect(news).toMatchObject({
      visits: 2,
      counts: { 'tracker.request': 5, 'thirdparty.request': 2 },
    })
    expect(await db.daily.count()).toBeGreaterThan(0)
  })

  it('adds nothing when the same file is imported twice', async () => {
    await importEvidence(db, await text())
    const before = await snapshot()
    expect(await importEvidence(db, await text())).toEqual({
      ok: true,
      visits: 0,
      findings: 0,
      duplicateVisits: 3,
      consent: 0,
      requests: 0,
      maskedRequests: 2,
    })
    expect(await snapshot()).toEqual(before)
  })

  it('gives an imported visit a fresh id when a different local visit has its id', async () => {
    await db.visits.put({ ...VISITS[0]!, url: 'https://news.test/local', startedAt: 5 })
    const result = await importEvidence(db, await text())
    expect(result).toMatchObject({ ok: true, visits: 3, findings: 4 })
    const imported = await db.visits
      .where('[site+startedAt]')
      .equals(['news.test', VISITS[0]!.startedAt])
      .first()
    expect(imported?.id).not.toBe(1)
    const moved = (await db.findings.toArray()).filter((f) => f.visitId === imported?.id)
    expect(moved).toHaveLength(2)
    expect((await db.visits.get(1))?.url).toBe('https://news.test/local')
  })

  it('changes nothing for a tampered, foreign, future-version or damaged file', async () => {
    await importEvidence(
      db,
      await text(
        await buildEvidence(input({ visits: VISITS.slice(0, 1), findings: FINDINGS.slice(0, 2) })),
      ),
    )
    const before = await snapshot()
    const good = await text()
    const cases = [
      good.replace('"count":3', '"count":4'),
      good.replace('"version": 3', '"version": 4'),
      JSON.stringify({ format: 'something-else' }),
      good.slice(0, good.length - 100),
    ]
    for (const bad of cases) {
      const r = await importEvidence(db, bad)
      expect(r.ok).toBe(false)
      expect(r.ok ? [] : r.problems.length).toBeGreaterThan(0)
    }
    expect(await snapshot()).toEqual(before)
  })

  it('moves the requests of a full-evidence file, once, with their follow-ups linked', async () => {
    await db.requests.add({ ...input().requests![0]!, id: 1, reference: 'TL-LOCAL' })
    const full = await text(await buildEvidence(input({ redaction: 'none' })))
    expect(await importEvidence(db, full)).toMatchObject({
      ok: true,
      requests: 2,
      maskedRequests: 0,
    })
    const rows = await db.requests.orderBy('id').toArray()
    expect(rows.map((r) => r.reference)).toEqual([
      'TL-LOCAL',
      'TL-20261130-ABCD',
      'TL-20261130-EFGH',
    ])
    const [, access, reminder] = rows
    expect(reminder!.followUpOf).toBe(access!.id)
    expect(access).toMatchObject({
      text: input().requests![0]!.text,
      dueDay: '2026-12-30',
      dueAt: endOfDay('2026-12-30'),
      history: [{ status: 'sent', note: 'Sent from ada@example.org' }],
    })
    expect(await importEvidence(db, full)).toMatchObject({ ok: true, requests: 0 })
    expect(await db.requests.count()).toBe(3)
  })

  it('refuses a consent record whose visit is not in the file', async () => {
    const consent = [{ ...input().consent![0]!, visitId: 3 }]
    const e = await buildEvidence(input({ consent }))
    // A file can only be like this when made by hand: the chain is not checked here.
    e.records = e.records.filter((r) => !(r.kind === 'visit' && r.data.id === 3))
    e.records = e.records.filter((r) => !(r.kind === 'finding' && r.data.visitId === 3))
    const rows = rowsFromEvidence(e)
    expect('problem' in rows ? rows.problem.message : '').toMatch(
      /^Record \d+ is a consent record of visit 3, which is not in the file\.$/,
    )
  })

  it('refuses a finding whose visit is not in the file', async () => {
    const e = await buildEvidence(input({ visits: VISITS.slice(0, 1) }))
    const r = await importEvidence(db, await text(e))
    expect(r).toEqual({
      ok: false,
      problems: [
        {
          kind: 'file',
          record: 6,
          message: 'Record 6 is a finding of visit 2, which is not in the file.',
        },
      ],
    })
    expect(await db.visits.count()).toBe(0)
  })
})
