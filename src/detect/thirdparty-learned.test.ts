import { describe, expect, it } from 'vitest'
import { learnThirdParty, type PartyRow } from './thirdparty-learned'

const row = (site: string, over: Partial<PartyRow> = {}): PartyRow => ({
  site,
  party: 'unknown-widgets.test',
  signal: 'cookie.identifier',
  lastAt: site.length,
  ...over,
})

describe('thirdparty.learned', () => {
  it('learns an unlisted party seen with identifiers on three sites, newest first', () => {
    const rows = [
      row('recipes.test', { lastAt: 3 }),
      row('garden.test', { lastAt: 1 }),
      row('travel.test', { lastAt: 2 }),
      row('garden.test', { lastAt: 0 }),
    ]
    expect(learnThirdParty('unknown-widgets.test', rows)).toEqual([
      {
        signal: 'thirdparty.learned',
        party: 'unknown-widgets.test',
        detail: {
          sites: ['recipes.test', 'travel.test', 'garden.test'],
          siteCount: 3,
          rule: 'identifiers seen on 3 or more sites',
        },
      },
    ])
  })

  it.each<[string, PartyRow[]]>([
    ['two sites only', [row('a.test'), row('b.test'), row('a.test')]],
    ['a listed company', [row('a.test', { company: 'Google' }), row('b.test'), row('c.test')]],
    [
      'requests without identifiers',
      [
        row('a.test', { signal: 'thirdparty.request' }),
        row('b.test', { signal: 'cookie.thirdparty' }),
        row('c.test'),
      ],
    ],
    ['its own site counted', [row('unknown-widgets.test'), row('a.test'), row('b.test')]],
    ['other parties’ rows', [row('a.test', { party: 'x.test' }), row('b.test'), row('c.test')]],
    ['nothing', []],
  ])('does not learn from %s', (_, rows) => {
    expect(learnThirdParty('unknown-widgets.test', rows)).toEqual([])
  })

  it('learns from id.sync rows too and bounds the sites shown', () => {
    const rows = Array.from({ length: 30 }, (_, i) =>
      row(`s${i}.test`, { signal: 'id.sync', lastAt: i }),
    )
    const [found] = learnThirdParty('unknown-widgets.test', rows)
    expect(found?.detail.siteCount).toBe(30)
    expect(found?.detail.sites).toHaveLength(10)
  })
})
