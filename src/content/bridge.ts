/**
 * Isolated-world bridge, run at document_start in every frame. Receives probe events over the
 * private port (./channel.ts), checks them, rate-limits and batches them to the background.
 * Also keeps digests (never values) of what is typed into form fields, so the background can
 * spot them in requests sent before the form is submitted.
 *
 * Limits of the channel, honestly: the handshake relies on running before page scripts. Both
 * scripts are declared for document_start, which browsers honour for documents they load; an
 * about:blank frame that its parent scripts synchronously may run page code first, and a page
 * could then hand the probes a port of its own (it would only read its own calls). A page can
 * always make the probes report calls it makes itself, with any script URL in its stack:
 * findings are therefore kept to the sender's own tab and frame, and the script named is
 * what the page's stack said.
 */
import { MAX_WIRE_BYTES, PORT_EVENT, READY_EVENT } from './channel'
import { needlesOf } from './hash'
import { MAX_EVENTS_PER_MESSAGE, parseProbeEvent, type ProbeEvent } from '@/detect/probe-events'
import { extensionAlive, sendFromContent } from '@/platform/content-runtime'

/** Events per frame in total, and per second: a page spamming its own probes is cut off. */
const MAX_PER_FRAME = 3000
const MAX_PER_SECOND = 600
const SEND_MS = 300

const controller = new AbortController()
const { signal } = controller
const pending: ProbeEvent[] = []
let accepted = 0
let windowStart = 0
let inWindow = 0
let sendTimer: ReturnType<typeof setTimeout> | undefined

function stop(): void {
  controller.abort()
  if (sendTimer !== undefined) clearTimeout(sendTimer)
}

function send(): void {
  sendTimer = undefined
  if (!extensionAlive()) return stop()
  while (pending.length > 0) {
    const events = pending.splice(0, MAX_EVENTS_PER_MESSAGE)
    sendFromContent({ type: 'probe.events', events }).catch(() => undefined)
  }
}

function receive(data: unknown): void {
  if (typeof data !== 'string' || data.length > MAX_WIRE_BYTES) return
  const now = Date.now()
  if (now - windowStart > 1000) {
    windowStart = now
    inWindow = 0
  }
  let parsed: unknown
  try {
    parsed = JSON.parse(data)
  } catch {
    return
  }
  if (!Array.isArray(parsed)) return
  for (const item of parsed.slice(0, MAX_EVENTS_PER_MESSAGE)) {
    if (accepted >= MAX_PER_FRAME || inWindow >= MAX_PER_SECOND) break
    const event = parseProbeEvent(item)
    if (event === null) continue
    accepted++
    inWindow++
    pending.push(event)
  }
  if (pending.length > 0 && sendTimer === undefined) sendTimer = setTimeout(send, SEND_MS)
}

const channel = new MessageChannel()
channel.port1.onmessage = (event) => receive(event.data)

/** Offers the port in a synchronous, cancelable event; the probes cancel it when they take
 * it, so we know at once that the port is theirs and stop offering (a page dispatching
 * READY later gets nothing). */
function offer(): boolean {
  const event = new MessageEvent(PORT_EVENT, { ports: [channel.port2], cancelable: true })
  return !document.dispatchEvent(event)
}
const onReady = () => {
  if (offer()) document.removeEventListener(READY_EVENT, onReady)
}
if (!offer()) {
  document.addEventListener(READY_EVENT, onReady, { signal })
  // Probes that have not appeared by then never will (MAIN world unsupported here).
  document.addEventListener(
    'DOMContentLoaded',
    () => document.removeEventListener(READY_EVENT, onReady),
    { once: true, signal },
  )
}

// Typed values: digests only, per field, the latest few, sent after a pause in typing.
const MIN_LENGTH = 5
const MAX_LENGTH = 256
let typingTimer: ReturnType<typeof setTimeout> | undefined
const latest = new Map<Element, string>()

function readable(el: EventTarget | null): el is HTMLInputElement | HTMLTextAreaElement {
  if (el instanceof HTMLTextAreaElement) return true
  if (!(el instanceof HTMLInputElement)) return false
  // Password fields are never read; nor are hidden or non-text inputs.
  return ['text', 'email', 'search', 'tel', 'url', ''].includes(el.type)
}

async function shareTyped(): Promise<void> {
  typingTimer = undefined
  const values = [...latest.values()]
  latest.clear()
  const needles: string[] = []
  for (const value of values) needles.push(...(await needlesOf(value)))
  if (needles.length > 0 && extensionAlive())
    await sendFromContent({ type: 'probe.input', needles: needles.slice(0, 60), submitted: false })
}

document.addEventListener(
  'input',
  (event) => {
    const el = event.target
    if (!readable(el) || crypto.subtle === undefined) return
    const value = el.value
    if (value.length < MIN_LENGTH || value.length > MAX_LENGTH) return
    latest.set(el, value)
    if (typingTimer === undefined)
      typingTimer = setTimeout(() => void shareTyped().catch(() => undefined), 150)
  },
  { capture: true, signal },
)
// Tells the background, once, that someone is typing in this tab: it then keeps the digests
// of third-party requests for a short while, since a script may send a keystroke before our
// digests of it arrive.
let announced = false
document.addEventListener(
  'focusin',
  (event) => {
    if (announced || !readable(event.target) || !extensionAlive()) return
    announced = true
    sendFromContent({ type: 'probe.input', needles: [], submitted: false }).catch(() => undefined)
  },
  { capture: true, signal },
)
document.addEventListener(
  'submit',
  () => {
    latest.clear()
    if (extensionAlive())
      sendFromContent({ type: 'probe.input', needles: [], submitted: true }).catch(() => undefined)
  },
  { capture: true, signal },
)
