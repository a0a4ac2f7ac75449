import { createI18n, type I18n } from '@/ui/i18n'
import { en, type MessageKey } from '@/ui/i18n/en'

const ENGLISH = createI18n('en')
const isKey = (k: string): k is MessageKey => Object.hasOwn(en, k)

/** Words people read for third-party-web's categories (English unless a language is given:
 * the evidence report is written in English). */
export function categoryLabel(category: string, i18n: I18n = ENGLISH): string {
  const key = `category.${category}`
  return i18n.t(isKey(key) ? key : 'category.other')
}

export function categoriesLabel(i18n: I18n, categories: readonly string[]): string {
  return categories.map((c) => categoryLabel(c, i18n)).join(i18n.t('value.listSeparator'))
}

/** One time, or a range when first and last differ on the clock. */
export function formatTimeRange(i18n: I18n, first: number, last: number): string {
  const a = i18n.time(first)
  const b = i18n.time(last)
  return a === b ? i18n.t('time.at', { time: a }) : i18n.t('time.range', { from: a, to: b })
}
