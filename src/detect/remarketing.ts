import { hostOf } from './host'
import { finding, isGoogleHost, list, parseUrl, requestFields, safely } from './request-fields'
import type { SignalId } from './signals'
import type { RequestDetector } from './types'

/**
 * `analytics.remarketing`: Google Analytics feeding Google's advertising audiences. With
 * remarketing / Google signals on, GA sends each hit a second time to stats.g.doubleclick.net
 * (`/r/collect`, `/j/collect` for Universal Analytics, `/g/collect` for GA4) or to
 * google.<tld>/ads/ga-audiences, carrying the property's id. Plain collection on
 * www.google-analytics.com is analytics only and is not matched here.
 * Sources: Analytics Help "Turn on Google signals" and "Remarketing with Google Analytics";
 * the GA4 and Universal Analytics Measurement Protocol references (`tid`).
 * Fixtures: none yet (remarketing.test.ts covers the request formats).
 */
export const detector = {
  file: 'remarketing',
  signals: ['analytics.remarketing'] as const satisfies readonly SignalId[],
  needs: 'each request URL and its body (form fields or JSON)',
}

const DOUBLECLICK_PATH = /^\/(?:r|j|g)\/collect\/?$/
const GOOGLE_PATH = /^\/(?:ads\/ga-audiences|pagead\/landing)\/?$/
/** UA-<account>-<property>, G-<GA4 measurement id>, AW-<Google Ads account>. */
const MEASUREMENT_ID = /^(?:UA-\d{4,12}-\d{1,4}|G-[A-Z0-9]{4,16}|AW-\d{4,16})$/i

export const detectRemarketing: RequestDetector = safely((input) => {
  const host = hostOf(input.url)
  if (host === null) return []
  const doubleclick = host === 'stats.g.doubleclick.net'
  if (!doubleclick && !isGoogleHost(host)) return []
  const url = parseUrl(input.url)
  if (url === null) return []
  const path = url.pathname
  if (!(doubleclick ? DOUBLECLICK_PATH : GOOGLE_PATH).test(path)) return []
  // Usually `tid`; any field holding an id counts, wherever the tag put it (query or body).
  const ids: string[] = []
  for (const value of requestFields(url, input.body).values()) {
    if (MEASUREMENT_ID.test(value.trim())) ids.push(value.trim().toUpperCase())
  }
  if (ids.length === 0) return []
  const endpoint = `${host}${path}`.slice(0, 100)
  return [finding(input, 'analytics.remarketing', { measurementIds: list(ids), endpoint })]
})
