/**
 * Dates, numbers and lists as a formal letter writes them in each language. Month names are
 * written out here rather than taken from Intl, so a letter reads the same in every browser
 * and in Node (ICU data differs between them).
 */
import type { Day } from '../dates'
import type { LetterLanguage } from './types'

const DAY_RE = /^(\d{4})-(\d{2})-(\d{2})$/

const MONTHS: Record<LetterLanguage, readonly string[]> = {
  en: [
    'January',
    'February',
    'March',
    'April',
    'May',
    'June',
    'July',
    'August',
    'September',
    'October',
    'November',
    'December',
  ],
  de: [
    'Januar',
    'Februar',
    'März',
    'April',
    'Mai',
    'Juni',
    'Juli',
    'August',
    'September',
    'Oktober',
    'November',
    'Dezember',
  ],
  fr: [
    'janvier',
    'février',
    'mars',
    'avril',
    'mai',
    'juin',
    'juillet',
    'août',
    'septembre',
    'octobre',
    'novembre',
    'décembre',
  ],
  es: [
    'enero',
    'febrero',
    'marzo',
    'abril',
    'mayo',
    'junio',
    'julio',
    'agosto',
    'septiembre',
    'octubre',
    'noviembre',
    'diciembre',
  ],
  pt: [
    'janeiro',
    'fevereiro',
    'março',
    'abril',
    'maio',
    'junho',
    'julho',
    'agosto',
    'setembro',
    'outubro',
    'novembro',
    'dezembro',
  ],
}

function parts(day: Day): [number, string, number] {
  const m = DAY_RE.exec(day)
  const month = m === null ? undefined : MONTHS.en[Number(m[2]) - 1]
  if (m === null || month === undefined) throw new Error(`Not a calendar day: ${day}`)
  return [Number(m[1]), m[2] ?? '', Number(m[3])]
}

/**
 * A day in full, the way a letter in that language dates things: "31 January 2026",
 * "31. Januar 2026", "1er mars 2026", "31 de enero de 2026", "1º de março de 2026".
 */
export function letterDate(day: Day, language: LetterLanguage): string {
  const [y, mm, d] = parts(day)
  const month = MONTHS[language][Number(mm) - 1] ?? ''
  switch (language) {
    case 'en':
      return `${d} ${month} ${y}`
    case 'de':
      return `${d}. ${month} ${y}`
    case 'fr':
      return `${d === 1 ? '1er' : d} ${month} ${y}`
    case 'es':
      return `${d} de ${month} de ${y}`
    case 'pt':
      return `${d === 1 ? '1º' : d} de ${month} de ${y}`
  }
}

const numberFormats = new Map<LetterLanguage, Intl.NumberFormat>()

/** A count as the language writes it (1,234 · 1.234 · 1 234). */
export function letterNumber(n: number, language: LetterLanguage): string {
  let f = numberFormats.get(language)
  if (f === undefined) numberFormats.set(language, (f = new Intl.NumberFormat(language)))
  return f.format(n)
}

/** Whether a count takes the singular: French counts 0 and 1 as singular, the others 1 only. */
export function isSingular(n: number, language: LetterLanguage): boolean {
  return language === 'fr' ? n === 0 || n === 1 : n === 1
}

/** "a", "a and b", "a, b and c" with the language's word for "and". */
export function joinList(items: readonly string[], and: string): string {
  if (items.length <= 1) return items.join('')
  return `${items.slice(0, -1).join(', ')} ${and} ${items[items.length - 1] ?? ''}`
}
