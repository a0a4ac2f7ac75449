import { describe, expect, it } from 'vitest'
import {
  cookiesOf,
  detectCookies,
  identifierReason,
  parseSetCookie,
  type CookieInput,
} from './cookies'
import { entropy, isTimestamp, looksLikeId, maskValue, valueHash } from './identifier-value'

const NOW = Date.UTC(2026, 10, 30)
const YEAR = 'Max-Age=31536000'

function input(over: Partial<CookieInput>): CookieInput {
  return {
    pageSite: 'recipes.test',
    party: 'adnxs.com',
    host: 'ib.adnxs.com',
    direction: 'set',
    headers: [],
    now: NOW,
    evidence: false,
    ...over,
  }
}

const ids = (i: CookieInput) =>
  detectCookies(i)
    .filter((f) => f.signal === 'cookie.identifier')
    .map((f) => f.detail.name)

describe('identifier values', () => {
  it.each([
    ['7a3f9c2e41b8d605', true],
    ['1234567890123456789', true],
    ['GA1.1.987654321.1732900000', true],
    ['b3JkZXJfaWQ9MTIzNDU2', true],
    ['yes', false],
    ['en', false],
    ['en-US,en', false],
    ['1732924800', false], // a timestamp in seconds
    ['1732924800123', false], // in milliseconds
    ['2026-11-30T10:00:00Z', false],
    ['aaaaaaaaaaaa', false], // long but no entropy
    ['newsletter-popup', false], // a setting's name
    ['https://shop.test/a', false],
    ['x'.repeat(300), false], // a payload, not an id
    ['accepted', false],
  ])('%s → %s', (value, expected) => {
    expect(looksLikeId(value)).toBe(expected)
  })

  it('tells timestamps from other numbers', () => {
    expect(isTimestamp('1732924800')).toBe(true)
    expect(isTimestamp('9999999999999')).toBe(false) // year 2286
    expect(isTimestamp('123456789012')).toBe(false)
  })

  it('measures entropy', () => {
    expect(entropy('aaaa')).toBe(0)
    expect(entropy('abcd')).toBe(2)
  })

  it('masks values unless in evidence mode, with a stable hash', () => {
    expect(maskValue('7a3f9c2e41b8d605', false)).toBe(
      `7a3f… (hash ${valueHash('7a3f9c2e41b8d605')})`,
    )
    expect(maskValue('7a3f9c2e41b8d605', false)).not.toContain('41b8d605')
    expect(maskValue('7a3f9c2e41b8d605', true)).toBe('7a3f9c2e41b8d605')
    expect(valueHash('a')).not.toBe(valueHash('b'))
    expect(valueHash('a')).toHaveLength(14)
  })
})

describe('Set-Cookie parsing', () => {
  it('reads name, value, domain, lifetime and Partitioned', () => {
    const c = parseSetCookie(
      'uuid2=123; Domain=.adnxs.com; Max-Age=7776000; Secure; Partitioned',
      NOW,
    )
    expect(c).toEqual({
      name: 'uuid2',
      value: '123',
      domain: 'adnxs.com',
      lifetime: 7776000,
      partitioned: true,
    })
  })

  it('reads Expires against the response time, Max-Age winning', () => {
    const expires = new Date(NOW + 86_400_000).toUTCString()
    expect(parseSetCookie(`a=b; Expires=${expires}`, NOW)?.lifetime).toBe(86_400)
    expect(parseSetCookie(`a=b; Expires=${expires}; Max-Age=5`, NOW)?.lifetime).toBe(5)
  })

  it.each([
    ['', 'empty'],
    ['=value', 'no name'],
    ['novalue', 'no equals sign'],
    ['bad name=1', 'space in the name'],
    [`big=${'x'.repeat(5000)}`, 'over 4096 bytes'],
  ])('rejects %j (%s)', (line) => {
    expect(parseSetCookie(line, NOW)).toBeNull()
  })

  it('ignores malformed attributes but keeps the cookie', () => {
    expect(parseSetCookie('a=b; Max-Age=soon; Expires=never; ;;=', NOW)).toEqual({
      name: 'a',
      value: 'b',
      partitioned: false,
    })
  })

  it('splits Firefox’s newline-joined Set-Cookie and bounds the count', () => {
    const many = Array.from({ length: 500 }, (_, i) => `c${i}=v`).join('\n')
    expect(cookiesOf({ headers: ['a=1\nb=2'], direction: 'set', now: NOW })).toHaveLength(2)
    expect(cookiesOf({ headers: [many], direction: 'set', now: NOW }).length).toBeLessThanOrEqual(
      100,
    )
  })
})

describe('cookie.identifier and cookie.thirdparty', () => {
  it.each<[string, Partial<CookieInput>, string[]]>([
    [
      'a known ad cookie set by a third party',
      { headers: [`uuid2=8214477201866311231; ${YEAR}`] },
      ['uuid2'],
    ],
    [
      'a random long-lived unlisted cookie',
      { headers: [`wid=Qx7rT2mK9pLw3sZc8vB1nY; ${YEAR}`] },
      ['wid'],
    ],
    [
      'a known name sent first party',
      {
        party: 'recipes.test',
        host: 'recipes.test',
        direction: 'sent',
        headers: ['_ga=GA1.1.1.2; lang=en'],
      },
      ['_ga'],
    ],
    [
      'Hotjar’s per-site name pattern',
      { headers: [`_hjSessionUser_123456=eyJpZCI6IjAx; ${YEAR}`] },
      ['_hjSessionUser_123456'],
    ],
    [
      'a random value sent to a third party',
      { direction: 'sent', headers: ['xid=Qx7rT2mK9pLw3sZc8vB1nY'] },
      ['xid'],
    ],
  ])('flags %s', (_, over, expected) => {
    expect(ids(input(over))).toEqual(expected)
  })

  it.each<[string, Partial<CookieInput>]>([
    ['consent=yes, lang=en', { headers: [`consent=yes; ${YEAR}`, `lang=en; ${YEAR}`] }],
    ['a timestamp', { headers: [`visited=1732924800123; ${YEAR}`] }],
    [
      'a random value kept 30 minutes (Cloudflare-like)',
      { headers: ['bm=Qx7rT2mK9pLw3sZc8vB1nY; Max-Age=1800'] },
    ],
    ['a random session cookie', { headers: ['sid=Qx7rT2mK9pLw3sZc8vB1nY'] }],
    [
      'a consent string',
      { headers: [`euconsent-v2=CPz1aBcPz1aBcAGABCENBDCgAP_AAH_AAAYgJNtd; ${YEAR}`] },
    ],
    ['__cf_bm', { headers: ['__cf_bm=Qx7rT2mK9pLw3sZc8vB1nY; Max-Age=1800'] }],
    ['a deleted cookie', { headers: ['uuid2=; Max-Age=0'] }],
    [
      'a random first-party session id sent back',
      {
        party: 'recipes.test',
        host: 'recipes.test',
        direction: 'sent',
        headers: ['sid=Qx7rT2mK9pLw3sZc8vB1nY'],
      },
    ],
    ['a short value sent to a third party', { direction: 'sent', headers: ['x=ab12CD34'] }],
  ])('does not flag %s', (_, over) => {
    expect(ids(input(over))).toEqual([])
  })

  it('records name, domain, lifetime, party and a masked value', () => {
    const [third, id] = detectCookies(
      input({ headers: [`uuid2=8214477201866311231; Domain=.adnxs.com; ${YEAR}; Partitioned`] }),
    )
    expect(third).toEqual({
      signal: 'cookie.thirdparty',
      party: 'adnxs.com',
      detail: { direction: 'set', names: ['uuid2'], partitioned: true },
    })
    expect(id?.detail).toMatchObject({
      name: 'uuid2',
      domain: 'adnxs.com',
      lifetime: '1 year',
      party: 'third party',
      direction: 'set',
      partitioned: true,
    })
    expect(String(id?.detail.value)).toMatch(/^8214… \(hash [0-9a-f]{14}\)$/)
    const evidence = detectCookies(
      input({ evidence: true, headers: [`uuid2=8214477201866311231; ${YEAR}`] }),
    )
    expect(evidence[1]?.detail.value).toBe('8214477201866311231')
  })

  it('gives first-party cookies no cookie.thirdparty finding', () => {
    const found = detectCookies(
      input({ party: 'recipes.test', host: 'recipes.test', headers: [`lang=en; ${YEAR}`] }),
    )
    expect(found).toEqual([])
  })

  it.each<[string, unknown]>([
    ['binary garbage', '\u0000\u00ff\ufffd=\u0001;\u0002'],
    ['invalid percent-encoding', `id=%E0%A4%A; ${YEAR}`],
    ['a multi-megabyte header', 'a='.padEnd(4 * 1024 * 1024, 'x')],
    ['thousands of cookies', Array.from({ length: 5000 }, (_, i) => `c${i}=v`).join('; ')],
    ['a non-string header', 42],
  ])('survives %s', (_, header) => {
    for (const direction of ['set', 'sent'] as const) {
      const found = detectCookies(input({ direction, headers: [header as string] }))
      expect(found.length).toBeLessThanOrEqual(101)
    }
  })

  it('reports the reason', () => {
    expect(
      identifierReason({ name: '_fbp', value: 'fb.1.2.3', partitioned: false }, 'sent', false),
    ).toBe('known Meta identifier cookie')
  })
})
