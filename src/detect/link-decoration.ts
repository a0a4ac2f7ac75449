import { CLICK_IDS, type ClickIdParam } from '@/data/click-ids'
import { finding, list, parseUrl, safely, type Detail } from './request-fields'
import type { SignalId } from './signals'
import type { RequestDetector } from './types'

/**
 * `link.decoration`: click ids, user ids and per-recipient e-mail ids in a URL, on navigations
 * (the landing address) and on requests alike; which party received them is the request's.
 * Names only: the values identify the person and are never returned.
 * Fixtures: test/fixtures/sites/shop.test (landing address with gclid and utm_source).
 */
export const detector = {
  file: 'link-decoration',
  signals: ['link.decoration'] as const satisfies readonly SignalId[],
  needs: 'each request URL, navigations included',
}

/** URLs spell names in any case (ScCid, sccid); the list keeps the vendors' spelling. */
const BY_NAME = new Map(
  Object.entries(CLICK_IDS).map(([name, info]) => [name.toLowerCase(), { name, ...info }]),
)
/** Any listed name right after `?`, `&` or `#`: most requests carry none and skip parsing. */
const ANY_NAME = new RegExp(`[?&#](?:${[...BY_NAME.keys()].join('|')})=`, 'i')
/** Shorter values are flags or constants (gclsrc=aw.ds, fbclid=1), too short to single anyone out. */
const MIN_VALUE = 6
/** Decorated links carry a handful of parameters; the rest of a huge URL is not read. */
const MAX_PARAMS = 200

interface Found {
  ids: (ClickIdParam & { name: string })[]
  campaign: string[]
}

function scan(params: URLSearchParams, found: Found): boolean {
  let any = false
  let n = 0
  for (const [raw, value] of params) {
    if (n++ >= MAX_PARAMS) break
    const name = raw.toLowerCase()
    if (name.startsWith('utm_')) {
      if (value.trim() !== '') found.campaign.push(name)
      continue
    }
    const known = BY_NAME.get(name)
    if (known !== undefined && value.trim().length >= MIN_VALUE) {
      found.ids.push(known)
      any = true
    }
  }
  return any
}

/** A fragment's parameters: `#_gl=…` as Google's linker writes it in fragment mode, or
 * `#/route?gclid=…` as hash-routed apps receive them. */
function fragmentParams(hash: string): URLSearchParams {
  const fragment = hash.slice(1)
  const q = fragment.indexOf('?')
  return new URLSearchParams(q >= 0 ? fragment.slice(q + 1) : fragment)
}

export const detectLinkDecoration: RequestDetector = safely((input) => {
  if (!ANY_NAME.test(input.url)) return []
  const url = parseUrl(input.url)
  if (url === null || (url.protocol !== 'https:' && url.protocol !== 'http:')) return []
  const found: Found = { ids: [], campaign: [] }
  const inQuery = scan(url.searchParams, found)
  const inFragment = scan(fragmentParams(url.hash), found)
  // utm_* alone names a campaign, shared by everyone who clicked: not an identifier.
  if (!inQuery && !inFragment) return []
  const detail: Detail = {
    parameters: list(found.ids.map((id) => id.name)),
    platforms: list(found.ids.map((id) => id.platform)),
    kinds: list(found.ids.map((id) => id.kind)),
    where: inQuery && inFragment ? 'query and fragment' : inQuery ? 'query' : 'fragment',
    navigation: input.type === 'main_frame',
  }
  if (found.campaign.length > 0) detail.campaign = list(found.campaign)
  return [finding(input, 'link.decoration', detail)]
})
