import { describe, expect, it } from 'vitest'
import { CLICK_IDS } from '@/data/click-ids'
import { detectLinkDecoration } from './link-decoration'
import type { DetailValue, RequestInput } from './types'

function nav(url: string, extra: Partial<RequestInput> = {}): RequestInput {
  return {
    url,
    method: 'GET',
    type: 'main_frame',
    pageSite: 'shop.test',
    party: 'shop.test',
    ...extra,
  }
}

/** [name, request, exact detail]. Values are shaped like the real ones each platform adds. */
const POSITIVES: [string, RequestInput, Record<string, DetailValue>][] = [
  [
    'Google Ads landing with a campaign (as in the e2e fixture)',
    nav('https://shop.test/?gclid=Cj0KCQiAtest1234567890&utm_source=demo'),
    {
      parameters: ['gclid'],
      platforms: ['Google Ads'],
      kinds: ['click id'],
      where: 'query',
      navigation: true,
      campaign: ['utm_source'],
    },
  ],
  [
    'Meta click id without campaign',
    nav('https://news.example/story?id=7&fbclid=IwAR2xYzAbCdEfGh1234567890'),
    {
      parameters: ['fbclid'],
      platforms: ['Meta'],
      kinds: ['click id'],
      where: 'query',
      navigation: true,
    },
  ],
  [
    'two platforms and three utm parameters',
    nav(
      'https://shop.test/p?msclkid=0f1e2d3c4b5a69788796a5b4c3d2e1f0&gclid=EAIaIQobChMI8abc' +
        '&utm_source=bing&utm_medium=cpc&utm_campaign=spring&UTM_TERM=',
    ),
    {
      parameters: ['msclkid', 'gclid'],
      platforms: ['Microsoft Advertising', 'Google Ads'],
      kinds: ['click id'],
      where: 'query',
      navigation: true,
      campaign: ['utm_source', 'utm_medium', 'utm_campaign'],
    },
  ],
  [
    "Google's cross-domain linker in the fragment",
    nav(
      'https://checkout.example/#_gl=1*1abcdef*_ga*MTIzNDU2Nzg5LjE3MDAwMDAwMDA.*_ga_ABC*MTcwMA..',
    ),
    {
      parameters: ['_gl'],
      platforms: ['Google (cross-domain linker)'],
      kinds: ['user id'],
      where: 'fragment',
      navigation: true,
    },
  ],
  [
    'hash-routed app receiving a click id',
    nav('https://app.example/#/landing?ttclid=E.C.P.Cs0BAbCdEf123&utm_source=tiktok'),
    {
      parameters: ['ttclid'],
      platforms: ['TikTok'],
      kinds: ['click id'],
      where: 'fragment',
      navigation: true,
      campaign: ['utm_source'],
    },
  ],
  [
    'query and fragment; names matched in any case, reported as vendors spell them',
    nav('https://shop.test/?sccid=abcdef12-3456-7890&x=1#twclid=2abcdefghij0123456'),
    {
      parameters: ['ScCid', 'twclid'],
      platforms: ['Snapchat', 'X'],
      kinds: ['click id'],
      where: 'query and fragment',
      navigation: true,
    },
  ],
  [
    'Mailchimp e-mail link',
    nav('https://blog.example/post?mc_cid=a1b2c3d4e5&mc_eid=f6e5d4c3b2&utm_medium=email'),
    {
      parameters: ['mc_cid', 'mc_eid'],
      platforms: ['Mailchimp'],
      kinds: ['email campaign'],
      where: 'query',
      navigation: true,
      campaign: ['utm_medium'],
    },
  ],
  [
    'HubSpot e-mail and cross-domain cookies',
    nav(
      'https://www.example.com/pricing?_hsenc=p2ANqtz-8abcdefghijk&_hsmi=123456789' +
        '&__hstc=20629287.abc123def.1700000000000.1700000000000.1700000000000.1&__hssc=20629287.1.1700000000000&__hsfp=1234567890',
    ),
    {
      parameters: ['_hsenc', '_hsmi', '__hstc', '__hssc', '__hsfp'],
      platforms: ['HubSpot'],
      kinds: ['email campaign', 'user id'],
      where: 'query',
      navigation: true,
    },
  ],
  [
    'click id on a subresource request to a third party',
    nav('https://bat.bing.com/action/0?ti=56000000&evt=pageLoad&msclkid=0f1e2d3c4b5a6978', {
      type: 'image',
      party: 'bing.com',
      company: 'Microsoft',
    }),
    {
      parameters: ['msclkid'],
      platforms: ['Microsoft Advertising'],
      kinds: ['click id'],
      where: 'query',
      navigation: false,
    },
  ],
  [
    'Yandex, LinkedIn, Instagram, Google Search, Pinterest',
    nav(
      'https://shop.test/?yclid=1234567890123&li_fat_id=a1b2c3d4-e5f6&igshid=MzRlODBiNWFlZA==' +
        '&srsltid=AfmBOorAbCdEf123&epik=dj0yJnU9abc',
    ),
    {
      parameters: ['yclid', 'li_fat_id', 'igshid', 'srsltid', 'epik'],
      platforms: ['Yandex', 'LinkedIn', 'Instagram', 'Google Search', 'Pinterest'],
      kinds: ['click id', 'user id'],
      where: 'query',
      navigation: true,
    },
  ],
]

describe('detectLinkDecoration: positives', () => {
  it.each(POSITIVES)('%s', (_name, input, detail) => {
    const company = input.company !== undefined ? { company: input.company } : {}
    expect(detectLinkDecoration(input)).toEqual([
      { signal: 'link.decoration', party: input.party, ...company, detail },
    ])
  })

  it('never returns the values', () => {
    const [, input] = POSITIVES[0] ?? []
    expect(JSON.stringify(detectLinkDecoration(input as RequestInput))).not.toMatch(
      /Cj0KCQiAtest|demo/,
    )
  })

  it('knows every listed parameter, and caps the lists at 20', () => {
    const names = Object.keys(CLICK_IDS)
    expect(names.length).toBeGreaterThan(20)
    for (const name of names) {
      const [f] = detectLinkDecoration(nav(`https://a.example/?${name}=abcdef123456`))
      expect(f?.detail.parameters, name).toEqual([name])
    }
    const all = names.map((name) => `${name}=abcdef123456`).join('&')
    const [f] = detectLinkDecoration(nav(`https://a.example/?${all}`))
    expect(f?.detail.parameters).toHaveLength(20)
  })
})

const NEGATIVES: [string, string][] = [
  // utm alone is campaign information shared by everyone who clicked
  ['utm only', 'https://shop.test/?utm_source=newsletter&utm_medium=email&utm_campaign=spring'],
  // Too short or empty to identify anyone
  ['short or empty values', 'https://shop.test/?gclid=&fbclid=1&gclsrc=aw.ds&msclkid=abcde'],
  ['names as values', 'https://shop.test/search?q=gclid&ref=fbclid&tag=_gl'],
  ['similar names', 'https://shop.test/?gclid2=abcdefgh1&xfbclid=abcdefgh1&gclid_x=abcdefgh1'],
  ['in the path', 'https://shop.test/gclid/Cj0KCQiAtest1234567890'],
  ['no query', 'https://shop.test/products/mug'],
  ['unrelated parameters', 'https://shop.test/?page=2&sort=price&session=abcdef123456'],
  ['non-network scheme', 'data:text/html,<a href="?gclid=Cj0KCQiAtest1234567890">'],
]

describe('detectLinkDecoration: near-misses and clean negatives', () => {
  it.each(NEGATIVES)('%s', (_name, url) => {
    expect(detectLinkDecoration(nav(url))).toEqual([])
  })
})

describe('detectLinkDecoration: hostile input', () => {
  it.each([
    'not a url?gclid=Cj0KCQiAtest1234567890',
    'https://?gclid=Cj0KCQiAtest1234567890',
    'https://shop.test:99999/?gclid=Cj0KCQiAtest1234567890',
    '',
  ])('%s -> nothing, no throw', (url) => {
    expect(detectLinkDecoration(nav(url))).toEqual([])
  })

  it('tolerates a non-string URL', () => {
    expect(detectLinkDecoration(nav(undefined as unknown as string))).toEqual([])
  })

  it('decodes invalid percent-escapes without throwing', () => {
    const [f] = detectLinkDecoration(nav('https://shop.test/?gclid=%E0%A4%A%E0%A4%A&%ZZ=1#%E0'))
    expect(f?.detail.parameters).toEqual(['gclid'])
  })

  it('reads at most 200 parameters of a huge URL', () => {
    const filler = Array.from({ length: 50_000 }, (_, i) => `p${i}=1`).join('&')
    const started = performance.now()
    expect(detectLinkDecoration(nav(`https://shop.test/?${filler}&gclid=abcdef123456`))).toEqual([])
    const early = detectLinkDecoration(nav(`https://shop.test/?gclid=abcdef123456&${filler}`))
    expect(early[0]?.detail.parameters).toEqual(['gclid'])
    expect(performance.now() - started).toBeLessThan(1000)
  })
})
