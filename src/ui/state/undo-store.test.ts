import { describe, expect, it, vi } from 'vitest'
import type { DeleteSummary } from '@/db/schema'
import type { DeleteRequest, PendingDeletion } from '@/messages'
import { createDeleteFlow } from './delete-flow'
import { createUndoStore, type UndoApi, type UndoClock } from './undo-store'

/** A clock the test moves by hand, with its interval timers. */
function fakeClock(start = 1_000_000) {
  let now = start
  const timers = new Map<number, () => void>()
  let next = 1
  const clock: UndoClock = {
    now: () => now,
    every: (run) => {
      timers.set(next, run)
      return next++
    },
    stop: (handle) => void timers.delete(handle as number),
  }
  return {
    clock,
    timers,
    advance(ms: number) {
      now += ms
      for (const run of [...timers.values()]) run()
    },
  }
}

const pendingFor = (scope: DeleteRequest, deadline: number, id = 7): PendingDeletion => ({
  id,
  scope,
  summary: { sites: 1, visits: 2, findings: 3 },
  deadline,
})

/** The background's clock runs 5 minutes ahead of the page's: only time left counts. */
const SKEW = 300_000

function setup(result: 'restored' | 'expired' | 'unknown' = 'restored') {
  const time = fakeClock()
  const api = {
    deleteData: vi.fn(async (scope: DeleteRequest) => {
      const bgNow = time.clock.now() + SKEW
      return { pending: pendingFor(scope, bgNow + 10_000), now: bgNow }
    }),
    undoDeletion: vi.fn(async () => result),
    pendingDeletion: vi.fn(async (): Promise<{ pending: PendingDeletion | null; now: number }> => ({
      pending: null,
      now: time.clock.now() + SKEW,
    })),
    previewDeletion: vi.fn(async (_scope: DeleteRequest) => ({ sites: 1, visits: 2, findings: 3 })),
    deletionProgress: vi.fn(async (): Promise<DeleteSummary | null> => null),
  } satisfies UndoApi & Record<string, unknown>
  const changed = vi.fn()
  const store = createUndoStore(api, { changed }, time.clock)
  return { time, api, store, changed }
}

describe('createUndoStore', () => {
  it('offers the undo for the time the background gives, counting down on the page’s clock', async () => {
    const { time, store, changed } = setup()
    await store.remove({ kind: 'site', site: 'news.test' })
    expect(changed).toHaveBeenCalledWith('deleted')
    expect(store.state.value).toMatchObject({ kind: 'offered', left: 10, window: 10, focus: true })
    time.advance(3_200)
    expect(store.state.value).toMatchObject({ kind: 'offered', left: 7, window: 10 })
    time.advance(6_800)
    expect(store.state.value).toMatchObject({ kind: 'final', late: false })
    expect(time.timers.size).toBe(0)
  })

  it('undoes within the window and says so; the views are told to read again', async () => {
    const { api, store, changed } = setup('restored')
    await store.remove({ kind: 'company', name: 'Google' })
    await store.undo()
    expect(api.undoDeletion).toHaveBeenCalledWith(7)
    expect(store.state.value.kind).toBe('restored')
    expect(changed).toHaveBeenLastCalledWith('restored')
  })

  it('says when the background found it too late', async () => {
    const { store, changed } = setup('expired')
    await store.remove({ kind: 'everything' })
    await store.undo()
    expect(store.state.value).toMatchObject({ kind: 'final', late: true })
    expect(changed).not.toHaveBeenCalledWith('restored')
  })

  it('does nothing on undo when nothing is offered', async () => {
    const { api, store } = setup()
    await store.undo()
    expect(api.undoDeletion).not.toHaveBeenCalled()
    expect(store.state.value.kind).toBe('idle')
  })

  it('after a reload, offers a deletion still undoable, without taking the focus', async () => {
    const { time, api, store } = setup()
    const bgNow = time.clock.now() + SKEW
    vi.mocked(api.pendingDeletion).mockResolvedValueOnce({
      pending: pendingFor({ kind: 'site', site: 'a.test' }, bgNow + 4_500),
      now: bgNow,
    })
    await store.resume()
    expect(store.state.value).toMatchObject({ kind: 'offered', left: 5, focus: false })
  })

  it('shows the failure when the background cannot be reached', async () => {
    const { api, store } = setup()
    await store.remove({ kind: 'site', site: 'a.test' })
    vi.mocked(api.undoDeletion).mockRejectedValueOnce(new Error('Could not establish connection'))
    await store.undo()
    expect(store.state.value).toMatchObject({
      kind: 'failed',
      message: 'Could not establish connection',
    })
  })
})

describe('createDeleteFlow', () => {
  it('counts first, asks, and deletes only once confirmed', async () => {
    const { api, store } = setup()
    const flow = createDeleteFlow(api, store)
    await flow.ask({ kind: 'company', name: 'Google' })
    expect(flow.state.value).toMatchObject({
      kind: 'confirm',
      summary: { sites: 1, visits: 2, findings: 3 },
    })
    expect(api.deleteData).not.toHaveBeenCalled()
    await flow.confirm()
    expect(api.deleteData).toHaveBeenCalledWith({ kind: 'company', name: 'Google' })
    expect(flow.state.value.kind).toBe('done')
    expect(store.state.value.kind).toBe('offered')
  })

  it('sends nothing when there is nothing to delete, or when cancelled', async () => {
    const { api, store } = setup()
    const flow = createDeleteFlow(api, store)
    api.previewDeletion.mockResolvedValueOnce({ sites: 0, visits: 0, findings: 0 })
    await flow.ask({ kind: 'range', from: 1, to: 2 })
    expect(flow.state.value.kind).toBe('nothing')
    await flow.confirm()
    await flow.ask({ kind: 'everything' })
    flow.cancel()
    await flow.confirm()
    expect(api.deleteData).not.toHaveBeenCalled()
    expect(flow.state.value.kind).toBe('idle')
  })

  it('shows how far a long deletion got while it runs, and stops asking once it is done', async () => {
    const { api, store } = setup()
    let tick: () => void = () => undefined
    const stop = vi.fn()
    const flow = createDeleteFlow(api, store, (run) => {
      tick = run
      return stop
    })
    let finish: () => void = () => undefined
    api.deleteData.mockImplementationOnce(
      (scope) =>
        new Promise((resolve) => {
          finish = () => resolve({ pending: pendingFor(scope, 10_000), now: 0 })
        }),
    )
    await flow.ask({ kind: 'everything' })
    const done = flow.confirm()
    expect(flow.state.value).toMatchObject({ kind: 'working', moved: null })
    api.deletionProgress.mockResolvedValueOnce({ sites: 0, visits: 0, findings: 2000 })
    tick()
    await vi.waitFor(() => expect(flow.state.value).toMatchObject({ moved: { findings: 2000 } }))
    finish()
    await done
    expect(flow.state.value.kind).toBe('done')
    expect(stop).toHaveBeenCalledOnce()
  })

  it('says what went wrong', async () => {
    const { api, store } = setup()
    const flow = createDeleteFlow(api, store)
    api.previewDeletion.mockRejectedValueOnce(new Error('The database is closed'))
    await flow.ask({ kind: 'everything' })
    expect(flow.state.value).toEqual({ kind: 'failed', message: 'The database is closed' })
  })
})
