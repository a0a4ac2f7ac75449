import { decodeGpp, decodeTcf, decodeUsp, type TcfState } from './consent-strings'
import {
  at,
  finding,
  jsonBody,
  parseUrl,
  requestFields,
  safely,
  type Detail,
} from './request-fields'
import type { SignalId } from './signals'
import type { DetectedFinding, RequestDetector } from './types'

/**
 * `consent.tcf`, `consent.usp`, `consent.gpp`: the consent choice a site hands to each company
 * it calls. Ad and analytics requests carry it in standard fields, so what a company was told
 * is visible on the wire, whatever the banner looked like.
 * Sources: IAB Europe TCF v2.2 technical specification, "URL-based services" (`gdpr`,
 * `gdpr_consent`); IAB Tech Lab "US Privacy User Signal" (`us_privacy`); IAB Tech Lab GPP
 * specification, "URL-based services" (`gpp`, `gpp_sid`); OpenRTB 2.6 `user.consent`,
 * `regs.us_privacy`, `regs.gpp` and the 2.5 extensions `user.ext.consent`,
 * `regs.ext.us_privacy`.
 * Fixtures: test/fixtures/sites/news.test (ad request with a TC string).
 */
export const detector = {
  file: 'consent',
  signals: ['consent.tcf', 'consent.usp', 'consent.gpp'] as const satisfies readonly SignalId[],
  needs: 'each request URL and its body (form fields or JSON)',
}

const TCF_FIELDS = ['gdpr_consent', 'user[consent]']
const USP_FIELDS = ['us_privacy', 'regs[us_privacy]']
const GPP_FIELDS = ['gpp', 'regs[gpp]']
/** TCF purposes: 1 stores or reads data on the device, 3 and 4 build and use an ad profile. */
export const AD_PURPOSES = [1, 3, 4]
const TCF_PURPOSE_COUNT = 11
/** Cheap test before any parsing: most requests carry none of these names. */
const HINT = /consent|us_privacy|gpp/i

/** What a decoded TC string says, as finding detail (also used for the page's own CMP). */
export function tcfDetail(tcf: TcfState): Detail {
  const refused = Array.from({ length: TCF_PURPOSE_COUNT }, (_, i) => i + 1).filter(
    (p) => !tcf.purposes.includes(p),
  )
  const detail: Detail = {
    purposes: tcf.purposes.map(String),
    refused: refused.map(String),
    vendors: tcf.vendors,
    cmp: tcf.cmpId,
    adsRefused: AD_PURPOSES.some((p) => refused.includes(p)),
  }
  if (tcf.created !== null) detail.decidedOn = tcf.created
  if (/^[A-Z]{2}$/.test(tcf.country)) detail.country = tcf.country
  return detail
}

/** True when the TCF purposes agreed to allow personalised ads (1, 3 and 4). */
export const tcfAllowsAds = (purposes: readonly number[]) =>
  AD_PURPOSES.every((p) => purposes.includes(p))

export const detectConsent: RequestDetector = safely((input) => {
  if (!HINT.test(input.url) && !(input.body !== undefined && HINT.test(input.body))) return []
  const url = parseUrl(input.url)
  if (url === null) return []
  const fields = requestFields(url, input.body)
  const json = jsonBody(input.body)
  const pick = (names: string[], ...paths: string[][]): string | undefined => {
    for (const name of names) {
      const value = fields.get(name)
      if (value !== undefined && value.trim() !== '') return value
    }
    for (const path of paths) {
      const value = at(json, ...path)
      if (typeof value === 'string' && value.trim() !== '') return value
    }
    return undefined
  }

  const found: DetectedFinding[] = []
  const tcfText = pick(TCF_FIELDS, ['user', 'ext', 'consent'])
  const tcf = tcfText === undefined ? null : decodeTcf(tcfText)
  if (tcf !== null) found.push(finding(input, 'consent.tcf', tcfDetail(tcf)))

  const uspText = pick(USP_FIELDS, ['regs', 'ext', 'us_privacy'])
  const usp = uspText === undefined ? null : decodeUsp(uspText)
  if (usp !== null && usp.optedOut !== null) {
    const detail: Detail = {
      optedOut: usp.optedOut,
      usPrivacy: uspText?.trim().toUpperCase() ?? '',
    }
    if (usp.notice !== null) detail.notice = usp.notice
    found.push(finding(input, 'consent.usp', detail))
  }

  const gppText = pick(GPP_FIELDS)
  const gpp = gppText === undefined ? null : decodeGpp(gppText)
  if (gpp !== null) {
    const detail: Detail = { sections: gpp.sections, optedOut: gpp.optedOut }
    if (gpp.notOptedOut.length > 0) detail.notOptedOut = gpp.notOptedOut
    if (gpp.purposes !== undefined) {
      detail.purposes = gpp.purposes.map(String)
      detail.adsRefused = AD_PURPOSES.some((p) => !gpp.purposes?.includes(p))
    }
    found.push(finding(input, 'consent.gpp', detail))
  }
  return found
})
