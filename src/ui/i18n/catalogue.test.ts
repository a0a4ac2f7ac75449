import { readFileSync } from 'node:fs'
import { CATALOGUES, i18nOf } from './all'
import { afterEach, describe, expect, it, vi } from 'vitest'
import { createI18n, formatLocale, LANGUAGES, loadI18n, pickLanguage, type Language } from './index'
import { serveCatalogues } from './served'
import { en } from './en'
import { SIGNAL_IDS } from '@/detect/signals'

const placeholders = (text: string) => [...text.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort()
const others = (Object.keys(LANGUAGES) as Language[]).filter((l) => l !== 'en')

describe('message catalogue', () => {
  it.each(others)('%s has every English key and no other', (language) => {
    expect(Object.keys(CATALOGUES[language]).sort()).toEqual(Object.keys(en).sort())
  })

  it.each(others)('%s fills the same placeholders, and no message is empty', (language) => {
    for (const [key, text] of Object.entries(CATALOGUES[language])) {
      expect(text.trim(), key).not.toBe('')
      // A form may leave out {n} ("einmal"), but never invent a placeholder.
      const mine = placeholders(text).filter((p) => p !== 'n')
      expect(mine, key).toEqual(placeholders(en[key as keyof typeof en]).filter((p) => p !== 'n'))
    }
  })

  it('has both plural forms wherever one exists', () => {
    for (const key of Object.keys(en)) {
      if (key.endsWith('.one'))
        expect(Object.hasOwn(en, key.replace(/one$/, 'other')), key).toBe(true)
    }
  })

  it('names and explains every signal the detectors record, for popup and dashboard alike', () => {
    for (const signal of SIGNAL_IDS) {
      const request = signal === 'tracker.request' || signal === 'thirdparty.request'
      const keys = request
        ? [`signal.${signal}.title`, `signal.${signal}.why`, `signal.${signal}.name`]
        : [`signal.${signal}.title`, `signal.${signal}.meaning`]
      for (const key of keys) expect(Object.hasOwn(en, key), key).toBe(true)
    }
  })

  it.each(Object.keys(LANGUAGES))('_locales/%s has the manifest’s name and description', (l) => {
    const file = JSON.parse(readFileSync(`public/_locales/${l}/messages.json`, 'utf8')) as Record<
      string,
      { message: string }
    >
    expect(Object.keys(file).sort()).toEqual(['extDescription', 'extName'])
    expect(file.extName?.message).toBe('Tracelight')
    expect(file.extDescription?.message.length).toBeLessThanOrEqual(132)
  })
})

describe('createI18n', () => {
  it('formats numbers, plurals and dates per language', () => {
    const de = i18nOf('de')
    expect(de.tn('site.findings', 1)).toBe('1 Fund')
    expect(de.tn('site.findings', 1234)).toBe('1.234 Funde')
    expect(i18nOf('fr').tn('site.findings', 0)).toBe('0 constat')
    expect(createI18n('en').t('overview.noMatch', { q: 'x' })).toBe('No site matches “x”.')
    expect(i18nOf('es').longDay('2024-05-10')).toBe('10 may 2024')
  })
  it('writes dates and numbers as the browser’s locale does for the chosen language', () => {
    expect(formatLocale('en', ['en-GB', 'de'])).toBe('en-GB')
    expect(formatLocale('de', ['en-GB', 'de-CH'])).toBe('de-CH')
    // Another language chosen than the browser's: that language's own formats.
    expect(formatLocale('fr', ['en-GB', 'de'])).toBe('fr')
    expect(formatLocale('en', ['en_bad!', 'en-US'])).toBe('en-US')
    const at = new Date(2026, 11, 1, 14, 5).getTime()
    expect(createI18n('en', 'en-GB').date(at)).toBe('1 Dec 2026')
    expect(createI18n('en', 'en-US').date(at)).toBe('Dec 1, 2026')
    expect(createI18n('en', 'en-GB').tn('site.findings', 1234)).toBe('1,234 findings')
    // Swiss German groups thousands with an apostrophe (its exact glyph is ICU's choice).
    expect(i18nOf('de', 'de-CH').tn('site.findings', 1234)).toMatch(/^1['’]234 Funde$/)
  })

  it('picks the first supported browser language', () => {
    expect(pickLanguage(['pt-BR', 'fr-CA', 'de'])).toBe('fr')
    expect(pickLanguage(['ja'])).toBe('en')
  })
})

describe('loadI18n', () => {
  afterEach(() => {
    vi.unstubAllGlobals()
    vi.restoreAllMocks()
  })

  it('fetches the chosen language from the file the build writes', async () => {
    serveCatalogues()
    const de = await loadI18n('de', 'de-AT')
    expect(de.language).toBe('de')
    expect(de.t('nav.overview')).toBe(CATALOGUES.de['nav.overview'])
    expect(de.t('nav.overview')).not.toBe(en['nav.overview'])
  })

  it('needs no file for English', async () => {
    const fetch = vi.fn()
    vi.stubGlobal('fetch', fetch)
    expect((await loadI18n('en')).t('nav.overview')).toBe(en['nav.overview'])
    expect(fetch).not.toHaveBeenCalled()
  })

  it.each([
    ['a missing file', () => Promise.resolve(new Response('', { status: 404 }))],
    ['a file that is not JSON', () => Promise.resolve(new Response('<html>'))],
    ['a file that is not a catalogue', () => Promise.resolve(new Response('null'))],
    ['a failed fetch', () => Promise.reject(new TypeError('Failed to fetch'))],
  ])('shows English words after %s, and says why in the console', async (_what, answer) => {
    vi.stubGlobal('fetch', answer)
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => undefined)
    const fr = await loadI18n('fr')
    expect(fr.language).toBe('fr')
    expect(fr.t('nav.overview')).toBe(en['nav.overview'])
    expect(warn).toHaveBeenCalledOnce()
  })
})
