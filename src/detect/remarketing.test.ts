import { describe, expect, it } from 'vitest'
import { detectRemarketing } from './remarketing'
import type { RequestInput } from './types'

function request(url: string, extra: Partial<RequestInput> = {}): RequestInput {
  return { url, method: 'GET', type: 'image', pageSite: 'shop.example', party: 'x.test', ...extra }
}

const CID = 'cid=1234567890.1700000000'

/** [name, request, measurement ids, endpoint]: hits as analytics.js and gtag.js send them with
 * remarketing / Google signals on. */
const POSITIVES: [string, RequestInput, string[], string][] = [
  [
    'Universal Analytics display features',
    request(
      `https://stats.g.doubleclick.net/r/collect?v=1&aip=1&t=dc&_r=3&tid=UA-12345678-1&${CID}&jid=123456789&_v=j101&z=98765`,
    ),
    ['UA-12345678-1'],
    'stats.g.doubleclick.net/r/collect',
  ],
  [
    'Universal Analytics via /j/collect',
    request(
      `https://stats.g.doubleclick.net/j/collect?t=dc&aip=1&_r=3&v=1&_v=j101&tid=UA-12345678-2&${CID}&jid=1&gjid=2&_gid=3.4&_u=SACAAEAB~&z=5`,
      { type: 'xmlhttprequest' },
    ),
    ['UA-12345678-2'],
    'stats.g.doubleclick.net/j/collect',
  ],
  [
    'GA4 with Google signals',
    request(
      `https://stats.g.doubleclick.net/g/collect?v=2&tid=G-ABC123XYZ&${CID}&gtm=45je3b10&aip=1&dma=0`,
      { method: 'POST', type: 'ping' },
    ),
    ['G-ABC123XYZ'],
    'stats.g.doubleclick.net/g/collect',
  ],
  [
    'GA4 id in a POSTed body',
    request(`https://stats.g.doubleclick.net/g/collect?v=2&${CID}`, {
      method: 'POST',
      type: 'beacon',
      body: 'tid=g-def456uvw&en=page_view',
    }),
    ['G-DEF456UVW'],
    'stats.g.doubleclick.net/g/collect',
  ],
  [
    'ga-audiences on google.com',
    request(
      `https://www.google.com/ads/ga-audiences?t=sr&aip=1&_r=4&slf_rd=1&v=1&_v=j101&tid=UA-12345678-1&${CID}&jid=1&_u=x&z=2`,
    ),
    ['UA-12345678-1'],
    'www.google.com/ads/ga-audiences',
  ],
  [
    'ga-audiences on a country domain, GA4 and Google Ads ids',
    request(
      `https://www.google.co.uk/ads/ga-audiences?v=1&t=sr&tid=G-ABC123XYZ&${CID}&_u=x&aw=AW-987654321`,
    ),
    ['G-ABC123XYZ', 'AW-987654321'],
    'www.google.co.uk/ads/ga-audiences',
  ],
  [
    'ga-audiences on google.de',
    request(`https://www.google.de/ads/ga-audiences?t=sr&tid=UA-1234567-12&${CID}`),
    ['UA-1234567-12'],
    'www.google.de/ads/ga-audiences',
  ],
  [
    'landing ping with a Google Ads id',
    request(
      'https://www.google.com/pagead/landing?gcs=G111&rnd=1700000000&tid=AW-123456789&url=https%3A%2F%2Fshop.example%2F',
    ),
    ['AW-123456789'],
    'www.google.com/pagead/landing',
  ],
]

describe('detectRemarketing: positives', () => {
  it.each(POSITIVES)('%s', (_name, input, measurementIds, endpoint) => {
    expect(detectRemarketing({ ...input, company: 'Google' })).toEqual([
      {
        signal: 'analytics.remarketing',
        party: 'x.test',
        company: 'Google',
        detail: { measurementIds, endpoint },
      },
    ])
  })

  it('does not return the client id', () => {
    const [, input] = POSITIVES[0] ?? []
    expect(JSON.stringify(detectRemarketing(input as RequestInput))).not.toContain('1234567890')
  })
})

const NEGATIVES: [string, string][] = [
  // Plain analytics: not audiences
  [
    'GA4 collect',
    `https://www.google-analytics.com/g/collect?v=2&tid=G-ABC123XYZ&${CID}&en=page_view`,
  ],
  ['GA4 regional collect', `https://region1.google-analytics.com/g/collect?v=2&tid=G-ABC123XYZ`],
  ['UA collect', `https://www.google-analytics.com/collect?v=1&tid=UA-12345678-1&t=pageview`],
  ['UA j/collect', `https://www.google-analytics.com/j/collect?v=1&tid=UA-12345678-1&t=pageview`],
  // Right host, no id or another path
  ['doubleclick without an id', `https://stats.g.doubleclick.net/r/collect?v=1&t=dc&${CID}`],
  ['doubleclick other path', 'https://stats.g.doubleclick.net/other?tid=UA-12345678-1'],
  ['ad server', 'https://ad.doubleclick.net/ddm/activity/src=123;tid=UA-12345678-1'],
  ['Google search', 'https://www.google.com/search?q=ga-audiences&tid=UA-12345678-1'],
  ['lookalike host', 'https://stats.g.doubleclick.net.evil.example/r/collect?tid=UA-12345678-1'],
  ['google lookalike', 'https://www.google.evil.example/ads/ga-audiences?tid=UA-12345678-1'],
  // Values that only look close to an id
  ['not quite an id', 'https://stats.g.doubleclick.net/r/collect?tid=UA-12345678-1x&x=G-&y=AW-1'],
  ['plain page', 'https://shop.example/?tid=UA-12345678-1'],
]

describe('detectRemarketing: near-misses and clean negatives', () => {
  it.each(NEGATIVES)('%s', (_name, url) => {
    expect(detectRemarketing(request(url))).toEqual([])
  })
})

describe('detectRemarketing: hostile input', () => {
  it.each([
    'not a url',
    '',
    'https://stats.g.doubleclick.net:99999/r/collect?tid=UA-12345678-1',
    'https://stats.g.doubleclick.net/r/collect?tid=%E0%A4%A&x=%ZZ',
  ])('%s -> nothing, no throw', (url) => {
    expect(detectRemarketing(request(url))).toEqual([])
  })

  it('tolerates a non-string URL and a binary or huge body', () => {
    expect(detectRemarketing(request(null as unknown as string))).toEqual([])
    const url = 'https://stats.g.doubleclick.net/g/collect?v=2&tid=G-ABC123XYZ'
    for (const body of ['\u0000\uffff\ud800', 'tid=' + 'G'.repeat(3_000_000), '{"tid":']) {
      expect(detectRemarketing(request(url, { method: 'POST', body }))[0]?.detail).toEqual({
        measurementIds: ['G-ABC123XYZ'],
        endpoint: 'stats.g.doubleclick.net/g/collect',
      })
    }
  })

  it('caps the ids at 20', () => {
    const ids = Array.from({ length: 40 }, (_, i) => `p${i}=UA-1234567-${i + 1}`).join('&')
    const [f] = detectRemarketing(request(`https://stats.g.doubleclick.net/r/collect?${ids}`))
    expect(f?.detail.measurementIds).toHaveLength(20)
  })
})
