import { IDBFactory, IDBKeyRange } from 'fake-indexeddb'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { openDb, type TracelightDb } from '@/db/schema'
import { writeSetting } from '@/db/settings'
import { exportFromDb } from './from-db'
import { FINDINGS, SITES, VISITS } from './test-data'
import { verifyEvidence } from './verify'

let db: TracelightDb
beforeEach(async () => {
  db = openDb(new IDBFactory(), IDBKeyRange)
  await db.open()
  await db.sites.bulkPut(SITES)
  await db.visits.bulkPut(VISITS)
  await db.findings.bulkPut(FINDINGS)
})
afterEach(() => db.close())

const UA =
  'Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/150.0.7700.0 Safari/537.36'

describe('exportFromDb', () => {
  it('exports everything, verifiably, with the browser and settings', async () => {
    await writeSetting(db, 'retentionDays', 30)
    const e = await exportFromDb(db, null, UA)
    expect(e.counts).toEqual({ sites: 2, visits: 3, findings: 4, consent: 0, requests: 0 })
    expect(e.generator).toEqual({
      name: 'Tracelight',
      version: '0.1.0',
      browser: { name: 'Chromium', version: '150.0.7700.0' },
    })
    expect(e.recording.retentionDays).toBe(30)
    expect((await verifyEvidence(e)).ok).toBe(true)
  })

  it('exports one site only', async () => {
    const e = await exportFromDb(
      db,
      'shop.test',
      'Mozilla/5.0 (X11; Linux x86_64; rv:140.0) Gecko/20100101 Firefox/140.0',
    )
    expect(e.scope.site).toBe('shop.test')
    expect(e.counts).toEqual({ sites: 1, visits: 1, findings: 1, consent: 0, requests: 0 })
    expect(e.records.every((r) => r.data.site === 'shop.test')).toBe(true)
    expect(e.generator.browser).toEqual({ name: 'Firefox', version: '140.0' })
    expect((await exportFromDb(db, 'nowhere.test', UA)).records).toEqual([])
  })
})
