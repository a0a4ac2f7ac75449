import { describe, expect, it } from 'vitest'
import { trackerData } from '@/data/trackers'
import { createClassifier } from '@/detect/classifier'
import type { PartyRow } from '@/detect/thirdparty-learned'
import type { RequestEvent } from '@/platform/web-request'
import { createNetworkObserver } from './network'
import type { Observation, Recorder } from './recorder'
import { createTabState } from './tab-state'
import { createTrafficObserver } from './traffic'

const classifier = createClassifier(trackerData)
const ID = '8214477201866311231'
const SET_UUID2 = `uuid2=${ID}; Max-Age=7776000; SameSite=None; Secure`

function setup(options: { dns?: Record<string, string>; rows?: PartyRow[] } = {}) {
  const observations: Observation[] = []
  const recorder: Recorder = {
    add: (o) => observations.push(o),
    addVisit: () => undefined,
    flush: async () => undefined,
  }
  const lookups: string[] = []
  const traffic = createTrafficObserver({
    classifier,
    recorder,
    mode: () => 'standard',
    ...(options.dns !== undefined && {
      canonicalName: async (host: string) => {
        lookups.push(host)
        return options.dns?.[host]
      },
    }),
    partyRows: async () => options.rows ?? [],
  })
  let id = 0
  const tabs = createTabState({
    persist: () => undefined,
    newVisitId: () => ++id,
    visitStarted: (tabId, visit) => network.visitStarted(tabId, visit),
  })
  const network = createNetworkObserver({
    classifier,
    detectors: [],
    tabs,
    recorder,
    mode: () => 'standard',
    badge: () => undefined,
    unknownTab: () => undefined,
    traffic,
  })
  let seq = 0
  const event = (over: Partial<RequestEvent>): RequestEvent => ({
    requestId: String(++seq),
    url: 'https://recipes.test/',
    tabId: 1,
    frameId: 0,
    type: 'image',
    timeStamp: 1_000 + seq,
    prerender: false,
    method: 'GET',
    topDocument: 'https://recipes.test',
    ...over,
  })
  const open = (url = 'https://recipes.test/') => {
    network.request(event({ type: 'main_frame', url }))
    tabs.commit(1, url, 1_000 + ++seq)
  }
  return { observations, network, tabs, traffic, event, open, lookups }
}

const signals = (obs: Observation[]) => obs.map((o) => `${o.signal} ${o.party}`)
const tick = () => new Promise((r) => setTimeout(r, 0))

describe('traffic observer', () => {
  it('finds a cookie synced from one ad host to another through a redirect', () => {
    const { observations, network, event, open } = setup()
    open()
    const sync = event({ url: 'https://ib.adnxs.com/getuid' })
    network.headers(sync, 'set', [SET_UUID2])
    network.request({
      ...sync,
      url: `https://cm.g.doubleclick.net/pixel?google_nid=xandr&google_hm=${ID}`,
    })
    expect(signals(observations)).toEqual([
      'cookie.thirdparty adnxs.com',
      'cookie.identifier adnxs.com',
      'id.sync doubleclick.net',
      'tracker.request doubleclick.net',
    ])
    expect(observations[2]?.detail).toMatchObject({ from: ['adnxs.com'], to: 'doubleclick.net' })
    expect(JSON.stringify(observations)).not.toContain(ID)
  })

  it('forgets values at the next visit and when the tab closes', () => {
    const { observations, network, event, open, traffic } = setup()
    open()
    network.headers(event({ url: 'https://ib.adnxs.com/getuid' }), 'set', [SET_UUID2])
    open('https://garden.test/')
    const next = `https://cm.g.doubleclick.net/pixel?google_hm=${ID}`
    network.request(event({ url: next, topDocument: 'https://garden.test' }))
    traffic.forgetTab(1)
    expect(signals(observations).filter((s) => s.startsWith('id.sync'))).toEqual([])
  })

  it('gives a main document’s cookies to the visit it starts', () => {
    const { observations, network, tabs, event } = setup()
    const nav = event({ type: 'main_frame', url: 'https://recipes.test/' })
    network.request(nav)
    network.headers(nav, 'set', ['sid=Qx7rT2mK9pLw3sZc8vB1nY; Max-Age=31536000'])
    expect(observations).toEqual([])
    tabs.commit(1, 'https://recipes.test/', 1_500)
    expect(signals(observations)).toEqual(['cookie.identifier recipes.test'])
    expect(observations[0]?.detail?.party).toBe('first party')
  })

  it('bounds what it remembers per tab', () => {
    const { network, event, open, observations } = setup()
    open()
    for (let i = 0; i < 5_000; i++)
      network.request(event({ url: `https://a.unknown-one.test/p?id=Qx7rT2mK9pL${i}w3sZ` }))
    network.request(event({ url: 'https://b.unknown-two.test/p?id=Qx7rT2mK9pL0w3sZ' }))
    expect(signals(observations).filter((s) => s.startsWith('id.sync'))).toEqual([])
    network.request(event({ url: 'https://b.unknown-two.test/p?id=Qx7rT2mK9pL4999w3sZ' }))
    expect(signals(observations).filter((s) => s.startsWith('id.sync'))).toEqual([
      'id.sync unknown-two.test',
    ])
  })

  it('asks DNS once per first-party subdomain and records a cloaked tracker', async () => {
    const { observations, network, event, open, lookups } = setup({
      dns: { 'f7ds.recipes.test': 'recipes.eulerian.net', 'www.recipes.test': 'www.recipes.test' },
    })
    open()
    for (const host of ['f7ds.recipes.test', 'f7ds.recipes.test', 'www.recipes.test'])
      network.headers(event({ url: `https://${host}/col` }), 'sent', [])
    network.headers(event({ url: 'https://ib.adnxs.com/x' }), 'sent', [])
    network.headers(
      { ...event({ url: 'https://proxied.recipes.test/x' }), proxied: true },
      'sent',
      [],
    )
    await tick()
    expect(lookups).toEqual(['f7ds.recipes.test', 'www.recipes.test'])
    expect(observations.map((o) => [o.signal, o.detail?.method, o.company])).toEqual([
      ['cname.cloaked', 'dns', 'Eulerian'],
    ])
  })

  it('learns an unlisted identifier setter from stored rows, once per visit', async () => {
    const rows = ['recipes.test', 'garden.test', 'travel.test'].map((site, i) => ({
      site,
      party: 'unknown-widgets.test',
      signal: 'cookie.identifier' as const,
      lastAt: i,
    }))
    const { observations, network, event, open } = setup({ rows })
    open()
    const px = event({ url: 'https://static.unknown-widgets.test/px.gif' })
    network.headers(px, 'set', ['wid=Qx7rT2mK9pLw3sZc8vB1nY; Max-Age=31536000'])
    network.headers(px, 'set', ['wid2=Zx7rT2mK9pLw3sZc8vB1nY; Max-Age=31536000'])
    await tick()
    expect(signals(observations).filter((s) => s.startsWith('thirdparty.learned'))).toEqual([
      'thirdparty.learned unknown-widgets.test',
    ])
  })

  it('ignores garbage headers without throwing', () => {
    const { network, event, open } = setup()
    open()
    const bad = ['\u0000\u00ff=;;', 'a'.repeat(5_000_000), '%E0%A4%A=%zz']
    expect(() => {
      network.headers(event({ url: 'https://ib.adnxs.com/x' }), 'set', bad)
      network.headers(event({ url: 'https://ib.adnxs.com/x' }), 'sent', bad)
    }).not.toThrow()
  })
})
