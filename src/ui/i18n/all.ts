import { de } from './de'
import { en } from './en'
import { es } from './es'
import { fr } from './fr'
import { createI18n, type Catalogue, type I18n, type Language } from './index'

/** Where the build writes each catalogue but English (read with them when it writes them). */
export { catalogueFile } from './index'

/** Every catalogue, in the bundle: for the background (a service worker cannot load code after
 * it started) and for tests. Pages use `loadI18n`, which fetches only the one they speak. */
export const CATALOGUES: Record<Language, Catalogue> = { en, de, fr, es }

/** Words in any language, at once. */
export function i18nOf(language: Language, locale: string = language): I18n {
  return createI18n(language, locale, CATALOGUES[language])
}
