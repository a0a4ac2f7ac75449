/**
 * The message protocol: every message between extension contexts, declared once with its
 * response. The background's handler map is typed over MessageType, so a message without a
 * handler does not compile.
 */

import { REQUEST_VALIDATORS, type RequestMessageMap } from './requests/messages'

/** What the popup needs to find the current visit of a tab. */
export interface TabView {
  visitId: number
  site: string
  url: string
  startedAt: number
}

export interface MessageMap extends RequestMessageMap {
  /** Flushes pending observations and returns the tab's current visit (null: none). */
  'tab.view': {
    request: { tabId: number }
    response: { visit: TabView | null; storageError: string | null }
  }
}

export type MessageType = keyof MessageMap
export type Message<K extends MessageType = MessageType> = { type: K } & MessageMap[K]['request']
export type Reply<K extends MessageType> = MessageMap[K]['response']
export type AnyMessage = { [K in MessageType]: Message<K> }[MessageType]

/** Types a content script may send; everything else is for extension pages only. */
export const CONTENT_SCRIPT_TYPES: ReadonlySet<MessageType> = new Set<MessageType>([])

const isTabId = (v: unknown): v is number => Number.isInteger(v) && (v as number) >= 0

const validators: { [K in MessageType]: (m: Record<string, unknown>) => boolean } = {
  'tab.view': (m) => isTabId(m.tabId),
  ...REQUEST_VALIDATORS,
}

/** Checks shape before anything else looks at a message. */
export function parseMessage(value: unknown): AnyMessage | null {
  if (typeof value !== 'object' || value === null) return null
  const m = value as Record<string, unknown>
  if (typeof m.type !== 'string' || !Object.hasOwn(validators, m.type)) return null
  return validators[m.type as MessageType](m) ? (m as unknown as AnyMessage) : null
}
