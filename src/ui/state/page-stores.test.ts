import { describe, expect, it } from 'vitest'
import { fixtureApi, sampleData } from '@/ui/dashboard/fixture'
import type { DashboardApi } from './dashboard-api'
import { createCompanyStore } from './company-store'
import { createSiteStore } from './site-store'

const NOW = new Date(2024, 4, 10, 12, 0).getTime()

/** The fixture API with one read held back until `release` is called. */
function held<K extends keyof DashboardApi>(key: K) {
  const { api } = fixtureApi(sampleData(NOW), NOW)
  const waiting: (() => void)[] = []
  const read = api[key] as (...args: unknown[]) => Promise<unknown>
  const slow = {
    ...api,
    [key]: (...args: unknown[]) =>
      new Promise((resolve) => waiting.push(() => resolve(read(...args)))),
  } as DashboardApi
  return { api: slow, release: (i: number) => waiting[i]?.() }
}

describe('a page never shows the company or site it showed before', () => {
  it('company page: loading until the new company is read, and a late answer is dropped', async () => {
    const { api, release } = held('companyParties')
    const store = createCompanyStore(api)
    const facebook = store.load('Facebook')
    release(0)
    await facebook
    const shown = store.stateOf('Facebook')
    expect(shown.kind === 'ready' && shown.value?.name).toBe('Facebook')
    // The page renders for Google before its effect asks for Google's rows.
    expect(store.stateOf('Google')).toEqual({ kind: 'loading' })

    // Asked for Facebook, then Google; Facebook's answer comes last.
    const first = store.load('Facebook')
    const second = store.load('Google')
    release(2)
    await second
    release(1)
    await first
    const google = store.stateOf('Google')
    expect(google.kind === 'ready' && google.value?.name).toBe('Google')
    expect(store.stateOf('Facebook')).toEqual({ kind: 'loading' })
  })

  it('site page: loading while another site is held', async () => {
    const { api } = fixtureApi(sampleData(NOW), NOW)
    const store = createSiteStore(api)
    await store.load('news.test')
    const news = store.stateOf('news.test')
    expect(news.kind === 'ready' && news.site.site).toBe('news.test')
    expect(store.stateOf('shop.test')).toEqual({ kind: 'loading' })
    await store.load('nowhere.test')
    expect(store.stateOf('nowhere.test')).toEqual({ kind: 'unknown', site: 'nowhere.test' })
    expect(store.stateOf('news.test')).toEqual({ kind: 'loading' })
  })
})
