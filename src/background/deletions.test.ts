import { IDBFactory, IDBKeyRange } from 'fake-indexeddb'
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { openDb, type TracelightDb } from '@/db/schema'
import { UNDO_MS } from '@/db/staged-delete'
import { applyBatch } from '@/db/write'
import { createDeletions } from './deletions'

describe('createDeletions', () => {
  let db: TracelightDb
  let clock: number
  let timers: { run: () => void; ms: number }[]
  const wakes: number[] = []
  const settled = vi.fn()

  beforeEach(async () => {
    db = openDb(new IDBFactory(), IDBKeyRange)
    await db.open()
    clock = 1_000_000
    timers = []
    wakes.length = 0
    settled.mockClear()
    await applyBatch(db, {
      visits: [
        {
          id: 1,
          site: 'news.test',
          url: 'https://news.test/',
          tabId: 1,
          startedAt: 1,
          mode: 'standard',
        },
      ],
      findings: [
        {
          visitId: 1,
          signal: 'tracker.request',
          party: 'doubleclick.net',
          site: 'news.test',
          company: 'Google',
          count: 1,
          firstAt: 1,
          lastAt: 1,
          urls: [],
          mode: 'standard',
        },
      ],
    })
  })
  afterEach(() => db.close())

  const service = (flush = vi.fn(async () => undefined)) =>
    createDeletions({
      db,
      now: () => clock,
      flush,
      setTimer: (run, ms) => timers.push({ run, ms }),
      clearTimer: () => undefined,
      wakeAt: async (when) => void wakes.push(when),
      settled,
    })

  it('stores what the recorder holds first, then deletes, with a timer and an alarm at the deadline', async () => {
    const flush = vi.fn(async () => undefined)
    const deletions = service(flush)
    expect(await deletions.preview({ kind: 'company', name: 'Google' })).toEqual({
      sites: 1,
      visits: 0,
      findings: 1,
    })
    const pending = await deletions.delete({ kind: 'company', name: 'Google' })
    expect(flush).toHaveBeenCalledTimes(2)
    expect(pending).toEqual({
      id: 1,
      scope: { kind: 'company', name: 'Google' },
      summary: { sites: 1, visits: 0, findings: 1 },
      deadline: clock + UNDO_MS,
    })
    expect(timers.at(-1)?.ms).toBe(UNDO_MS)
    expect(wakes).toEqual([clock + UNDO_MS])
    expect(await deletions.pending()).toEqual(pending)
    expect(await deletions.busy()).toBe(true)
    expect(await db.findings.count()).toBe(0)
  })

  it('makes the deletion final when the timer fires at the deadline, then lets retention run', async () => {
    const deletions = service()
    await deletions.delete({ kind: 'site', site: 'news.test' })
    clock += UNDO_MS
    timers.at(-1)?.run()
    await vi.waitFor(async () => expect(await db.pendingDeletions.count()).toBe(0))
    expect(await db.trash.count()).toBe(0)
    expect(settled).toHaveBeenCalled()
    expect(await deletions.pending()).toBeNull()
    expect(await deletions.undo(1)).toBe('unknown')
  })

  it('undoes before the deadline, and refuses after it', async () => {
    const deletions = service()
    const first = await deletions.delete({ kind: 'site', site: 'news.test' })
    clock += UNDO_MS - 1
    expect(await deletions.undo(first.id)).toBe('restored')
    expect(await db.sites.count()).toBe(1)
    expect(await deletions.busy()).toBe(false)
    const second = await deletions.delete({ kind: 'everything' })
    clock += UNDO_MS
    expect(await deletions.pending()).toBeNull()
    expect(await deletions.undo(second.id)).toBe('expired')
    expect(await db.sites.count()).toBe(0)
  })

  it('makes a pending deletion final at once when asked (a shorter retention was chosen)', async () => {
    const deletions = service()
    const pending = await deletions.delete({ kind: 'site', site: 'news.test' })
    expect(await deletions.finalize()).toEqual([])
    expect(await db.trash.count()).toBe(0)
    expect(await deletions.undo(pending.id)).toBe('unknown')
    expect(settled).toHaveBeenCalled()
  })

  it('at start, settles what a stopped worker left and schedules what is still undoable', async () => {
    const before = service()
    await before.delete({ kind: 'site', site: 'news.test' })
    // A new worker, 4 s later.
    clock += 4000
    const after = service()
    const staged = await after.start()
    expect(staged.map((p) => p.scope)).toEqual([{ kind: 'site', site: 'news.test' }])
    expect(timers.at(-1)?.ms).toBe(UNDO_MS - 4000)
    // And one started after the deadline makes it final.
    clock += UNDO_MS
    expect(await service().start()).toEqual([])
    expect(await db.trash.count()).toBe(0)
  })
})
