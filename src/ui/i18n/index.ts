import { en, type MessageKey } from './en'

/** One message catalogue for popup and dashboard. Other languages must have every key (a unit
 * test checks); a missing one falls back to English. */
export type Catalogue = Record<MessageKey, string>
export type Vars = Record<string, string | number>

/** Each language named in itself, for the language picker. */
export const LANGUAGES = { en: 'English', de: 'Deutsch', fr: 'Français', es: 'Español' } as const
export type Language = keyof typeof LANGUAGES

/**
 * A page loads the one catalogue it speaks: English is always in the bundle (the fallback);
 * the others are JSON files the build writes beside the pages (`i18n/de.json`…), fetched when
 * chosen, so the popup and the dashboard do not parse four languages to show one, and both
 * pages share one copy. (The background, a service worker, takes every catalogue from `./all`.)
 */
async function fetchCatalogue(language: Language): Promise<Catalogue> {
  if (language === 'en') return en
  const response = await fetch(`/${catalogueFile(language)}`)
  if (!response.ok) throw new Error(`HTTP ${response.status}`)
  const catalogue: unknown = await response.json()
  if (typeof catalogue !== 'object' || catalogue === null) throw new Error('not a catalogue')
  return catalogue as Catalogue
}

/** Where the build puts a language's words, from the extension's root. */
export const catalogueFile = (language: Language) => `i18n/${language}.json`

/** Words in `language`, once its catalogue is loaded; English words if it cannot be (a page
 * in the wrong language is better than none). */
export async function loadI18n(language: Language, locale: string = language): Promise<I18n> {
  const catalogue = await fetchCatalogue(language).catch((error: unknown) => {
    console.warn(`Tracelight: the ${language} words could not be loaded`, error)
    return en
  })
  return createI18n(language, locale, catalogue)
}

export function pickLanguage(preferred: readonly string[]): Language {
  for (const tag of preferred) {
    const base = tag.toLowerCase().split('-')[0] ?? ''
    if (Object.hasOwn(LANGUAGES, base)) return base as Language
  }
  return 'en'
}

/**
 * The locale dates and numbers are written in: the browser's own for the chosen language
 * (`en-GB` writes "1 Dec 2026, 14:05", `de-CH` "1’234"), else the language itself.
 */
export function formatLocale(language: Language, browser: readonly string[]): string {
  for (const tag of browser) {
    if (tag.toLowerCase().split('-')[0] !== language) continue
    try {
      return Intl.getCanonicalLocales(tag)[0] ?? language
    } catch {
      // Not a well-formed tag: look further.
    }
  }
  return language
}

/** Words in `language` from its catalogue (`loadI18n` fetches it; English needs none); dates
 * and numbers as `locale` writes them (formatLocale). */
export function createI18n(
  language: Language,
  locale: string = language,
  catalogue: Catalogue | undefined = language === 'en' ? en : undefined,
) {
  if (catalogue === undefined) throw new Error(`The ${language} catalogue is not loaded`)
  const messages: Catalogue = catalogue
  const plurals = new Intl.PluralRules(language)
  const numbers = new Intl.NumberFormat(locale)
  const dates = new Intl.DateTimeFormat(locale, { dateStyle: 'medium' })
  const dateTimes = new Intl.DateTimeFormat(locale, { dateStyle: 'medium', timeStyle: 'short' })
  const times = new Intl.DateTimeFormat(locale, { timeStyle: 'medium' })
  const days = new Intl.DateTimeFormat(locale, { day: 'numeric', month: 'short' })

  /** An error Tracelight raised itself carries a catalogue key (`error.…`) as its message, so
   * it reads in the page's language wherever it is shown as `{message}`; any other message (the
   * browser's own) is shown as it is. */
  const errorText = (message: string) =>
    message.startsWith('error.') && Object.hasOwn(en, message)
      ? (messages[message as MessageKey] ?? en[message as MessageKey])
      : message
  const fill = (text: string, vars: Vars) =>
    text.replace(/\{(\w+)\}/g, (whole, name: string) => {
      const v = vars[name]
      if (v === undefined) return whole
      if (typeof v === 'number') return numbers.format(v)
      return name === 'message' ? errorText(v) : v
    })

  /** A message, with `{name}` placeholders filled in. */
  function t(key: MessageKey, vars: Vars = {}): string {
    return fill(messages[key] ?? en[key], vars)
  }
  /** A counted message: `key.one` or `key.other` by the language's plural rules, `{n}` filled. */
  function tn(key: string, n: number, vars: Vars = {}): string {
    const form = plurals.select(n) === 'one' ? 'one' : 'other'
    const k = `${key}.${form}` as MessageKey
    return fill(messages[k] ?? en[k] ?? k, { ...vars, n })
  }
  const dayOf = (day: string) => {
    const [y, m, d] = day.split('-').map(Number)
    return new Date(y ?? 1970, (m ?? 1) - 1, d ?? 1, 12)
  }
  return {
    language,
    t,
    tn,
    num: (n: number) => numbers.format(n),
    date: (at: number) => dates.format(at),
    dateTime: (at: number) => dateTimes.format(at),
    /** Time of day, with seconds (moments of one visit are seconds apart). */
    time: (at: number) => times.format(at),
    /** A YYYY-MM-DD local day, short. */
    day: (day: string) => days.format(dayOf(day)),
    /** A YYYY-MM-DD local day, in full. */
    longDay: (day: string) => dates.format(dayOf(day)),
    bytes(n: number): string {
      const units = ['B', 'kB', 'MB', 'GB']
      let v = n
      let u = 0
      while (v >= 1000 && u < units.length - 1) {
        v /= 1000
        u++
      }
      return `${new Intl.NumberFormat(locale, { maximumFractionDigits: v < 10 ? 1 : 0 }).format(v)} ${units[u]}`
    },
  }
}

export type I18n = ReturnType<typeof createI18n>
