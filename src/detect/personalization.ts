import { PERSONALIZATION_VENDORS, type PersonalizationVendor } from '@/data/personalization'
import { hostOf } from './host'
import { finding, safely } from './request-fields'
import type { SignalId } from './signals'
import type { RequestDetector } from './types'

/**
 * `personalization`: requests to A/B testing and personalization platforms (list and sources
 * in src/data/personalization.ts). Such a platform decides which version of the page you see
 * from what it knows about you, and reports what you did with it.
 * Fixture: test/fixtures/sites/recipes.test (Optimizely snippet from cdn.optimizely.com).
 */
export const detector = {
  file: 'personalization',
  signals: ['personalization'] as const satisfies readonly SignalId[],
  needs: 'each request URL',
}

const BY_SUFFIX = new Map<string, PersonalizationVendor>()
for (const vendor of PERSONALIZATION_VENDORS)
  for (const host of vendor.hosts) BY_SUFFIX.set(host, vendor)

/** The vendor whose host, or a parent domain of it, is listed. */
export function personalizationVendor(host: string): PersonalizationVendor | undefined {
  let h = host
  for (let i = 0; i < 8; i++) {
    const hit = BY_SUFFIX.get(h)
    if (hit !== undefined) return hit
    const dot = h.indexOf('.')
    if (dot < 0) return undefined
    h = h.slice(dot + 1)
  }
  return undefined
}

export const detectPersonalization: RequestDetector = safely((input) => {
  const host = hostOf(input.url)
  // On the vendor's own site it is just a website.
  if (host === null || input.party === input.pageSite) return []
  const vendor = personalizationVendor(host)
  if (vendor === undefined) return []
  const kind =
    /\.js(?:$|\?)/.test(input.url) || input.type === 'script'
      ? 'loads its script'
      : 'exchanges data'
  return [finding(input, 'personalization', { vendor: vendor.vendor, host, what: kind })]
})
