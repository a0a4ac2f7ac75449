import { createHash } from 'node:crypto'
import { describe, expect, it } from 'vitest'
import { md5 } from '@/content/hash'
import { createClassifier } from '@/detect/classifier'
import { trackerData } from '@/data/trackers'
import { createInputWatch } from './input-watch'
import type { Observation } from './recorder'
import type { TabState } from './tab-state'

const EMAIL = 'jane.doe@example.com'
const sha256 = async (t: string) => createHash('sha256').update(t).digest('hex')
const sha1 = (t: string) => createHash('sha1').update(t).digest('hex')

function setup(settleMs?: number) {
  const added: Observation[] = []
  const visit = {
    visitId: 7,
    site: 'signup.test',
    url: 'https://signup.test/',
    startedAt: 1,
    companies: [],
  }
  const tabs = {
    get: (id: number) => (id === 3 ? { current: visit } : undefined),
  } as unknown as TabState
  const watch = createInputWatch({
    classifier: createClassifier(trackerData),
    tabs,
    recorder: {
      add: (o) => added.push(o),
      addVisit: () => undefined,
      flush: async () => undefined,
    },
    mode: () => 'standard',
    sha256,
    postersOf: () => ['https://w.test/lead.js'],
    ...(settleMs !== undefined && { settleMs }),
  })
  return { watch, added }
}

const needles = async (v: string) => [md5(v), sha1(v), await sha256(v)]
const req = (url: string, body?: string, type = 'xmlhttprequest') => ({
  tabId: 3,
  url,
  type,
  timeStamp: 1000,
  ...(body !== undefined && { body }),
})

describe('input watch', () => {
  it('finds a typed value sent before its digests arrived (the usual order)', async () => {
    const { watch, added } = setup()
    watch.typed(3, [], false) // the bridge says typing started
    await watch.request(req('https://exfil.test/collect', JSON.stringify({ email: EMAIL })))
    expect(added).toEqual([])
    watch.typed(3, await needles(EMAIL), false)
    expect(added).toHaveLength(1)
    expect(added[0]).toMatchObject({
      signal: 'input.exfiltration',
      party: 'exfil.test',
      site: 'signup.test',
    })
    expect(added[0]?.detail).toEqual({ sentAs: ['as typed'], script: ['https://w.test/lead.js'] })
    expect(JSON.stringify(added)).not.toContain('jane')
  })

  it.each([
    [
      'a SHA-256 hash',
      async () => `https://hashes.test/px.gif?em=${await sha256(EMAIL)}`,
      'SHA-256 hash',
    ],
    ['an MD5 hash', async () => `https://hashes.test/px.gif?em=${md5(EMAIL)}`, 'MD5 hash'],
    ['base64', async () => `https://hashes.test/px.gif?d=${btoa(EMAIL)}`, 'base64-encoded'],
    [
      'URL-encoded',
      async () => `https://hashes.test/px.gif?e=${encodeURIComponent(EMAIL)}`,
      'URL-encoded',
    ],
  ])('finds the value sent as %s after its digests arrived', async (_what, url, word) => {
    const { watch, added } = setup()
    watch.typed(3, await needles(EMAIL), false)
    await watch.request(req(await url()))
    expect(added[0]?.detail?.sentAs).toContain(word)
  })

  it.each([
    ['a first-party request (search suggestions)', req(`https://signup.test/suggest?q=${EMAIL}`)],
    [
      'the form submission itself (a navigation)',
      req('https://exfil.test/thanks', `email=${EMAIL}`, 'main_frame'),
    ],
    [
      'a request without the value',
      req('https://exfil.test/collect', '{"email":"someone.else@x.test"}'),
    ],
    ['another tab', { ...req('https://exfil.test/collect', EMAIL), tabId: 4 }],
  ])('ignores %s', async (_what, r) => {
    const { watch, added } = setup()
    watch.typed(3, await needles(EMAIL), false)
    await watch.request(r)
    expect(added).toEqual([])
  })

  it('stops matching once the form is submitted', async () => {
    const { watch, added } = setup()
    watch.typed(3, await needles(EMAIL), false)
    watch.typed(3, [], true)
    await watch.request(req('https://exfil.test/collect', EMAIL))
    expect(added).toEqual([])
  })

  it('does nothing for tabs nobody typed in', async () => {
    const { watch, added } = setup()
    await watch.request(req('https://exfil.test/collect', EMAIL))
    watch.typed(4, await needles(EMAIL), false)
    expect(added).toEqual([])
  })

  it('waits before recording when asked, so the probes can name the script', async () => {
    const { watch, added } = setup(30)
    watch.typed(3, await needles(EMAIL), false)
    await watch.request(req('https://exfil.test/collect', EMAIL))
    expect(added).toEqual([])
    await new Promise((r) => setTimeout(r, 60))
    expect(added).toHaveLength(1)
  })
})
