import Dexie from 'dexie'
import { IDBFactory, IDBKeyRange } from 'fake-indexeddb'
import { describe, expect, it } from 'vitest'
import { dueBefore, getContact, listRequests, siteRequests } from './requests'
import { DB_NAME, openDb, type RequestRow } from './schema'
import { readSetting } from './settings'
import { siteFindings } from './read'

/** Version 1 exactly as it shipped (0.1.0): copied here so an edit to it in schema.ts fails. */
const SHIPPED_V1 = {
  sites: 'site, lastSeen',
  visits: 'id, [site+startedAt], startedAt',
  findings: '[visitId+signal+party], [site+signal], [site+lastAt], party, signal',
  daily: '[site+day+signal], day',
  settings: 'key',
}

const request = (over: Partial<RequestRow>): RequestRow => ({
  site: 'news.test',
  company: 'news.test',
  law: 'gdpr-eu',
  kind: 'access',
  reference: 'TL-1',
  recipient: 'privacy@news.test',
  subject: 's',
  text: 't',
  createdAt: 1,
  sentAt: 1,
  channel: 'copy',
  dueDay: '2026-02-28',
  dueAt: 100,
  extension: false,
  status: 'sent',
  history: [{ status: 'sent', at: 1 }],
  ...over,
})

describe('schema upgrade from v1', () => {
  it('keeps every v1 row and adds the requests, contacts and consent tables', async () => {
    const indexedDB = new IDBFactory()
    const old = new Dexie(DB_NAME, { indexedDB, IDBKeyRange })
    old.version(1).stores(SHIPPED_V1)
    await old.open()
    await old.table('sites').put({
      site: 'news.test',
      firstSeen: 1,
      lastSeen: 2,
      visits: 1,
      counts: { 'tracker.request': 3 },
    })
    await old.table('visits').put({
      id: 7,
      site: 'news.test',
      url: 'https://news.test/',
      tabId: 1,
      startedAt: 1,
      mode: 'standard',
    })
    await old.table('findings').put({
      visitId: 7,
      signal: 'tracker.request',
      party: 'google-analytics.com',
      site: 'news.test',
      company: 'Google',
      count: 3,
      firstAt: 1,
      lastAt: 2,
      evidence: { urls: [] },
      mode: 'standard',
    })
    await old
      .table('daily')
      .put({ site: 'news.test', day: '2026-01-01', signal: 'tracker.request', count: 3 })
    await old.table('settings').put({ key: 'retentionDays', value: 30 })
    old.close()

    const db = openDb(indexedDB, IDBKeyRange)
    await db.open()
    // Every later version runs too (v3 adds the consent table, v4 the aggregates, v5 the
    // tables of undoable deletions).
    expect(db.verno).toBe(6)
    expect(await db.consent.count()).toBe(0)
    expect(await db.pendingDeletions.count()).toBe(0)
    expect(await db.trash.count()).toBe(0)
    expect(await db.sites.get('news.test')).toMatchObject({
      visits: 1,
      counts: { 'tracker.request': 3 },
    })
    expect(await db.visits.get(7)).toMatchObject({ url: 'https://news.test/' })
    expect(await db.findings.count()).toBe(1)
    expect(await siteFindings(db, 'news.test', 'tracker.request')).toHaveLength(1)
    expect(await db.daily.count()).toBe(1)
    expect(await readSetting(db, 'retentionDays')).toBe(30)
    expect(await db.requests.count()).toBe(0)
    expect(await db.contacts.count()).toBe(0)

    const id = await db.requests.add(request({}))
    expect(typeof id).toBe('number')
    await db.contacts.put({ site: 'news.test', email: 'dpo@news.test', source: 'user', foundAt: 1 })
    expect((await getContact(db, 'news.test'))?.email).toBe('dpo@news.test')
    db.close()
  })

  it('indexes requests by site and status and by due date', async () => {
    const db = openDb(new IDBFactory(), IDBKeyRange)
    await db.open()
    await db.requests.bulkAdd([
      request({ dueAt: 100 }),
      request({ site: 'shop.test', status: 'answered', dueAt: 300 }),
      request({ kind: 'reminder', dueAt: undefined, dueDay: undefined }),
    ])
    expect((await siteRequests(db, 'news.test')).map((r) => r.kind)).toEqual(['reminder', 'access'])
    expect(await db.requests.where('[site+status]').equals(['shop.test', 'answered']).count()).toBe(
      1,
    )
    expect((await dueBefore(db, 200)).map((r) => r.site)).toEqual(['news.test'])
    expect((await listRequests(db)).map((r) => r.id)).toEqual([3, 2, 1])
    db.close()
  })
})
