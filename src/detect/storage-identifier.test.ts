import { describe, expect, it } from 'vitest'
import type { ProbeCall } from './probe-events'
import { detectStorageIdentifier, looksLikeIdentifier } from './storage-identifier'

describe('looksLikeIdentifier', () => {
  it.each([
    ['a UUID', '5f0c1a2b-9d3e-4c7a-8b6f-112233445566'],
    ['a random token', 'a1B2c3D4e5F6g7H8i9J0kLmN'],
    ['a hex hash', '9e107d9d372bb6826bd81d3542a419d6'],
    ['an id inside JSON', '{"uid":"Xk29fLq0Zp8vW3","seen":true}'],
    ['a long number that is no time', '84736291047362915'],
    ['an id after a version prefix', 'v1.Qm9vZ2xlSWQxMjM0NTY'],
  ])('says yes to %s', (_what, value) => {
    expect(looksLikeIdentifier(value)).toBe(true)
  })

  it.each([
    ['a setting', 'dark'],
    ['a boolean', 'true'],
    ['a JSON cart', '{"items":2,"currency":"EUR"}'],
    ['a time in milliseconds', String(1_764_500_000_000)],
    ['a time in seconds', '1764500000'],
    ['an ISO date', '2026-11-30T20:15:00Z'],
    ['a language list', 'en-US,en;q=0.9'],
    ['a word in lower case', 'consentgranted'],
    ['a path', '/shop/category/shoes'],
    ['an empty value', ''],
  ])('says no to %s', (_what, value) => {
    expect(looksLikeIdentifier(value)).toBe(false)
  })
})

const set = (api: string, detail: string): ProbeCall => ({ api, canvas: 0, detail })
const run = (calls: ProbeCall[]) =>
  detectStorageIdentifier({ script: 'https://a.test/s.js', calls })

describe('storage.identifier', () => {
  it('finds an identifier in localStorage and in a cookie, masked', () => {
    const found = run([
      set('storage.local', '_fp_uid=a1B2c3D4e5F6g7H8i9J0kLmN'),
      set('storage.local', 'theme=dark'),
      set('storage.cookie', '_fp_vid=5f0c1a2b-9d3e-4c7a-8b6f-112233445566'),
    ])
    expect(found[0]?.detail.stored).toEqual([
      'localStorage: _fp_uid = a1B2… (24 characters)',
      'cookie: _fp_vid = 5f0c… (36 characters)',
    ])
    expect(JSON.stringify(found)).not.toContain('a1B2c3D4e5F6')
  })

  it('finds one in sessionStorage', () => {
    expect(run([set('storage.session', 'sid=Xk29fLq0Zp8vW3abc')])).toHaveLength(1)
  })

  it.each<[string, ProbeCall[]]>([
    [
      'settings and a cart',
      [set('storage.local', 'theme=dark'), set('storage.local', 'cart={"items":2}')],
    ],
    ['a consent time stamp', [set('storage.local', `consent-date=${1_764_500_000_000}`)]],
    ['an IndexedDB open (no value)', [set('storage.indexedDB', 'keyval-store')]],
    ['a cookie deletion', [set('storage.cookie', '_fp_vid=')]],
    ['a write without a name', [set('storage.local', '=a1B2c3D4e5F6g7H8i9J0kLmN')]],
    [
      'a consent record with its consent id',
      [
        set(
          'storage.cookie',
          'OptanonConsent=isGpcEnabled=0&consentId=6f1c0a2e-1111-4000-8000-000000000001&groups=C0001%3A1',
        ),
      ],
    ],
  ])('ignores %s', (_what, calls) => {
    expect(run(calls)).toEqual([])
  })
})
