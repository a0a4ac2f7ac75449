import { describe, expect, it } from 'vitest'
import { detectPixels } from './pixels'
import type { DetailValue, RequestInput } from './types'

const SHA = (c: string) => c.repeat(64)
const EM = SHA('a')
const PH = SHA('b')
const FN = SHA('c')

function request(url: string, extra: Partial<RequestInput> = {}): RequestInput {
  return { url, method: 'GET', type: 'image', pageSite: 'shop.example', party: 'x.test', ...extra }
}

type Case = [string, RequestInput, string, Record<string, DetailValue>]

/** [name, request, signal, exact detail]. Formats follow each vendor's documented requests. */
const POSITIVES: Case[] = [
  // Meta Pixel: the documented <noscript> image
  [
    'Meta noscript image',
    request('https://www.facebook.com/tr?id=123456789012345&ev=PageView&noscript=1'),
    'pixel.facebook',
    { event: 'PageView', pixelId: '123456789012345', standardEvent: true },
  ],
  [
    'Meta fbevents.js GET with custom data and advanced matching',
    request(
      'https://www.facebook.com/tr/?id=123456789012345&ev=Purchase' +
        '&dl=https%3A%2F%2Fshop.example%2Fcheckout%3Forder%3D42&rl=&if=false&ts=1700000000000' +
        `&cd[value]=19.99&cd%5Bcurrency%5D=EUR&cd[contents][0][id]=sku1&ud[em]=${EM}&ud[ph]=${PH}` +
        `&ud[fn]=${FN}&sw=1920&sh=1080&v=2.9.140&r=stable&ec=2&o=4126&fbp=fb.1.1700000000000.1234`,
    ),
    'pixel.facebook',
    {
      event: 'Purchase',
      pixelId: '123456789012345',
      standardEvent: true,
      pageHost: 'shop.example',
      customDataKeys: ['value', 'currency', 'contents'],
      hashedFields: ['email', 'phone', 'first name'],
    },
  ],
  [
    'Meta POST form body, custom event, a matching field sent unhashed',
    request('https://www.facebook.com/tr/', {
      method: 'POST',
      type: 'sub_frame',
      body: `id=987654321098765&ev=SubscribedNewsletter&cd[plan]=pro&udff[em]=${EM}&ud[external_id]=user-42&ud[zp]=`,
    }),
    'pixel.facebook',
    {
      event: 'SubscribedNewsletter',
      pixelId: '987654321098765',
      standardEvent: false,
      customDataKeys: ['plan'],
      hashedFields: ['email'],
      unhashedFields: ['external ID'],
    },
  ],
  [
    'Meta text/plain beacon with JSON, on another facebook.com subdomain',
    request('https://web.facebook.com/tr', {
      method: 'POST',
      type: 'beacon',
      body: JSON.stringify({
        id: '1122334455',
        ev: 'AddToCart',
        cd: { value: 5 },
        ud: { ct: SHA('d') },
      }),
    }),
    'pixel.facebook',
    {
      event: 'AddToCart',
      pixelId: '1122334455',
      standardEvent: true,
      customDataKeys: ['value'],
      hashedFields: ['city'],
    },
  ],
  [
    'Meta pixel without an event (init only), on facebook.com with a port',
    request('https://facebook.com:8443/tr?id=123456789012345'),
    'pixel.facebook',
    { pixelId: '123456789012345' },
  ],
  // TikTok
  [
    'TikTok loader',
    request('https://analytics.tiktok.com/i18n/pixel/events.js?sdkid=CTESTDEMO123&lib=ttq', {
      type: 'script',
    }),
    'pixel.tiktok',
    { event: 'load', pixelId: 'CTESTDEMO123' },
  ],
  [
    'TikTok events API as the fixture sends it',
    request('https://analytics.tiktok.com/api/v2/pixel', {
      method: 'POST',
      type: 'xmlhttprequest',
      body: JSON.stringify({
        event: 'Pageview',
        pixel_code: 'CTESTDEMO123',
        context: { page: { url: 'https://shop.test/' } },
      }),
    }),
    'pixel.tiktok',
    { event: 'Pageview', pixelId: 'CTESTDEMO123' },
  ],
  [
    'TikTok track with identify() fields and properties',
    request('https://analytics.tiktok.com/api/v2/pixel/track', {
      method: 'POST',
      type: 'beacon',
      body: JSON.stringify({
        event: 'CompletePayment',
        message_id: 'messageId-1700000000000-123',
        context: {
          pixel: { code: 'C4ABCDEF0123456789' },
          user: { email: EM, phone_number: PH, external_id: 'customer-77', anonymous_id: 'x' },
          page: { url: 'https://shop.example/thanks' },
        },
        properties: { value: 42, currency: 'USD', contents: [{ content_id: 'sku1' }] },
      }),
    }),
    'pixel.tiktok',
    {
      event: 'CompletePayment',
      pixelId: 'C4ABCDEF0123456789',
      customDataKeys: ['value', 'currency', 'contents'],
      hashedFields: ['email', 'phone'],
      unhashedFields: ['external ID'],
    },
  ],
  [
    'TikTok batch of events',
    request('https://analytics.tiktok.com/api/v2/pixel/batch', {
      method: 'POST',
      type: 'xmlhttprequest',
      body: JSON.stringify({
        batch: [
          { event: 'ViewContent', context: { pixel: { code: 'CBATCH1' } } },
          { event: 'AddToCart', context: { pixel: { code: 'CBATCH1' } } },
        ],
      }),
    }),
    'pixel.tiktok',
    { event: 'ViewContent', events: ['ViewContent', 'AddToCart'], pixelId: 'CBATCH1' },
  ],
  [
    'TikTok events API whose body is unreadable still counts as a pixel call',
    request('https://analytics.tiktok.com/api/v2/pixel/act', { method: 'POST', body: '{"event":' }),
    'pixel.tiktok',
    {},
  ],
  // LinkedIn Insight Tag
  [
    'LinkedIn documented image pixel',
    request('https://px.ads.linkedin.com/collect/?pid=7654321&fmt=gif'),
    'pixel.linkedin',
    { event: 'page view', pixelId: '7654321' },
  ],
  [
    'LinkedIn as the fixture sends it (page URL)',
    request(
      'https://px.ads.linkedin.com/collect?pid=7654321&fmt=gif&url=https%3A%2F%2Fshop.test%2F',
    ),
    'pixel.linkedin',
    { event: 'page view', pixelId: '7654321', pageHost: 'shop.test' },
  ],
  [
    'LinkedIn conversion',
    request('https://px.ads.linkedin.com/collect/?pid=7654321&conversionId=13371337&fmt=gif'),
    'pixel.linkedin',
    { event: 'conversion', pixelId: '7654321', conversionId: '13371337' },
  ],
  [
    'LinkedIn attribution trigger',
    request(
      'https://px.ads.linkedin.com/attribution_trigger?pid=7654321&time=1700000000000&url=https%3A%2F%2Fshop.example%2Fa',
    ),
    'pixel.linkedin',
    { event: 'page view', pixelId: '7654321', pageHost: 'shop.example' },
  ],
  // X (Twitter)
  [
    'X website tag page view',
    request(
      'https://t.co/i/adsct?bci=3&eci=2&event_id=4a1b&events=%5B%5B%22pageview%22%2C%7B%7D%5D%5D' +
        '&integration=advertiser&p_id=Twitter&p_user_id=0&pl_id=3f2e' +
        '&tw_document_href=https%3A%2F%2Fshop.example%2Fp%3Fq%3D1&tw_iframe_status=0&txn_id=o1a2b&type=javascript&version=2.3.29',
    ),
    'pixel.x',
    { event: 'pageview', pixelId: 'o1a2b', pageHost: 'shop.example' },
  ],
  [
    'X events on analytics.twitter.com/1/i/adsct',
    request(
      `https://analytics.twitter.com/1/i/adsct?txn_id=o1a2b&p_id=Twitter&events=${encodeURIComponent('[["pageview",{}],["tw-o1a2b-purchase",{}]]')}`,
    ),
    'pixel.x',
    { event: 'pageview', events: ['pageview', 'tw-o1a2b-purchase'], pixelId: 'o1a2b' },
  ],
  [
    'X legacy noscript conversion pixel',
    request(
      'https://analytics.twitter.com/i/adsct?txn_id=nuxyz&p_id=Twitter&tw_sale_amount=0&tw_order_quantity=0',
    ),
    'pixel.x',
    { pixelId: 'nuxyz' },
  ],
  [
    'X loader',
    request('https://static.ads-twitter.com/uwt.js', { type: 'script' }),
    'pixel.x',
    { event: 'load' },
  ],
  [
    'Meta event under Limited Data Use',
    request(
      'https://www.facebook.com/tr/?id=123456789012345&ev=PageView&dpo=LDU&dpoco=1&dpost=1000',
    ),
    'pixel.facebook',
    { event: 'PageView', pixelId: '123456789012345', standardEvent: true, limitedDataUse: true },
  ],
  [
    'Meta event with data processing options turned off (empty dpo)',
    request('https://www.facebook.com/tr/?id=123456789012345&ev=PageView&dpo=&dpoco=0'),
    'pixel.facebook',
    { event: 'PageView', pixelId: '123456789012345', standardEvent: true },
  ],
  // Google Ads
  [
    'Google Ads conversion image fallback',
    request(
      'https://www.googleadservices.com/pagead/conversion/123456789/?label=AbC-D_efG-h12_34-567&guid=ON&script=0&value=19.99&currency_code=EUR',
    ),
    'pixel.google_ads',
    {
      event: 'conversion',
      conversionId: 'AW-123456789',
      remarketing: false,
      label: 'AbC-D_efG-h12_34-567',
      valueSent: true,
    },
  ],
  [
    'Google Ads first-party conversion on google.com',
    request(
      'https://www.google.com/pagead/1p-conversion/123456789/?random=1700000000&cv=11&fst=1700000000000&label=XyZ123&value=0',
    ),
    'pixel.google_ads',
    {
      event: 'conversion',
      conversionId: 'AW-123456789',
      remarketing: false,
      label: 'XyZ123',
      valueSent: true,
    },
  ],
  [
    'Google Ads remarketing (view-through)',
    request(
      'https://googleads.g.doubleclick.net/pagead/viewthroughconversion/123456789/?random=1700000000&cv=11&fst=1700000000000&num=1&guid=ON&resp=GooglemKTybQhCsO&u_tz=60',
    ),
    'pixel.google_ads',
    { event: 'remarketing', conversionId: 'AW-123456789', remarketing: true, valueSent: false },
  ],
  [
    'Google Ads remarketing list on a country domain',
    request('https://www.google.co.uk/pagead/1p-user-list/123456789/?random=1&cv=11&fst=1'),
    'pixel.google_ads',
    { event: 'remarketing', conversionId: 'AW-123456789', remarketing: true, valueSent: false },
  ],
  [
    'Google Ads conversion with restricted data processing',
    request('https://www.googleadservices.com/pagead/conversion/123456789/?label=Ab1&rdp=1'),
    'pixel.google_ads',
    {
      event: 'conversion',
      conversionId: 'AW-123456789',
      remarketing: false,
      label: 'Ab1',
      valueSent: false,
      restrictedProcessing: true,
    },
  ],
  [
    'Google Ads conversion with rdp=0',
    request('https://www.googleadservices.com/pagead/conversion/123456789/?label=Ab1&rdp=0'),
    'pixel.google_ads',
    {
      event: 'conversion',
      conversionId: 'AW-123456789',
      remarketing: false,
      label: 'Ab1',
      valueSent: false,
    },
  ],
  [
    'Google Ads consent-mode ping',
    request(
      'https://www.google.com/ccm/collect?en=page_view&dl=https%3A%2F%2Fshop.example%2F&tid=aw-123456789&gcs=G111',
    ),
    'pixel.google_ads',
    { event: 'page_view', conversionId: 'AW-123456789', valueSent: false },
  ],
]

describe('detectPixels: positives', () => {
  it.each(POSITIVES)('%s', (_name, input, signal, detail) => {
    const found = detectPixels({ ...input, company: 'Vendor' })
    expect(found).toEqual([{ signal, party: 'x.test', company: 'Vendor', detail }])
  })

  it('leaves company out when the host is not listed', () => {
    const [f] = detectPixels(request('https://www.facebook.com/tr?id=1&ev=PageView'))
    expect(f).toEqual({ signal: 'pixel.facebook', party: 'x.test', detail: expect.any(Object) })
  })

  it('never returns the values of custom data or matching fields', () => {
    const [, input] = POSITIVES[1] as Case
    const out = JSON.stringify(detectPixels(input))
    for (const secret of [EM, PH, '19.99', 'EUR', 'sku1', 'order', 'checkout']) {
      expect(out).not.toContain(secret)
    }
  })
})

/** Near-misses: look like a pixel but are not one. Clean negatives: ordinary requests. */
const NEGATIVES: [string, RequestInput][] = [
  ['Meta: another page', request('https://www.facebook.com/tracking-page.html?id=1&ev=PageView')],
  ['Meta: /track', request('https://www.facebook.com/track?id=1&ev=PageView')],
  ['Meta: /tr below a path', request('https://www.facebook.com/tr/x?id=1&ev=PageView')],
  ['Meta: no pixel id', request('https://www.facebook.com/tr?ev=PageView')],
  ['first-party /tr', request('https://shop.example/tr?id=123456789012345&ev=PageView')],
  ['lookalike host', request('https://notfacebook.com/tr?id=123&ev=PageView')],
  ['suffix trick', request('https://www.facebook.com.evil.example/tr?id=123&ev=PageView')],
  ['Meta SDK script', request('https://connect.facebook.net/en_US/fbevents.js')],
  ['TikTok other asset', request('https://analytics.tiktok.com/i18n/pixel/static/main.MzQ1.js')],
  ['TikTok config', request('https://analytics.tiktok.com/i18n/pixel/config.js?sdkid=CABC')],
  ['TikTok path prefix', request('https://analytics.tiktok.com/api/v2/pixelx')],
  ['TikTok API on another host', request('https://www.tiktok.com/api/v2/pixel')],
  ['LinkedIn without ids', request('https://px.ads.linkedin.com/collect/?fmt=gif')],
  ['LinkedIn site', request('https://www.linkedin.com/collect?pid=7654321')],
  ['X short link', request('https://t.co/AbCdEf1234')],
  ['X other script', request('https://static.ads-twitter.com/other.js')],
  ['X path on twitter.com', request('https://twitter.com/i/adsct?txn_id=o1a2b')],
  ['Google search', request('https://www.google.com/search?q=pagead+conversion&label=x')],
  ['Google Ads click redirect', request('https://www.googleadservices.com/pagead/aclk?sa=L&ai=x')],
  ['Google Ads without id', request('https://www.google.com/pagead/1p-conversion/')],
  ['Google lookalike', request('https://www.google.evil.example/pagead/1p-conversion/1/')],
  [
    'view-through on the wrong host',
    request('https://www.google.com/pagead/viewthroughconversion/1/'),
  ],
  ['GA collect', request('https://www.google-analytics.com/g/collect?v=2&tid=G-ABC123XYZ')],
  ['plain page', request('https://news.example/article?id=1', { type: 'main_frame' })],
]

describe('detectPixels: near-misses and clean negatives', () => {
  it.each(NEGATIVES)('%s', (_name, input) => {
    expect(detectPixels(input)).toEqual([])
  })
})

describe('detectPixels: hostile input', () => {
  const BAD: [string, RequestInput][] = [
    ['not a URL', request('not a url')],
    ['empty', request('')],
    ['scheme only', request('https://')],
    ['bad port', request('https://www.facebook.com:99999/tr?id=1&ev=PageView')],
    ['non-network scheme', request('data:text/html,https://www.facebook.com/tr?id=1')],
    ['not a string', request(42 as unknown as string)],
  ]
  it.each(BAD)('%s -> nothing, no throw', (_name, input) => {
    expect(detectPixels(input)).toEqual([])
  })

  it('decodes invalid percent-escapes without throwing', () => {
    const [f] = detectPixels(
      request('https://www.facebook.com/tr?id=1&ev=%E0%A4%A&cd[%E0%A4%A]=1&ud[em]=%ZZ'),
    )
    expect(f?.signal).toBe('pixel.facebook')
    expect(f?.detail.unhashedFields).toEqual(['email'])
  })

  it('reads the URL of a request whose body is huge, and not the body', () => {
    const body = `ev=Purchase&${'a=1&'.repeat(400_000)}`
    const started = performance.now()
    const found = detectPixels(request('https://www.facebook.com/tr/?id=1', { body }))
    expect(found[0]?.detail).toEqual({ pixelId: '1' })
    expect(performance.now() - started).toBeLessThan(1000)
  })

  it('survives invalid and deeply nested JSON', () => {
    const url = 'https://analytics.tiktok.com/api/v2/pixel'
    const deep = '{"event":"Deep","context":' + '{"a":'.repeat(5000) + '1' + '}'.repeat(5001)
    expect(detectPixels(request(url, { body: deep }))[0]?.detail).toEqual({ event: 'Deep' })
    for (const body of [
      '{',
      '[1,',
      '{"batch":"nope"}',
      '{"batch":[null,1,"x"]}',
      'null',
      '\u0000',
    ]) {
      expect(detectPixels(request(url, { body }))[0]?.signal).toBe('pixel.tiktok')
    }
    const x = 'https://t.co/i/adsct?txn_id=o1&events=%5B%5B'
    expect(detectPixels(request(x))[0]?.detail).toEqual({ pixelId: 'o1' })
  })

  it('bounds lists and strings', () => {
    const cd = Array.from({ length: 50 }, (_, i) => `cd[k${i}]=1`).join('&')
    const [f] = detectPixels(
      request(`https://www.facebook.com/tr?id=${'9'.repeat(500)}&ev=${'E'.repeat(500)}&${cd}`),
    )
    expect(f?.detail.customDataKeys).toHaveLength(20)
    expect(String(f?.detail.pixelId).length).toBeLessThanOrEqual(100)
    expect(String(f?.detail.event).length).toBeLessThanOrEqual(100)
  })
})
