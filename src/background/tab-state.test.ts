import { describe, expect, it } from 'vitest'
import { createTabState, type TabRecord, type TabVisit } from './tab-state'

function setup() {
  /** Snapshots: the state mutates records in place after persisting them. */
  const persisted: [number, TabRecord | undefined][] = []
  const started: { tabId: number; visit: TabVisit; fullUrl: string }[] = []
  let id = 0
  const tabs = createTabState({
    persist: (tabId, record) => persisted.push([tabId, structuredClone(record)]),
    newVisitId: () => ++id,
    visitStarted: (tabId, visit, fullUrl) => started.push({ tabId, visit: { ...visit }, fullUrl }),
  })
  /** Tab 1 on news.test, visit 1, committed at t=1000. */
  const onNews = () => {
    tabs.beginNavigation(1, 'r1', 'https://news.test/', 1_000)
    tabs.commit(1, 'https://news.test/', 1_050)
  }
  const lastPersisted = () => persisted.at(-1)
  return { tabs, persisted, started, onNews, lastPersisted }
}

describe('tab state: navigations and commits', () => {
  it('starts one visit when a navigation commits, dated from the navigation start', () => {
    const { tabs, started } = setup()
    tabs.beginNavigation(1, 'r1', 'https://www.news.test/a?x=1', 1_000)
    expect(tabs.get(1)?.current).toBeUndefined()
    expect(started).toHaveLength(0)
    const visit = tabs.commit(1, 'https://www.news.test/a?x=1', 1_050)
    expect(visit).toEqual({
      visitId: 1,
      site: 'news.test',
      url: 'https://www.news.test/a?x=1',
      startedAt: 1_000,
      companies: [],
    })
    expect(tabs.get(1)).toEqual({ current: visit })
    expect(started).toEqual([{ tabId: 1, visit, fullUrl: 'https://www.news.test/a?x=1' }])
  })

  it('dates a commit without a matching pending navigation from the commit', () => {
    const { tabs } = setup()
    tabs.beginNavigation(1, 'r1', 'https://shop.test/', 1_000)
    expect(tabs.commit(1, 'https://news.test/', 1_050)?.startedAt).toBe(1_050)
    expect(tabs.commit(2, 'https://news.test/', 2_000)?.startedAt).toBe(2_000)
  })

  it('follows redirects of the pending navigation, and ignores other requests', () => {
    const { tabs } = setup()
    tabs.beginNavigation(1, 'r1', 'https://short.link/x', 1_000)
    tabs.redirected(1, 'other', 'https://elsewhere.test/')
    expect(tabs.get(1)?.pending).toMatchObject({ url: 'https://short.link/x', site: 'short.link' })
    tabs.redirected(1, 'r1', 'https://www.shop.test/item')
    expect(tabs.get(1)?.pending).toEqual({
      requestId: 'r1',
      url: 'https://www.shop.test/item',
      site: 'shop.test',
      startedAt: 1_000,
      responded: false,
    })
    expect(tabs.commit(1, 'https://www.shop.test/item', 1_100)).toMatchObject({
      site: 'shop.test',
      startedAt: 1_000,
    })
  })

  it('redirects, responses and failures of tabs without state change nothing', () => {
    const { tabs, persisted } = setup()
    tabs.redirected(9, 'r1', 'https://shop.test/')
    tabs.responded(9, 'r1')
    tabs.failed(9, 'r1')
    expect(tabs.get(9)).toBeUndefined()
    expect(persisted).toEqual([])
  })

  it('a failed navigation clears the pending one and keeps the current visit', () => {
    const { tabs, onNews } = setup()
    onNews()
    tabs.beginNavigation(1, 'r2', 'https://shop.test/', 2_000)
    tabs.failed(1, 'other')
    expect(tabs.get(1)?.pending?.requestId).toBe('r2')
    tabs.failed(1, 'r2')
    expect(tabs.get(1)?.pending).toBeUndefined()
    expect(tabs.get(1)?.current?.site).toBe('news.test')
    expect(tabs.resolve(1, 'shop.test')).toBeUndefined()
    expect(tabs.resolve(1, undefined)?.visitId).toBe(1)
  })

  it.each([
    'about:blank',
    'chrome-extension://abcdefghijklmnop/dashboard.html',
    'moz-extension://0b7c2f4e-1111/popup.html',
    'file:///home/me/page.html',
    'data:text/html,<p>hi</p>',
  ])('a commit of %s returns undefined and clears the visit', (url) => {
    const { tabs, onNews, started, lastPersisted } = setup()
    onNews()
    tabs.beginNavigation(1, 'r2', 'https://shop.test/', 2_000)
    expect(tabs.commit(1, url, 2_100)).toBeUndefined()
    expect(tabs.get(1)).toEqual({})
    expect(lastPersisted()).toEqual([1, {}])
    expect(tabs.resolve(1, undefined)).toBeUndefined()
    expect(tabs.resolve(1, 'news.test')).toBeUndefined()
    expect(started).toHaveLength(1)
  })
})

describe('tab state: which visit a request belongs to', () => {
  it('returns nothing for unknown tabs and before any commit', () => {
    const { tabs } = setup()
    expect(tabs.resolve(1, 'news.test')).toBeUndefined()
    tabs.beginNavigation(1, 'r1', 'https://news.test/', 1_000)
    expect(tabs.resolve(1, 'shop.test')).toBeUndefined()
    expect(tabs.resolve(1, undefined)).toBeUndefined()
  })

  it('gives the current visit to requests of its own site or without a hint, not to others', () => {
    const { tabs, onNews } = setup()
    onNews()
    expect(tabs.resolve(1, 'news.test')?.visitId).toBe(1)
    expect(tabs.resolve(1, undefined)?.visitId).toBe(1)
    expect(tabs.resolve(1, 'shop.test')).toBeUndefined()
  })

  it('starts the new visit early when a request of the pending site arrives before the commit', () => {
    const { tabs, onNews, started } = setup()
    onNews()
    tabs.beginNavigation(1, 'r2', 'https://shop.test/cart', 2_000)
    const early = tabs.resolve(1, 'shop.test')
    expect(early).toMatchObject({
      visitId: 2,
      site: 'shop.test',
      url: 'https://shop.test/cart',
      startedAt: 2_000,
      early: true,
    })
    expect(tabs.get(1)?.pending).toBeUndefined()
    expect(tabs.resolve(1, 'shop.test')?.visitId).toBe(2)
    // The old page is gone: its late requests are not given to the new visit
    expect(tabs.resolve(1, 'news.test')).toBeUndefined()

    const committed = tabs.commit(1, 'https://shop.test/cart#top', 2_100)
    expect(committed?.visitId).toBe(2)
    expect(committed?.early).toBeUndefined()
    expect(committed?.url).toBe('https://shop.test/cart#top')
    expect(started.map((s) => s.visit.visitId)).toEqual([1, 2])
  })

  it('starts the early visit at the redirect target', () => {
    const { tabs, onNews } = setup()
    onNews()
    tabs.beginNavigation(1, 'r2', 'https://short.link/x', 2_000)
    tabs.redirected(1, 'r2', 'https://shop.test/item')
    expect(tabs.resolve(1, 'short.link')).toBeUndefined()
    expect(tabs.resolve(1, 'shop.test')).toMatchObject({
      visitId: 2,
      url: 'https://shop.test/item',
    })
  })

  it('a commit of another page after an early start opens a new visit', () => {
    const { tabs, onNews, started } = setup()
    onNews()
    tabs.beginNavigation(1, 'r2', 'https://shop.test/cart', 2_000)
    tabs.resolve(1, 'shop.test')
    expect(tabs.commit(1, 'https://shop.test/other', 2_100)?.visitId).toBe(3)
    expect(started).toHaveLength(3)
  })

  it("keeps the old page's requests on the old visit while a new navigation is pending", () => {
    const { tabs, onNews, started } = setup()
    onNews()
    tabs.beginNavigation(1, 'r2', 'https://shop.test/', 2_000)
    expect(tabs.resolve(1, 'news.test')?.visitId).toBe(1)
    expect(tabs.resolve(1, undefined)?.visitId).toBe(1)
    tabs.responded(1, 'r2')
    expect(tabs.resolve(1, 'news.test')?.visitId).toBe(1)
    expect(started).toHaveLength(1)
    expect(tabs.get(1)?.pending?.site).toBe('shop.test')
  })

  it('after the response, a request without a hint belongs to the new page', () => {
    const { tabs, onNews } = setup()
    onNews()
    tabs.beginNavigation(1, 'r2', 'https://shop.test/', 2_000)
    tabs.responded(1, 'other')
    expect(tabs.resolve(1, undefined)?.visitId).toBe(1)
    tabs.responded(1, 'r2')
    expect(tabs.resolve(1, undefined)).toMatchObject({ visitId: 2, site: 'shop.test' })
  })

  it('same-site navigation: old visit before the response, new visit after it', () => {
    const { tabs, onNews, started } = setup()
    onNews()
    tabs.beginNavigation(1, 'r2', 'https://news.test/story', 2_000)
    expect(tabs.resolve(1, 'news.test')?.visitId).toBe(1)
    expect(tabs.resolve(1, undefined)?.visitId).toBe(1)
    tabs.responded(1, 'r2')
    const next = tabs.resolve(1, 'news.test')
    expect(next).toMatchObject({ visitId: 2, url: 'https://news.test/story', early: true })
    expect(tabs.commit(1, 'https://news.test/story', 2_100)?.visitId).toBe(2)
    expect(started.map((s) => s.visit.visitId)).toEqual([1, 2])
  })

  it('a reload without early requests starts a new visit at commit', () => {
    const { tabs, onNews, started } = setup()
    onNews()
    tabs.beginNavigation(1, 'r2', 'https://news.test/', 2_000)
    expect(tabs.commit(1, 'https://news.test/', 2_100)).toMatchObject({
      visitId: 2,
      startedAt: 2_000,
    })
    expect(started).toHaveLength(2)
  })

  it('a pending navigation to a page without a network site never starts a visit', () => {
    const { tabs, onNews } = setup()
    onNews()
    tabs.beginNavigation(1, 'r2', 'about:blank', 2_000)
    tabs.responded(1, 'r2')
    expect(tabs.get(1)?.pending?.site).toBeNull()
    expect(tabs.resolve(1, undefined)?.visitId).toBe(1)
  })
})

describe('tab state: companies', () => {
  it('adds each company once per visit and ignores stale visit ids', () => {
    const { tabs, onNews, persisted } = setup()
    onNews()
    const before = persisted.length
    expect(tabs.addCompany(1, 1, 'Google')).toBe(true)
    expect(tabs.addCompany(1, 1, 'Google')).toBe(false)
    expect(tabs.addCompany(1, 1, 'Meta')).toBe(true)
    expect(tabs.get(1)?.current?.companies).toEqual(['Google', 'Meta'])
    expect(persisted.length - before).toBe(2)
    expect(persisted.at(-1)?.[1]?.current?.companies).toEqual(['Google', 'Meta'])

    tabs.beginNavigation(1, 'r2', 'https://shop.test/', 2_000)
    tabs.commit(1, 'https://shop.test/', 2_100)
    expect(tabs.addCompany(1, 1, 'Hotjar')).toBe(false)
    expect(tabs.addCompany(2, 1, 'Hotjar')).toBe(false)
    expect(tabs.get(1)?.current?.companies).toEqual([])
    expect(tabs.addCompany(1, 2, 'Google')).toBe(true)
  })
})

describe('tab state: tabs', () => {
  it('lists tabs on a site, most recent visit first', () => {
    const { tabs } = setup()
    tabs.commit(1, 'https://news.test/', 1_000)
    tabs.commit(2, 'https://www.news.test/b', 3_000)
    tabs.commit(3, 'https://shop.test/', 4_000)
    tabs.commit(4, 'https://news.test/c', 2_000)
    expect(tabs.tabsOnSite('news.test')).toEqual([2, 4, 1])
    expect(tabs.tabsOnSite('shop.test')).toEqual([3])
    expect(tabs.tabsOnSite('www.news.test')).toEqual([])
    expect(tabs.tabsOnSite('other.test')).toEqual([])
  })

  it('forgets removed tabs and persists their removal', () => {
    const { tabs, onNews, lastPersisted } = setup()
    onNews()
    tabs.removed(1)
    expect(tabs.get(1)).toBeUndefined()
    expect(lastPersisted()).toEqual([1, undefined])
    expect(tabs.tabsOnSite('news.test')).toEqual([])
  })

  it('moves the state of a replaced tab to the tab that replaced it', () => {
    const { tabs, onNews, persisted } = setup()
    onNews()
    const record = structuredClone(tabs.get(1))
    const before = persisted.length
    tabs.replaced(7, 1)
    expect(tabs.get(1)).toBeUndefined()
    expect(tabs.get(7)).toEqual(record)
    expect(persisted.slice(before)).toEqual([
      [1, undefined],
      [7, record],
    ])
    expect(tabs.resolve(7, 'news.test')?.visitId).toBe(1)
  })

  it('replacing with a tab that had no state only clears the old id', () => {
    const { tabs, persisted } = setup()
    tabs.replaced(7, 1)
    expect(tabs.get(7)).toBeUndefined()
    expect(persisted).toEqual([[1, undefined]])
  })

  it('restores saved records without overwriting live state', () => {
    const { tabs, onNews, persisted, started } = setup()
    onNews()
    const live = structuredClone(tabs.get(1))
    const before = persisted.length
    const stale: TabRecord = {
      current: {
        visitId: 99,
        site: 'old.test',
        url: 'https://old.test/',
        startedAt: 1,
        companies: [],
      },
    }
    const saved: TabRecord = {
      current: {
        visitId: 42,
        site: 'shop.test',
        url: 'https://shop.test/',
        startedAt: 500,
        companies: ['Google'],
      },
    }
    tabs.restore([
      [1, stale],
      [2, saved],
    ])
    expect(tabs.get(1)).toEqual(live)
    expect(tabs.get(2)).toEqual(saved)
    expect(tabs.resolve(2, 'shop.test')?.visitId).toBe(42)
    expect(tabs.addCompany(2, 42, 'Google')).toBe(false)
    // Restoring is not a change: nothing persisted, no visit started
    expect(persisted.length).toBe(before)
    expect(started).toHaveLength(1)
  })
})

describe('tab state: persistence', () => {
  it('persists the record after every change', () => {
    const { tabs, persisted } = setup()
    tabs.beginNavigation(1, 'r1', 'https://short.link/', 1_000)
    tabs.redirected(1, 'r1', 'https://news.test/')
    tabs.responded(1, 'r1')
    tabs.responded(1, 'r1') // no change
    tabs.commit(1, 'https://news.test/', 1_100)
    tabs.addCompany(1, 1, 'Google')
    tabs.beginNavigation(1, 'r2', 'https://shop.test/', 2_000)
    tabs.failed(1, 'r2')

    const visit = { visitId: 1, site: 'news.test', url: 'https://news.test/', startedAt: 1_000 }
    const pending = { requestId: 'r1', startedAt: 1_000 }
    expect(persisted).toEqual([
      [
        1,
        {
          pending: { ...pending, url: 'https://short.link/', site: 'short.link', responded: false },
        },
      ],
      [
        1,
        { pending: { ...pending, url: 'https://news.test/', site: 'news.test', responded: false } },
      ],
      [
        1,
        { pending: { ...pending, url: 'https://news.test/', site: 'news.test', responded: true } },
      ],
      [1, { current: { ...visit, companies: [] } }],
      [1, { current: { ...visit, companies: ['Google'] } }],
      [
        1,
        {
          current: { ...visit, companies: ['Google'] },
          pending: {
            requestId: 'r2',
            url: 'https://shop.test/',
            site: 'shop.test',
            startedAt: 2_000,
            responded: false,
          },
        },
      ],
      [1, { current: { ...visit, companies: ['Google'] } }],
    ])
  })

  it('persists before telling that a visit started', () => {
    const order: string[] = []
    const tabs = createTabState({
      persist: (_tabId, record) => order.push(`persist ${record?.current?.visitId ?? '-'}`),
      newVisitId: () => 5,
      visitStarted: (_tabId, visit) => order.push(`started ${visit.visitId}`),
    })
    tabs.commit(1, 'https://news.test/', 1_000)
    expect(order).toEqual(['persist 5', 'started 5'])
  })
})

describe('reloading a tab that was adopted', () => {
  it('starts a new visit for a navigation that begins after the adoption', () => {
    const started: number[] = []
    let id = 0
    const tabs = createTabState({
      persist: () => undefined,
      newVisitId: () => ++id,
      visitStarted: (_tab, visit) => started.push(visit.visitId),
    })
    tabs.adopt(1, 'https://news.test/', 1_000)
    tabs.beginNavigation(1, 'r1', 'https://news.test/', 5_000)
    tabs.commit(1, 'https://news.test/', 5_100)
    expect(started).toEqual([1, 2])
  })
})

describe('a commit that reaches us before the request that loaded the page', () => {
  function setupOrder() {
    const started: string[] = []
    let id = 0
    const tabs = createTabState({
      persist: () => undefined,
      newVisitId: () => ++id,
      visitStarted: (_tab, visit) => started.push(`${visit.visitId} ${visit.url}`),
    })
    return { started, tabs }
  }

  it('keeps one visit when the page’s own request arrives late', () => {
    const { started, tabs } = setupOrder()
    tabs.commit(1, 'https://news.test/', 1_100)
    expect(tabs.beginNavigation(1, 'r1', 'https://news.test/', 1_020)).toBe(false)
    tabs.responded(1, 'r1')
    expect(tabs.resolve(1, 'news.test')?.visitId).toBe(1)
    expect(started).toEqual(['1 https://news.test/'])
  })

  it('keeps one visit when the late request is the start of a redirect chain', () => {
    const { started, tabs } = setupOrder()
    tabs.commit(1, 'https://shop.test/', 1_100)
    expect(tabs.beginNavigation(1, 'r1', 'http://short.link/x', 1_020)).toBe(false)
    tabs.redirected(1, 'r1', 'https://shop.test/')
    tabs.responded(1, 'r1')
    expect(tabs.resolve(1, 'shop.test')?.visitId).toBe(1)
    expect(started).toEqual(['1 https://shop.test/'])
  })

  it('still starts a visit for a navigation that begins after the commit', () => {
    const { started, tabs } = setupOrder()
    tabs.commit(1, 'https://news.test/', 1_100)
    expect(tabs.beginNavigation(1, 'r2', 'https://news.test/', 1_101)).toBe(true)
    tabs.responded(1, 'r2')
    expect(tabs.resolve(1, 'news.test')?.visitId).toBe(2)
    expect(started).toEqual(['1 https://news.test/', '2 https://news.test/'])
  })
})
