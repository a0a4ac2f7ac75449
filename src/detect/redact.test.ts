import { describe, expect, it } from 'vitest'
import { HIDDEN, looksLikeIdentifier, pageUrl, redactUrl } from './redact'

const IDENTIFIERS: [string, boolean][] = [
  // Positives
  ['12345678', true],
  ['1234567890.1700000000', true],
  ['abcdefghijklmnop', true],
  ['Abcdefgh', true],
  ['abcdefg1', true],
  ['abc_def1', true],
  ['GA1.2.1234567.89', true],
  ['ABC123XY', true],
  // Near-misses: one character short, or a single character class
  ['1234567', false],
  ['Abcdef1', false],
  ['abcdefghijklmno', false],
  ['abcdefgh', false],
  ['ABCDEFGH', false],
  ['page-view', false],
  // Clean negatives
  ['', false],
  ['home', false],
  ['en', false],
]

describe('looksLikeIdentifier', () => {
  it.each(IDENTIFIERS)('%s -> %s', (value, expected) => {
    expect(looksLikeIdentifier(value)).toBe(expected)
  })
})

const REDACT: [string, string][] = [
  // Identifier-looking query values are masked; safe parameters and short values are kept
  [
    'https://www.google-analytics.com/g/collect?v=2&tid=G-ABC123XYZ&cid=1234567890.1700000000&en=page_view',
    `https://www.google-analytics.com/g/collect?v=2&tid=G-ABC123XYZ&cid=${HIDDEN}&en=page_view`,
  ],
  // Safe parameter names match case-insensitively, even with identifier-looking values
  ['https://x.com/c?TID=ABCDEF123456&Ev=PageView', 'https://x.com/c?TID=ABCDEF123456&Ev=PageView'],
  // Repeated names are judged one by one
  ['https://x.com/?uid=abc&uid=Abcdefgh1', `https://x.com/?uid=abc&uid=${HIDDEN}`],
  // A whole URL passed as a value is masked
  ['https://x.com/p?dl=https%3A%2F%2Fnews.test%2F', `https://x.com/p?dl=${HIDDEN}`],
  ['wss://x.com/s?token=abcdefghijklmnopqrstu', `wss://x.com/s?token=${HIDDEN}`],
  // Identifier-looking path segments are masked, plain ones kept
  [
    'https://x.com/users/12345678/profile?ref=home',
    `https://x.com/users/${HIDDEN}/profile?ref=home`,
  ],
  ['https://x.com/a/Ab12cd34ef/b', `https://x.com/a/${HIDDEN}/b`],
  // Segments are judged decoded: %31 is '1'
  ['https://x.com/%31%32%33%34%35%36%37%38/', `https://x.com/${HIDDEN}/`],
  // Fragments and credentials are dropped; the port stays
  ['https://x.com/a?b=1#user=Abcdefgh1', 'https://x.com/a?b=1'],
  ['https://user:pass@x.com:8080/a', 'https://x.com:8080/a'],
  // Clean negatives: nothing to mask
  ['https://cdn.example.com/lib/app.js', 'https://cdn.example.com/lib/app.js'],
  ['https://x.com/', 'https://x.com/'],
  ['https://x.com/?', 'https://x.com/'],
  ['https://x.com/search?q=hello+world', 'https://x.com/search?q=hello%20world'],
  // Invalid URLs and non-network schemes keep nothing but the scheme
  ['not a url', HIDDEN],
  ['', HIDDEN],
  ['data:text/plain,Abcdefgh1', `data:${HIDDEN}`],
  ['blob:https://x.com/0b7c2f4e', `blob:${HIDDEN}`],
  ['about:blank', `about:${HIDDEN}`],
  ['chrome-extension://abcdefghijklmnop/popup.html', `chrome-extension:${HIDDEN}`],
  ['javascript:alert(1)', `javascript:${HIDDEN}`],
  ['ftp://x.com/a?b=1', `ftp:${HIDDEN}`],
]

describe('redactUrl', () => {
  it.each(REDACT)('%s', (url, expected) => {
    expect(redactUrl(url)).toBe(expected)
  })

  it('truncates long results to the maximum length, ending with an ellipsis', () => {
    const long = 'https://x.com/' + 'a/'.repeat(300)
    const out = redactUrl(long)
    expect(out).toHaveLength(300)
    expect(out.endsWith('…')).toBe(true)
    expect(out.startsWith('https://x.com/a/a/')).toBe(true)
    expect(redactUrl('https://x.com/abc?q=1', 15)).toBe('https://x.com/…')
  })

  it('does not truncate a result of exactly the maximum length', () => {
    const url = 'https://x.com/' + 'a/'.repeat(10)
    expect(redactUrl(url, url.length)).toBe(url)
    expect(redactUrl(url, url.length - 1)).toHaveLength(url.length - 1)
  })
})

const PAGES: [string, string][] = [
  ['https://x.com/a/b?c=1#d', 'https://x.com/a/b'],
  ['https://user:pw@x.com:8080/p?x#y', 'https://x.com:8080/p'],
  ['http://news.test', 'http://news.test/'],
  ['https://x.com/a?utm_source=mail&gclid=Abcdefgh123', 'https://x.com/a'],
  ['not a url', HIDDEN],
  ['', HIDDEN],
]

describe('pageUrl', () => {
  it.each(PAGES)('%s -> %s', (url, expected) => {
    expect(pageUrl(url)).toBe(expected)
  })
})

describe('pageUrl on pages without a network origin', () => {
  it.each([
    ['about:blank', 'about:[hidden]'],
    ['file:///etc/passwd', 'file:[hidden]'],
    ['data:text/plain,hi', 'data:[hidden]'],
    ['blob:https://x.com/u', 'blob:[hidden]'],
  ])('%s', (url, expected) => {
    expect(pageUrl(url)).toBe(expected)
  })
})
