import { IDBFactory, IDBKeyRange } from 'fake-indexeddb'
import { describe, expect, it } from 'vitest'
import { openExisting, readFindingsOfVisits, readLanguage } from './plain-read'
import { visitFindings } from './read'
import { DB_NAME, openDb } from './schema'
import { writeSetting } from './settings'
import { trackerAt } from './test-rows'
import { applyBatch, type FindingDelta } from './write'

const AT = new Date(2024, 4, 10, 12).getTime()
const finding = (visitId: number, party: string, signal = 'tracker.request'): FindingDelta =>
  trackerAt(visitId, 'news.test', AT, party, {
    signal: signal as FindingDelta['signal'],
    count: 1,
  })

describe('the popup’s reads without Dexie', () => {
  it('reads one visit’s findings, every signal, and nothing of the visits next to it', async () => {
    const factory = new IDBFactory()
    const dexie = openDb(factory, IDBKeyRange)
    await dexie.open()
    const visit = (id: number) => ({
      id,
      site: 'news.test',
      url: 'https://news.test/',
      tabId: 1,
      startedAt: AT,
      mode: 'standard' as const,
    })
    await applyBatch(dexie, {
      visits: [visit(7), visit(8), visit(9)],
      findings: [
        finding(7, 'a.test'),
        finding(8, 'b.test'),
        finding(8, 'c.test', 'pixel.facebook'),
        finding(8, 'news.test', 'gpc.support'),
        finding(9, 'a.test'),
      ],
    })
    await writeSetting(dexie, 'language', 'de')
    const db = await openExisting(factory)
    const rows = await readFindingsOfVisits(db, [8], IDBKeyRange)
    expect(rows.map((r) => `${r.signal} ${r.party}`)).toEqual([
      'gpc.support news.test',
      'pixel.facebook c.test',
      'tracker.request b.test',
    ])
    // The same rows as the dashboard's reader gives.
    expect(rows).toEqual(await visitFindings(dexie, 8))
    expect(await readFindingsOfVisits(db, [10], IDBKeyRange)).toEqual([])
    expect(await readLanguage(db)).toBe('de')
    db?.close()
    dexie.close()
  })

  it('reads no language when none was chosen or it is not text', async () => {
    const factory = new IDBFactory()
    const dexie = openDb(factory, IDBKeyRange)
    await dexie.open()
    const db = await openExisting(factory)
    expect(await readLanguage(db)).toBe('')
    await dexie.settings.put({ key: 'language', value: 7 })
    expect(await readLanguage(db)).toBe('')
    db?.close()
    dexie.close()
  })

  it('does not create the database when it does not exist yet', async () => {
    const factory = new IDBFactory()
    expect(await openExisting(factory)).toBeNull()
    expect(await readFindingsOfVisits(null, [1], IDBKeyRange)).toEqual([])
    expect(await readLanguage(null)).toBe('')
    expect((await factory.databases()).map((d) => d.name)).not.toContain(DB_NAME)
    // The background then creates it at its own version, as if the popup never looked.
    const dexie = openDb(factory, IDBKeyRange)
    await dexie.open()
    expect(dexie.verno).toBe(6)
    expect(await dexie.meta.count()).toBe(1)
    dexie.close()
  })
})
