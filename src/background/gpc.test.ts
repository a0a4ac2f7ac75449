import { describe, expect, it } from 'vitest'
import type { GpcResponse } from '@/detect/gpc'
import type { GpcState } from '@/messages'
import { createGpc } from './gpc'
import type { Observation } from './recorder'
import type { TabVisit } from './tab-state'

const DAY = 24 * 60 * 60 * 1000

function setup(stored: GpcState = { enabled: false, exceptions: [] }) {
  const applied: GpcState[] = []
  const saved: GpcState[] = []
  const fetched: string[] = []
  const recorded: Observation[] = []
  const checkedAt = new Map<string, number>()
  let now = 100 * DAY
  let answer: () => Promise<GpcResponse> = () =>
    Promise.resolve({ status: 200, contentType: 'application/json', text: '{"gpc":true}' })
  const gpc = createGpc({
    load: () => Promise.resolve(stored),
    save: (s) => (saved.push(s), Promise.resolve()),
    apply: (s) => (applied.push(s), Promise.resolve()),
    lastChecked: (site) => Promise.resolve(checkedAt.get(site)),
    fetchText: (url) => (fetched.push(url), answer()),
    record: (o) => {
      recorded.push(o)
      checkedAt.set(o.site, o.at)
    },
    mode: () => 'standard',
    now: () => now,
  })
  const visit = (site: string, visitId = 1): TabVisit => ({
    visitId,
    site,
    url: `https://www.${site}/page?q=1`,
    startedAt: now,
    companies: [],
  })
  const settle = () => new Promise((resolve) => setTimeout(resolve, 0))
  return {
    gpc,
    applied,
    saved,
    fetched,
    recorded,
    visit,
    settle,
    later: (ms: number) => (now += ms),
    answerWith: (f: () => Promise<GpcResponse>) => (answer = f),
  }
}

describe('Global Privacy Control', () => {
  it('applies the stored state at start and checks nothing while off', async () => {
    const t = setup()
    await t.gpc.start()
    expect(t.applied).toEqual([{ enabled: false, exceptions: [] }])
    t.gpc.visitStarted(t.visit('shop.test'))
    await t.settle()
    expect(t.fetched).toEqual([])
  })

  it('when on, checks a visited site’s gpc.json once a week and records what it says', async () => {
    const t = setup({ enabled: true, exceptions: [] })
    await t.gpc.start()
    t.gpc.visitStarted(t.visit('shop.test'))
    t.gpc.visitStarted(t.visit('shop.test', 2)) // a second tab while the first check runs
    await t.settle()
    expect(t.fetched).toEqual(['https://www.shop.test/.well-known/gpc.json'])
    expect(t.recorded).toMatchObject([
      {
        visitId: 1,
        site: 'shop.test',
        signal: 'gpc.support',
        party: 'shop.test',
        detail: { honours: true },
      },
    ])
    t.later(6 * DAY)
    t.gpc.visitStarted(t.visit('shop.test', 3))
    await t.settle()
    expect(t.fetched).toHaveLength(1)
    t.later(2 * DAY)
    t.gpc.visitStarted(t.visit('shop.test', 4))
    await t.settle()
    expect(t.fetched).toHaveLength(2)
  })

  it('records nothing when the site cannot be reached, and tries again next visit', async () => {
    const t = setup({ enabled: true, exceptions: [] })
    await t.gpc.start()
    t.answerWith(() => Promise.reject(new TypeError('Failed to fetch')))
    t.gpc.visitStarted(t.visit('news.test'))
    await t.settle()
    expect(t.recorded).toEqual([])
    t.gpc.visitStarted(t.visit('news.test', 2))
    await t.settle()
    expect(t.fetched).toHaveLength(2)
  })

  it('turns on and off, excepts sites, and skips excepted sites', async () => {
    const t = setup()
    await t.gpc.start()
    await t.gpc.set({ enabled: true })
    await t.gpc.set({ site: 'news.test', excepted: true })
    await t.gpc.set({ site: 'news.test', excepted: true })
    expect(t.gpc.state()).toEqual({ enabled: true, exceptions: ['news.test'] })
    expect(t.applied.at(-1)).toEqual({ enabled: true, exceptions: ['news.test'] })
    t.gpc.visitStarted(t.visit('news.test'))
    await t.settle()
    expect(t.fetched).toEqual([])
    await t.gpc.set({ site: 'news.test', excepted: false })
    await t.gpc.set({ enabled: false })
    expect(t.saved.at(-1)).toEqual({ enabled: false, exceptions: [] })
  })

  it('keeps the old state when the browser refuses the change', async () => {
    const t = setup()
    const gpc = createGpc({
      load: () => Promise.resolve({ enabled: false, exceptions: [] }),
      save: () => Promise.resolve(),
      apply: () => Promise.reject(new Error('rule limit')),
      lastChecked: () => Promise.resolve(undefined),
      fetchText: () => Promise.reject(new Error('unused')),
      record: () => undefined,
      mode: () => 'standard',
      now: () => 0,
    })
    await expect(gpc.set({ enabled: true })).rejects.toThrow('rule limit')
    expect(gpc.state()).toEqual({ enabled: false, exceptions: [] })
    expect(t.applied).toEqual([])
  })
})
