/**
 * Listens to the page's own consent-management platform (CMP) through the standard APIs it
 * publishes, so the background knows when the cookie banner was shown and answered:
 * - `__tcfapi('addEventListener', 2, cb)`: IAB Europe TCF v2.2, "CMP API v2", events
 *   tcloaded / cmpuishown / useractioncomplete, each with the current TC string.
 * - `__gpp('addEventListener', cb)`: IAB Tech Lab GPP 1.1 CMP API, events cmpDisplayStatus
 *   (visible / hidden) and signalStatus, with pingData.gppString.
 * - `__uspapi('getUSPData', 1, cb)`: IAB CCPA "USP API", the US Privacy string.
 * Only read-only calls: nothing here changes the person's choice, and nothing clicks.
 * No call goes through the IAB locator frames (`__tcfapiLocator` …, postMessage): the window
 * that holds one also holds the function itself, and this script runs there too; a message a
 * frame's own scripts never sent would only give the extension away (README, "Tracking before
 * consent"; e2e fixture cmp.test/locator.html).
 *
 * Lazy and cheap: CMPs define these functions whenever their stub runs, so we look for them
 * at install, when the document becomes interactive and complete, and on a short backoff up to ~30 s; a look is three
 * property reads. No property traps (defineProperty on window) that a CMP stub could trip
 * over. A page without a CMP API costs those reads and nothing else.
 */
import { CMP_BANNERS, CMP_GLOBALS } from '@/data/cmps'
import { recordConsent } from './core'

const setTimer = setTimeout
const now = Date.now
const addListener = EventTarget.prototype.addEventListener
const apply = Reflect.apply
const querySelector = Document.prototype.querySelector
const getClientRects = Element.prototype.getClientRects
/** Longest consent string forwarded (background limit: MAX_CONSENT_DETAIL in probe-events). */
const MAX_STRING = 4000
const BACKOFF_MS = [250, 1000, 2500, 5000, 10_000, 20_000, 30_000]
const TCF_EVENTS = new Set(['tcloaded', 'cmpuishown', 'useractioncomplete'])
const GPP_EVENTS = new Set(['cmpDisplayStatus', 'signalStatus'])

type Api = (...args: unknown[]) => unknown

/** Own-property read only: never runs a page getter on window or on CMP data. */
function own(object: unknown, key: string): unknown {
  if (typeof object !== 'object' || object === null) return undefined
  const desc = Object.getOwnPropertyDescriptor(object, key)
  return desc !== undefined && 'value' in desc ? desc.value : undefined
}

const bounded = (value: unknown) =>
  typeof value === 'string' && value.length <= MAX_STRING && /^[\w.~-]*$/.test(value) ? value : ''

/** Wire detail: `<page time> <event> <string>`; the string may be empty. */
const detail = (event: string, text: string) => `${now()} ${event} ${text}`.trimEnd()

export function installConsent(): void {
  const done = { tcf: false, gpp: false, usp: false, cmp: false, banner: false }

  const look = () => {
    // Which consent platform runs the banner, by the object its script puts on window: one
    // own-property check per known name, and only until one is found.
    if (!done.cmp) {
      for (const name of CMP_GLOBALS.keys()) {
        if (own(window, name) === undefined) continue
        done.cmp = true
        recordConsent('consent.cmp', detail('global', name))
        break
      }
    }
    // When a known platform's banner is on screen: its element exists and is laid out (a
    // hidden banner has no boxes). About twenty selector queries, at the same few moments.
    if (!done.banner && document.body !== null) {
      for (const [slug, selector] of CMP_BANNERS) {
        const element = apply(querySelector, document, [selector]) as Element | null
        if (element === null) continue
        if ((apply(getClientRects, element, []) as DOMRectList).length === 0) continue
        done.banner = true
        recordConsent('consent.cmp', detail('banner', slug))
        break
      }
    }
    if (!done.tcf) {
      const tcf = own(window, '__tcfapi')
      if (typeof tcf === 'function') {
        done.tcf = true
        apply(tcf as Api, window, [
          'addEventListener',
          2,
          (data: unknown, success: unknown) => {
            const status = own(data, 'eventStatus')
            if (success !== true || typeof status !== 'string' || !TCF_EVENTS.has(status)) return
            recordConsent('consent.tcf', detail(status, bounded(own(data, 'tcString'))))
          },
        ])
      }
    }
    if (!done.gpp) {
      const gpp = own(window, '__gpp')
      if (typeof gpp === 'function') {
        done.gpp = true
        apply(gpp as Api, window, [
          'addEventListener',
          (event: unknown, success: unknown) => {
            let name = own(event, 'eventName')
            let data = own(event, 'data')
            // A listener added while the banner is already up learns it from pingData only.
            if (name === 'listenerRegistered') {
              name = 'cmpDisplayStatus'
              data = own(own(event, 'pingData'), 'cmpDisplayStatus')
            }
            if (success !== true || typeof name !== 'string' || !GPP_EVENTS.has(name)) return
            if (typeof data !== 'string' || !/^[a-z ]{1,20}$/.test(data)) return
            const text = bounded(own(own(event, 'pingData'), 'gppString'))
            recordConsent('consent.gpp', detail(`${name}:${data.replace(' ', '_')}`, text))
          },
        ])
      }
    }
    if (!done.usp) {
      const usp = own(window, '__uspapi')
      if (typeof usp === 'function') {
        done.usp = true
        apply(usp as Api, window, [
          'getUSPData',
          1,
          (data: unknown, success: unknown) => {
            const text = own(data, 'uspString')
            if (success === true && typeof text === 'string' && /^1[YN-]{3}$/i.test(text))
              recordConsent('consent.usp', detail('getUSPData', text))
          },
        ])
      }
    }
  }
  const safeLook = () => {
    try {
      look()
    } catch {
      // A CMP that throws on our call is left alone; the page sees nothing.
    }
  }
  safeLook()
  // readyState 'interactive' and 'complete': the moments of DOMContentLoaded and load, where
  // CMPs loaded by the page's own scripts have usually defined their API.
  apply(addListener, document, ['readystatechange', safeLook])
  for (const ms of BACKOFF_MS)
    setTimer(() => {
      if (!(done.tcf && done.gpp && done.usp && done.cmp && done.banner)) safeLook()
    }, ms)
}
