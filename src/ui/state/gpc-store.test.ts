import { describe, expect, it } from 'vitest'
import type { GpcState } from '@/messages'
import { createGpcStore } from './gpc-store'

describe('GPC store', () => {
  it('loads, turns on, excepts a site, and reports a refused change without losing state', async () => {
    let stored: GpcState = { enabled: false, exceptions: [] }
    let refuse = false
    const store = createGpcStore({
      get: () => Promise.resolve(stored),
      set: (change) => {
        if (refuse) return Promise.reject(new Error('no'))
        const exceptions =
          change.site === undefined
            ? stored.exceptions
            : change.excepted
              ? [...stored.exceptions, change.site]
              : stored.exceptions.filter((s) => s !== change.site)
        stored = { enabled: change.enabled ?? stored.enabled, exceptions }
        return Promise.resolve(stored)
      },
    })
    expect(store.view.value).toEqual({ kind: 'loading' })
    await store.load()
    await store.setEnabled(true)
    await store.setSent('news.test', false)
    expect(store.view.value).toMatchObject({
      kind: 'ready',
      state: { enabled: true, exceptions: ['news.test'] },
      error: null,
    })
    refuse = true
    await store.setEnabled(false)
    expect(store.view.value).toMatchObject({
      state: { enabled: true, exceptions: ['news.test'] },
      busy: false,
      error: 'change',
    })
  })

  it('shows an error, not a wrong switch, when the setting cannot be read', async () => {
    const store = createGpcStore({
      get: () => Promise.reject(new Error('gone')),
      set: () => Promise.reject(new Error('gone')),
    })
    await store.load()
    expect(store.view.value).toMatchObject({
      kind: 'ready',
      error: 'read',
    })
  })
})
