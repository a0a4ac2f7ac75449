import { describe, expect, it } from 'vitest'
import { tcString } from '../../test/fixtures/consent-strings'
import { consentCookie } from './consent-cookies'

const ONETRUST_REFUSED =
  'isGpcEnabled=0&datestamp=Mon+May+06+2024+10%3A00%3A00+GMT%2B0200&version=202401.1.0' +
  '&isIABGlobal=false&hosts=&consentId=3f1c0a2e-0000-4000-8000-000000000000' +
  '&interactionCount=1&landingPath=NotLandingPage' +
  '&groups=C0001%3A1%2CC0002%3A0%2CC0003%3A0%2CC0004%3A0&AwaitingReconsent=false'

describe('consent cookies', () => {
  it('reads a OneTrust refusal of targeting', () => {
    const c = consentCookie({ name: 'OptanonConsent', value: ONETRUST_REFUSED })
    expect(c).toMatchObject({
      signal: 'consent.cmp',
      cmp: 'OneTrust',
      answered: true,
      adsAllowed: false,
      detail: {
        cmp: 'OneTrust',
        allowed: ['strictly necessary'],
        refused: ['performance', 'functional', 'targeting (advertising)'],
      },
    })
    expect(c?.gpcApplied).toBeUndefined()
  })

  it('reads OneTrust defaults before any answer, and GPC applied by OneTrust', () => {
    const value = ONETRUST_REFUSED.replace('interactionCount=1', 'interactionCount=0')
      .replace('isGpcEnabled=0', 'isGpcEnabled=1')
      .replace('C0004%3A0', 'C0004%3A1')
    const c = consentCookie({ name: 'OptanonConsent', value })
    expect(c).toMatchObject({ answered: false, adsAllowed: true, gpcApplied: true })
  })

  it('lists renamed OneTrust groups by their id', () => {
    const c = consentCookie({ name: 'OptanonConsent', value: 'groups=SPD_BG%3A1%2C1%3A0' })
    expect(c?.detail).toMatchObject({ allowed: ['SPD_BG'], refused: ['1'] })
    expect(c?.adsAllowed).toBeUndefined()
  })

  it('reads the date the OneTrust banner was closed', () => {
    const c = consentCookie({ name: 'OptanonAlertBoxClosed', value: '2024-05-06T08:00:00.000Z' })
    expect(c).toMatchObject({ answered: true, detail: { decidedOn: '2024-05-06' } })
  })

  it('reads a Cookiebot choice', () => {
    const value = encodeURIComponent(
      "{stamp:'AbC+dEf==',necessary:true,preferences:false,statistics:true,marketing:false,method:'explicit',ver:1,utc:1715000000000,region:'de'}",
    )
    expect(consentCookie({ name: 'CookieConsent', value })).toMatchObject({
      cmp: 'Cookiebot',
      answered: true,
      adsAllowed: false,
      detail: { allowed: ['necessary', 'statistics'], refused: ['preferences', 'marketing'] },
    })
  })

  it('does not count Cookiebot consent implied by browsing on as an answer', () => {
    const value =
      "{stamp:'x',necessary:true,preferences:true,statistics:true,marketing:true,method:'implied'}"
    expect(consentCookie({ name: 'CookieConsent', value })).toMatchObject({
      answered: false,
      adsAllowed: true,
    })
  })

  it('reads TC strings and US Privacy strings kept in cookies', () => {
    const refused = consentCookie({ name: 'euconsent-v2', value: tcString([1, 2], [755], 28) })
    expect(refused).toMatchObject({ signal: 'consent.tcf', answered: true, adsAllowed: false })
    expect(refused?.detail).toMatchObject({ cmp: 28, purposes: ['1', '2'] })
    const agreed = consentCookie({
      name: 'euconsent-v2',
      value: tcString([1, 2, 3, 4, 7], [755], 28),
    })
    expect(agreed?.adsAllowed).toBe(true)
    expect(consentCookie({ name: 'usprivacy', value: '1YYN' })).toMatchObject({
      signal: 'consent.usp',
      optedOut: true,
      adsAllowed: false,
    })
    expect(consentCookie({ name: 'usprivacy', value: '1YNN' })).toMatchObject({
      optedOut: false,
      answered: false,
    })
  })

  it('reads the open-source Cookie Consent status', () => {
    expect(consentCookie({ name: 'cookieconsent_status', value: 'deny' })).toMatchObject({
      adsAllowed: false,
      detail: { choice: 'refused' },
    })
    expect(consentCookie({ name: 'cookieconsent_status', value: 'allow' })?.adsAllowed).toBe(true)
  })

  it('knows other platforms by their cookie name, without reading a choice', () => {
    expect(consentCookie({ name: 'didomi_token', value: 'eyJ1c2VyX2lkIjoiMSJ9' })).toMatchObject({
      cmp: 'Didomi',
      answered: false,
    })
  })

  it.each([
    ['an unrelated cookie', 'session', 'abc'],
    ['a CookieConsent cookie of another library', 'CookieConsent', 'true'],
    ['OptanonConsent without groups', 'OptanonConsent', 'isGpcEnabled=0&version=1'],
    ['OptanonConsent with garbage groups', 'OptanonConsent', 'groups=%3Cscript%3E'],
    ['a broken escape', 'CookieConsent', '%E0%A4%A'],
    ['an unknown status', 'cookieconsent_status', 'yes please'],
    ['a bad TC string', 'euconsent-v2', 'not-a-tc-string'],
    ['a not-applicable US Privacy string', 'usprivacy', '1---'],
    ['a bad date', 'OptanonAlertBoxClosed', 'yesterday'],
    ['an empty value', 'OptanonConsent', ''],
    ['a huge value', 'OptanonConsent', 'groups=C0001%3A1' + 'x'.repeat(9000)],
  ])('ignores %s', (_, name, value) => {
    expect(consentCookie({ name, value })).toBeNull()
  })
})
