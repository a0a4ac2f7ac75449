import { cmpOfCookie } from '@/data/cmps'
import { tcfAllowsAds, tcfDetail } from './consent'
import { decodeTcf, decodeUsp } from './consent-strings'
import type { ParsedCookie } from './cookie-parse'
import { list, type Detail } from './request-fields'

/**
 * The choice a site's consent banner saved in its own cookies. Many sites run a banner with no
 * IAB API at all (OneTrust and Cookiebot without TCF, the open-source Cookie Consent), so the
 * cookie is the only place the choice can be read; and on a later visit it is what the site
 * itself reads to decide whether it may track. Formats, from each vendor's documentation:
 * - `euconsent-v2`: the IAB TC string (TCF v2), `usprivacy`: the IAB US Privacy string.
 * - OneTrust `OptanonConsent`: a query string; `groups=C0001:1,C0002:0,…` (1 allowed, 0 not),
 *   `isGpcEnabled=1` when OneTrust applied Global Privacy Control, `interactionCount`;
 *   `OptanonAlertBoxClosed`: the date the banner was answered.
 * - Cookiebot `CookieConsent`: `{stamp:'…',necessary:true,preferences:false,statistics:false,
 *   marketing:false,method:'explicit',…}` (URL-encoded), or `-2` where no consent is needed.
 * - Cookie Consent (open source, formerly Osano's) `cookieconsent_status`: allow, deny, dismiss.
 * Only the site's own cookies are read (a third party's copy says nothing about this site).
 * A decoder shared by the consent signals (consent.tcf, consent.usp from `consent`,
 * consent.cmp from `consent-cmp`), not a detector of its own.
 */
export interface ConsentCookie {
  signal: 'consent.tcf' | 'consent.usp' | 'consent.cmp'
  cookie: string
  /** The platform that keeps its choice in this cookie. */
  cmp?: string
  /** True when the cookie records a choice the person made (not a default the banner set). */
  answered: boolean
  /** What the choice allows for advertising: false when ads or sale were refused. */
  adsAllowed?: boolean
  /** The platform says it applied Global Privacy Control (OneTrust). */
  gpcApplied?: boolean
  /** US: the person opted out of the sale or sharing of their data. */
  optedOut?: boolean
  detail: Detail
}

/** OneTrust's default category ids (sites may rename them; unknown ids are listed as they are). */
const ONETRUST_GROUPS: Record<string, string> = {
  C0001: 'strictly necessary',
  C0002: 'performance',
  C0003: 'functional',
  C0004: 'targeting (advertising)',
  C0005: 'social media',
}
const ONETRUST_ADS = 'C0004'
const COOKIEBOT_CATEGORIES = ['necessary', 'preferences', 'statistics', 'marketing'] as const

function decodeValue(value: string): string | null {
  try {
    return decodeURIComponent(value.replace(/\+/g, ' '))
  } catch {
    return null
  }
}

const isoDay = (value: string): string | undefined => {
  const t = Date.parse(value)
  return Number.isFinite(t) ? new Date(t).toISOString().slice(0, 10) : undefined
}

function oneTrust(value: string): ConsentCookie | null {
  if (!value.includes('groups=')) return null
  const params = new URLSearchParams(value)
  const groups = params.get('groups') ?? ''
  const allowed: string[] = []
  const refused: string[] = []
  let ads: boolean | undefined
  for (const part of groups.split(',').slice(0, 40)) {
    const match = /^([\w-]{1,20}):([01])$/.exec(part.trim())
    if (match === null) continue
    const [, id = '', flag] = match
    const label = ONETRUST_GROUPS[id] ?? id
    ;(flag === '1' ? allowed : refused).push(label)
    if (id === ONETRUST_ADS) ads = flag === '1'
  }
  if (allowed.length + refused.length === 0) return null
  const interactions = Number(params.get('interactionCount') ?? '0')
  const gpc = params.get('isGpcEnabled') === '1'
  const detail: Detail = { cmp: 'OneTrust', allowed: list(allowed), refused: list(refused) }
  if (gpc) detail.gpcApplied = true
  const result: ConsentCookie = {
    signal: 'consent.cmp',
    cookie: 'OptanonConsent',
    cmp: 'OneTrust',
    answered: Number.isFinite(interactions) && interactions > 0,
    detail,
  }
  if (ads !== undefined) result.adsAllowed = ads
  if (gpc) result.gpcApplied = true
  return result
}

function cookiebot(value: string): ConsentCookie | null {
  const text = decodeValue(value)
  if (text === null || !/^\{stamp:/.test(text)) return null
  const allowed: string[] = []
  const refused: string[] = []
  for (const category of COOKIEBOT_CATEGORIES) {
    const match = new RegExp(`[{,]${category}:(true|false)[,}]`).exec(text)
    if (match === null) continue
    ;(match[1] === 'true' ? allowed : refused).push(category)
  }
  if (allowed.length + refused.length === 0) return null
  const method = /[{,]method:'(\w{1,20})'/.exec(text)?.[1]
  const detail: Detail = { cmp: 'Cookiebot', allowed, refused }
  return {
    signal: 'consent.cmp',
    cookie: 'CookieConsent',
    cmp: 'Cookiebot',
    // `implied` is consent assumed from scrolling or staying on: not an answer.
    answered: method !== 'implied',
    adsAllowed: allowed.includes('marketing'),
    detail,
  }
}

function openSource(value: string): ConsentCookie | null {
  if (!/^(allow|deny|dismiss)$/.test(value)) return null
  const allows = value !== 'deny'
  return {
    signal: 'consent.cmp',
    cookie: 'cookieconsent_status',
    cmp: 'Cookie Consent (open source)',
    answered: true,
    adsAllowed: allows,
    detail: {
      cmp: 'Cookie Consent (open source)',
      choice: value === 'deny' ? 'refused' : value === 'allow' ? 'accepted' : 'banner closed',
    },
  }
}

/** The consent choice held in one of the site's cookies, or null for any other cookie. */
export function consentCookie(cookie: Pick<ParsedCookie, 'name' | 'value'>): ConsentCookie | null {
  const { name, value } = cookie
  if (value === '' || value.length > 8192) return null
  switch (name) {
    case 'euconsent-v2': {
      const tcf = decodeTcf(value)
      if (tcf === null) return null
      return {
        signal: 'consent.tcf',
        cookie: name,
        answered: true,
        adsAllowed: tcfAllowsAds(tcf.purposes),
        detail: tcfDetail(tcf),
      }
    }
    case 'usprivacy': {
      const usp = decodeUsp(value)
      if (usp === null || usp.optedOut === null) return null
      return {
        signal: 'consent.usp',
        cookie: name,
        answered: usp.optedOut,
        adsAllowed: !usp.optedOut,
        optedOut: usp.optedOut,
        detail: { optedOut: usp.optedOut, usPrivacy: value.toUpperCase() },
      }
    }
    case 'OptanonConsent':
      return oneTrust(value)
    case 'OptanonAlertBoxClosed': {
      const day = isoDay(decodeValue(value) ?? '')
      if (day === undefined) return null
      return {
        signal: 'consent.cmp',
        cookie: name,
        cmp: 'OneTrust',
        answered: true,
        detail: { cmp: 'OneTrust', decidedOn: day },
      }
    }
    case 'CookieConsent':
      return cookiebot(value)
    case 'cookieconsent_status':
      return openSource(value)
    default: {
      const cmp = cmpOfCookie(name)
      return cmp === undefined
        ? null
        : { signal: 'consent.cmp', cookie: name, cmp, answered: false, detail: { cmp } }
    }
  }
}
