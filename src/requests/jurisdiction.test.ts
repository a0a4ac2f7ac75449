import { describe, expect, it } from 'vitest'
import { suggestLaw } from './jurisdiction'

describe('suggestLaw', () => {
  it.each([
    ['de-DE', 'gdpr-eu'],
    ['en-GB', 'gdpr-uk'],
    ['en_GB', 'gdpr-uk'],
    ['en-US', 'ccpa'],
    ['pt-BR', 'lgpd'],
    ['fr-CA', 'quebec'],
    ['en-CA', 'pipeda'],
    ['es-419', 'gdpr-eu'],
    ['fr', 'gdpr-eu'],
    ['zh-Hant-TW', 'gdpr-eu'],
  ])('%s → %s', (locale, law) => {
    expect(suggestLaw(locale)).toBe(law)
  })
})
