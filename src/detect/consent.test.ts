import { describe, expect, it } from 'vitest'
import { gppString, tcString } from '../../test/fixtures/consent-strings'
import { decodeGpp, decodeTcf, decodeUsp } from './consent-strings'
import { detectConsent } from './consent'
import type { RequestInput } from './types'

const ALL = [1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11]

function request(url: string, body?: string): RequestInput {
  return {
    url,
    method: body === undefined ? 'GET' : 'POST',
    type: 'xmlhttprequest',
    pageSite: 'news.test',
    party: 'doubleclick.net',
    company: 'Google',
    ...(body !== undefined && { body }),
  }
}

const signals = (input: RequestInput) => detectConsent(input).map((f) => f.signal)

describe('TC string decoding (made with the IAB encoder)', () => {
  it('reads purposes, vendors, CMP and country', () => {
    const state = decodeTcf(tcString([1, 2, 7], [1, 755, 804], 28))
    expect(state).toMatchObject({ cmpId: 28, purposes: [1, 2, 7], vendors: 3, country: 'DE' })
    expect(state?.created).toMatch(/^\d{4}-\d{2}-\d{2}$/)
  })

  it('reads a refusal of everything', () => {
    expect(decodeTcf(tcString([], []))).toMatchObject({ purposes: [], vendors: 0 })
  })

  it.each([
    ['empty', ''],
    ['a TCF v1 string', 'BOEFEAyOEFEAyAHABDENAI4AAAB9vABAASA'],
    ['random base64', 'CAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA'],
    ['not base64url', 'C<script>alert(1)</script>AAAAAAAAAAA'],
    ['huge', 'C' + 'A'.repeat(20_000)],
  ])('returns null for %s', (_, value) => {
    expect(decodeTcf(value)).toBeNull()
  })
})

describe('US Privacy string decoding', () => {
  it.each([
    ['1YYN', { notice: true, optedOut: true, lspa: false }],
    ['1YNN', { notice: true, optedOut: false, lspa: false }],
    ['1---', { notice: null, optedOut: null, lspa: null }],
    ['1yyy', { notice: true, optedOut: true, lspa: true }],
  ])('%s', (value, expected) => {
    expect(decodeUsp(value)).toEqual(expected)
  })

  it.each(['2YYN', '1YY', '1YYNN', 'YYN1', ''])('rejects %j', (value) => {
    expect(decodeUsp(value)).toBeNull()
  })
})

describe('GPP string decoding (made with the IAB encoder)', () => {
  it('reads US opt-outs', () => {
    const gpp = gppString([
      ['usnat', 'SaleOptOutNotice', 1],
      ['usnat', 'SaleOptOut', 1],
      ['usnat', 'SharingOptOut', 2],
      ['usnat', 'TargetedAdvertisingOptOut', 1],
    ])
    expect(decodeGpp(gpp)).toEqual({
      sections: ['usnat'],
      optedOut: ['sale', 'targeted advertising'],
      notOptedOut: ['sharing'],
    })
  })

  it('reads the TCF section inside GPP', () => {
    const gpp = gppString([['tcfeuv2', 'PurposeConsents', [true, false, true]]])
    expect(decodeGpp(gpp)).toMatchObject({ sections: ['tcfeuv2'], purposes: [1, 3] })
  })

  it.each(['', 'DB', 'garbage~~', 'DBABLA~%%%', 'DB' + 'A'.repeat(20_000)])(
    'returns null for %j',
    (value) => {
      expect(decodeGpp(value)).toBeNull()
    },
  )
})

describe('consent detector', () => {
  it('decodes the TC string an ad request carries, and says ads were refused', () => {
    const tc = tcString([1, 2, 7, 8, 9, 10], [755])
    const [f] = detectConsent(
      request(`https://securepubads.g.doubleclick.net/gampad/ads?gdpr=1&gdpr_consent=${tc}`),
    )
    expect(f).toMatchObject({ signal: 'consent.tcf', party: 'doubleclick.net', company: 'Google' })
    expect(f?.detail).toMatchObject({
      purposes: ['1', '2', '7', '8', '9', '10'],
      refused: ['3', '4', '5', '6', '11'],
      vendors: 1,
      cmp: 10,
      adsRefused: true,
      country: 'DE',
    })
  })

  it('says ads were not refused when purposes 1, 3 and 4 were agreed', () => {
    const tc = tcString(ALL, [755, 804])
    const [f] = detectConsent(request(`https://ib.adnxs.com/ut/v3?gdpr_consent=${tc}`))
    expect(f?.detail).toMatchObject({ adsRefused: false, refused: [], vendors: 2 })
  })

  it('reads OpenRTB bodies: user.consent, regs.us_privacy and the 2.5 extensions', () => {
    const tc = tcString([1], [])
    const body26 = JSON.stringify({ user: { consent: tc }, regs: { us_privacy: '1YYN' } })
    expect(signals(request('https://prebid.example/openrtb2/auction', body26))).toEqual([
      'consent.tcf',
      'consent.usp',
    ])
    const body25 = JSON.stringify({
      user: { ext: { consent: tc } },
      regs: { ext: { us_privacy: '1YNN' } },
    })
    const found = detectConsent(request('https://prebid.example/openrtb2/auction', body25))
    expect(found.map((f) => f.signal)).toEqual(['consent.tcf', 'consent.usp'])
    expect(found[1]?.detail).toEqual({ optedOut: false, notice: true, usPrivacy: '1YNN' })
  })

  it('reads GPP with its section ids', () => {
    const gpp = gppString([['usnat', 'SaleOptOut', 1]])
    const [f] = detectConsent(request(`https://ads.example/bid?gpp=${gpp}&gpp_sid=7`))
    expect(f).toMatchObject({
      signal: 'consent.gpp',
      detail: { sections: ['usnat'], optedOut: ['sale'] },
    })
  })

  it.each([
    ['no consent fields', 'https://www.google-analytics.com/g/collect?v=2&tid=G-1'],
    ['gdpr=0 and an empty string', 'https://ads.example/x?gdpr=0&gdpr_consent='],
    ['a cookie-consent flag that is not a TC string', 'https://cmp.example/log?consent=yes'],
    ['a US Privacy string that does not apply', 'https://ads.example/x?us_privacy=1---'],
    ['a malformed US Privacy string', 'https://ads.example/x?us_privacy=1YY'],
    ['invalid percent-encoding', 'https://ads.example/x?gdpr_consent=%E0%A4%A&gpp=%ZZ'],
    ['a GPP name with another meaning', 'https://shop.example/search?q=gpp'],
  ])('finds nothing for %s', (_, url) => {
    expect(detectConsent(request(url))).toEqual([])
  })

  it('ignores binary and deeply nested bodies without throwing', () => {
    let nested = '"x"'
    for (let i = 0; i < 5_000; i++) nested = `{"a":${nested}}`
    expect(detectConsent(request('https://ads.example/consent', nested))).toEqual([])
    expect(
      detectConsent(request('https://ads.example/consent', '\u0000\uffff'.repeat(8_000))),
    ).toEqual([])
  })
})
