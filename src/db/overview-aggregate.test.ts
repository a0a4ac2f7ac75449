import { describe, expect, it } from 'vitest'
import { dayNumber } from './aggregate'
import {
  addStats,
  applyDay,
  applyReach,
  changed,
  compareKeys,
  dayAt,
  emptyDelta,
  FOREVER,
  overviewRowsOf,
  rankOf,
  ranksOf,
  reachSince,
  trackingNames,
} from './overview-aggregate'
import type { SiteStatsRow } from './schema'

const TODAY = dayNumber('2024-05-10')
const NOW = new Date(2024, 4, 10, 12).getTime()

/** A stats row: `days` maps a day offset (0 today, -1 yesterday…) to its numbers of
 * findings (six); each of those days had one visit. */
function stats(
  site: string,
  days: Record<number, number[]>,
  trackers: [id: number, dayOffset: number, requests: number][] = [],
  lastSeenOffset = Math.max(...Object.keys(days).map(Number)),
): SiteStatsRow {
  const offsets = Object.keys(days)
    .map(Number)
    .sort((a, b) => a - b)
  return {
    site,
    lastSeen: NOW + lastSeenOffset * 86_400_000,
    visits: 3,
    days: Uint32Array.from(offsets.map((o) => TODAY + o)),
    perDay: Uint32Array.from(offsets.flatMap((o) => [...(days[o] ?? []), 1])),
    trackerIds: Uint32Array.from(trackers.map(([id]) => id)),
    trackerLastDay: Uint32Array.from(trackers.map(([, o]) => TODAY + o)),
    trackerRequests: Uint32Array.from(trackers.map(([, , r]) => r)),
  }
}

describe('dayAt', () => {
  it('is the local calendar day of a time, as a day number', () => {
    expect(dayAt(NOW)).toBe(TODAY)
    expect(dayAt(new Date(2024, 4, 10, 0, 0, 1).getTime())).toBe(TODAY)
    expect(dayAt(new Date(2024, 4, 9, 23, 59, 59).getTime())).toBe(TODAY - 1)
  })
})

describe('rankOf', () => {
  // Tracker requests, other requests, fingerprinting, identifiers, ad pixels, before consent.
  const row = stats(
    'news.test',
    { [-40]: [9, 0, 9, 9, 9, 9], [-6]: [2, 1, 1, 0, 1, 0], 0: [3, 0, 0, 2, 0, 1] },
    [
      [1, 0, 5],
      [2, -6, 2],
      [3, -40, 9],
    ],
  )

  it('sums only the days within the period, and counts the companies seen in it', () => {
    const week = rankOf(row, 7, TODAY)
    expect(week).toMatchObject({
      p: 7,
      site: 'news.test',
      companies: 2,
      trackerRequests: 5,
      fingerprinting: 1,
      identifiers: 2,
      adPixels: 1,
      beforeConsent: 1,
      visits: 3,
      lastSeen: row.lastSeen,
    })
    // Ranked by companies, fingerprinting, before consent, identifiers + ad pixels, requests.
    expect(week?.k).toEqual([7, 2, 1, 1, 3, 5])
    expect(rankOf(row, 0, TODAY)?.k).toEqual([0, 3, 10, 10, 21, 14])
  })

  it('holds until the earliest day it counts leaves the period', () => {
    // The day 6 days ago is the week's first: tomorrow it is gone.
    expect(rankOf(row, 7, TODAY)?.until).toBe(TODAY)
    expect(rankOf(row, 30, TODAY)?.until).toBe(TODAY - 6 + 29)
    expect(rankOf(row, 90, TODAY)?.until).toBe(TODAY - 40 + 89)
    expect(rankOf(row, 0, TODAY)?.until).toBe(FOREVER)
  })

  it('is none for a site last seen before the period, even by a day', () => {
    const old = stats('old.test', { [-7]: [1, 0, 0, 0, 0, 0] })
    expect(rankOf(old, 7, TODAY)).toBeUndefined()
    expect(rankOf(old, 7, TODAY - 1)?.companies).toBe(0)
    expect(ranksOf(old, TODAY).map((r) => r.p)).toEqual([30, 90, 0])
  })

  it('counts a site seen without findings in the period, with nothing to rank it by', () => {
    // A visit today recorded nothing; its findings were 20 days ago.
    const quiet = stats('quiet.test', { [-20]: [4, 0, 0, 0, 0, 0] }, [[1, -20, 4]], 0)
    expect(rankOf(quiet, 7, TODAY)).toMatchObject({ k: [7, 0, 0, 0, 0, 0], until: TODAY + 6 })
    expect(rankOf(quiet, 30, TODAY)).toMatchObject({ companies: 1, until: TODAY - 20 + 29 })
  })
})

describe('day totals and company reach', () => {
  const a = stats('a.test', { [-1]: [1, 2, 0, 0, 0, 0], 0: [3, 0, 0, 0, 1, 0] }, [[7, 0, 4]])
  const b = stats('b.test', { 0: [5, 0, 1, 0, 0, 0] }, [
    [7, 0, 5],
    [8, 0, 1],
  ])

  it('add up every site of a day, and take a site away again exactly', () => {
    const delta = emptyDelta()
    addStats(delta, a, 1)
    addStats(delta, b, 1)
    expect(applyDay(undefined, TODAY, delta.days.get(TODAY) ?? { sites: 0, counts: [] })).toEqual({
      day: TODAY,
      sites: 2,
      counts: [8, 0, 1, 0, 1, 0, 2],
    })
    addStats(delta, a, -1)
    addStats(delta, b, -1)
    expect(changed(delta)).toEqual({ days: [], companies: [] })
  })

  it('move a company’s site to the day it was last seen there', () => {
    const later = stats('a.test', { [-1]: [1, 2, 0, 0, 0, 0], 0: [3, 0, 0, 0, 1, 0] }, [[7, 2, 6]])
    const delta = emptyDelta()
    addStats(delta, a, -1)
    addStats(delta, later, 1)
    expect(changed(delta)).toEqual({ days: [], companies: [7] })
    const stored = applyReach(
      undefined,
      { name: 'Google', id: 7, category: 'ad' },
      7,
      new Map([[TODAY, [1, 4]]]),
    )
    const moved = applyReach(stored, undefined, 7, delta.reach.get(7) ?? new Map())
    expect(moved).toEqual({
      id: 7,
      name: 'Google',
      category: 'ad',
      days: [TODAY + 2],
      sites: [1],
      requests: [6],
    })
    // Its last site gone, the company has no reach left.
    expect(applyReach(moved, undefined, 7, new Map([[TODAY + 2, [-1, -6]]]))).toBeUndefined()
    expect(
      applyDay({ day: TODAY, sites: 1, counts: [1, 0, 0, 0, 0, 0, 1] }, TODAY, {
        sites: -1,
        counts: [-1, 0, 0, 0, 0, 0, -1],
      }),
    ).toBeUndefined()
  })

  it('sum a company’s reach from a period’s first day on', () => {
    const { companyReach } = overviewRowsOf(
      [a, b],
      [{ name: 'Google', id: 7, category: 'ad' }],
      TODAY,
    )
    const google = companyReach.find((r) => r.id === 7)
    expect(google).toMatchObject({ name: 'Google', days: [TODAY], sites: [2], requests: [9] })
    expect(reachSince(google!, TODAY)).toEqual({ sites: 2, requests: 9 })
    expect(reachSince(google!, TODAY + 1)).toEqual({ sites: 0, requests: 0 })
    // A company without a stored name keeps an empty one rather than being dropped.
    expect(companyReach.find((r) => r.id === 8)?.name).toBe('')
  })
})

describe('compareKeys and trackingNames', () => {
  it('order keys as IndexedDB orders arrays of numbers', () => {
    expect(compareKeys([30, 2, 0], [30, 1, 9])).toBeGreaterThan(0)
    expect(compareKeys([30, 1], [30, 1, 0])).toBeLessThan(0)
    expect(compareKeys([7, 1, 2], [7, 1, 2])).toBe(0)
  })

  it('name the tracking companies seen from a day on, sorted', () => {
    const row = stats('a.test', { 0: [1, 0, 0, 0, 0, 0] }, [
      [2, 0, 1],
      [1, 0, 1],
      [3, -9, 1],
      [4, 0, 1],
    ])
    const names = new Map([
      [1, 'Zeta'],
      [2, 'Alpha'],
      [3, 'Old'],
    ])
    expect(trackingNames(row, TODAY - 6, names)).toEqual(['Alpha', 'Zeta'])
    expect(trackingNames(row, TODAY - 10, names)).toEqual(['Alpha', 'Old', 'Zeta'])
  })
})
