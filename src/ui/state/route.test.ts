import { describe, expect, it } from 'vitest'
import { parseRoute, periodStart, routeHash, type Route } from './route'

describe('routes', () => {
  it.each<[string, Route]>([
    ['', { view: 'overview', period: '30', q: '' }],
    ['#/', { view: 'overview', period: '30', q: '' }],
    ['#/?period=7&q=goo%20gle', { view: 'overview', period: '7', q: 'goo gle' }],
    ['#/?period=nonsense', { view: 'overview', period: '30', q: '' }],
    ['#/site/news.test', { view: 'site', site: 'news.test' }],
    ['#/site/a%2Fb', { view: 'site', site: 'a/b' }],
    ['#/company/Bing%20Ads', { view: 'company', name: 'Bing Ads' }],
    ['#/graph?period=all&category=ad', { view: 'graph', period: 'all', category: 'ad' }],
    ['#/settings', { view: 'settings' }],
    ['#/search?q=canvas', { view: 'search', q: 'canvas', type: 'all' }],
    ['#/search?q=g%C3%BCnter&type=companies', { view: 'search', q: 'günter', type: 'companies' }],
    ['#/search?type=bogus', { view: 'search', q: '', type: 'all' }],
    ['#/site/%E0%A4%A', { view: 'overview', period: '30', q: '' }],
    ['#/unknown', { view: 'overview', period: '30', q: '' }],
  ])('reads %s', (hash, route) => {
    expect(parseRoute(hash)).toEqual(route)
  })

  it.each<Route>([
    { view: 'overview', period: '90', q: 'face book' },
    { view: 'site', site: 'alice.github.io' },
    { view: 'company', name: 'Adobe & Co' },
    { view: 'graph', period: '7', category: 'social' },
    { view: 'settings' },
    { view: 'search', q: 'meta pixel', type: 'signals' },
    { view: 'search', q: '', type: 'all' },
  ])('writes and reads back %j', (route) => {
    expect(parseRoute(routeHash(route))).toEqual(route)
  })

  it('starts a period at local midnight, that many days back including today', () => {
    const now = new Date(2024, 4, 10, 15, 30).getTime()
    expect(periodStart('7', now)).toBe(new Date(2024, 4, 4).getTime())
    expect(periodStart('all', now)).toBe(0)
  })
})
