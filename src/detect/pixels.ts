import { MATCHING_FIELDS, META_STANDARD_EVENTS, TIKTOK_MATCHING_KEYS } from '@/data/pixels'
import { hostOf } from './host'
import { at, isGoogleHost, jsonBody, looksHashed, pageHost, parseUrl, put } from './request-fields'
import { finding, putEvents, requestFields, safely, stringAt, type Detail } from './request-fields'
import type { SignalId } from './signals'
import type { RequestDetector } from './types'

/**
 * `pixel.*`: ad pixels decoded from their requests — event, pixel id, the names of custom data
 * and of the matching fields (hashed e-mail, phone…) sent with them; never their values; and
 * whether the site limited the ad company's use of the hit (Meta LDU, Google RDP), which is
 * how sites honour an opt-out of sale or sharing (gpc-compare.ts).
 * Fixtures: test/fixtures/sites/news.test (Meta Pixel PageView) and shop.test (TikTok loader
 * and events API, LinkedIn Insight Tag).
 */
export const detector = {
  file: 'pixels',
  signals: [
    'pixel.facebook',
    'pixel.tiktok',
    'pixel.linkedin',
    'pixel.x',
    'pixel.google_ads',
  ] as const satisfies readonly SignalId[],
  needs: 'each request URL and its body (form fields, JSON or text)',
}

type Fields = Map<string, string>
type Decoded = [SignalId, Detail] | null

/** Names of the matching fields sent, split by whether the value is a SHA-256 hash as the
 * vendors require; a plain value means the person's data left as it is. */
function matching(detail: Detail, sent: [string, string][]): void {
  const word = ([key]: [string, string]) => MATCHING_FIELDS[key] ?? key
  put(detail, 'hashedFields', sent.filter(([, v]) => looksHashed(v)).map(word))
  put(detail, 'unhashedFields', sent.filter(([, v]) => !looksHashed(v)).map(word))
}

// developers.facebook.com/docs/meta-pixel/advanced/ : the /tr request and its parameters.
function facebook(host: string, path: string, f: Fields): Decoded {
  if (host !== 'facebook.com' && !host.endsWith('.facebook.com')) return null
  if ((path !== '/tr' && path !== '/tr/') || !f.get('id')) return null
  const detail: Detail = {}
  const ev = f.get('ev')
  put(detail, 'event', ev)
  put(detail, 'pixelId', f.get('id'))
  if (ev !== undefined) detail.standardEvent = META_STANDARD_EVENTS.has(ev)
  put(detail, 'pageHost', pageHost(f.get('dl')))
  const custom: string[] = []
  const person: [string, string][] = []
  for (const [name, value] of f) {
    // `udff` is the normalised copy of `ud` that fbevents.js sends alongside it.
    const m = /^(cd|ud|udff)\[([^\]]+)\]/.exec(name)
    if (m === null || m[2] === undefined || value.trim() === '') continue
    if (m[1] === 'cd') custom.push(m[2])
    else person.push([m[2], value])
  }
  put(detail, 'customDataKeys', custom)
  matching(detail, person)
  // Limited Data Use (`fbq('dataProcessingOptions', ['LDU'], …)` → dpo=LDU): the site asked
  // Meta to process the event as a service provider only, as US opt-outs require.
  if ((f.get('dpo') ?? '').split(',').includes('LDU')) detail.limitedDataUse = true
  return ['pixel.facebook', detail]
}

// TikTok Pixel: the loader `events.js?sdkid=<pixel code>` and the events API, whose JSON body
// holds `event`, the pixel code, `context.user` matching fields and `properties`.
function tiktok(host: string, path: string, url: URL, body: string | undefined): Decoded {
  if (host !== 'analytics.tiktok.com') return null
  const detail: Detail = {}
  if (path === '/i18n/pixel/events.js') {
    put(detail, 'event', 'load')
    put(detail, 'pixelId', url.searchParams.get('sdkid') ?? undefined)
    return ['pixel.tiktok', detail]
  }
  if (!/^\/api\/v2\/pixel(?:\/(?:track|act|batch))?\/?$/.test(path)) return null
  const json = jsonBody(body)
  const batch = at(json, 'batch')
  const items = (Array.isArray(batch) ? batch : [json]).slice(0, 20)
  putEvents(
    detail,
    items.map((i) => stringAt(i, 'event') ?? ''),
  )
  const codes = items.map(
    (i) => stringAt(i, 'pixel_code') ?? stringAt(i, 'context', 'pixel', 'code'),
  )
  put(detail, 'pixelId', codes.find(Boolean))
  const person: [string, string][] = []
  const custom: string[] = []
  for (const item of items) {
    for (const key of TIKTOK_MATCHING_KEYS) {
      const value = stringAt(item, 'context', 'user', key)
      if (value !== undefined) person.push([key, value])
    }
    const props = at(item, 'properties')
    if (props !== null && typeof props === 'object' && !Array.isArray(props))
      custom.push(...Object.keys(props).slice(0, 20))
  }
  put(detail, 'customDataKeys', custom)
  matching(detail, person)
  return ['pixel.tiktok', detail]
}

// LinkedIn Insight Tag image pixel: px.ads.linkedin.com/collect/?pid=…&conversionId=…&fmt=gif
function linkedin(host: string, path: string, f: Fields): Decoded {
  if (host !== 'px.ads.linkedin.com' || !/^\/(?:collect|attribution_trigger)\/?$/.test(path))
    return null
  const pid = f.get('pid')
  const conversion = f.get('conversionId')
  if (!pid && !conversion) return null
  const detail: Detail = {}
  put(detail, 'event', conversion ? 'conversion' : 'page view')
  put(detail, 'pixelId', pid)
  put(detail, 'conversionId', conversion)
  put(detail, 'pageHost', pageHost(f.get('url')))
  return ['pixel.linkedin', detail]
}

// X (Twitter) website tag: loader uwt.js (oct.js for the older conversion tag) and /i/adsct
// hits with `events=[["pageview",{}]]`; `p_id` is the constant "Twitter", the pixel is `txn_id`.
function x(host: string, path: string, f: Fields): Decoded {
  const detail: Detail = {}
  if (host === 'static.ads-twitter.com' && (path === '/uwt.js' || path === '/oct.js')) {
    put(detail, 'event', 'load')
    return ['pixel.x', detail]
  }
  const adsct = host === 't.co' || host === 'analytics.twitter.com'
  if (!adsct || !/^\/(?:1\/)?i\/adsct\/?$/.test(path)) return null
  const parsed = jsonBody(f.get('events'))
  const names = (Array.isArray(parsed) ? parsed.slice(0, 20) : []).map((e: unknown) =>
    Array.isArray(e) && typeof e[0] === 'string' ? e[0] : '',
  )
  putEvents(detail, names)
  const pid = f.get('p_id')
  put(detail, 'pixelId', f.get('txn_id') || (pid !== 'Twitter' ? pid : undefined))
  put(detail, 'pageHost', pageHost(f.get('tw_document_href')))
  return ['pixel.x', detail]
}

// Google Ads tag: conversions to googleadservices.com/pagead/conversion/<id>/ (its image
// fallback) or google.<tld>/pagead/1p-conversion; remarketing to viewthroughconversion and
// 1p-user-list; consent-mode pings to google.<tld>/ccm/collect.
const GOOGLE_ADS_PATH =
  /^\/pagead\/(conversion|1p-conversion|viewthroughconversion|1p-user-list)\/([^/]+)\/?$/
const GOOGLE_ADS_HOST: Record<string, (host: string) => boolean> = {
  conversion: (h) => h === 'www.googleadservices.com' || h === 'googleadservices.com',
  viewthroughconversion: (h) => h === 'googleads.g.doubleclick.net',
  '1p-conversion': isGoogleHost,
  '1p-user-list': isGoogleHost,
}

function googleAds(host: string, path: string, f: Fields): Decoded {
  const detail: Detail = {}
  const m = GOOGLE_ADS_PATH.exec(path)
  if (m?.[1] !== undefined && m[2] !== undefined && GOOGLE_ADS_HOST[m[1]]?.(host) === true) {
    const remarketing = m[1] === 'viewthroughconversion' || m[1] === '1p-user-list'
    put(detail, 'event', remarketing ? 'remarketing' : 'conversion')
    put(detail, 'conversionId', /^\d+$/.test(m[2]) ? `AW-${m[2]}` : m[2])
    detail.remarketing = remarketing
  } else if (isGoogleHost(host) && path === '/ccm/collect') {
    put(detail, 'event', f.get('en'))
    const tid = f.get('tid')?.toUpperCase()
    if (tid?.startsWith('AW-') === true) put(detail, 'conversionId', tid)
  } else return null
  put(detail, 'label', f.get('label'))
  detail.valueSent = (f.get('value') ?? '').trim() !== ''
  // Restricted data processing (gtag `restricted_data_processing` → rdp=1): Google uses the
  // hit as a service provider only, no remarketing (US opt-outs of sale and sharing).
  if (f.get('rdp') === '1') detail.restrictedProcessing = true
  return ['pixel.google_ads', detail]
}

/** Hosts any decoder can match: everything else is skipped before the URL is parsed. */
const PIXEL_HOST =
  /(?:^|\.)(?:facebook\.com|tiktok\.com|linkedin\.com|t\.co|twitter\.com|ads-twitter\.com|googleadservices\.com|doubleclick\.net|google\.[a-z.]+)$/

export const detectPixels: RequestDetector = safely((input) => {
  const host = hostOf(input.url)
  if (host === null || !PIXEL_HOST.test(host)) return []
  const url = parseUrl(input.url)
  if (url === null) return []
  const path = url.pathname
  const f = requestFields(url, input.body)
  const found =
    facebook(host, path, f) ??
    tiktok(host, path, url, input.body) ??
    linkedin(host, path, f) ??
    x(host, path, f) ??
    googleAds(host, path, f)
  return found === null ? [] : [finding(input, found[0], found[1])]
})
