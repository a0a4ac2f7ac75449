import { describe, expect, it } from 'vitest'
import { parseMessage } from '@/messages'

const good = {
  site: 'news.test',
  company: 'news.test',
  law: 'gdpr-eu',
  kind: 'access',
  reference: 'TL-20260101-ABCD',
  recipient: 'privacy@news.test',
  subject: 'Data subject access request under GDPR — ref. TL-20260101-ABCD',
  text: 'Dear Sir or Madam, …',
  channel: 'mailto',
}

describe('request messages', () => {
  it.each([
    [{ type: 'request.create', request: good }],
    [{ type: 'request.create', request: { ...good, recipient: '', followUpOf: 3 } }],
    [{ type: 'request.status', id: 1, status: 'answered', note: 'got a ZIP' }],
    [{ type: 'request.status', id: 1, status: 'extended' }],
    [{ type: 'requests.refresh' }],
    [{ type: 'contact.save', contact: { site: 'news.test', email: 'dpo@news.test' } }],
    [
      {
        type: 'contact.save',
        contact: { site: 'news.test', formUrl: 'https://news.test/privacy', policyUrl: '' },
      },
    ],
  ])('accepts %j', (m) => {
    expect(parseMessage(m)).toEqual(m)
  })

  it.each([
    ['an unknown law', { type: 'request.create', request: { ...good, law: 'gdpr-mars' } }],
    ['an unknown kind', { type: 'request.create', request: { ...good, kind: 'delete-all' } }],
    ['an unknown channel', { type: 'request.create', request: { ...good, channel: 'fax' } }],
    ['a huge letter', { type: 'request.create', request: { ...good, text: 'x'.repeat(30_001) } }],
    ['an empty letter', { type: 'request.create', request: { ...good, text: '' } }],
    ['a non-string site', { type: 'request.create', request: { ...good, site: 1 } }],
    ['a missing request', { type: 'request.create' }],
    ['an array request', { type: 'request.create', request: [good] }],
    ['a bad follow-up id', { type: 'request.create', request: { ...good, followUpOf: -1 } }],
    ['status sent (only creation sends)', { type: 'request.status', id: 1, status: 'sent' }],
    ['status overdue (only the calendar)', { type: 'request.status', id: 1, status: 'overdue' }],
    ['a float id', { type: 'request.status', id: 1.5, status: 'closed' }],
    ['a long note', { type: 'request.status', id: 1, status: 'closed', note: 'x'.repeat(2001) }],
    [
      'a javascript: form URL',
      { type: 'contact.save', contact: { site: 'a.test', formUrl: 'javascript:alert(1)' } },
    ],
    ['a contact without site', { type: 'contact.save', contact: { email: 'a@b.co' } }],
  ])('rejects %s', (_, m) => {
    expect(parseMessage(m)).toBeNull()
  })
})
