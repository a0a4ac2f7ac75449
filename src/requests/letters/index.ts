/**
 * Every language a letter can be written in, and which one to suggest. A language is offered
 * for a (law, kind) only when it has the template and the law's citations; English has all.
 */
import type { KindId, Law, LawId } from '../laws'
import { de } from './de'
import { en } from './en'
import { es } from './es'
import { fr } from './fr'
import { pt } from './pt'
import { LETTER_LANGUAGES, type LetterLanguage, type LetterPack } from './types'

export type { LetterLanguage, LetterPack } from './types'
export { isLetterLanguage, LETTER_LANGUAGES } from './types'

export const LETTER_PACKS: Record<LetterLanguage, LetterPack> = { en, de, fr, es, pt }

/** The languages a letter of this kind under this law exists in, English first. */
export function letterLanguages(law: Law, kind: KindId): LetterLanguage[] {
  return LETTER_LANGUAGES.filter((l) => {
    const pack = LETTER_PACKS[l]
    return (
      pack.laws[law.id]?.cites[kind] !== undefined &&
      pack.templates[law.family]?.[kind] !== undefined
    )
  })
}

/** The language of the people a law protects, when it is not English. */
const LAW_LANGUAGE: Partial<Record<LawId, LetterLanguage>> = { lgpd: 'pt', quebec: 'fr' }

/**
 * The language to suggest: the first of the user's languages (most wanted first) the letter
 * exists in, else the law's own language, else English. A German reader writing under the
 * GDPR gets German; under a US law, where there is no German letter, English.
 */
export function defaultLetterLanguage(
  law: Law,
  kind: KindId,
  preferred: readonly string[],
): LetterLanguage {
  const available = letterLanguages(law, kind)
  for (const tag of preferred) {
    const base = tag.toLowerCase().replace('_', '-').split('-')[0]
    const hit = available.find((l) => l === base)
    if (hit !== undefined) return hit
  }
  const own = LAW_LANGUAGE[law.id]
  if (own !== undefined && available.includes(own)) return own
  return available.includes('en') ? 'en' : (available[0] ?? 'en')
}

/** The language a stored letter was written in, recognised by its salutation (null if none
 * matches, e.g. a letter the user rewrote). */
export function languageOfLetter(text: string): LetterLanguage | null {
  const first = text.trimStart().split('\n', 1)[0]?.trim() ?? ''
  return LETTER_LANGUAGES.find((l) => LETTER_PACKS[l].phrases.salutation === first) ?? null
}
