/**
 * The message protocol: every message between extension contexts, declared once with its
 * response. The background's handler map is typed over MessageType, so a message without a
 * handler does not compile.
 */

import { SETTINGS, type SettingKey, type SettingValue } from '@/db/settings'

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
  /** Deletes every stored row of one site (dashboard). */
  'site.delete': { request: { site: string }; response: { ok: true } }
  /** Deletes all recorded history; settings stay (dashboard). */
  'data.deleteAll': { request: Record<never, never>; response: { ok: true } }
  /** Changes one setting; a shorter retention applies at once (dashboard). */
  'settings.set': {
    request: { [K in SettingKey]: { key: K; value: SettingValue<K> } }[SettingKey]
    response: { ok: true }
  }
}

export type MessageType = keyof MessageMap
export type Message<K extends MessageType = MessageType> = { type: K } & MessageMap[K]['request']
export type Reply<K extends MessageType> = MessageMap[K]['response']
export type AnyMessage = { [K in MessageType]: Message<K> }[MessageType]

/** Types a content script may send; everything else is for extension pages only. */
export const CONTENT_SCRIPT_TYPES: ReadonlySet<MessageType> = new Set<MessageType>([])

const isTabId = (v: unknown): v is number => Number.isInteger(v) && (v as number) >= 0

const isSite = (v: unknown): v is string => typeof v === 'string' && v.length > 0 && v.length <= 253

const validators: { [K in MessageType]: (m: Record<string, unknown>) => boolean } = {
  'tab.view': (m) => isTabId(m.tabId),
  'site.delete': (m) => isSite(m.site),
  'data.deleteAll': () => true,
  'settings.set': (m) =>
    typeof m.key === 'string' &&
    Object.hasOwn(SETTINGS, m.key) &&
    typeof m.value === typeof SETTINGS[m.key as SettingKey].default &&
    (m.key !== 'language' || /^[a-z]{0,3}$/.test(m.value as string)) &&
    (m.key !== 'retentionDays' ||
      (Number.isInteger(m.value) && (m.value as number) >= 0 && (m.value as number) <= 36500)),
}

/** Checks shape before anything else looks at a message. */
export function parseMessage(value: unknown): AnyMessage | null {
  if (typeof value !== 'object' || value === null) return null
  const m = value as Record<string, unknown>
  if (typeof m.type !== 'string' || !Object.hasOwn(validators, m.type)) return null
  return validators[m.type as MessageType](m) ? (m as unknown as AnyMessage) : null
}
