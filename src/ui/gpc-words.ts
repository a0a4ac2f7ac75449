import type { DetailValue } from '@/detect/types'
import type { I18n } from '@/ui/i18n'

const names = (value: DetailValue | undefined): string[] => (Array.isArray(value) ? value : [])

/**
 * What the comparison of a GPC visit with the site's earlier visits without GPC found
 * (detect/gpc-compare.ts `comparisonDetail`), as sentences for people: what went on unchanged
 * (the site ignored the signal) or what stopped (it honoured it). Empty when the detail holds
 * no comparison.
 */
export function gpcComparisonSentences(i18n: I18n, detail: Record<string, DetailValue>): string[] {
  const count = detail.comparedVisits
  if (typeof count !== 'number' || !Number.isInteger(count) || count < 1) return []
  const visits = i18n.tn('gpcCompare.visits', count)
  const join = (list: string[]) => list.join(i18n.t('value.listSeparator'))
  const out: string[] = []
  const counted = (
    key:
      | 'gpcCompare.sameIdSync'
      | 'gpcCompare.sameAds'
      | 'gpcCompare.stoppedIdSync'
      | 'gpcCompare.stoppedAds',
    value: DetailValue | undefined,
  ) => {
    const list = names(value)
    if (list.length > 0) out.push(i18n.tn(key, list.length, { visits, names: join(list) }))
  }
  counted('gpcCompare.sameIdSync', detail.sameIdSync)
  counted('gpcCompare.sameAds', detail.sameAds)
  if (typeof detail.sameUsPrivacy === 'string')
    out.push(i18n.t('gpcCompare.sameUsPrivacy', { visits, usPrivacy: detail.sameUsPrivacy }))
  const gpp = names(detail.sameGppNotOptedOut)
  if (gpp.length > 0) out.push(i18n.t('gpcCompare.sameGpp', { visits, what: join(gpp) }))
  counted('gpcCompare.stoppedIdSync', detail.stoppedIdSync)
  counted('gpcCompare.stoppedAds', detail.stoppedAds)
  const { usPrivacyBefore: before, usPrivacyNow: now } = detail
  if (typeof before === 'string' && typeof now === 'string')
    out.push(i18n.t('gpcCompare.uspFlipped', { before, now }))
  const optedOut = names(detail.gppOptedOutNow)
  if (optedOut.length > 0) out.push(i18n.t('gpcCompare.gppOptedOut', { what: join(optedOut) }))
  return out
}
