/**
 * What a session recorder or key logger does: listeners for typing, pointer and scrolling,
 * a MutationObserver over the whole document, and posts of what it gathered.
 */
import { canvasListener } from './canvas'
import { record, sampling, text, wrapMethod } from './core'
import { rtcListener } from './webrtc'

const KINDS: Record<string, string> = {
  keydown: 'key',
  keyup: 'key',
  keypress: 'key',
  input: 'input',
  change: 'input',
  mousemove: 'mouse',
  mousedown: 'mouse',
  click: 'mouse',
  pointermove: 'mouse',
  pointerdown: 'mouse',
  scroll: 'scroll',
  touchmove: 'scroll',
  wheel: 'scroll',
}

/** Where a listener sits: the document as a whole, a form field, or something else. */
function place(target: unknown): string {
  if (target === globalThis.window || target === globalThis.document) return 'document'
  const tag = target instanceof Element ? target.localName : ''
  return tag === 'input' || tag === 'textarea' || tag === 'select' ? 'field' : tag || 'other'
}

// Not retired after sampling (see core.ts): these are not hot paths, and a recorder or key
// logger that loads late on a busy page must still be seen.
export function installListeners(): void {
  wrapMethod(
    globalThis.EventTarget?.prototype,
    'addEventListener',
    (self, a) => {
      const type = typeof a[0] === 'string' ? a[0] : ''
      const kind = Object.hasOwn(KINDS, type) ? KINDS[type] : undefined
      if (kind !== undefined && sampling(`listen.${kind}`))
        record(`listen.${kind}`, 0, `${type}@${place(self)}`)
      canvasListener(self)
      rtcListener(self, type)
    },
    false,
  )
  wrapMethod(
    globalThis.MutationObserver?.prototype,
    'observe',
    (_, a) => {
      const target = a[0]
      const options = a[1] as { subtree?: unknown } | undefined
      const whole =
        target === globalThis.document ||
        target === globalThis.document?.documentElement ||
        target === globalThis.document?.body
      if (whole && options?.subtree === true && sampling('dom.observe'))
        record('dom.observe', 0, 'document')
    },
    false,
  )
  const post = (method: unknown, url: unknown, body: unknown) => {
    if (body === undefined || body === null || !sampling('net.post')) return
    const m = typeof method === 'string' ? method.toUpperCase() : 'POST'
    record('net.post', 0, `${m} ${text(url)}`)
  }
  wrapMethod(
    globalThis,
    'fetch',
    (_, a) => {
      const init = a[1] as { method?: unknown; body?: unknown } | undefined
      post(
        init?.method,
        typeof a[0] === 'string' ? a[0] : (a[0] as URL | undefined)?.href,
        init?.body,
      )
    },
    false,
  )
  const opened = new WeakMap<object, [unknown, unknown]>()
  const XHR = globalThis.XMLHttpRequest?.prototype
  wrapMethod(
    XHR,
    'open',
    (self, a) => {
      if (typeof self === 'object' && self !== null) opened.set(self, [a[0], a[1]])
    },
    false,
  )
  wrapMethod(
    XHR,
    'send',
    (self, a) => {
      const o = typeof self === 'object' && self !== null ? opened.get(self) : undefined
      if (o !== undefined) post(o[0], String(o[1]).slice(0, 200), a[0])
    },
    false,
  )
  wrapMethod(
    globalThis.Navigator?.prototype,
    'sendBeacon',
    (_, a) => {
      post('BEACON', a[0], a[1] ?? '')
    },
    false,
  )
}
