import { describe, expect, it } from 'vitest'
import type { RequestRow } from '@/db/schema'
import { deadlinesIcs, type IcsWords } from './ics'

const words: IcsWords = {
  summary: (r) => `Answer due from ${r.company} (${r.reference})`,
  description: (r) => `${r.kind}, sent to ${r.recipient}`,
}

const row = (over: Partial<RequestRow>): RequestRow => ({
  id: 1,
  site: 'news.test',
  company: 'Criteo',
  law: 'gdpr-eu',
  kind: 'access',
  reference: 'TL-20260131-ABCD',
  recipient: 'dpo@criteo.com',
  subject: 's',
  text: 't',
  createdAt: 0,
  sentAt: Date.UTC(2026, 0, 31, 12),
  channel: 'mailto',
  dueDay: '2026-02-28',
  dueAt: 0,
  extension: false,
  status: 'sent',
  history: [],
  ...over,
})

describe('deadlines .ics', () => {
  const ics = deadlinesIcs(
    [
      row({}),
      row({ id: 2, status: 'answered' }),
      row({ id: 3, kind: 'reminder', dueDay: undefined }),
      row({ id: 4, company: 'Evil; Corp,\r\nBEGIN:VEVENT', dueDay: '2026-12-31' }),
    ],
    Date.UTC(2026, 1, 1, 8, 30),
    words,
  )
  const unfolded = ics.replace(/\r\n /g, '')
  it('has one all-day event per request still waiting', () => {
    expect(ics.startsWith('BEGIN:VCALENDAR\r\nVERSION:2.0\r\n')).toBe(true)
    expect(ics.endsWith('END:VCALENDAR\r\n')).toBe(true)
    expect(unfolded.match(/^BEGIN:VEVENT$/gm)).toHaveLength(2)
    expect(unfolded).toContain('DTSTART;VALUE=DATE:20260228\r\nDTEND;VALUE=DATE:20260301')
    expect(unfolded).toContain('DTEND;VALUE=DATE:20270101')
    expect(unfolded).toContain('DTSTAMP:20260201T083000Z')
    expect(unfolded).toContain('SUMMARY:Answer due from Criteo (TL-20260131-ABCD)')
    expect(unfolded).toContain('DESCRIPTION:access\\, sent to dpo@criteo.com')
  })
  it('escapes text so a name cannot add calendar lines', () => {
    expect(unfolded).toContain(
      'SUMMARY:Answer due from Evil\\; Corp\\,\\nBEGIN:VEVENT (TL-20260131-ABCD)',
    )
  })
  it('folds long lines at 75 octets', () => {
    for (const line of ics.split('\r\n'))
      expect(new TextEncoder().encode(line).length).toBeLessThanOrEqual(75)
  })
})
