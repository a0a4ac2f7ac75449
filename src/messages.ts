import { MAX_EVENTS_PER_MESSAGE, parseProbeEvent, type ProbeEvent } from '@/detect/probe-events'

/**
 * The message protocol: every message between extension contexts, declared once with its
 * response. The background's handler map is typed over MessageType, so a message without a
 * handler does not compile.
 */

/** What the popup needs to find the current visit of a tab. */
export interface TabView {
  visitId: number
  site: string
  url: string
  startedAt: number
}

export interface MessageMap {
  /** Flushes pending observations and returns the tab's current visit (null: none). */
  'tab.view': {
    request: { tabId: number }
    response: { visit: TabView | null; storageError: string | null }
  }
  /** Content script (bridge): calls seen by the MAIN-world probes of the sender's frame. */
  'probe.events': {
    request: { events: ProbeEvent[] }
    response: { accepted: number }
  }
  /** Content script (bridge): digests of values typed in the sender's tab (never the values),
   * or `submitted` when a form was sent and its values may now leave legitimately. */
  'probe.input': {
    request: { needles: string[]; submitted: boolean }
    response: { accepted: number }
  }
}

export type MessageType = keyof MessageMap
export type Message<K extends MessageType = MessageType> = { type: K } & MessageMap[K]['request']
export type Reply<K extends MessageType> = MessageMap[K]['response']
export type AnyMessage = { [K in MessageType]: Message<K> }[MessageType]

/** Types a content script may send; everything else is for extension pages only. */
export const CONTENT_SCRIPT_TYPES: ReadonlySet<MessageType> = new Set<MessageType>([
  'probe.events',
  'probe.input',
])

const isTabId = (v: unknown): v is number => Number.isInteger(v) && (v as number) >= 0

const validators: { [K in MessageType]: (m: Record<string, unknown>) => boolean } = {
  'tab.view': (m) => isTabId(m.tabId),
  'probe.events': (m) => {
    if (!Array.isArray(m.events) || m.events.length > MAX_EVENTS_PER_MESSAGE) return false
    // Rebuilt from checked fields only: no extra properties travel further.
    const events: ProbeEvent[] = []
    for (const e of m.events as unknown[]) {
      const o = e as Partial<ProbeEvent> | null
      const parsed =
        typeof o === 'object' && o !== null
          ? parseProbeEvent([o.api, o.script, o.canvas, o.detail])
          : null
      if (parsed === null) return false
      events.push(parsed)
    }
    m.events = events
    return true
  },
  'probe.input': (m) =>
    typeof m.submitted === 'boolean' &&
    Array.isArray(m.needles) &&
    m.needles.length <= 60 &&
    m.needles.every(
      (n) => typeof n === 'string' && /^(?:[0-9a-f]{32}|[0-9a-f]{40}|[0-9a-f]{64})$/.test(n),
    ),
}

/** Checks shape before anything else looks at a message. */
export function parseMessage(value: unknown): AnyMessage | null {
  if (typeof value !== 'object' || value === null) return null
  const m = value as Record<string, unknown>
  if (typeof m.type !== 'string' || !Object.hasOwn(validators, m.type)) return null
  return validators[m.type as MessageType](m) ? (m as unknown as AnyMessage) : null
}
