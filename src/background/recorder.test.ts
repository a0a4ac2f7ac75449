import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import type { VisitRow } from '@/db/schema'
import { EVIDENCE_URLS, type Batch, type FindingDelta } from '@/db/write'
import { createRecorder, FLUSH_WINDOW_MS, type Observation } from './recorder'

const obs = (over: Partial<Observation> = {}): Observation => ({
  visitId: 1,
  site: 'news.test',
  signal: 'tracker.request',
  party: 'google-analytics.com',
  company: 'Google',
  at: 1_000,
  mode: 'standard',
  ...over,
})

const visit = (id: number): VisitRow => ({
  id,
  site: 'news.test',
  url: 'https://news.test/',
  tabId: 1,
  startedAt: 1_000,
  mode: 'standard',
})

type Write = (batch: Batch) => Promise<void>

function setup(write?: Write) {
  const batches: Batch[] = []
  const errors: (string | null)[] = []
  /** What a store that applies successful batches would hold: count per key. */
  const stored = new Map<string, number>()
  const writeFn = vi.fn<Write>(async (batch) => {
    if (write !== undefined) await write(batch)
    batches.push(structuredClone(batch))
    for (const f of batch.findings) {
      const key = `${f.visitId} ${f.signal} ${f.party}`
      stored.set(key, (stored.get(key) ?? 0) + f.count)
    }
  })
  const recorder = createRecorder({ write: writeFn, onError: (m) => errors.push(m) })
  return { recorder, batches, errors, stored, writeFn }
}

const keyOf = (f: FindingDelta) => `${f.visitId} ${f.signal} ${f.party}`

beforeEach(() => {
  vi.useFakeTimers()
})
afterEach(() => {
  vi.useRealTimers()
})

describe('recorder aggregation', () => {
  it('aggregates per visit × signal × party with counts and first/last times', async () => {
    const { recorder, batches } = setup()
    recorder.add(obs({ at: 2_000, url: 'https://www.google-analytics.com/a' }))
    recorder.add(obs({ at: 1_500, url: 'https://www.google-analytics.com/b' }))
    recorder.add(obs({ at: 3_000, url: 'https://www.google-analytics.com/a' }))
    // Near-misses: another visit, another signal, another party
    recorder.add(obs({ visitId: 2, at: 1_000 }))
    recorder.add(obs({ signal: 'thirdparty.request', at: 1_000 }))
    recorder.add(obs({ party: 'doubleclick.net', at: 1_000 }))
    await recorder.flush()

    expect(batches).toHaveLength(1)
    const findings = batches[0]?.findings ?? []
    expect(findings.map(keyOf)).toEqual([
      '1 tracker.request google-analytics.com',
      '2 tracker.request google-analytics.com',
      '1 thirdparty.request google-analytics.com',
      '1 tracker.request doubleclick.net',
    ])
    expect(findings[0]).toEqual({
      visitId: 1,
      site: 'news.test',
      signal: 'tracker.request',
      party: 'google-analytics.com',
      company: 'Google',
      mode: 'standard',
      count: 3,
      firstAt: 1_500,
      lastAt: 3_000,
      urls: ['https://www.google-analytics.com/a', 'https://www.google-analytics.com/b'],
    })
    expect(findings.slice(1).map((f) => f.count)).toEqual([1, 1, 1])
    expect(findings[1]?.urls).toEqual([])
  })

  it('keeps at most EVIDENCE_URLS distinct evidence URLs, first seen first', async () => {
    const { recorder, batches } = setup()
    for (let i = 0; i < 8; i++) {
      recorder.add(obs({ url: `https://t.test/${i % 7}` }))
      recorder.add(obs({ url: 'https://t.test/0' }))
    }
    await recorder.flush()
    const finding = batches[0]?.findings[0]
    expect(EVIDENCE_URLS).toBe(5)
    expect(finding?.count).toBe(16)
    expect(finding?.urls).toEqual([0, 1, 2, 3, 4].map((i) => `https://t.test/${i}`))
  })

  it('keeps distinct details, bounded', async () => {
    const { recorder, batches } = setup()
    recorder.add(obs({ detail: { event: 'PageView' } }))
    recorder.add(obs({ detail: { event: 'PageView' } }))
    recorder.add(obs({ detail: { event: 'Purchase', value: 10 } }))
    recorder.add(obs())
    for (let i = 0; i < 10; i++) recorder.add(obs({ detail: { n: i } }))
    await recorder.flush()
    const details = batches[0]?.findings[0]?.details
    expect(details).toEqual([
      { event: 'PageView' },
      { event: 'Purchase', value: 10 },
      { n: 0 },
      { n: 1 },
      { n: 2 },
    ])
  })

  it('writes visits with the findings of the same window', async () => {
    const { recorder, batches } = setup()
    recorder.addVisit(visit(1))
    recorder.add(obs())
    recorder.addVisit(visit(2))
    await recorder.flush()
    expect(batches).toHaveLength(1)
    expect(batches[0]?.visits.map((v) => v.id)).toEqual([1, 2])
    expect(batches[0]?.findings).toHaveLength(1)
  })
})

describe('recorder flushing', () => {
  it('flushes within FLUSH_WINDOW_MS of the first observation, not of the last', async () => {
    const { recorder, batches, writeFn } = setup()
    expect(FLUSH_WINDOW_MS).toBe(250)
    recorder.add(obs())
    await vi.advanceTimersByTimeAsync(100)
    recorder.add(obs())
    await vi.advanceTimersByTimeAsync(FLUSH_WINDOW_MS - 101)
    expect(writeFn).not.toHaveBeenCalled()
    await vi.advanceTimersByTimeAsync(1)
    expect(writeFn).toHaveBeenCalledTimes(1)
    expect(batches[0]?.findings[0]?.count).toBe(2)

    // The next observation opens a new window
    recorder.add(obs())
    await vi.advanceTimersByTimeAsync(FLUSH_WINDOW_MS)
    expect(writeFn).toHaveBeenCalledTimes(2)
    expect(batches[1]?.findings[0]?.count).toBe(1)
  })

  it('a lone visit is flushed within the window too', async () => {
    const { recorder, batches } = setup()
    recorder.addVisit(visit(1))
    await vi.advanceTimersByTimeAsync(FLUSH_WINDOW_MS)
    expect(batches).toEqual([{ visits: [visit(1)], findings: [] }])
  })

  it('writes nothing when there is nothing to write', async () => {
    const { recorder, writeFn } = setup()
    await recorder.flush()
    await vi.advanceTimersByTimeAsync(10 * FLUSH_WINDOW_MS)
    expect(writeFn).not.toHaveBeenCalled()
  })

  it('an explicit flush writes at once and cancels the pending timer', async () => {
    const { recorder, writeFn, errors } = setup()
    recorder.add(obs())
    await recorder.flush()
    expect(writeFn).toHaveBeenCalledTimes(1)
    await vi.advanceTimersByTimeAsync(10 * FLUSH_WINDOW_MS)
    expect(writeFn).toHaveBeenCalledTimes(1)
    expect(errors).toEqual([null])
  })

  it('serializes concurrent flushes: a write starts only after the previous one ends', async () => {
    let inFlight = 0
    let maxInFlight = 0
    const { recorder, batches } = setup(async () => {
      inFlight += 1
      maxInFlight = Math.max(maxInFlight, inFlight)
      await new Promise((resolve) => setTimeout(resolve, 50))
      inFlight -= 1
    })
    recorder.add(obs())
    const first = recorder.flush()
    await vi.advanceTimersByTimeAsync(10)
    expect(inFlight).toBe(1)
    recorder.add(obs({ party: 'doubleclick.net' }))
    const second = recorder.flush()
    const third = recorder.flush()
    await vi.advanceTimersByTimeAsync(200)
    await Promise.all([first, second, third])
    expect(maxInFlight).toBe(1)
    expect(batches.map((b) => b.findings.map((f) => f.party))).toEqual([
      ['google-analytics.com'],
      ['doubleclick.net'],
    ])
  })

  it('flush resolves only once the write is done', async () => {
    let release: () => void = () => undefined
    const { recorder, batches } = setup(() => new Promise<void>((r) => (release = r)))
    recorder.add(obs())
    let done = false
    const flushed = recorder.flush().then(() => (done = true))
    await vi.advanceTimersByTimeAsync(0)
    expect(done).toBe(false)
    release()
    await flushed
    expect(batches).toHaveLength(1)
  })
})

describe('recorder failures', () => {
  it('merges a failed batch back and retries, so stored totals are exact', async () => {
    let failures = 1
    const { recorder, stored, errors, writeFn, batches } = setup(async () => {
      if (failures-- > 0) throw new Error('QuotaExceededError')
    })
    recorder.addVisit(visit(1))
    recorder.add(obs({ at: 1_000, url: 'https://t.test/a' }))
    recorder.add(obs({ at: 1_100, url: 'https://t.test/b' }))
    await recorder.flush()
    expect(errors).toEqual(['QuotaExceededError'])
    expect(stored.size).toBe(0)

    // More of the same arrives before the retry
    recorder.add(obs({ at: 1_200, url: 'https://t.test/a' }))
    recorder.add(obs({ at: 900, url: 'https://t.test/c' }))
    await vi.advanceTimersByTimeAsync(1_000)
    expect(writeFn).toHaveBeenCalledTimes(2)
    expect(errors).toEqual(['QuotaExceededError', null])
    expect([...stored]).toEqual([['1 tracker.request google-analytics.com', 4]])
    const finding = batches[0]?.findings[0]
    expect(finding).toMatchObject({ count: 4, firstAt: 900, lastAt: 1_200 })
    expect([...(finding?.urls ?? [])].sort()).toEqual([
      'https://t.test/a',
      'https://t.test/b',
      'https://t.test/c',
    ])
    expect(batches[0]?.visits.map((v) => v.id)).toEqual([1])

    // Nothing left over to write a second time
    await vi.advanceTimersByTimeAsync(10_000)
    expect(writeFn).toHaveBeenCalledTimes(2)
    expect([...stored.values()]).toEqual([4])
  })

  it('retries by itself after a failure, without another observation', async () => {
    let failures = 1
    const { recorder, writeFn, stored } = setup(async () => {
      if (failures-- > 0) throw new Error('busy')
    })
    recorder.add(obs())
    await vi.advanceTimersByTimeAsync(FLUSH_WINDOW_MS)
    expect(writeFn).toHaveBeenCalledTimes(1)
    await vi.advanceTimersByTimeAsync(999)
    expect(writeFn).toHaveBeenCalledTimes(1)
    await vi.advanceTimersByTimeAsync(1)
    expect(writeFn).toHaveBeenCalledTimes(2)
    expect([...stored.values()]).toEqual([1])
  })

  it('gives up after three attempts and reports the error', async () => {
    let broken = true
    const { recorder, writeFn, errors, stored } = setup(async () => {
      if (broken) throw new Error('disk full')
    })
    recorder.add(obs())
    await vi.advanceTimersByTimeAsync(60_000)
    expect(writeFn).toHaveBeenCalledTimes(3)
    expect(errors).toEqual(['disk full', 'disk full', 'disk full'])
    expect(stored.size).toBe(0)

    // The dropped batch is not written again; new observations are, and clear the error
    broken = false
    recorder.add(obs({ party: 'doubleclick.net' }))
    await vi.advanceTimersByTimeAsync(FLUSH_WINDOW_MS)
    expect(writeFn).toHaveBeenCalledTimes(4)
    expect([...stored]).toEqual([['1 tracker.request doubleclick.net', 1]])
    expect(errors.at(-1)).toBeNull()
  })

  it('reports a non-Error rejection as text, then null after a success', async () => {
    let failures = 1
    const { recorder, errors } = setup(async () => {
      if (failures-- > 0) throw 'aborted'
    })
    recorder.add(obs())
    await recorder.flush()
    await recorder.flush()
    expect(errors).toEqual(['aborted', null])
  })

  it('starts counting attempts afresh after a success', async () => {
    const results = [false, false, true, false, false, true]
    const { recorder, writeFn, stored } = setup(async () => {
      if (results.shift() === false) throw new Error('busy')
    })
    recorder.add(obs())
    await vi.advanceTimersByTimeAsync(10_000)
    expect(writeFn).toHaveBeenCalledTimes(3)
    recorder.add(obs())
    await vi.advanceTimersByTimeAsync(10_000)
    expect(writeFn).toHaveBeenCalledTimes(6)
    expect([...stored.values()]).toEqual([2])
  })
})

describe('rows of earlier visits', () => {
  it('go with the findings of a visit started in an earlier batch, and of no other', async () => {
    const { recorder, batches } = setup()
    recorder.addVisit(visit(1))
    recorder.add(obs())
    await recorder.flush()
    // The visit is in the batch it started in: no need to send its row again there.
    expect(batches[0]?.visits.map((v) => v.id)).toEqual([1])
    expect(batches[0]?.seen).toBeUndefined()
    recorder.add(obs({ at: 5_000 }))
    // Visit 9 was never started here (a worker restarted since): its row is not known.
    recorder.add(obs({ visitId: 9 }))
    await recorder.flush()
    expect(batches[1]?.visits).toEqual([])
    expect(batches[1]?.seen).toEqual([visit(1)])
    recorder.addVisit(visit(2))
    await recorder.flush()
    expect(batches[2]?.seen).toBeUndefined()
  })
})
