import { describe, expect, it } from 'vitest'
import { trackerData } from '@/data/trackers'
import { createClassifier } from '@/detect/classifier'
import type { RequestDetector } from '@/detect/types'
import type { RequestEvent } from '@/platform/web-request'
import { createNetworkObserver } from './network'
import type { Observation, Recorder } from './recorder'
import { createTabState } from './tab-state'

const classifier = createClassifier(trackerData)

function setup(detectors: RequestDetector[] = []) {
  const observations: Observation[] = []
  const badges: [number, number][] = []
  const adopted: number[] = []
  const recorder: Recorder = {
    add: (o) => observations.push(o),
    addVisit: () => undefined,
    flush: async () => undefined,
  }
  let id = 0
  const tabs = createTabState({
    persist: () => undefined,
    newVisitId: () => ++id,
    visitStarted: (tabId, visit) => network.visitStarted(tabId, visit),
  })
  const network = createNetworkObserver({
    classifier,
    detectors,
    tabs,
    recorder,
    mode: () => 'standard',
    badge: (tabId, n) => badges.push([tabId, n]),
    unknownTab: (tabId) => adopted.push(tabId),
  })
  let seq = 0
  const event = (over: Partial<RequestEvent>): RequestEvent => ({
    requestId: String(++seq),
    url: 'https://www.google-analytics.com/g/collect?v=2&cid=1234567890.1700000000',
    tabId: 1,
    frameId: 0,
    type: 'image',
    timeStamp: 1_000 + seq,
    prerender: false,
    method: 'GET',
    ...over,
  })
  return { observations, badges, adopted, tabs, network, event }
}

const parties = (obs: Observation[]) => obs.map((o) => `${o.visitId} ${o.signal} ${o.party}`)

describe('network observer', () => {
  it('records third parties of a committed page and updates the badge once per company', () => {
    const { observations, badges, tabs, network, event } = setup()
    network.request(event({ type: 'main_frame', url: 'https://news.test/' }))
    tabs.commit(1, 'https://news.test/', 1_000)
    network.request(event({ topDocument: 'https://news.test' }))
    network.request(
      event({ url: 'https://www.googletagmanager.com/gtag/js', topDocument: 'https://news.test' }),
    )
    network.request(
      event({ url: 'https://cdn.news.test/app.js', topDocument: 'https://news.test' }),
    )
    network.request(event({ url: 'https://static.unknown-widgets.test/w.js', frameId: 3 }))
    expect(parties(observations)).toEqual([
      '1 tracker.request google-analytics.com',
      '1 tracker.request googletagmanager.com',
      '1 thirdparty.request unknown-widgets.test',
    ])
    expect(badges).toEqual([[1, 1]])
    expect(observations[0]?.url).toContain('cid=[hidden]')
  })

  it('gives requests that arrive before the commit event to the new page, not the old one', () => {
    const { observations, tabs, network, event } = setup()
    network.request(event({ type: 'main_frame', url: 'https://news.test/' }))
    tabs.commit(1, 'https://news.test/', 1_000)
    network.request(event({ type: 'main_frame', url: 'https://shop.test/' }))
    // The old page still sends a beacon while the new one loads.
    network.request(
      event({
        url: 'https://www.facebook.com/tr?id=1&ev=PageLeave',
        topDocument: 'https://news.test/',
      }),
    )
    // The new document's first request beats the commit event.
    network.request(
      event({ url: 'https://bat.bing.com/bat.js', topDocument: 'https://shop.test/' }),
    )
    tabs.commit(1, 'https://shop.test/', 1_100)
    expect(parties(observations)).toEqual([
      '1 tracker.request facebook.com',
      '2 tracker.request bing.com',
    ])
    expect(tabs.get(1)?.current?.visitId).toBe(2)
  })

  it('holds requests it cannot place yet and gives them to the visit when it starts', () => {
    const { observations, tabs, network, event, adopted } = setup()
    network.request(
      event({ tabId: 7, url: 'https://bat.bing.com/bat.js', topDocument: 'https://shop.test/' }),
    )
    expect(adopted).toEqual([7])
    expect(observations).toEqual([])
    tabs.commit(7, 'https://shop.test/', 1_000)
    expect(parties(observations)).toEqual(['1 tracker.request bing.com'])
  })

  it('counts a prerendered page’s requests only once the user goes to that page', () => {
    const { observations, tabs, network, event } = setup()
    network.request(event({ type: 'main_frame', url: 'https://news.test/' }))
    tabs.commit(1, 'https://news.test/', 1_000)
    network.request(
      event({ type: 'main_frame', url: 'https://shop.test/', prerender: true, frameId: 9 }),
    )
    network.request(
      event({
        url: 'https://bat.bing.com/bat.js',
        prerender: true,
        frameId: 9,
        topDocument: 'https://shop.test/',
      }),
    )
    expect(observations).toEqual([])
    network.request(event({ type: 'main_frame', url: 'https://shop.test/' }))
    tabs.commit(1, 'https://shop.test/', 1_200)
    expect(parties(observations)).toEqual(['2 tracker.request bing.com'])
  })

  it('attributes a service worker’s tabless request to the tab showing its site, and ignores the browser’s own', () => {
    const { observations, tabs, network, event } = setup()
    network.request(event({ type: 'main_frame', url: 'https://news.test/' }))
    tabs.commit(1, 'https://news.test/', 1_000)
    network.request(
      event({
        tabId: -1,
        initiator: 'https://news.test',
        url: 'https://www.google-analytics.com/g/collect',
      }),
    )
    network.request(event({ tabId: -1, url: 'https://update.example.com/check' }))
    network.request(
      event({ tabId: -1, initiator: 'chrome-extension://abc', url: 'https://api.example.com/' }),
    )
    expect(parties(observations)).toEqual(['1 tracker.request google-analytics.com'])
  })

  it('runs request detectors on navigations and subresources, and survives a throwing detector', () => {
    const seen: string[] = []
    const clickIds: RequestDetector = (input) =>
      input.url.includes('gclid=')
        ? [{ signal: 'link.decoration', party: input.party, detail: { parameters: ['gclid'] } }]
        : []
    const broken: RequestDetector = () => {
      throw new Error('bug')
    }
    const spy: RequestDetector = (input) => (
      seen.push(`${input.type} ${input.party} ${input.pageSite}`),
      []
    )
    const { observations, tabs, network, event } = setup([broken, clickIds, spy])
    network.request(event({ type: 'main_frame', url: 'https://shop.test/?gclid=Cj0KCQiA1234567' }))
    tabs.commit(1, 'https://shop.test/?gclid=Cj0KCQiA1234567', 1_000)
    network.request(
      event({
        url: 'https://bat.bing.com/action/0?ti=5',
        topDocument: 'https://shop.test/',
        method: 'POST',
        body: 'a=1',
      }),
    )
    expect(parties(observations)).toEqual([
      '1 link.decoration shop.test',
      '1 tracker.request bing.com',
    ])
    expect(observations[0]?.detail).toEqual({ parameters: ['gclid'] })
    expect(seen).toEqual(['main_frame shop.test shop.test', 'image bing.com shop.test'])
  })

  it('decodes a navigation whose request reaches us after its commit (Firefox), in one visit', () => {
    const clickIds: RequestDetector = (input) =>
      input.url.includes('gclid=')
        ? [{ signal: 'link.decoration', party: input.party, detail: { parameters: ['gclid'] } }]
        : []
    const { observations, tabs, network, event } = setup([clickIds])
    tabs.commit(1, 'https://shop.test/?gclid=Cj0KCQiA1234567', 5_000)
    network.request(event({ type: 'main_frame', url: 'https://shop.test/?gclid=Cj0KCQiA1234567' }))
    tabs.responded(1, '1')
    network.request(
      event({ url: 'https://bat.bing.com/bat.js', topDocument: 'https://shop.test/' }),
    )
    expect(parties(observations)).toEqual([
      '1 link.decoration shop.test',
      '1 tracker.request bing.com',
    ])
  })
})

describe('network observer: tabs it did not know', () => {
  it('does not open a second visit when the adopted page’s own navigation events arrive late', () => {
    const { observations, tabs, network, event } = setup()
    tabs.adopt(4, 'https://news.test/', 1_010)
    network.request(event({ tabId: 4, type: 'main_frame', url: 'https://news.test/' }))
    network.request(event({ tabId: 4, topDocument: 'https://news.test/' }))
    tabs.responded(4, '2')
    network.request(
      event({ tabId: 4, url: 'https://bat.bing.com/bat.js', topDocument: 'https://news.test/' }),
    )
    tabs.commit(4, 'https://news.test/', 1_000)
    expect(new Set(observations.map((o) => o.visitId))).toEqual(new Set([1]))
    expect(tabs.get(4)?.current?.visitId).toBe(1)
  })
})
