import { CMP_GLOBALS, cmpOfHost, cmpOfSlug } from '@/data/cmps'
import { parseUrl, safely } from './request-fields'
import type { SignalId } from './signals'
import type { RequestDetector } from './types'

/**
 * `consent.cmp`: which consent-management platform runs the site's cookie banner. Found three
 * ways, none of which touches the banner: a request to the platform's own script host, the
 * object its script puts on `window` or its banner element on screen (page probe,
 * src/content/probes/consent.ts; the banner also dates when it was shown), or the
 * cookie in which it keeps the choice (src/detect/consent-cookies.ts). The finding belongs to
 * the site (it is the site's tool), named after the platform in its detail. Knowing the
 * platform tells people where to change their choice, and tells `consent.before` that the site
 * asks for consent at all.
 * Fixtures: test/fixtures/sites/cmp.test (page object), cdn.cookielaw.org (script host).
 */
export const detector = {
  file: 'consent-cmp',
  signals: ['consent.cmp'] as const satisfies readonly SignalId[],
  needs: "each request's host; the page's window property names; the site's cookies",
}

export const detectCmpRequest: RequestDetector = safely((input) => {
  const url = parseUrl(input.url)
  if (url === null || !/^https?:$/.test(url.protocol)) return []
  const cmp = cmpOfHost(url.hostname)
  if (cmp === undefined) return []
  return [{ signal: 'consent.cmp', party: input.pageSite, detail: { cmp, host: url.hostname } }]
})

/** The platform whose page object this is, for the page probe's report. */
export const cmpOfGlobal = (name: string): string | undefined => CMP_GLOBALS.get(name)

/** The platform whose banner the page probe saw on screen, by its slug. */
export const cmpOfBanner = (slug: string): string | undefined => cmpOfSlug(slug)
