import { describe, expect, it } from 'vitest'
import { cmpOfGlobal, detectCmpRequest } from './consent-cmp'
import type { RequestInput } from './types'

const request = (url: string): RequestInput => ({
  url,
  method: 'GET',
  type: 'script',
  pageSite: 'shop.test',
  party: 'cookielaw.org',
})

describe('consent platform from requests', () => {
  it('names the platform serving the banner script, for the site', () => {
    expect(
      detectCmpRequest(request('https://cdn.cookielaw.org/scripttemplates/otSDKStub.js')),
    ).toEqual([
      {
        signal: 'consent.cmp',
        party: 'shop.test',
        detail: { cmp: 'OneTrust', host: 'cdn.cookielaw.org' },
      },
    ])
    expect(
      detectCmpRequest(request('https://consent.cookiebot.com/uc.js?cbid=1'))[0]?.detail.cmp,
    ).toBe('Cookiebot')
  })

  it.each([
    ['a look-alike host', 'https://cdn.cookielaw.org.evil.test/otSDKStub.js'],
    ['a path naming the platform on another host', 'https://cdn.test/cdn.cookielaw.org/x.js'],
    ['an ordinary tracker', 'https://www.google-analytics.com/g/collect'],
    ['a broken URL', 'http://[::1'],
    ['a data URL', 'data:text/javascript,cdn.cookielaw.org'],
  ])('ignores %s', (_, url) => {
    expect(detectCmpRequest(request(url))).toEqual([])
  })

  it('names platforms by their page object only for known names', () => {
    expect(cmpOfGlobal('OneTrust')).toBe('OneTrust')
    expect(cmpOfGlobal('Didomi')).toBe('Didomi')
    expect(cmpOfGlobal('jQuery')).toBeUndefined()
    expect(cmpOfGlobal('__proto__')).toBeUndefined()
  })
})
