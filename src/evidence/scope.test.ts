import { describe, expect, it } from 'vitest'
import {
  EVERYTHING,
  filterOf,
  findingMatches,
  periodFromDays,
  scopeHeader,
  scopeSlug,
  visitMatches,
} from './scope'

describe('periodFromDays', () => {
  it('spans whole local days, both included', () => {
    expect(periodFromDays('2026-11-01', '2026-11-30')).toEqual({
      ok: true,
      from: new Date(2026, 10, 1).getTime(),
      to: new Date(2026, 11, 1).getTime() - 1,
    })
    expect(periodFromDays('2026-11-30', '2026-11-30')).toMatchObject({ ok: true })
  })

  it('leaves a side open when its day is empty', () => {
    expect(periodFromDays('', '')).toEqual({ ok: true, from: null, to: null })
    expect(periodFromDays('2026-11-01', ' ')).toEqual({
      ok: true,
      from: new Date(2026, 10, 1).getTime(),
      to: null,
    })
  })

  it('refuses days that do not exist, other shapes, and a period ending before it starts', () => {
    expect(periodFromDays('2026-02-31', '')).toEqual({ ok: false, error: 'invalid' })
    expect(periodFromDays('30/11/2026', '')).toEqual({ ok: false, error: 'invalid' })
    expect(periodFromDays('', '2026-13-01')).toEqual({ ok: false, error: 'invalid' })
    expect(periodFromDays('2026-12-02', '2026-12-01')).toEqual({ ok: false, error: 'order' })
  })
})

describe('scope filters', () => {
  const f = { site: null, company: null, from: 1000, to: 2000 }
  it('selects visits by their start, both ends included', () => {
    expect(visitMatches(f, { site: 'a.test', startedAt: 1000 })).toBe(true)
    expect(visitMatches(f, { site: 'a.test', startedAt: 2000 })).toBe(true)
    expect(visitMatches(f, { site: 'a.test', startedAt: 999 })).toBe(false)
    expect(visitMatches(f, { site: 'a.test', startedAt: 2001 })).toBe(false)
    expect(visitMatches({ ...f, site: 'b.test' }, { site: 'a.test', startedAt: 1500 })).toBe(false)
  })

  it('selects findings by site and company name', () => {
    const c = { ...EVERYTHING, company: 'Google' }
    expect(findingMatches(c, { site: 'a.test', company: 'Google' })).toBe(true)
    expect(findingMatches(c, { site: 'a.test', company: 'Google LLC' })).toBe(false)
    expect(findingMatches(c, { site: 'a.test' })).toBe(false)
    expect(findingMatches(EVERYTHING, { site: 'a.test' })).toBe(true)
  })

  it('round-trips through the header', () => {
    const filter = { site: 'news.test', company: null, from: Date.UTC(2026, 0, 1), to: null }
    expect(scopeHeader(filter)).toEqual({
      site: 'news.test',
      company: null,
      from: '2026-01-01T00:00:00.000Z',
      to: null,
    })
    expect(filterOf(scopeHeader(filter))).toEqual(filter)
    expect(filterOf({ site: null, from: 'garbage', to: null })).toEqual(EVERYTHING)
  })

  it('names a scope safely for a file name', () => {
    expect(scopeSlug({ site: 'news.test', company: null })).toBe('news.test')
    expect(scopeSlug({ site: null, company: 'Alphabet / Google' })).toBe('company-Alphabet_Google')
    expect(scopeSlug({ site: null, company: null })).toBe('all')
    expect(scopeSlug({ site: null })).toBe('all')
  })
})
