import { describe, expect, it } from 'vitest'
import { i18nOf } from '@/ui/i18n/all'
import { createI18n } from './i18n'
import { deletedText, rangeQuestion } from './deletion-words'

const en = createI18n('en')
const de = i18nOf('de')
const summary = { sites: 56, visits: 1, findings: 1234 }
const day = (d: number) => new Date(2024, 4, d).getTime()

describe('deletion words', () => {
  it('says what each deletion removed, with numbers in the language’s style', () => {
    expect(deletedText(en, { kind: 'company', name: 'Google' }, summary)).toBe(
      'Deleted 1,234 findings of Google on 56 sites.',
    )
    expect(deletedText(de, { kind: 'company', name: 'Google' }, summary)).toBe(
      '1.234 Funde von Google auf 56 Websites gelöscht.',
    )
    expect(deletedText(en, { kind: 'site', site: 'news.test' }, summary)).toBe(
      'Deleted what Tracelight recorded on news.test: 1 visit, 1,234 findings.',
    )
    expect(deletedText(en, { kind: 'everything' }, summary)).toBe(
      'Deleted all recorded history: 56 sites, 1 visit, 1,234 findings.',
    )
    expect(deletedText(en, { kind: 'range', from: day(1), to: day(4) }, summary)).toBe(
      'Deleted 1 visit and 1,234 findings from May 1, 2024 to May 3, 2024.',
    )
    expect(deletedText(en, { kind: 'range', from: day(1), to: day(2) }, summary)).toBe(
      'Deleted 1 visit and 1,234 findings from May 1, 2024.',
    )
  })

  it('asks about one day, or about several', () => {
    expect(rangeQuestion(en, summary, { from: day(1), to: day(2) })).toBe(
      'Delete 1 visit and 1,234 findings on 56 sites, all from May 1, 2024?',
    )
    expect(rangeQuestion(de, summary, { from: day(1), to: day(3) })).toBe(
      '1 Besuch und 1.234 Funde auf 56 Websites vom 01.05.2024 bis 02.05.2024 löschen?',
    )
  })
})
