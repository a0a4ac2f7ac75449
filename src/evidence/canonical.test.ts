import { describe, expect, it } from 'vitest'
import { canonicalJson } from './canonical'
import { chain, digestOf, link, sha256Hex } from './integrity'

describe('canonicalJson (RFC 8785)', () => {
  it('sorts keys at every depth, whatever the insertion order', () => {
    expect(canonicalJson({ b: 1, a: { d: [3, { z: 1, y: 2 }], c: null } })).toBe(
      '{"a":{"c":null,"d":[3,{"y":2,"z":1}]},"b":1}',
    )
    expect(canonicalJson({ b: 1, a: 2 })).toBe(canonicalJson({ a: 2, b: 1 }))
  })

  it('sorts by UTF-16 code units and keeps unicode as is', () => {
    // RFC 8785 §3.2.3: "\u20ac" (€) sorts before "\ud83d\ude00" (😀) by code unit.
    expect(canonicalJson({ '😀': 1, '€': 2, a: 'é\u2028"' })).toBe(
      '{"a":"é\u2028\\"","€":2,"😀":1}',
    )
  })

  it('writes numbers as ECMAScript does (RFC 8785 §3.2.2.3)', () => {
    expect(canonicalJson([1.0, -0, 1e21, 0.1 + 0.2, 1e-7, 100])).toBe(
      '[1,0,1e+21,0.30000000000000004,1e-7,100]',
    )
    expect(() => canonicalJson(Number.NaN)).toThrow(/NaN/)
    expect(() => canonicalJson({ a: Infinity })).toThrow()
  })

  it('drops undefined members, as JSON does, and refuses functions', () => {
    expect(canonicalJson({ a: undefined, b: true })).toBe('{"b":true}')
    expect(() => canonicalJson(() => 1)).toThrow(/function/)
  })
})

describe('hash chain', () => {
  it('computes SHA-256 as sha256sum does', async () => {
    expect(await sha256Hex('abc')).toBe(
      'ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad',
    )
  })

  it('links each record to the previous one', async () => {
    const links = await chain('0'.repeat(64), [{ a: 1 }, { b: 2 }])
    expect(links[0]?.digest).toBe(await digestOf({ a: 1 }))
    expect(links[0]?.hash).toBe(await link('0'.repeat(64), links[0]!.digest))
    expect(links[1]?.hash).toBe(await link(links[0]!.hash, links[1]!.digest))
    const swapped = await chain('0'.repeat(64), [{ b: 2 }, { a: 1 }])
    expect(swapped[1]?.hash).not.toBe(links[1]?.hash)
  })
})
