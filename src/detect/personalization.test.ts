import { describe, expect, it } from 'vitest'
import { detectPersonalization, personalizationVendor } from './personalization'
import type { RequestInput } from './types'

const req = (url: string, party: string, type = 'script'): RequestInput => ({
  url,
  method: 'GET',
  type,
  pageSite: 'recipes.test',
  party,
})

describe('personalization', () => {
  it.each([
    [
      'https://cdn.optimizely.com/js/2468013579.js',
      'optimizely.com',
      'Optimizely',
      'loads its script',
    ],
    ['https://logx.optimizely.com/v1/events', 'optimizely.com', 'Optimizely', 'exchanges data'],
    [
      'https://dev.visualwebsiteoptimizer.com/j.php?a=1',
      'visualwebsiteoptimizer.com',
      'VWO',
      'exchanges data',
    ],
    [
      'https://acme.tt.omtrdc.net/rest/v1/delivery?client=acme',
      'omtrdc.net',
      'Adobe Target',
      'exchanges data',
    ],
    [
      'https://cdn.dynamicyield.com/api/8765/api_dynamic.js',
      'dynamicyield.com',
      'Dynamic Yield',
      'loads its script',
    ],
    ['https://try.abtasty.com/abc.js', 'abtasty.com', 'AB Tasty', 'loads its script'],
    ['https://abc.kameleoon.eu/kameleoon.js', 'kameleoon.eu', 'Kameleoon', 'loads its script'],
    [
      'https://se.monetate.net/js/2/a-1/p/x/entry.js',
      'monetate.net',
      'Monetate',
      'loads its script',
    ],
    [
      'https://cdn.evgnet.com/beacon/acme/prod/scripts/evergage.min.js',
      'evgnet.com',
      'Salesforce Interaction Studio',
      'loads its script',
    ],
    ['https://api.exponea.com/track', 'exponea.com', 'Bloomreach', 'exchanges data'],
    [
      'https://www.googleoptimize.com/optimize.js?id=OPT-ABC',
      'googleoptimize.com',
      'Google Optimize',
      'loads its script',
    ],
  ])('%s → %s', (url, party, vendor, what) => {
    expect(
      detectPersonalization(
        req(url, party, what === 'loads its script' ? 'script' : 'xmlhttprequest'),
      ),
    ).toEqual([
      { signal: 'personalization', party, detail: { vendor, host: new URL(url).hostname, what } },
    ])
  })

  it.each([
    ['https://www.optimizely.co/', 'optimizely.co'], // near miss: another TLD
    ['https://notoptimizely.com/x.js', 'notoptimizely.com'], // near miss: suffix without a dot
    ['https://omtrdc.net.evil.test/', 'evil.test'],
    ['https://cdn.jsdelivr.net/npm/a.js', 'jsdelivr.net'],
    ['not a url', 'x'],
  ])('ignores %s', (url, party) => {
    expect(detectPersonalization(req(url, party))).toEqual([])
  })

  it.each([
    [
      'a multi-megabyte binary body',
      'https://logx.optimizely.com/v1/events',
      '\u0000\uffff'.repeat(2_000_000),
    ],
    [
      'invalid percent-encoding',
      'https://logx.optimizely.com/v1/events?x=%E0%A4%A&y=%zz',
      undefined,
    ],
    ['deeply nested JSON', 'https://logx.optimizely.com/v1/events', '['.repeat(100_000)],
  ])('reads only the host, whatever comes with it: %s', (_, url, body) => {
    const input = { ...req(url, 'optimizely.com', 'beacon'), ...(body !== undefined && { body }) }
    expect(detectPersonalization(input)[0]?.detail.vendor).toBe('Optimizely')
  })

  it('does not flag the vendor’s own website', () => {
    const own = {
      ...req('https://www.optimizely.com/', 'optimizely.com', 'main_frame'),
      pageSite: 'optimizely.com',
    }
    expect(detectPersonalization(own)).toEqual([])
  })

  it('matches by domain boundary', () => {
    expect(personalizationVendor('a.b.tt.omtrdc.net')?.vendor).toBe('Adobe Target')
    expect(personalizationVendor('omtrdc.net')).toBeUndefined() // Adobe Analytics, not Target
  })
})
