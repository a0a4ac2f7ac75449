/**
 * A first guess at the law that protects the user, from the browser's language tag (its region
 * part) — only a suggestion: the user always chooses, and where they live is what counts.
 */
import type { LawId } from './laws'

export function suggestLaw(locale: string): LawId {
  const tag = locale.replace('_', '-')
  const region = /-([A-Za-z]{2})(?:-|$)/.exec(tag)?.[1]?.toUpperCase()
  if (region === 'GB') return 'gdpr-uk'
  if (region === 'US') return 'ccpa'
  if (region === 'BR') return 'lgpd'
  if (region === 'CA') return tag.toLowerCase().startsWith('fr') ? 'quebec' : 'pipeda'
  // EU/EEA regions, and any other: the GDPR letter, the model most other laws follow.
  return 'gdpr-eu'
}
