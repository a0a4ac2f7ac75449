import { describe, expect, it } from 'vitest'
import { cookieIdentifier, detectIdSync, urlIdentifiers, type Sighting } from './id-sync'
import { valueHash } from './identifier-value'

const ID = '8214477201866311231'
const at = (party: string, how: string, value = ID, company?: string): Sighting => ({
  hash: valueHash(value),
  party,
  how,
  shown: 'x',
  ...(company !== undefined && { company }),
})

describe('id.sync', () => {
  it('finds a cookie value handed to a second third party', () => {
    const earlier = [at('adnxs.com', 'cookie uuid2 set', ID, 'Microsoft')]
    const found = detectIdSync(
      earlier,
      at('doubleclick.net', 'address parameter google_hm', ID, 'Google'),
      'recipes.test',
    )
    expect(found).toEqual([
      {
        signal: 'id.sync',
        party: 'doubleclick.net',
        company: 'Google',
        detail: {
          from: ['adnxs.com'],
          to: 'doubleclick.net',
          howTheyHadIt: 'cookie uuid2 set',
          howItArrived: 'address parameter google_hm',
          value: 'x',
        },
      },
    ])
  })

  it.each<[string, Sighting[], Sighting]>([
    ['the same party again', [at('adnxs.com', 'a')], at('adnxs.com', 'b')],
    ['a different value', [at('adnxs.com', 'a')], at('doubleclick.net', 'b', 'Zz9yXw8vUt7s')],
    ['the page’s own site', [at('recipes.test', 'a')], at('doubleclick.net', 'b')],
    ['the receiver being the page', [at('adnxs.com', 'a')], at('recipes.test', 'b')],
    [
      'two hosts of one company',
      [at('google-analytics.com', 'a', ID, 'Google')],
      at('doubleclick.net', 'b', ID, 'Google'),
    ],
    ['nothing earlier', [], at('doubleclick.net', 'b')],
  ])('ignores %s', (_, earlier, next) => {
    expect(detectIdSync(earlier, next, 'recipes.test')).toEqual([])
  })

  it('takes identifier-looking address values only', () => {
    const found = urlIdentifiers(
      `https://cm.g.doubleclick.net/pixel?google_nid=xandr&google_hm=${ID}&ts=1732924800&tid=G-TRACEDEMO1&u=https%3A%2F%2Fa.test%2F&bad=%E0%A4%A`,
      false,
    )
    expect(found.map((f) => f.how)).toEqual(['address parameter google_hm'])
    expect(found[0]?.hash).toBe(valueHash(ID))
    expect(found[0]?.shown).not.toContain(ID)
  })

  it('survives bad and huge addresses', () => {
    expect(urlIdentifiers('not a url', false)).toEqual([])
    const huge =
      'https://a.test/?' +
      Array.from({ length: 10_000 }, (_, i) => `p${i}=Qx7rT2mK9pLw${i}`).join('&')
    expect(urlIdentifiers(huge, false).length).toBeLessThanOrEqual(20)
  })

  it('turns cookies into sightings when their value can identify', () => {
    expect(cookieIdentifier('uuid2', ID, 'set', false)?.how).toBe('cookie uuid2 set')
    expect(cookieIdentifier('lang', 'en', 'set', false)).toBeNull()
    expect(cookieIdentifier('ts', '1732924800', 'sent', false)).toBeNull()
  })
})
