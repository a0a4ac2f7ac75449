import { describe, expect, it } from 'vitest'
import { detectCnameByPath, detectCnameDns } from './cname-cloaked'
import type { RequestInput } from './types'

const req = (url: string, party = 'recipes.test'): RequestInput => ({
  url,
  method: 'GET',
  type: 'image',
  pageSite: 'recipes.test',
  party,
})

describe('cname.cloaked by alias list (Chrome)', () => {
  it('recognises Adobe’s collection path on a first-party host', () => {
    expect(
      detectCnameByPath(
        req('https://smetrics.recipes.test/b/ss/recipesprod/1/JS-2.22.0/s1234?AQB=1'),
      ),
    ).toEqual([
      {
        signal: 'cname.cloaked',
        party: 'recipes.test',
        company: 'Adobe Experience Cloud',
        detail: {
          host: 'smetrics.recipes.test',
          service: 'Adobe Experience Cloud',
          method: 'alias list',
          evidence: 'collection path /b/ss/recipesprod/1/JS-2.22.0/s1234',
        },
      },
    ])
  })

  it.each([
    [
      'the same path at a third party (a listed tracker, not cloaked)',
      'https://acme.sc.omtrdc.net/b/ss/x/1/JS/s1',
      'omtrdc.net',
    ],
    ['a first-party path that only looks similar', 'https://recipes.test/b/ss/', 'recipes.test'],
    ['an ordinary first-party image', 'https://cdn.recipes.test/img/b/ss.png', 'recipes.test'],
    ['an unparseable URL', 'https://%zz', 'recipes.test'],
  ])('ignores %s', (_, url, party) => {
    expect(detectCnameByPath(req(url, party))).toEqual([])
  })
})

describe('cname.cloaked by DNS (Firefox)', () => {
  it('flags a first-party host whose canonical name is a cloaking service', () => {
    expect(
      detectCnameDns({
        host: 'f7ds.recipes.test',
        pageSite: 'recipes.test',
        canonicalName: 'recipes.eulerian.net.',
      }),
    ).toEqual([
      {
        signal: 'cname.cloaked',
        party: 'recipes.test',
        company: 'Eulerian',
        detail: {
          host: 'f7ds.recipes.test',
          canonicalName: 'recipes.eulerian.net',
          service: 'Eulerian',
          method: 'dns',
        },
      },
    ])
  })

  it('flags a canonical name the tracker list knows', () => {
    const found = detectCnameDns({
      host: 'stats.recipes.test',
      pageSite: 'recipes.test',
      canonicalName: 'collector.example-tracker.com',
      canonicalTracker: { company: 'Example Tracker', category: 'analytics' },
    })
    expect(found[0]?.company).toBe('Example Tracker')
  })

  it.each([
    ['a CDN canonical name (not a tracker)', 'www.recipes.test', 'recipes.test.cdn.cloudflare.net'],
    ['a name inside the site', 'www.recipes.test', 'lb.recipes.test'],
    ['an empty answer', 'www.recipes.test', ''],
    ['a host of another site', 'www.other.test', 'x.eulerian.net'],
  ])('ignores %s', (_, host, canonicalName) => {
    expect(detectCnameDns({ host, pageSite: 'recipes.test', canonicalName })).toEqual([])
  })
})
