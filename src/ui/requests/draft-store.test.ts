import { describe, expect, it } from 'vitest'
import type { FindingRow, RequestRow } from '@/db/schema'
import type { Message, MessageType } from '@/messages'
import type { RequestsApi } from './api'
import { createDraftStore, requestLanguage } from './draft-store'

const NOW = new Date(2026, 0, 31, 12).getTime()
const finding = (over: Partial<FindingRow>): FindingRow => ({
  visitId: 1,
  signal: 'tracker.request',
  party: 'criteo.com',
  site: 'news.test',
  company: 'Criteo',
  count: 2,
  firstAt: NOW - 1000,
  lastAt: NOW - 500,
  evidence: { urls: [] },
  mode: 'standard',
  ...over,
})

function fakeApi(over: Partial<RequestsApi> = {}) {
  const sent: Message[] = []
  const opened: string[] = []
  const copied: string[] = []
  const api: RequestsApi = {
    findings: async () => [
      finding({}),
      finding({ party: 'google-analytics.com', company: 'Google' }),
    ],
    contact: async () => undefined,
    requests: async () => [],
    request: async () => undefined,
    send: async <K extends MessageType>(m: Message<K>) => {
      sent.push(m as Message)
      return { id: 5, dueDay: '2026-02-28' } as never
    },
    copy: async (t) => void copied.push(t),
    save: () => undefined,
    open: (u) => void opened.push(u),
    now: () => NOW,
    locale: 'de-DE',
    ...over,
  }
  return { api, sent, opened, copied }
}

describe('draft store', () => {
  it('suggests the law from the locale and the bundled contact for a tracker', async () => {
    const { api } = fakeApi()
    const store = createDraftStore(api)
    await store.load({ site: 'news.test', company: 'Criteo' })
    expect(store.law.value).toBe('gdpr-eu')
    expect(store.companies.value.map((c) => c.name)).toEqual(['news.test', 'Criteo', 'Google'])
    expect(store.company.value).toBe('Criteo')
    expect(store.email.value).toBe('dpo@criteo.com')
    expect(store.suggested.value?.source).toBe('https://www.criteo.com/privacy/')
  })

  it('shows what is missing, then the letter, and stores it when sent', async () => {
    const { api, sent } = fakeApi()
    const store = createDraftStore(api)
    await store.load({ site: 'news.test', company: 'Criteo' })
    expect(store.letter.value).toEqual({
      problem: 'needs-name',
      error: 'Add your name: the letter is signed with it',
    })
    store.senderName.value = 'Alex Doe'
    const r = store.letter.value
    if (!('letter' in r)) throw new Error(r.error)
    expect(r.letter.body).toContain('Criteo (criteo.com)')
    expect(r.letter.body).not.toContain('Google')
    expect(r.letter.deadline?.due).toBe('2026-02-28')
    await store.markSent('mailto')
    expect(sent[0]).toMatchObject({
      type: 'request.create',
      request: {
        site: 'news.test',
        company: 'Criteo',
        law: 'gdpr-eu',
        kind: 'access',
        recipient: 'dpo@criteo.com',
        text: r.letter.body,
        // The German browser's letter, and the language is stored with it.
        language: 'de',
      },
    })
    expect(store.sent.value).toEqual({ id: 5, dueDay: '2026-02-28' })
  })

  it('copies a letter too long for a mail link and opens the mail app with the subject only', async () => {
    const { api, opened, copied } = fakeApi()
    const store = createDraftStore(api)
    await store.load({ site: 'news.test' })
    store.chooseLanguage('en')
    store.senderName.value = 'Alex Doe'
    store.email.value = 'privacy@news.test'
    expect(store.mailto.value).toBeNull() // a full GDPR access letter is long
    await store.openMail()
    expect(copied[0]).toContain('Article 15(1)(a)-(h)')
    expect(opened).toHaveLength(1)
    expect(opened[0]).toMatch(
      /^mailto:privacy@news\.test\?subject=Data%20subject%20access%20request/,
    )
    expect(opened[0]).toMatch(/&body=$/)
  })

  it('says so when the browser refuses to copy, and still opens the mail app', async () => {
    const { api, opened } = fakeApi({
      copy: () => Promise.reject(new DOMException('Document is not focused.', 'NotAllowedError')),
    })
    const store = createDraftStore(api)
    await store.load({ site: 'news.test' })
    store.chooseLanguage('en')
    store.senderName.value = 'Alex Doe'
    store.email.value = 'privacy@news.test'
    await store.copy()
    expect(store.notice.value).toBe('copyFailed')
    await store.openMail()
    expect(store.notice.value).toBe('copyFailed')
    expect(opened).toHaveLength(1)
  })

  it('drafts a reminder about an earlier request', async () => {
    const original: RequestRow = {
      id: 9,
      site: 'news.test',
      company: 'Google',
      law: 'ccpa',
      kind: 'erasure',
      reference: 'TL-20251101-AAAA',
      recipient: '',
      subject: 's',
      text: 't',
      createdAt: 1,
      sentAt: new Date(2025, 10, 1, 9).getTime(),
      channel: 'copy',
      dueDay: '2025-12-16',
      dueAt: 2,
      extension: false,
      status: 'overdue',
      history: [],
    }
    const { api } = fakeApi({ request: async () => original })
    const store = createDraftStore(api)
    await store.load({ site: 'news.test', followUp: 9, kind: 'reminder' })
    store.senderName.value = 'Alex Doe'
    expect(store.law.value).toBe('ccpa')
    expect(store.kind.value).toBe('reminder')
    expect(store.company.value).toBe('Google')
    const r = store.letter.value
    if (!('letter' in r)) throw new Error(r.error)
    expect(r.letter.body).toContain(
      'On 1 November 2025 I sent you a request to erase my personal data under the California Consumer Privacy Act',
    )
    expect(r.letter.body).toContain('ended on 16 December 2025')
  })

  it('leaves the recipient of a complaint to the user: it goes to the authority', async () => {
    const original: RequestRow = {
      id: 9,
      site: 'news.test',
      company: 'Criteo',
      law: 'gdpr-eu',
      kind: 'access',
      reference: 'TL-20251101-AAAA',
      recipient: 'dpo@criteo.com',
      subject: 's',
      text: 't',
      createdAt: 1,
      sentAt: new Date(2025, 10, 1, 9).getTime(),
      channel: 'copy',
      dueDay: '2025-12-01',
      dueAt: 2,
      extension: false,
      status: 'overdue',
      history: [],
    }
    const { api } = fakeApi({ request: async () => original })
    const store = createDraftStore(api)
    await store.load({ site: 'news.test', followUp: 9, kind: 'complaint' })
    expect(store.kind.value).toBe('complaint')
    expect(store.company.value).toBe('Criteo')
    expect(store.email.value).toBe('')
    store.senderName.value = 'Alex Doe'
    store.chooseLanguage('en')
    const r = store.letter.value
    if (!('letter' in r)) throw new Error(r.error)
    expect(r.letter.body).toContain('I lodge a complaint under Article 77')
    expect(r.letter.body).toContain('against Criteo')
    // The earlier letter, as it was sent, goes with the complaint.
    expect(r.letter.body).toContain('My request of 1 November 2025 (reference TL-20251101-AAAA)')
    expect(r.letter.body).toContain('s\n\nt\n\nWhat my browser recorded')
  })

  it('suggests the letter’s language and offers only those the letter exists in', async () => {
    const { api } = fakeApi()
    const store = createDraftStore(api)
    await store.load({ site: 'news.test', company: 'Criteo' })
    store.senderName.value = 'Alex Doe'
    // A German browser writing under the GDPR: German.
    expect(store.languages.value).toEqual(['en', 'de', 'fr', 'es'])
    expect(store.language.value).toBe('de')
    const subject = () => {
      const r = store.letter.value
      if (!('letter' in r)) throw new Error(r.error)
      return r.letter.subject
    }
    expect(subject()).toMatch(/^Antrag auf Auskunft nach Art\. 15 DSGVO – Referenz TL-/)
    // The user's choice holds across kinds…
    store.chooseLanguage('fr')
    store.kind.value = 'erasure'
    expect(subject()).toMatch(/^Exercice du droit à l'effacement \(article 17 du RGPD\)/)
    // …falls back where the letter does not exist in it (no French US letters)…
    store.chooseLaw('ccpa')
    expect(store.languages.value).toEqual(['en', 'es'])
    expect(store.language.value).toBe('en')
    expect(subject()).toMatch(/^Request to delete under CCPA\/CPRA/)
    // …and comes back with a law that has it.
    store.chooseLaw('gdpr-uk')
    expect(store.language.value).toBe('fr')
  })

  it('prefers Tracelight’s own language setting, then the browser’s', async () => {
    const { api } = fakeApi()
    const store = createDraftStore(api, ['es', 'de-DE'])
    await store.load({ site: 'news.test' })
    expect(store.language.value).toBe('es')
    store.chooseLaw('lgpd')
    expect(store.language.value).toBe('pt')
  })

  it('writes a follow-up in the language of the letter it follows', async () => {
    const original: RequestRow = {
      id: 3,
      site: 'news.test',
      company: 'Criteo',
      law: 'gdpr-eu',
      kind: 'erasure',
      reference: 'TL-20251101-BBBB',
      recipient: 'dpo@criteo.com',
      subject: 'Ejercicio del derecho de supresión (artículo 17 del RGPD) – Ref. TL-20251101-BBBB',
      text: 'Señoras y señores:\n\nMe dirijo a ustedes…',
      createdAt: 1,
      sentAt: new Date(2025, 10, 1, 9).getTime(),
      channel: 'copy',
      dueDay: '2025-12-01',
      dueAt: 2,
      extension: false,
      status: 'overdue',
      history: [],
    }
    const { api } = fakeApi({ request: async () => original })
    const store = createDraftStore(api)
    await store.load({ site: 'news.test', followUp: 3, kind: 'reminder' })
    store.senderName.value = 'Alex Doe'
    expect(store.language.value).toBe('es')
    const r = store.letter.value
    if (!('letter' in r)) throw new Error(r.error)
    expect(r.letter.body).toContain(
      'El 1 de noviembre de 2025 les envié una solicitud de supresión de mis datos personales',
    )
  })

  it('follows up in the language stored with the request, even when the letter was rewritten', async () => {
    const original: RequestRow = {
      id: 4,
      site: 'news.test',
      company: 'Criteo',
      law: 'gdpr-eu',
      kind: 'access',
      reference: 'TL-20251101-CCCC',
      recipient: 'dpo@criteo.com',
      subject: 'Auskunft',
      // Rewritten by the person: no salutation the letters use, so only the stored choice tells.
      text: 'Hallo Criteo,\n\nbitte sagt mir, was ihr über mich speichert.',
      createdAt: 1,
      sentAt: new Date(2025, 10, 1, 9).getTime(),
      channel: 'copy',
      dueDay: '2025-12-01',
      dueAt: 2,
      extension: false,
      status: 'overdue',
      history: [],
      language: 'fr',
    }
    const { api } = fakeApi({ request: async () => original })
    const store = createDraftStore(api, ['en'])
    await store.load({ site: 'news.test', followUp: 4, kind: 'reminder' })
    expect(store.language.value).toBe('fr')
    expect(requestLanguage(original)).toBe('fr')
    // Without a stored language, the letter's own salutation tells; with neither, nothing does.
    expect(requestLanguage({ ...original, language: undefined })).toBeNull()
    expect(requestLanguage({ ...original, language: 'xx', text: 'Dear Sir or Madam,\n' })).toBe(
      'en',
    )
  })
})
