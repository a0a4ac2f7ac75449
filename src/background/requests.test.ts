import { IDBFactory, IDBKeyRange } from 'fake-indexeddb'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { getContact, getRequest } from '@/db/requests'
import { openDb, type TracelightDb } from '@/db/schema'
import { endOfDay } from '@/requests/dates'
import type { NewRequest } from '@/requests/messages'
import { writeSetting } from '@/db/settings'
import { createRequestHandlers, lateNotice, noticeWords, refreshOverdue } from './requests'

let db: TracelightDb
let clock = 0
beforeEach(async () => {
  db = openDb(new IDBFactory(), IDBKeyRange)
  await db.open()
  clock = new Date(2026, 0, 31, 15, 0).getTime()
})
afterEach(() => db.close())

const PAGES: Record<string, string> = {
  'https://news.test/':
    '<a href="/privacy">Privacy policy</a> <a href="mailto:editor@news.test">x</a>',
  'https://news.test/privacy': 'Write to privacy [at] news [dot] test or our DPO: dpo@news.test',
}
const fetched: string[] = []
const fetchPage = async (url: string) => {
  fetched.push(url)
  const html = PAGES[url]
  return html === undefined ? null : { url, html }
}
const handlers = () => createRequestHandlers({ db, now: () => clock, fetchPage })
const req = (over: Partial<NewRequest> = {}): NewRequest => ({
  site: 'news.test',
  company: 'news.test',
  law: 'gdpr-eu',
  kind: 'access',
  reference: 'TL-20260131-ABCD',
  recipient: 'privacy@news.test',
  subject: 'subject',
  text: 'letter',
  channel: 'mailto',
  ...over,
})

describe('request handlers', () => {
  it('stores a sent request with the due date the law gives', async () => {
    const h = handlers()
    const { id, dueDay } = await h['request.create']({ request: req() })
    expect(dueDay).toBe('2026-02-28')
    const row = await getRequest(db, id)
    expect(row?.language).toBeUndefined()
    expect(row).toMatchObject({
      status: 'sent',
      dueDay: '2026-02-28',
      dueAt: endOfDay('2026-02-28'),
      sentAt: clock,
      extension: false,
    })
    expect(row?.history).toEqual([{ status: 'sent', at: clock }])
    const opt = await h['request.create']({ request: req({ law: 'ccpa', kind: 'opt-out-sale' }) })
    expect(opt.dueDay).toBe('2026-02-20') // Sat 31 Jan + 15 business days
    const reminder = await h['request.create']({
      request: req({ kind: 'reminder', followUpOf: id }),
    })
    expect(reminder.dueDay).toBeNull()
    expect((await getRequest(db, reminder.id))?.followUpOf).toBe(id)
    // The letter's language is kept with the request, as the person chose it.
    const de = await h['request.create']({ request: req({ language: 'de' }) })
    expect((await getRequest(db, de.id))?.language).toBe('de')
  })

  it('records status changes and reports impossible ones', async () => {
    const h = handlers()
    const { id } = await h['request.create']({ request: req() })
    clock += 1000
    const ext = await h['request.status']({ id, status: 'extended', note: 'They need more time' })
    expect(ext.error).toBeNull()
    expect(ext.request?.dueDay).toBe('2026-04-30')
    const again = await h['request.status']({ id, status: 'extended' })
    expect(again.error).toBe('not-allowed')
    expect((await getRequest(db, id))?.history.map((e) => e.status)).toEqual(['sent', 'extended'])
    expect((await h['request.status']({ id: 999, status: 'closed' })).error).toBe('missing')
  })

  it('marks requests overdue once their due day has passed', async () => {
    const h = handlers()
    const { id } = await h['request.create']({ request: req() })
    await h['request.create']({ request: req({ kind: 'reminder' }) })
    clock = endOfDay('2026-02-28')
    expect(await h['requests.refresh']({})).toEqual({ overdue: 0 })
    clock += 1
    expect(await h['requests.refresh']({})).toEqual({ overdue: 1 })
    expect((await getRequest(db, id))?.status).toBe('overdue')
    expect(await h['requests.refresh']({})).toEqual({ overdue: 0 })
  })

  it('saves the contact the user typed, dropping an unsafe address', async () => {
    const h = handlers()
    await h['contact.save']({ contact: { site: 'news.test', email: 'dpo@news.test', formUrl: '' } })
    expect(await getContact(db, 'news.test')).toEqual({
      site: 'news.test',
      email: 'dpo@news.test',
      source: 'user',
      foundAt: clock,
    })
    await h['contact.save']({ contact: { site: 'news.test', email: 'x@y.z\r\nBcc: a@b.c' } })
    expect((await getContact(db, 'news.test'))?.email).toBeUndefined()
  })

  it('returns the requests that just became late, and words the notification', async () => {
    const h = handlers()
    const { id } = await h['request.create']({ request: req({ company: 'Criteo' }) })
    const late = await refreshOverdue(db, endOfDay('2026-02-28') + 60_000)
    expect(late.map((r) => r.id)).toEqual([id])
    expect(await refreshOverdue(db, endOfDay('2026-02-28') + 120_000)).toEqual([])
    const late0 = late[0]
    if (late0 === undefined) throw new Error('no late request')
    // In the browser's language, until Tracelight's own language setting says otherwise.
    expect(lateNotice(late0, await noticeWords(db, ['en-GB']))).toEqual({
      title: 'No answer in time from Criteo',
      message:
        'Your request “See what they hold about you” (ref. TL-20260131-ABCD) was due on 28 February 2026. Open Tracelight to draft a reminder.',
    })
    expect(lateNotice(late0, await noticeWords(db, ['de-AT', 'en']))).toEqual({
      title: 'Keine Antwort rechtzeitig von Criteo',
      message:
        'Deine Anfrage „Sehen, was sie über dich speichern“ (Ref. TL-20260131-ABCD) war am 28. Februar 2026 fällig. Öffne Tracelight, um eine Erinnerung zu schreiben.',
    })
    await writeSetting(db, 'language', 'fr')
    expect(lateNotice(late0, await noticeWords(db, ['de']))).toMatchObject({
      title: 'Pas de réponse à temps de Criteo',
    })
  })

  it('looks for contacts only on a site the user visited, from the origin visited', async () => {
    const h = handlers()
    fetched.length = 0
    expect((await h['contacts.discover']({ site: 'news.test' })).error).toEqual({
      code: 'not-visited',
    })
    expect(fetched).toEqual([])
    await db.visits.put({
      id: 1,
      site: 'news.test',
      url: 'https://news.test/article',
      tabId: 1,
      startedAt: 1,
      mode: 'standard',
    })
    const found = await h['contacts.discover']({ site: 'news.test' })
    expect(fetched).toEqual([
      'https://news.test/',
      'https://news.test/privacy',
      'https://news.test/.well-known/privacy.txt',
    ])
    expect(found.policyUrl).toBe('https://news.test/privacy')
    expect(found.error).toBeNull()
    expect(found.candidates.map((c) => [c.email, c.url])).toEqual([
      ['dpo@news.test', 'https://news.test/privacy'],
      ['privacy@news.test', 'https://news.test/privacy'],
      ['editor@news.test', 'https://news.test/'],
    ])
  })
})
