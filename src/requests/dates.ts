/**
 * Calendar-day arithmetic on `YYYY-MM-DD` strings. Deadlines are counted in the user's own
 * calendar days, so times and daylight-saving shifts never move a due date: the arithmetic runs
 * on UTC midnights, where every day is 24 hours long.
 */
import type { Period } from './laws'
import { letterDate } from './letters/format'

export type Day = string

const DAY_MS = 86_400_000
const DAY_RE = /^(\d{4})-(\d{2})-(\d{2})$/

function parts(day: Day): [number, number, number] {
  const m = DAY_RE.exec(day)
  if (m === null) throw new Error(`Not a calendar day: ${day}`)
  return [Number(m[1]), Number(m[2]), Number(m[3])]
}

function fromUtc(ms: number): Day {
  return new Date(ms).toISOString().slice(0, 10)
}

function toUtc(day: Day): number {
  const [y, m, d] = parts(day)
  return Date.UTC(y, m - 1, d)
}

export function isDay(value: unknown): value is Day {
  if (typeof value !== 'string' || !DAY_RE.test(value)) return false
  return fromUtc(toUtc(value)) === value
}

/** The user's local calendar day of a timestamp. */
export function dayOf(at: number): Day {
  const d = new Date(at)
  const pad = (n: number) => String(n).padStart(2, '0')
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}`
}

/** The last millisecond of a local calendar day: a deadline is met until then. */
export function endOfDay(day: Day): number {
  const [y, m, d] = parts(day)
  return new Date(y, m - 1, d + 1).getTime() - 1
}

export function addDays(day: Day, n: number): Day {
  return fromUtc(toUtc(day) + n * DAY_MS)
}

/** Same day n months later, clamped to the end of a shorter month (Jan 31 + 1 → Feb 28/29):
 * a calendar month under GDPR Art. 12(3), not "30 days". */
export function addMonths(day: Day, n: number): Day {
  const [y, m, d] = parts(day)
  const first = Date.UTC(y, m - 1 + n, 1)
  const target = new Date(first)
  const lastDay = new Date(Date.UTC(target.getUTCFullYear(), target.getUTCMonth() + 1, 0))
  return fromUtc(
    Date.UTC(target.getUTCFullYear(), target.getUTCMonth(), Math.min(d, lastDay.getUTCDate())),
  )
}

/** n days later counting Monday to Friday only. Public holidays are not known offline and are
 * counted as business days; the product says so. */
export function addBusinessDays(day: Day, n: number): Day {
  let ms = toUtc(day)
  let left = n
  while (left > 0) {
    ms += DAY_MS
    const weekday = new Date(ms).getUTCDay()
    if (weekday !== 0 && weekday !== 6) left -= 1
  }
  return fromUtc(ms)
}

export function addPeriod(day: Day, period: Period): Day {
  switch (period.unit) {
    case 'months':
      return addMonths(day, period.amount)
    case 'days':
      return addDays(day, period.amount)
    case 'business-days':
      return addBusinessDays(day, period.amount)
  }
}

/** Whole days from a to b (negative when b is earlier). */
export function daysBetween(a: Day, b: Day): number {
  return Math.round((toUtc(b) - toUtc(a)) / DAY_MS)
}

export function periodText(period: Period): string {
  const unit = period.unit === 'months' ? 'month' : period.unit === 'days' ? 'day' : 'business day'
  return `${period.amount} ${unit}${period.amount === 1 ? '' : 's'}`
}

/** A day written for a letter: "31 January 2026" — unambiguous across countries. */
export function longDate(day: Day): string {
  return letterDate(day, 'en')
}
