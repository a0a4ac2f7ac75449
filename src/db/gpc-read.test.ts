import { IDBFactory, IDBKeyRange } from 'fake-indexeddb'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { EARLIER_WITHIN_MS, MAX_EARLIER } from '@/detect/gpc-compare'
import type { SignalId } from '@/detect/signals'
import { earlierVisitsWithoutGpc, LOOKBACK } from './gpc-read'
import { openDb, type FindingRow, type TracelightDb, type VisitRow } from './schema'

let db: TracelightDb

beforeEach(async () => {
  db = openDb(new IDBFactory(), IDBKeyRange)
  await db.open()
})
afterEach(() => {
  db.close()
})

const SITE = 'ignores.test'
const T0 = Date.UTC(2026, 0, 1)
const MINUTE = 60_000

const visit = (id: number, site = SITE): VisitRow => ({
  id,
  site,
  url: `https://${site}/`,
  tabId: 1,
  startedAt: T0 + id * MINUTE,
  mode: 'standard',
})

const finding = (
  visitId: number,
  signal: SignalId,
  party: string,
  over: Partial<FindingRow> = {},
): FindingRow => ({
  visitId,
  signal,
  party,
  site: SITE,
  count: 1,
  firstAt: T0 + visitId * MINUTE + 400,
  lastAt: T0 + visitId * MINUTE + 400,
  evidence: { urls: [], details: [{}] },
  mode: 'standard',
  ...over,
})

/** Findings every visit has, of signals the comparison reads and of others it does not. */
function visitFindings(id: number): FindingRow[] {
  return [
    finding(id, 'id.sync', 'doubleclick.net', { company: 'Google' }),
    finding(id, 'pixel.facebook', 'facebook.com', { company: 'Facebook' }),
    finding(id, 'consent.usp', SITE, {
      evidence: { urls: [], details: [{ optedOut: false, usPrivacy: '1YNN' }] },
    }),
    finding(id, 'tracker.request', 'doubleclick.net', { company: 'Google' }),
    finding(id, 'cookie.identifier', SITE),
    finding(id, 'consent.tcf', SITE),
  ]
}

describe('earlier visits without GPC', () => {
  it('reads the latest earlier visits of the site without GPC, with only the compared signals', async () => {
    await db.visits.bulkPut([1, 2, 3, 4, 5, 6].map((id) => visit(id)))
    await db.visits.put(visit(7, 'other.test'))
    await db.findings.bulkPut([1, 2, 3, 4, 5, 6, 7].flatMap(visitFindings))
    // Visit 4 sent GPC; visit 6 is the one being judged; visit 5 started after it.
    await db.findings.put(finding(4, 'gpc.sent', SITE))
    const out = await earlierVisitsWithoutGpc(db, SITE, 6, visit(6).startedAt - 1)
    expect(out.map((v) => v.visitId)).toEqual([5, 3, 2, 1])
    const first = out[0]
    expect(first?.startedAt).toBe(visit(5).startedAt)
    expect(first?.findings.map((f) => f.signal).sort()).toEqual([
      'consent.usp',
      'id.sync',
      'pixel.facebook',
    ])
    expect(first?.findings.find((f) => f.signal === 'id.sync')).toEqual({
      signal: 'id.sync',
      party: 'doubleclick.net',
      company: 'Google',
      firstAt: visit(5).startedAt + 400,
      details: [{}],
    })
  })

  it('leaves out the visit itself, later visits and visits older than the window', async () => {
    const now = T0 + EARLIER_WITHIN_MS + 10 * MINUTE
    const old: VisitRow = { ...visit(1), startedAt: now - EARLIER_WITHIN_MS - 1 }
    const recent: VisitRow = { ...visit(2), startedAt: now - MINUTE }
    const itself: VisitRow = { ...visit(3), startedAt: now }
    const later: VisitRow = { ...visit(4), startedAt: now + MINUTE }
    await db.visits.bulkPut([old, recent, itself, later])
    const out = await earlierVisitsWithoutGpc(db, SITE, 3, now)
    expect(out.map((v) => v.visitId)).toEqual([2])
  })

  it('compares at most MAX_EARLIER visits, and looks back at most LOOKBACK visits', async () => {
    const ids = Array.from({ length: LOOKBACK + 10 }, (_, i) => i + 1)
    await db.visits.bulkPut(ids.map((id) => visit(id)))
    const before = T0 + 1000 * MINUTE
    expect((await earlierVisitsWithoutGpc(db, SITE, 0, before)).map((v) => v.visitId)).toEqual(
      ids.slice(-MAX_EARLIER).reverse(),
    )
    // The latest LOOKBACK visits all sent GPC: older ones are not searched.
    await db.findings.bulkPut(ids.slice(-LOOKBACK).map((id) => finding(id, 'gpc.sent', SITE)))
    expect(await earlierVisitsWithoutGpc(db, SITE, 0, before)).toEqual([])
  })

  it('stays fast on a site with thousands of visits', async () => {
    const N = 3000
    const ids = Array.from({ length: N }, (_, i) => i + 1)
    await db.visits.bulkPut(ids.map((id) => visit(id)))
    await db.findings.bulkPut(ids.flatMap(visitFindings))
    // Every other recent visit sent GPC.
    await db.findings.bulkPut(
      ids.filter((id) => id % 2 === 0).map((id) => finding(id, 'gpc.sent', SITE)),
    )
    const started = performance.now()
    const out = await earlierVisitsWithoutGpc(db, SITE, N + 1, T0 + (N + 1) * MINUTE)
    const ms = performance.now() - started
    expect(out).toHaveLength(MAX_EARLIER)
    expect(out.every((v) => v.visitId % 2 === 1)).toBe(true)
    expect(out.every((v) => v.findings.length === 3)).toBe(true)
    // Bounded reads: far below reading the site's 18,000 findings (fake-indexeddb is slow).
    console.log(`earlierVisitsWithoutGpc over ${N} visits: ${ms.toFixed(1)} ms`)
    expect(ms).toBeLessThan(1000)
  })
})
