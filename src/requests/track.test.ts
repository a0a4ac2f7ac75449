import { describe, expect, it } from 'vitest'
import type { RequestRow } from '@/db/schema'
import { endOfDay } from './dates'
import {
  extendable,
  isOverdue,
  markOverdue,
  nextStatuses,
  transition,
  TransitionError,
} from './track'

const SENT = new Date(2026, 0, 31, 12).getTime()
const row = (over: Partial<RequestRow> = {}): RequestRow => ({
  id: 1,
  site: 'news.test',
  company: 'news.test',
  law: 'gdpr-eu',
  kind: 'access',
  reference: 'TL-1',
  recipient: '',
  subject: 's',
  text: 't',
  createdAt: SENT,
  sentAt: SENT,
  channel: 'copy',
  dueDay: '2026-02-28',
  dueAt: endOfDay('2026-02-28'),
  extension: false,
  status: 'sent',
  history: [{ status: 'sent', at: SENT }],
  ...over,
})

describe('request tracking', () => {
  it('records each status change in the history', () => {
    const a = transition(row(), 'acknowledged', SENT + 1000)
    const b = transition(a, 'answered', SENT + 2000, 'They sent a ZIP file')
    const c = transition(b, 'closed', SENT + 3000)
    expect(c.status).toBe('closed')
    expect(c.history).toEqual([
      { status: 'sent', at: SENT },
      { status: 'acknowledged', at: SENT + 1000 },
      { status: 'answered', at: SENT + 2000, note: 'They sent a ZIP file' },
      { status: 'closed', at: SENT + 3000 },
    ])
    expect(() => transition(c, 'answered', SENT)).toThrow(TransitionError)
    expect(nextStatuses(c)).toEqual([])
  })

  it('moves the due date when the company extends (GDPR: 3 months from sending)', () => {
    const e = transition(row(), 'extended', SENT + 1000)
    expect(e.extension).toBe(true)
    expect(e.dueDay).toBe('2026-04-30')
    expect(e.dueAt).toBe(endOfDay('2026-04-30'))
    expect(extendable(e)).toBe(false)
    expect(() =>
      transition(transition(e, 'acknowledged', SENT + 2000), 'extended', SENT + 3000),
    ).toThrow(TransitionError)
  })

  it('refuses extensions the law does not allow', () => {
    const lgpd = row({ law: 'lgpd' })
    expect(extendable(lgpd)).toBe(false)
    expect(nextStatuses(lgpd)).not.toContain('extended')
    expect(() => transition(lgpd, 'extended', SENT)).toThrow(TransitionError)
    expect(extendable(row({ law: 'ccpa', kind: 'opt-out-sale' }))).toBe(false)
    expect(extendable(row({ law: 'ccpa', kind: 'access' }))).toBe(true)
  })

  it('becomes overdue only after the whole due day passed', () => {
    const r = row()
    const due = endOfDay('2026-02-28')
    expect(isOverdue(r, due)).toBe(false)
    expect(isOverdue(r, due + 1)).toBe(true)
    expect(isOverdue(row({ status: 'answered' }), due + 1)).toBe(false)
    expect(isOverdue(row({ dueAt: undefined, dueDay: undefined, kind: 'reminder' }), due + 1)).toBe(
      false,
    )
    expect(() => transition(r, 'overdue', due)).toThrow(TransitionError)
    const [late] = markOverdue([r, row({ id: 2, status: 'closed' })], due + 5000)
    expect(late?.status).toBe('overdue')
    expect(late?.history.at(-1)).toEqual({ status: 'overdue', at: due + 1 })
    expect(markOverdue([late ?? r], due + 9000)).toEqual([])
    expect(nextStatuses(late ?? r)).toEqual(['acknowledged', 'extended', 'answered', 'closed'])
  })
})
