/**
 * Deadlines as an iCalendar file (RFC 5545) the user can import into their own calendar: one
 * all-day event per request still waiting for an answer, on its due day.
 */
import type { RequestRow } from '@/db/schema'
import { addDays } from './dates'

/** What each event says, in the reader's language (the dashboard's catalogue gives them). */
export interface IcsWords {
  /** One line: who owes an answer, and the reference. */
  summary(row: RequestRow): string
  /** What was asked, when and to whom, and what to do if no answer came. */
  description(row: RequestRow): string
}

/** TEXT escaping (RFC 5545 §3.3.11). */
function text(s: string): string {
  return s
    .replace(/[\r\n]+/g, '\n')
    .replace(/[\\;,]/g, (c) => `\\${c}`)
    .replace(/\n/g, '\\n')
}

/** Lines longer than 75 octets are folded with CRLF + space (§3.1), never inside a character. */
function fold(line: string): string {
  const out: string[] = []
  let current = ''
  let bytes = 0
  for (const ch of line) {
    const n = new TextEncoder().encode(ch).length
    if (bytes + n > (out.length === 0 ? 75 : 74)) {
      out.push(current)
      current = ''
      bytes = 0
    }
    current += ch
    bytes += n
  }
  out.push(current)
  return out.join('\r\n ')
}

const WAITING = new Set(['sent', 'acknowledged', 'extended', 'overdue'])

export function deadlinesIcs(rows: readonly RequestRow[], now: number, words: IcsWords): string {
  const stamp = new Date(now)
    .toISOString()
    .replace(/[-:]/g, '')
    .replace(/\.\d{3}/, '')
  const events = rows
    .filter((r) => r.dueDay !== undefined && WAITING.has(r.status))
    .flatMap((r) => {
      const day = r.dueDay ?? ''
      return [
        'BEGIN:VEVENT',
        `UID:${text(r.reference)}-${r.id ?? 0}@tracelight`,
        `DTSTAMP:${stamp}`,
        `DTSTART;VALUE=DATE:${day.replaceAll('-', '')}`,
        `DTEND;VALUE=DATE:${addDays(day, 1).replaceAll('-', '')}`,
        `SUMMARY:${text(words.summary(r))}`,
        `DESCRIPTION:${text(words.description(r))}`,
        'END:VEVENT',
      ]
    })
  return (
    [
      'BEGIN:VCALENDAR',
      'VERSION:2.0',
      'PRODID:-//Tracelight//Requests//EN',
      'CALSCALE:GREGORIAN',
      ...events,
      'END:VCALENDAR',
    ]
      .map(fold)
      .join('\r\n') + '\r\n'
  )
}
