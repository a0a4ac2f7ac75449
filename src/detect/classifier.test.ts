import { describe, expect, it } from 'vitest'
import { trackerData } from '@/data/trackers'
import { createClassifier } from './classifier'
import { requestFinding } from './trackers'

const classifier = createClassifier(trackerData)

type Expect =
  | null
  | { relation: 'first-party'; party: string }
  | {
      relation: 'same-company' | 'third-party'
      party: string
      tracker: boolean
      company?: string
      category?: string
    }

/** [request URL, page site, expected]. Companies and categories as third-party-web lists them. */
const TABLE: [string, string, Expect][] = [
  // Known trackers, their subdomains and root domains
  [
    'https://www.google-analytics.com/g/collect?v=2',
    'news.test',
    {
      relation: 'third-party',
      party: 'google-analytics.com',
      tracker: true,
      company: 'Google',
      category: 'analytics',
    },
  ],
  [
    'https://region1.google-analytics.com/g/collect',
    'news.test',
    { relation: 'third-party', party: 'google-analytics.com', tracker: true, company: 'Google' },
  ],
  [
    'https://google-analytics.com/analytics.js',
    'news.test',
    { relation: 'third-party', party: 'google-analytics.com', tracker: true, company: 'Google' },
  ],
  [
    'https://www.googletagmanager.com/gtag/js?id=G-1',
    'news.test',
    {
      relation: 'third-party',
      party: 'googletagmanager.com',
      tracker: true,
      company: 'Google',
      category: 'tag-manager',
    },
  ],
  [
    'https://connect.facebook.net/en_US/fbevents.js',
    'news.test',
    {
      relation: 'third-party',
      party: 'facebook.net',
      tracker: true,
      company: 'Facebook',
      category: 'social',
    },
  ],
  [
    'https://www.facebook.com/tr?id=1&ev=PageView',
    'news.test',
    { relation: 'third-party', party: 'facebook.com', tracker: true, company: 'Facebook' },
  ],
  [
    'https://stats.g.doubleclick.net/j/collect',
    'news.test',
    {
      relation: 'third-party',
      party: 'doubleclick.net',
      tracker: true,
      company: 'Google',
      category: 'ad',
    },
  ],
  [
    'https://securepubads.g.doubleclick.net/tag/js/gpt.js',
    'news.test',
    { relation: 'third-party', party: 'doubleclick.net', tracker: true, company: 'Google' },
  ],
  [
    'https://www.googleadservices.com/pagead/conversion.js',
    'news.test',
    {
      relation: 'third-party',
      party: 'googleadservices.com',
      tracker: true,
      company: 'Google',
      category: 'ad',
    },
  ],
  [
    'https://analytics.tiktok.com/i18n/pixel/events.js',
    'news.test',
    { relation: 'third-party', party: 'tiktok.com', tracker: true, company: 'ByteDance Ltd' },
  ],
  [
    'https://snap.licdn.com/li.lms-analytics/insight.min.js',
    'news.test',
    { relation: 'third-party', party: 'licdn.com', tracker: true, category: 'ad' },
  ],
  [
    'https://static.ads-twitter.com/uwt.js',
    'news.test',
    { relation: 'third-party', party: 'ads-twitter.com', tracker: true, company: 'Twitter' },
  ],
  [
    'https://bat.bing.com/bat.js',
    'news.test',
    { relation: 'third-party', party: 'bing.com', tracker: true, category: 'ad' },
  ],
  [
    'https://script.hotjar.com/modules.js',
    'news.test',
    { relation: 'third-party', party: 'hotjar.com', tracker: true, company: 'Hotjar' },
  ],
  [
    'wss://ws.hotjar.com/api/v2/client/ws',
    'news.test',
    { relation: 'third-party', party: 'hotjar.com', tracker: true, company: 'Hotjar' },
  ],
  // Exact-host entries match only that host
  [
    'https://adservice.google.com/ddm/fls/z',
    'news.test',
    {
      relation: 'third-party',
      party: 'google.com',
      tracker: true,
      company: 'Google',
      category: 'ad',
    },
  ],
  [
    'https://foo.adservice.google.com/x',
    'news.test',
    { relation: 'third-party', party: 'google.com', tracker: false },
  ],
  // Listed but not tracking categories: third parties with a company
  [
    'https://cdn.jsdelivr.net/npm/x.js',
    'news.test',
    { relation: 'third-party', party: 'jsdelivr.net', tracker: false, category: 'cdn' },
  ],
  [
    'https://fonts.googleapis.com/css2?family=Inter',
    'news.test',
    {
      relation: 'third-party',
      party: 'fonts.googleapis.com',
      tracker: false,
      company: 'Google',
      category: 'cdn',
    },
  ],
  [
    'https://cdn.cookielaw.org/scripttemplates/otSDKStub.js',
    'news.test',
    {
      relation: 'third-party',
      party: 'cookielaw.org',
      tracker: false,
      category: 'consent-provider',
    },
  ],
  [
    'https://www.youtube.com/embed/abc',
    'news.test',
    {
      relation: 'third-party',
      party: 'youtube.com',
      tracker: false,
      company: 'YouTube',
      category: 'video',
    },
  ],
  // Same company, different domain
  [
    'https://static.xx.fbcdn.net/rsrc.php/v3/x.js',
    'facebook.com',
    { relation: 'same-company', party: 'fbcdn.net', tracker: false, company: 'Facebook' },
  ],
  [
    'https://i.ytimg.com/vi/abc/hqdefault.jpg',
    'youtube.com',
    { relation: 'same-company', party: 'ytimg.com', tracker: false, company: 'YouTube' },
  ],
  [
    'https://connect.facebook.net/en_US/sdk.js',
    'facebook.com',
    { relation: 'same-company', party: 'facebook.net', tracker: false },
  ],
  [
    'https://www.google-analytics.com/g/collect',
    'youtube.com',
    { relation: 'third-party', party: 'google-analytics.com', tracker: true, company: 'Google' },
  ],
  // Unknown third parties
  [
    'https://static.unknown-widgets.test/widget.js',
    'news.test',
    { relation: 'third-party', party: 'unknown-widgets.test', tracker: false },
  ],
  [
    'https://google-analytics.com.evil.test/collect',
    'news.test',
    { relation: 'third-party', party: 'evil.test', tracker: false },
  ],
  [
    'https://news.test.evil.example/x',
    'news.test',
    { relation: 'third-party', party: 'evil.example', tracker: false },
  ],
  // First party, including multi-part public suffixes
  ['https://news.test/', 'news.test', { relation: 'first-party', party: 'news.test' }],
  ['https://cdn.news.test/app.js', 'news.test', { relation: 'first-party', party: 'news.test' }],
  ['https://www.bbc.co.uk/news', 'bbc.co.uk', { relation: 'first-party', party: 'bbc.co.uk' }],
  [
    'https://static.files.bbci.co.uk/core.js',
    'bbc.co.uk',
    { relation: 'third-party', party: 'bbci.co.uk', tracker: false },
  ],
  [
    'https://a.example.co.uk/x',
    'example.co.uk',
    { relation: 'first-party', party: 'example.co.uk' },
  ],
  [
    'https://evil.co.uk/x',
    'example.co.uk',
    { relation: 'third-party', party: 'evil.co.uk', tracker: false },
  ],
  [
    'https://shop.example.com.au/cart',
    'example.com.au',
    { relation: 'first-party', party: 'example.com.au' },
  ],
  // Private suffixes: different users of one host are different sites
  [
    'https://alice.github.io/x.js',
    'bob.github.io',
    { relation: 'third-party', party: 'alice.github.io', tracker: false },
  ],
  [
    'https://alice.github.io/x.js',
    'alice.github.io',
    { relation: 'first-party', party: 'alice.github.io' },
  ],
  [
    'https://foo.s3.amazonaws.com/x',
    'news.test',
    { relation: 'third-party', party: 'foo.s3.amazonaws.com', tracker: false },
  ],
  // IPs, localhost, ports, case, trailing dots, credentials
  [
    'http://127.0.0.1:8080/x',
    'news.test',
    { relation: 'third-party', party: '127.0.0.1', tracker: false },
  ],
  ['http://127.0.0.1:8080/x', '127.0.0.1', { relation: 'first-party', party: '127.0.0.1' }],
  [
    'http://[::1]:3000/api',
    'news.test',
    { relation: 'third-party', party: '[::1]', tracker: false },
  ],
  ['http://localhost:3000/api', 'localhost', { relation: 'first-party', party: 'localhost' }],
  [
    'http://localhost:3000/api',
    'news.test',
    { relation: 'third-party', party: 'localhost', tracker: false },
  ],
  [
    'https://WWW.Google-Analytics.COM/collect',
    'news.test',
    { relation: 'third-party', party: 'google-analytics.com', tracker: true },
  ],
  [
    'https://www.google-analytics.com./collect',
    'news.test',
    { relation: 'third-party', party: 'google-analytics.com', tracker: true },
  ],
  [
    'https://user:pass@www.google-analytics.com:443/x',
    'news.test',
    { relation: 'third-party', party: 'google-analytics.com', tracker: true },
  ],
  ['https://news.test:8443/img.png', 'news.test', { relation: 'first-party', party: 'news.test' }],
  // IDN: punycode and Unicode spell the same site
  [
    'https://xn--bcher-kva.de/',
    'news.test',
    { relation: 'third-party', party: 'xn--bcher-kva.de', tracker: false },
  ],
  [
    'https://bücher.de/',
    'news.test',
    { relation: 'third-party', party: 'xn--bcher-kva.de', tracker: false },
  ],
  [
    'https://www.bücher.de/x',
    'xn--bcher-kva.de',
    { relation: 'first-party', party: 'xn--bcher-kva.de' },
  ],
  // No network host: nothing to classify
  ['data:image/png;base64,iVBORw0KGgo=', 'news.test', null],
  ['blob:https://news.test/8f2c1b', 'news.test', null],
  ['about:blank', 'news.test', null],
  ['chrome-extension://abcdefghijklmnop/x.js', 'news.test', null],
  ['moz-extension://0b5d8a4e-1111-2222-3333-444455556666/x.js', 'news.test', null],
  ['file:///etc/passwd', 'news.test', null],
  ['ftp://files.example.com/x', 'news.test', null],
  ['javascript:alert(1)', 'news.test', null],
  ['not a url', 'news.test', null],
  ['https://', 'news.test', null],
  ['https://exa mple.com/', 'news.test', null],
]

describe('request classifier', () => {
  it.each(TABLE)('%s on %s', (url, pageSite, expected) => {
    const result = classifier.classify(url, pageSite)
    if (expected === null) {
      expect(result).toBeNull()
      return
    }
    expect(result).not.toBeNull()
    expect(result?.relation).toBe(expected.relation)
    expect(result?.info.site).toBe(expected.party)
    if (expected.relation === 'first-party') return
    expect(result?.tracker).toBe(expected.tracker)
    if (expected.company !== undefined) expect(result?.info.entity?.[1]).toBe(expected.company)
    if (expected.category !== undefined) expect(result?.info.entity?.[2]).toBe(expected.category)
  })

  it('has enough cases to pin behaviour', () => {
    expect(TABLE.length).toBeGreaterThanOrEqual(40)
  })

  it('turns classifications into findings', () => {
    const tracker = classifier.classify('https://www.google-analytics.com/g/collect', 'news.test')
    const unknown = classifier.classify('https://static.unknown-widgets.test/w.js', 'news.test')
    const own = classifier.classify('https://cdn.news.test/app.js', 'news.test')
    const sibling = classifier.classify('https://i.ytimg.com/x.jpg', 'youtube.com')
    expect(tracker && requestFinding(tracker)).toEqual({
      signal: 'tracker.request',
      party: 'google-analytics.com',
      entity: 'Google Analytics',
      company: 'Google',
      category: 'analytics',
    })
    expect(unknown && requestFinding(unknown)).toEqual({
      signal: 'thirdparty.request',
      party: 'unknown-widgets.test',
    })
    expect(own && requestFinding(own)).toBeNull()
    expect(sibling && requestFinding(sibling)).toMatchObject({
      signal: 'thirdparty.request',
      sameCompany: true,
    })
  })

  it('keeps its host cache bounded', () => {
    const small = createClassifier(trackerData, 10)
    for (let i = 0; i < 100; i++) small.classify(`https://h${i}.example.com/`, 'news.test')
    expect(small.classify('https://www.google-analytics.com/', 'news.test')?.tracker).toBe(true)
  })

  it('compiles the bundled list', () => {
    expect(trackerData.source).toMatch(/^third-party-web@\d+\.\d+\.\d+$/)
    expect(trackerData.entities.length).toBeGreaterThan(2000)
    expect(
      Object.keys(trackerData.suffix).length + Object.keys(trackerData.exact).length,
    ).toBeGreaterThan(3000)
  })
})
