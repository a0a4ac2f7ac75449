// @vitest-environment happy-dom
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { parseConsentEvent, type ConsentApi } from '@/detect/probe-events'

const recorded: [string, string][] = []
vi.mock('./core', () => ({
  recordConsent: (api: string, detail: string) => recorded.push([api, detail]),
}))
// The probe keeps setTimeout and Date.now from load time (a page may replace them later), so
// the fake clock goes in before it is loaded, and stays.
vi.useFakeTimers()
const { installConsent } = await import('./consent')

const TC = 'CQuf10AQuf10AEsABBENCWFgAP_gAAAAAAYgABuAAAAA.IAAA.YAAAAAAAAAAA'
type Callback = (data: unknown, success: unknown) => void
const w = window as unknown as Record<string, unknown>

beforeEach(() => {
  vi.clearAllTimers()
  recorded.length = 0
})
afterEach(() => {
  for (const name of ['__tcfapi', '__gpp', '__uspapi']) delete w[name]
})

/** Every recorded event passes the background's own check. */
const checked = () =>
  recorded.map(([api, detail]) => parseConsentEvent(api as ConsentApi, detail)?.event ?? null)

describe('consent probe (MAIN world)', () => {
  it('finds a CMP defined later, listens read-only, and forwards its events', async () => {
    installConsent()
    const commands: string[] = []
    let listener: Callback = () => undefined
    w.__tcfapi = (command: string, _version: number, cb: Callback) => {
      commands.push(command)
      listener = cb
    }
    await vi.advanceTimersByTimeAsync(300)
    expect(commands).toEqual(['addEventListener'])
    listener({ eventStatus: 'cmpuishown', tcString: '' }, true)
    listener({ eventStatus: 'useractioncomplete', tcString: TC }, true)
    listener({ eventStatus: 'useractioncomplete', tcString: TC }, false) // failed call
    listener({ eventStatus: 'somethingelse', tcString: TC }, true)
    listener({ eventStatus: 'tcloaded', tcString: `${TC}<script>` }, true) // string dropped
    expect(checked()).toEqual(['cmpuishown', 'useractioncomplete', 'tcloaded'])
    expect(recorded[1]?.[1]).toMatch(new RegExp(`^\\d+ useractioncomplete ${TC}$`))
    expect(recorded[2]?.[1]).toMatch(/^\d+ tcloaded$/)
    await vi.advanceTimersByTimeAsync(60_000)
    expect(commands).toEqual(['addEventListener']) // never registered twice
  })

  it('reads GPP display status (also from listenerRegistered) and the USP string', async () => {
    let gpp: Callback = () => undefined
    w.__gpp = (command: string, cb: Callback) => {
      if (command === 'addEventListener') gpp = cb
    }
    w.__uspapi = (command: string, _v: number, cb: Callback) => {
      if (command === 'getUSPData') cb({ version: 1, uspString: '1YNN' }, true)
    }
    installConsent()
    gpp(
      { eventName: 'listenerRegistered', data: true, pingData: { cmpDisplayStatus: 'visible' } },
      true,
    )
    gpp(
      {
        eventName: 'cmpDisplayStatus',
        data: 'hidden',
        pingData: { gppString: 'DBABLA~CFQVAAAAAABA.QA' },
      },
      true,
    )
    gpp({ eventName: 'signalStatus', data: 'not ready', pingData: {} }, true)
    gpp({ eventName: 'sectionChange', data: 'usnat', pingData: {} }, true)
    expect(checked()).toEqual([
      'getUSPData',
      'cmpDisplayStatus:visible',
      'cmpDisplayStatus:hidden',
      'signalStatus:not_ready',
    ])
  })

  it('runs no page code: no getters on window or on the data, no toString', async () => {
    let touched = ''
    Object.defineProperty(window, '__tcfapi', {
      configurable: true,
      get() {
        touched = 'window getter'
        return () => undefined
      },
    })
    let gpp: Callback = () => undefined
    w.__gpp = (_c: string, cb: Callback) => (gpp = cb)
    installConsent()
    gpp(
      {
        eventName: 'cmpDisplayStatus',
        data: { toString: () => ((touched = 'toString'), 'visible') },
        get pingData() {
          touched = 'data getter'
          return {}
        },
      },
      true,
    )
    gpp(
      {
        eventName: 'cmpDisplayStatus',
        data: 'visible',
        get pingData() {
          touched = 'getter'
          return {}
        },
      },
      true,
    )
    await vi.advanceTimersByTimeAsync(60_000)
    expect(touched).toBe('')
    expect(checked()).toEqual(['cmpDisplayStatus:visible'])
  })

  it('leaves a CMP that throws alone', () => {
    w.__tcfapi = () => {
      throw new Error('boom')
    }
    expect(() => installConsent()).not.toThrow()
    expect(recorded).toEqual([])
  })
})
