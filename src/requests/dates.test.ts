import { describe, expect, it } from 'vitest'
import {
  addBusinessDays,
  addDays,
  addMonths,
  dayOf,
  daysBetween,
  endOfDay,
  isDay,
  longDate,
  periodText,
} from './dates'

describe('calendar months (GDPR Art. 12(3))', () => {
  it.each([
    ['2026-01-15', 1, '2026-02-15'],
    ['2026-01-31', 1, '2026-02-28'],
    ['2028-01-31', 1, '2028-02-29'], // leap year
    ['2100-01-31', 1, '2100-02-28'], // not a leap year (century)
    ['2000-01-31', 1, '2000-02-29'], // leap year (400)
    ['2026-03-31', 1, '2026-04-30'],
    ['2026-08-31', 1, '2026-09-30'],
    ['2026-12-31', 1, '2027-01-31'], // across the year
    ['2026-12-15', 1, '2027-01-15'],
    ['2026-01-31', 3, '2026-04-30'],
    ['2026-11-30', 3, '2027-02-28'],
    ['2026-02-28', 1, '2026-03-28'], // not month-end to month-end: same day number
  ])('%s + %i month(s) = %s', (from, n, to) => {
    expect(addMonths(from, n)).toBe(to)
  })
})

describe('days and business days', () => {
  it('adds calendar days across months and leap days', () => {
    expect(addDays('2026-01-20', 45)).toBe('2026-03-06')
    expect(addDays('2028-02-20', 10)).toBe('2028-03-01')
    expect(addDays('2026-12-20', 15)).toBe('2027-01-04')
  })
  it('is not moved by daylight-saving changes', () => {
    // Europe and the US change clocks in late March / early November.
    expect(addDays('2026-03-28', 2)).toBe('2026-03-30')
    expect(addDays('2026-10-24', 45)).toBe('2026-12-08')
    expect(addMonths('2026-03-29', 1)).toBe('2026-04-29')
    expect(daysBetween('2026-03-01', '2026-04-01')).toBe(31)
  })
  it('skips weekends for business days', () => {
    expect(addBusinessDays('2026-11-27', 1)).toBe('2026-11-30') // Fri -> Mon
    expect(addBusinessDays('2026-11-28', 1)).toBe('2026-11-30') // Sat -> Mon
    expect(addBusinessDays('2026-11-30', 5)).toBe('2026-12-07') // Mon -> next Mon
    expect(addBusinessDays('2026-11-30', 15)).toBe('2026-12-21')
    expect(addBusinessDays('2026-11-30', 10)).toBe('2026-12-14')
    expect(addBusinessDays('2026-12-24', 3)).toBe('2026-12-29') // holidays are not known
  })
  it('reads local days and the end of a day', () => {
    const at = new Date(2026, 0, 31, 23, 59).getTime()
    expect(dayOf(at)).toBe('2026-01-31')
    const end = endOfDay('2026-01-31')
    expect(dayOf(end)).toBe('2026-01-31')
    expect(dayOf(end + 1)).toBe('2026-02-01')
  })
  it('validates days', () => {
    expect(isDay('2026-02-28')).toBe(true)
    expect(isDay('2026-02-30')).toBe(false)
    expect(isDay('2026-2-3')).toBe(false)
    expect(isDay(20260101)).toBe(false)
  })
  it('writes dates and periods for letters', () => {
    expect(longDate('2026-01-05')).toBe('5 January 2026')
    expect(periodText({ unit: 'months', amount: 1 })).toBe('1 month')
    expect(periodText({ unit: 'business-days', amount: 15 })).toBe('15 business days')
  })
})
