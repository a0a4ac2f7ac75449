/**
 * Shared machinery of the MAIN-world probes. Runs before any page script, so it keeps its own
 * references to every built-in it uses: a page that later replaces JSON.stringify,
 * Function.prototype.apply or MessagePort.prototype.postMessage changes nothing here.
 *
 * Wrappers are method-shorthand functions (not constructible, like the natives) with the
 * native's name and length, and Function.prototype.toString reports the native source for
 * them. Each call forwards `this` and arguments to the original with Reflect.apply, so results
 * and exceptions are the original's.
 */
import type { WireEvent } from '../channel'

const apply = Reflect.apply
const defineProperty = Object.defineProperty
const getDescriptor = Object.getOwnPropertyDescriptor
const stringify = JSON.stringify
const setTimer = setTimeout
const ErrorCtor = Error
const nativeToString = Function.prototype.toString
const originals = new WeakMap<object, unknown>()
const postMessage = MessagePort.prototype.postMessage
const StringCtor = String
const mathMin = Math.min

/** Events kept per page before anything is sent; the rest are dropped (bounded work). */
const MAX_EVENTS = 1500
/** Stack traces taken per API: after that a call only bumps a counter (stack traces cost µs). */
const SAMPLES_PER_API = 150
const FLUSH_MS = 200
/** Calls a wrapper watches before it puts the original back (most are sampled 150 times). */
const CALLS_PER_WRAPPER = 300

let port: MessagePort | null = null
let queue: WireEvent[] = []
let sent = 0
let timer = false
// Null-prototype record rather than a Map: a page may later patch Map.prototype.
const samples: Record<string, number> = Object.create(null) as Record<string, number>

export function connect(p: MessagePort): void {
  port = p
  if (queue.length > 0) schedule()
}

function flush(): void {
  timer = false
  if (port === null || queue.length === 0) return
  const batch = queue
  queue = []
  try {
    apply(postMessage, port, [stringify(batch)])
  } catch {
    // Port closed (bridge gone with the extension): nothing to do.
  }
}

function schedule(): void {
  if (timer) return
  timer = true
  setTimer(flush, FLUSH_MS)
}

const OWN_FRAME = /(?:chrome|moz)-extension:\/\//

/** URL of the first stack frame outside the extension: the script that called the API.
 * V8 writes `at fn (url:line:col)`, SpiderMonkey `fn@url:line:col`. */
export function callerScript(): string {
  const saved = getDescriptor(ErrorCtor, 'prepareStackTrace')
  // A page's Error.prepareStackTrace would otherwise rewrite the trace we read.
  if (saved !== undefined)
    defineProperty(ErrorCtor, 'prepareStackTrace', {
      value: undefined,
      configurable: true,
      writable: true,
    })
  const stack = StringCtor(new ErrorCtor().stack ?? '')
  if (saved !== undefined) defineProperty(ErrorCtor, 'prepareStackTrace', saved)
  const lines = stack.split('\n')
  for (const line of lines) {
    const m = /((?:https?|file|blob):[^\s)]+?)(?::\d+){1,2}\)?\s*$/.exec(line)
    if (m?.[1] !== undefined && !OWN_FRAME.test(line)) return m[1].slice(0, 500)
  }
  return ''
}

/** Records one call if this API still has samples left; cheap otherwise. */
export function record(api: string, canvas: number, detail: string | number): void {
  const left = samples[api] ?? SAMPLES_PER_API
  if (left <= 0 || sent >= MAX_EVENTS) return
  samples[api] = left - 1
  sent++
  const d = typeof detail === 'string' ? detail.slice(0, 200) : detail
  queue[queue.length] = [api, callerScript(), canvas, d]
  schedule()
}

/** Consent events kept per page: a CMP fires a handful; a page replaying events gets no more. */
const MAX_CONSENT_EVENTS = 40
let consentSent = 0

/** Records one consent-API event (./consent.ts). Not sampled like the wrappers: every banner
 * event counts, so it has its own small cap; no stack trace (the caller is the CMP calling us
 * back). The detail is bounded by the caller and checked again in the bridge. */
export function recordConsent(api: string, detail: string): void {
  if (consentSent >= MAX_CONSENT_EVENTS) return
  consentSent++
  queue[queue.length] = [api, '', 0, detail]
  schedule()
}

/** True while `api` is still sampled, so callers skip computing details once it is not. */
export const sampling = (api: string) => (samples[api] ?? SAMPLES_PER_API) > 0 && sent < MAX_EVENTS

function disguise(wrapper: object, original: object): void {
  originals.set(wrapper, original)
}

/** Function.prototype.toString answers for a wrapper as for its original. */
export function hideWrappers(): void {
  const toString = {
    toString(this: unknown) {
      const target = (typeof this === 'function' && originals.get(this)) || this
      return apply(nativeToString, target, [])
    },
  }.toString
  disguise(toString, nativeToString)
  defineProperty(toString, 'length', { value: 0 })
  defineProperty(Function.prototype, 'toString', {
    ...getDescriptor(Function.prototype, 'toString'),
    value: toString,
  })
}

/** Replaces method `name` of `proto` with a recording wrapper. */
export function wrapMethod(
  proto: object | undefined,
  name: string,
  before: (self: unknown, args: unknown[]) => void,
  retire = true,
): void {
  const desc = proto === undefined ? undefined : getDescriptor(proto, name)
  const original = desc?.value as ((...a: unknown[]) => unknown) | undefined
  if (proto === undefined || desc === undefined || typeof original !== 'function') return
  let calls = 0
  const wrapper = {
    [name](this: unknown, ...args: unknown[]) {
      if (calls < CALLS_PER_WRAPPER && sent < MAX_EVENTS) {
        calls++
        try {
          before(this, args)
        } catch {
          // Our bookkeeping must never change what the page sees.
        }
      } else if (retire) {
        // Done sampling: put the original back so later calls cost nothing.
        if (getDescriptor(proto, name)?.value === wrapper) defineProperty(proto, name, desc)
      }
      return apply(original, this, args)
    },
  }[name] as object
  defineProperty(wrapper, 'length', { value: original.length })
  disguise(wrapper, original)
  defineProperty(proto, name, { ...desc, value: wrapper })
}

/** Wraps the getter (and optionally the setter) of accessor `name` on `proto`; like
 * wrapMethod, puts the original accessor back once done sampling. */
export function wrapAccessor(
  proto: object | undefined,
  name: string,
  onGet: ((self: unknown) => void) | null,
  onSet: ((self: unknown, value: unknown) => void) | null,
): void {
  const desc = proto === undefined ? undefined : getDescriptor(proto, name)
  if (proto === undefined || desc === undefined) return
  const { get, set } = desc
  if (get === undefined && set === undefined) return
  const next: PropertyDescriptor = { ...desc }
  let calls = 0
  /** True while still sampling; otherwise restores the original accessor. */
  const live = (): boolean => {
    if (calls < CALLS_PER_WRAPPER && sent < MAX_EVENTS) {
      calls++
      return true
    }
    const current = getDescriptor(proto, name)
    if (current?.get === next.get && current?.set === next.set) defineProperty(proto, name, desc)
    return false
  }
  if (onGet !== null && get !== undefined) {
    const g = getDescriptor(
      {
        get [name]() {
          try {
            if (live()) onGet(this)
          } catch {
            // see wrapMethod
          }
          return apply(get, this, [])
        },
      },
      name,
    )?.get as object
    disguise(g, get)
    next.get = g as () => unknown
  }
  if (onSet !== null && set !== undefined) {
    const s = getDescriptor(
      {
        set [name](value: unknown) {
          try {
            if (live()) onSet(this, value)
          } catch {
            // see wrapMethod
          }
          apply(set, this, [value])
        },
      },
      name,
    )?.set as object
    disguise(s, set)
    next.set = s as (v: unknown) => void
  }
  defineProperty(proto, name, next)
}

/** Short text of an untrusted argument without running page code (no toString calls). */
export function text(value: unknown): string {
  return typeof value === 'string'
    ? value.slice(0, 200)
    : typeof value === 'number'
      ? StringCtor(value)
      : ''
}

export const size = (w: unknown, h: unknown) =>
  `${mathMin(Number(w) | 0, 1e5)}x${mathMin(Number(h) | 0, 1e5)}`
