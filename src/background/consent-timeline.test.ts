import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import type { ConsentRow, FindingRow } from '@/db/schema'
import type { ComparedVisit } from '@/detect/gpc-compare'
import type { ConsentEvent } from '@/detect/probe-events'
import { gppString, tcString } from '../../test/fixtures/consent-strings'
import { createConsentTimeline } from './consent-timeline'
import type { Observation } from './recorder'
import type { TabState } from './tab-state'

const START = 1_000_000
const ACCEPT = tcString([1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11], [1, 2, 3])
const REJECT = tcString([], [])

function row(signal: FindingRow['signal'], company: string, firstAt: number, lastAt = firstAt) {
  return {
    visitId: 7,
    signal,
    party: `${company.toLowerCase()}.com`,
    site: 'cmp.test',
    company,
    category: 'ad',
    count: 1,
    firstAt,
    lastAt,
    evidence: { urls: [] },
    mode: 'standard',
  } as FindingRow
}

function setup(
  rows: FindingRow[],
  declared = false,
  stored: ConsentRow[] = [],
  earlier: ComparedVisit[] | Error = [],
) {
  const saved: ConsentRow[] = []
  const asked: [string, number, number][] = []
  let now = START
  const added: Observation[] = []
  const visit = {
    visitId: 7,
    site: 'cmp.test',
    url: 'https://cmp.test/',
    startedAt: START,
    companies: [],
  }
  const tabs = {
    get: (tabId: number) => (tabId === 3 ? { current: visit } : undefined),
  } as unknown as TabState
  const timeline = createConsentTimeline({
    tabs,
    recorder: {
      add: (o) => added.push(o),
      addVisit: () => undefined,
      flush: async () => undefined,
    },
    mode: () => 'standard',
    visitRows: async () => [...rows, ...added.map((o) => row(o.signal, 'Self', o.at))],
    now: () => now,
    gpcDeclared: async () => declared,
    earlierVisits: async (site, visitId, before) => {
      asked.push([site, visitId, before])
      if (earlier instanceof Error) throw earlier
      return earlier
    },
    saveConsent: (r) => saved.push(r),
    loadConsent: async () => stored,
    settleMs: 3000,
    unansweredMs: 20_000,
  })
  const send = (at: number, ...events: Omit<ConsentEvent, 'pageAt'>[]) => {
    now = at
    return timeline.events(
      { extensionPage: false, tabId: 3, frameId: 0, url: 'https://cmp.test/page' },
      events.map((e) => ({ ...e, pageAt: at - 100 })),
    )
  }
  const before = () => added.filter((o) => o.signal === 'consent.before')
  const setNow = (at: number) => {
    now = at
  }
  return { timeline, added, send, before, visit, saved, asked, setNow }
}

const tcf = (event: string, text = ''): Omit<ConsentEvent, 'pageAt'> => ({
  api: 'consent.tcf',
  event,
  text,
})

beforeEach(() => vi.useFakeTimers())
afterEach(() => vi.useRealTimers())

describe('consent timeline', () => {
  it('banner, trackers, Accept: one consent.before after the settle time, and the page’s choice', async () => {
    const t = setup([
      row('tracker.request', 'Google', START + 50),
      row('pixel.facebook', 'Facebook', START + 80),
    ])
    t.send(START + 200, tcf('cmpuishown'))
    t.send(START + 2000, tcf('useractioncomplete', ACCEPT))
    expect(t.before()).toHaveLength(0)
    await vi.advanceTimersByTimeAsync(3000)
    expect(t.before()).toHaveLength(1)
    const f = t.before()[0]
    expect(f).toMatchObject({ visitId: 7, site: 'cmp.test', party: 'cmp.test', at: START + 1900 })
    expect(f?.detail).toMatchObject({
      companies: ['Facebook', 'Google'],
      answered: true,
      firstAfterMs: 50,
      bannerAfterMs: 100,
      answeredAfterMs: 1900,
    })
    const page = t.added.find((o) => o.signal === 'consent.tcf')
    expect(page?.detail).toMatchObject({
      source: 'page',
      event: 'useractioncomplete',
      adsRefused: false,
    })
  })

  it('Reject: ad tracking that goes on after the answer is listed as after the refusal', async () => {
    const t = setup([row('pixel.facebook', 'Facebook', START + 80, START + 5000)])
    t.send(START + 200, tcf('cmpuishown'))
    t.send(START + 2000, tcf('useractioncomplete', REJECT))
    await vi.advanceTimersByTimeAsync(3000)
    expect(t.before()[0]?.detail).toMatchObject({ afterRefusal: ['Facebook'], answered: true })
  })

  it('a GPP banner hidden with an opt-out counts as a refusal', async () => {
    const t = setup([row('pixel.facebook', 'Facebook', START + 80, START + 5000)])
    const optOut = gppString([
      ['usnat', 'SaleOptOut', 1],
      ['usnat', 'SaleOptOutNotice', 1],
    ])
    const gpp = (event: string, text = ''): Omit<ConsentEvent, 'pageAt'> => ({
      api: 'consent.gpp',
      event,
      text,
    })
    t.send(START + 200, gpp('cmpDisplayStatus:visible'))
    t.send(START + 2000, gpp('cmpDisplayStatus:hidden', optOut))
    await vi.advanceTimersByTimeAsync(3000)
    expect(t.before()[0]?.detail).toMatchObject({
      afterRefusal: ['Facebook'],
      answeredAfterMs: 1900,
    })
  })

  it('no CMP events: nothing, even with trackers', async () => {
    const t = setup([row('pixel.facebook', 'Facebook', START + 80)])
    await t.timeline.visitEnded(3)
    await vi.advanceTimersByTimeAsync(60_000)
    expect(t.added).toEqual([])
  })

  it('repeated events and a replayed answer still give one finding per visit', async () => {
    const t = setup([row('pixel.facebook', 'Facebook', START + 80)])
    for (let i = 0; i < 5; i++) t.send(START + 200 + i, tcf('cmpuishown'))
    t.send(START + 2000, tcf('useractioncomplete', ACCEPT))
    t.send(START + 2100, tcf('useractioncomplete', ACCEPT))
    await vi.advanceTimersByTimeAsync(3000)
    expect(t.send(START + 9000, tcf('useractioncomplete', REJECT))).toBe(0)
    await t.timeline.visitEnded(3)
    await vi.advanceTimersByTimeAsync(60_000)
    expect(t.before()).toHaveLength(1)
    expect(t.added.filter((o) => o.signal === 'consent.tcf')).toHaveLength(1)
  })

  it('a banner never answered is judged when the visit ends, or after the wait', async () => {
    const a = setup([row('pixel.facebook', 'Facebook', START + 80)])
    a.send(START + 200, tcf('cmpuishown'))
    await a.timeline.visitEnded(3)
    expect(a.before()[0]?.detail).toMatchObject({ answered: false, companies: ['Facebook'] })
    const b = setup([row('pixel.facebook', 'Facebook', START + 80)])
    b.send(START + 200, tcf('cmpuishown'))
    await vi.advanceTimersByTimeAsync(19_000)
    expect(b.before()).toHaveLength(0)
    await vi.advanceTimersByTimeAsync(1_000)
    expect(b.before()).toHaveLength(1)
  })

  it('keeps to the sender’s own tab, top frame and site; clamps the page’s clock', async () => {
    const t = setup([row('pixel.facebook', 'Facebook', START + 80)])
    const e = [{ ...tcf('cmpuishown'), pageAt: 0 }]
    const base = { extensionPage: false, tabId: 3, frameId: 0, url: 'https://cmp.test/' }
    expect(t.timeline.events({ ...base, tabId: 4 }, e)).toBe(0)
    expect(t.timeline.events({ ...base, frameId: 2 }, e)).toBe(0)
    expect(t.timeline.events({ ...base, url: 'https://other.test/' }, e)).toBe(0)
    expect(t.timeline.events({ ...base, tabId: undefined }, e)).toBe(0)
    // Dated long before this visit: the previous page's banner, not this one's.
    expect(t.timeline.events(base, e)).toBe(0)
    // Dated just before the start (clocks and batching): placed at the start of the visit.
    expect(t.timeline.events(base, [{ ...tcf('cmpuishown'), pageAt: START - 500 }])).toBe(1)
    await t.timeline.visitEnded(3)
    expect(t.before()[0]?.detail).toMatchObject({ bannerAfterMs: 0 })
  })
})

const refusedCookie = (at = 0) => ({
  signal: 'consent.cmp' as const,
  cookie: 'OptanonConsent',
  cmp: 'OneTrust',
  answered: true,
  adsAllowed: false,
  detail: {
    cmp: 'OneTrust',
    allowed: ['strictly necessary'],
    refused: ['targeting (advertising)'],
    at,
  },
})

describe('consent read from the site’s cookies', () => {
  it('a refusal kept from an earlier visit: ad tracking on this visit is flagged', async () => {
    const t = setup([row('pixel.facebook', 'Facebook', START + 500, START + 900)])
    t.timeline.cookies(3, t.visit, START + 10, true, [refusedCookie()])
    expect(t.added.find((o) => o.signal === 'consent.cmp')?.detail).toMatchObject({
      source: 'cookie',
      cookie: 'OptanonConsent',
      cmp: 'OneTrust',
    })
    await vi.advanceTimersByTimeAsync(20_000)
    expect(t.before()[0]?.detail).toMatchObject({
      afterRefusal: ['Facebook'],
      refusedEarlier: true,
      companies: [],
    })
  })

  it('a refusal saved during the visit dates the answer from the first request carrying it', async () => {
    const t = setup([row('tracker.request', 'Google', START + 100, START + 100)])
    t.timeline.cookies(3, t.visit, START + 4000, false, [refusedCookie()])
    await vi.advanceTimersByTimeAsync(3000)
    expect(t.before()[0]?.detail).toMatchObject({
      companies: ['Google'],
      answered: true,
      answeredAfterMs: 4000,
    })
  })

  it('a cookie the banner set before any answer changes nothing', async () => {
    const t = setup([row('tracker.request', 'Google', START + 100)])
    t.timeline.cookies(3, t.visit, START + 4000, false, [
      { ...refusedCookie(), answered: false, adsAllowed: true },
    ])
    await vi.advanceTimersByTimeAsync(30_000)
    expect(t.before()).toHaveLength(0)
    await t.timeline.visitEnded(3)
    expect(t.before()).toHaveLength(0)
  })

  it('the same cookie on the page request and later is the earlier choice, not a new answer', async () => {
    const t = setup([{ ...row('tracker.request', 'Google', START + 100), category: 'analytics' }])
    t.timeline.cookies(3, t.visit, START + 10, true, [refusedCookie()])
    t.timeline.cookies(3, t.visit, START + 4000, false, [refusedCookie()])
    await t.timeline.visitEnded(3)
    // Analytics is not advertising: with the refusal known from the start nothing counts.
    expect(t.before()).toHaveLength(0)
    expect(t.added.filter((o) => o.signal === 'consent.cmp')).toHaveLength(1)
  })
})

describe('consent platform named by its page object', () => {
  it('records known platforms only', () => {
    const t = setup([])
    t.send(START + 100, { api: 'consent.cmp', event: 'global', text: 'OneTrust' })
    t.send(START + 200, { api: 'consent.cmp', event: 'global', text: 'jQuery' })
    const found = t.added.filter((o) => o.signal === 'consent.cmp')
    expect(found.map((o) => o.detail)).toEqual([
      { source: 'page', cmp: 'OneTrust', pageObject: 'window.OneTrust' },
    ])
  })
})

describe('GPC ignored', () => {
  const usp = (optedOut: boolean) =>
    ({
      ...row('consent.usp', 'Google', START + 300),
      evidence: { urls: [], details: [{ optedOut, usPrivacy: optedOut ? '1YYN' : '1YNN' }] },
    }) as FindingRow

  it('a site that tells companies you did not opt out, after GPC was sent', async () => {
    const t = setup([usp(false)])
    t.timeline.gpcSent(3, t.visit)
    t.timeline.gpcSent(3, t.visit) // once per visit
    await vi.advanceTimersByTimeAsync(20_000)
    const ignored = t.added.filter((o) => o.signal === 'gpc.ignored')
    expect(ignored).toHaveLength(1)
    expect(ignored[0]?.detail).toMatchObject({
      toldNotOptedOut: ['Google'],
      declaredHonours: false,
    })
  })

  it('a site that passes the opt-out on: nothing, also when the visit ends first', async () => {
    const t = setup([usp(true)], true)
    t.timeline.gpcSent(3, t.visit)
    await t.timeline.visitEnded(3)
    await vi.advanceTimersByTimeAsync(20_000)
    expect(t.added.filter((o) => o.signal === 'gpc.ignored')).toHaveLength(0)
  })

  it('no verdict without GPC on the page request', async () => {
    const t = setup([usp(false)])
    await vi.advanceTimersByTimeAsync(30_000)
    await t.timeline.visitEnded(3)
    expect(t.added.filter((o) => o.signal === 'gpc.ignored')).toHaveLength(0)
  })
})

describe('GPC compared with earlier visits without it', () => {
  const DAY = 24 * 60 * 60 * 1000
  /** An earlier visit without GPC, `days` before, where Google got the ID (or nothing). */
  const earlierVisit = (days: number, synced = true): ComparedVisit => ({
    visitId: 100 + days,
    startedAt: START - days * DAY,
    findings: synced
      ? [
          {
            signal: 'id.sync',
            party: 'google.com',
            company: 'Google',
            firstAt: START - days * DAY + 400,
            details: [{}],
          },
        ]
      : [],
  })
  const synced = () => row('id.sync', 'Google', START + 400)
  const ignored = (t: ReturnType<typeof setup>) => t.added.filter((o) => o.signal === 'gpc.ignored')
  const compared = (t: ReturnType<typeof setup>) =>
    t.saved.filter((r) => r.framework === 'gpc' && r.event === 'compared')

  it('flags the same ID passing as on earlier visits, and says so on the timeline', async () => {
    const t = setup([synced()], false, [], [earlierVisit(1), earlierVisit(2)])
    t.timeline.gpcSent(3, t.visit)
    await vi.advanceTimersByTimeAsync(20_000)
    expect(t.asked).toEqual([['cmp.test', 7, START]])
    expect(ignored(t)).toHaveLength(1)
    expect(ignored(t)[0]?.detail).toMatchObject({
      reasons: ['gpc-unchanged-without-gpc'],
      comparedVisits: 2,
      sameIdSync: ['Google'],
    })
    expect(compared(t).map((r) => r.state)).toEqual([
      { outcome: 'ignored', comparedVisits: 2, sameIdSync: ['Google'] },
    ])
  })

  it('records that the site honoured GPC when the ID passing stopped', async () => {
    const t = setup([], false, [], [earlierVisit(1), earlierVisit(2), earlierVisit(3)])
    t.timeline.gpcSent(3, t.visit)
    t.setNow(START + 6000)
    await t.timeline.visitEnded(3)
    expect(ignored(t)).toHaveLength(0)
    expect(compared(t).map((r) => r.state)).toEqual([
      { outcome: 'honoured', comparedVisits: 3, stoppedIdSync: ['Google'] },
    ])
  })

  it('says nothing from the comparison with too few earlier visits, or a short visit', async () => {
    const few = setup([synced()], false, [], [earlierVisit(1)])
    few.timeline.gpcSent(3, few.visit)
    await vi.advanceTimersByTimeAsync(20_000)
    expect(ignored(few)).toHaveLength(0)
    expect(compared(few)).toHaveLength(0)
    // Left after 0.5 s: the ID passing took 0.4 s before, so its absence proves nothing yet.
    const short = setup([], false, [], [earlierVisit(1), earlierVisit(2)])
    short.timeline.gpcSent(3, short.visit)
    short.setNow(START + 500)
    await short.timeline.visitEnded(3)
    expect(compared(short)).toHaveLength(0)
  })

  it('does not hold sharing against the site after the person accepted ads on the banner', async () => {
    const t = setup([synced()], false, [], [earlierVisit(1), earlierVisit(2)])
    t.timeline.gpcSent(3, t.visit)
    t.send(START + 1000, tcf('useractioncomplete', ACCEPT))
    await vi.advanceTimersByTimeAsync(20_000)
    expect(ignored(t)).toHaveLength(0)
    expect(compared(t)).toHaveLength(0)
  })

  it('judges the visit alone when the earlier visits cannot be read', async () => {
    const usp = {
      ...row('consent.usp', 'Google', START + 300),
      evidence: { urls: [], details: [{ optedOut: false, usPrivacy: '1YNN' }] },
    } as FindingRow
    const t = setup([usp, synced()], false, [], new Error('database closed'))
    t.timeline.gpcSent(3, t.visit)
    await vi.advanceTimersByTimeAsync(20_000)
    expect(ignored(t)[0]?.detail).toMatchObject({ toldNotOptedOut: ['Google'] })
    expect(ignored(t)[0]?.detail).not.toHaveProperty('comparedVisits')
  })

  it('is not judged again by a worker that finds the verdict in the timeline', async () => {
    const kept = (event: string): ConsentRow => ({
      visitId: 7,
      site: 'cmp.test',
      at: START - 1000,
      source: 'wire',
      framework: 'gpc',
      event,
      state: {},
    })
    const t = setup(
      [synced()],
      false,
      [kept('sent'), kept('compared')],
      [earlierVisit(1), earlierVisit(2)],
    )
    t.visit.startedAt = START - 60_000
    t.send(START + 100, { api: 'consent.usp', event: 'getUSPData', text: '1YNN' })
    await vi.advanceTimersByTimeAsync(30_000)
    await t.timeline.visitEnded(3)
    expect(ignored(t)).toHaveLength(0)
    expect(t.asked).toEqual([])
  })
})

describe('a new visit of the same tab', () => {
  it('is not judged when the tab’s earlier visit ends', async () => {
    const t = setup([
      {
        ...row('consent.usp', 'Google', START + 300),
        evidence: { urls: [], details: [{ optedOut: false, usPrivacy: '1YNN' }] },
      } as FindingRow,
    ])
    t.timeline.gpcSent(3, t.visit)
    // The page request of the new visit came first; then the tab's earlier visits end.
    await t.timeline.visitEnded(3, t.visit.visitId)
    expect(t.added.filter((o) => o.signal === 'gpc.ignored')).toHaveLength(0)
    await vi.advanceTimersByTimeAsync(20_000)
    expect(t.added.filter((o) => o.signal === 'gpc.ignored')).toHaveLength(1)
  })
})

describe('the consent table', () => {
  it('keeps the banner, the answer and the choice, in order, for the visit', async () => {
    const t = setup([])
    t.send(START + 200, tcf('cmpuishown'))
    t.send(START + 2000, tcf('useractioncomplete', REJECT))
    t.send(START + 2100, tcf('useractioncomplete', REJECT)) // repeated: not kept twice
    expect(t.saved.map((r) => [r.framework, r.event, r.at - START, r.adsAllowed])).toEqual([
      ['tcf', 'shown', 100, undefined],
      ['tcf', 'answered', 1900, false],
    ])
    expect(t.saved[1]).toMatchObject({ visitId: 7, site: 'cmp.test', source: 'page' })
    expect(t.saved[1]?.state).toMatchObject({ adsRefused: true, purposes: [] })
  })

  it('reads the timeline back when the worker was stopped during the visit', async () => {
    // This worker started after the visit: the banner and the refusal are in the table.
    const stored: ConsentRow[] = [
      {
        visitId: 7,
        site: 'cmp.test',
        at: START + 200,
        source: 'page',
        framework: 'tcf',
        event: 'shown',
        state: {},
      },
      {
        visitId: 7,
        site: 'cmp.test',
        at: START + 2000,
        source: 'page',
        framework: 'tcf',
        event: 'answered',
        adsAllowed: false,
        state: {},
      },
    ]
    const t = setup([row('pixel.facebook', 'Facebook', START + 80, START + 9000)], false, stored)
    // The visit began before this worker: START is its boot time in setup, so move the visit.
    t.visit.startedAt = START - 60_000
    t.send(START + 5000, { api: 'consent.usp', event: 'getUSPData', text: '1YNN' })
    await vi.advanceTimersByTimeAsync(3000)
    const detail = t.before()[0]?.detail
    expect(detail).toMatchObject({ answered: true, afterRefusal: ['Facebook'] })
  })
})

describe('a banner seen on screen (no IAB interface)', () => {
  it('dates when it was shown, and an unanswered banner is judged', async () => {
    const t = setup([row('tracker.request', 'Google', START + 50)])
    t.send(START + 900, { api: 'consent.cmp', event: 'banner', text: 'onetrust' })
    t.send(START + 950, { api: 'consent.cmp', event: 'banner', text: 'not-a-platform' })
    expect(t.added.filter((o) => o.signal === 'consent.cmp').map((o) => o.detail)).toEqual([
      { source: 'page', cmp: 'OneTrust', banner: 'shown' },
    ])
    await vi.advanceTimersByTimeAsync(20_000)
    expect(t.before()[0]?.detail).toMatchObject({
      answered: false,
      companies: ['Google'],
      bannerAfterMs: 800,
    })
    expect(t.saved.map((r) => r.event)).toEqual(['shown', 'platform'])
  })
})
