import { describe, expect, it } from 'vitest'
import { fixtureApi, sampleData } from '@/ui/dashboard/fixture'
import { createSettingsStore, hostFromInput, rangeOfDays } from './settings-store'
import { createUndoStore } from './undo-store'

describe('hostFromInput', () => {
  it.each([
    ['example.com', 'example.com'],
    ['  Example.COM. ', 'example.com'],
    ['https://www.bank.example/login?next=/', 'www.bank.example'],
    ['http://shop.test:8080/x', 'shop.test'],
    ['bücher.example', 'xn--bcher-kva.example'],
    ['[::1]', '[::1]'],
  ])('reads %j as %j', (input, host) => {
    expect(hostFromInput(input)).toBe(host)
  })

  it.each([
    '',
    'not a site',
    'localhost',
    'file:///etc/passwd',
    'javascript:alert(1)',
    '.',
    'a..b',
  ])('refuses %j', (input) => {
    expect(hostFromInput(input)).toBeNull()
  })
})

describe('rangeOfDays', () => {
  it('runs from the first day’s local midnight to the one after the last day', () => {
    expect(rangeOfDays('2024-05-01', '2024-05-03')).toEqual({
      from: new Date(2024, 4, 1).getTime(),
      to: new Date(2024, 4, 4).getTime(),
    })
    expect(rangeOfDays('2024-12-31', '2024-12-31')).toEqual({
      from: new Date(2024, 11, 31).getTime(),
      to: new Date(2025, 0, 1).getTime(),
    })
  })

  it.each([
    ['2024-05-03', '2024-05-01'],
    ['2024-02-30', '2024-03-01'],
    ['', '2024-03-01'],
    ['2024-5-1', '2024-05-02'],
  ])('refuses %s to %s', (a, b) => {
    expect(rangeOfDays(a, b)).toBeNull()
  })
})

describe('a setting changed', () => {
  const NOW = new Date(2024, 4, 10, 12).getTime()
  const make = () => {
    const { api } = fixtureApi(sampleData(NOW), NOW)
    let answer: () => void = () => undefined
    let refuse: (e: Error) => void = () => undefined
    const slow = {
      ...api,
      setSetting: () =>
        new Promise<void>((resolve, reject) => {
          answer = resolve
          refuse = reject
        }),
    }
    const store = createSettingsStore(slow, createUndoStore(slow))
    return { store, answer: () => answer(), refuse: (e: Error) => refuse(e) }
  }
  const paused = (s: ReturnType<typeof make>['store']) =>
    s.state.value.kind === 'ready' ? s.state.value.value.recordingPaused : null

  it('shows at once, before the background has answered', async () => {
    const { store, answer } = make()
    await store.load()
    const saving = store.set('recordingPaused', true)
    expect(paused(store)).toBe(true)
    expect(store.pending.value.kind).toBe('working')
    answer()
    await saving
    expect(paused(store)).toBe(true)
    expect(store.pending.value).toEqual({ kind: 'done', what: 'saved' })
  })

  it('is put back, and says so, when the background refuses', async () => {
    const { store, refuse } = make()
    await store.load()
    const saving = store.set('recordingPaused', true)
    refuse(new Error('error.noAnswer'))
    await saving
    expect(paused(store)).toBe(false)
    expect(store.pending.value).toEqual({ kind: 'failed', message: 'error.noAnswer' })
  })
})
