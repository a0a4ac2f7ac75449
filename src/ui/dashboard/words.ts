import type { FindingRow } from '@/db/schema'
import type { I18n } from '@/ui/i18n'
import type { MessageKey } from '@/ui/i18n/en'
import { en } from '@/ui/i18n/en'
import { signalMeaning, signalTitle } from '@/ui/signals'

const isKey = (k: string): k is MessageKey => Object.hasOwn(en, k)

export function categoryName(i18n: I18n, category: string): string {
  const key = `category.${category}`
  return i18n.t(isKey(key) ? key : 'category.other')
}

/** What a finding is called, from the one catalogue (signals.ts). */
export function findingTitle(i18n: I18n, f: FindingRow): string {
  if (f.signal === 'tracker.request' || f.signal === 'thirdparty.request')
    return i18n.t(`signal.${f.signal}.title`, { party: f.party })
  return signalTitle(i18n, f.signal)
}

/** Why it was flagged, in plain words. */
export function findingMeaning(i18n: I18n, f: FindingRow): string {
  if (f.signal === 'tracker.request')
    return i18n.t(
      f.company === undefined ? 'signal.tracker.request.why' : 'signal.tracker.request.whyKnown',
      {
        party: f.party,
        name: f.company ?? f.party,
        category: categoryName(i18n, f.category ?? 'other'),
      },
    )
  if (f.signal === 'thirdparty.request')
    return i18n.t(
      f.company === undefined
        ? 'signal.thirdparty.request.why'
        : 'signal.thirdparty.request.whyKnown',
      {
        party: f.party,
        name: f.company ?? f.party,
        category: categoryName(i18n, f.category ?? 'other'),
      },
    )
  return signalMeaning(i18n, f.signal)
}

export function signalName(i18n: I18n, signal: string): string {
  const key = `signal.${signal}.name`
  return isKey(key) ? i18n.t(key) : signalTitle(i18n, signal)
}
