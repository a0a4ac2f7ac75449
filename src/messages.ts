import { MAX_EVENTS_PER_MESSAGE, parseProbeEvent, type ProbeEvent } from '@/detect/probe-events'

/**
 * The message protocol: every message between extension contexts, declared once with its
 * response. The background's handler map is typed over MessageType, so a message without a
 * handler does not compile.
 */

import type { ImportResult } from '@/evidence/import'
import { MAX_IMPORT_CHARS } from '@/evidence/import-limit'
import type { DeleteSummary } from '@/db/schema'
import { SETTINGS, type SettingKey, type SettingValue } from '@/db/settings'
import { REQUEST_VALIDATORS, type RequestMessageMap } from './requests/messages'

/** What the popup needs to find the current visit of a tab. */
export interface TabView {
  visitId: number
  site: string
  url: string
  startedAt: number
}

/** Global Privacy Control: on or off, and the sites it is not sent to. */
export interface GpcState {
  enabled: boolean
  exceptions: string[]
}

export type GpcChange = { enabled?: boolean; site?: string; excepted?: boolean }

/** Most excepted sites kept; the list lives in one settings row. */
const MAX_GPC_EXCEPTIONS = 500

/** The state after a change: shared by the background (which stores it) and the popup (which
 * shows it at once, before the background answers). */
export function nextGpcState(state: GpcState, change: GpcChange): GpcState {
  let exceptions = state.exceptions
  if (change.site !== undefined && change.excepted !== undefined) {
    exceptions = exceptions.filter((s) => s !== change.site)
    if (change.excepted) exceptions = [...exceptions, change.site].slice(-MAX_GPC_EXCEPTIONS)
  }
  return { enabled: change.enabled ?? state.enabled, exceptions }
}

/** What the person asks to delete; the background works out the rows (for a company, the
 * domains to look at). */
export type DeleteRequest =
  | { kind: 'site'; site: string }
  | { kind: 'company'; name: string }
  /** Visits that started in [from, to), ms since the epoch. */
  | { kind: 'range'; from: number; to: number }
  | { kind: 'everything' }

/** A deletion that can still be undone, until `deadline`. */
export interface PendingDeletion {
  id: number
  scope: DeleteRequest
  summary: DeleteSummary
  deadline: number
}

/** Whether what happens on a tab's site is stored: yes, not while paused, or never (excluded). */
export type Recording = 'on' | 'paused' | 'excluded'

export interface MessageMap extends RequestMessageMap {
  /** Flushes pending observations and returns the tab's current visit (null: none). */
  'tab.view': {
    request: { tabId: number }
    response: { visit: TabView | null; storageError: string | null; recording: Recording }
  }
  'gpc.get': { request: object; response: GpcState }
  /** Turns GPC on or off, or excepts a site from it (or stops excepting it). */
  'gpc.set': {
    request: GpcChange
    response: GpcState
  }
  /** Verifies an evidence file's JSON text and adds what this browser lacks; on any problem
   * nothing is written. Extension pages only. */
  'evidence.import': { request: { text: string }; response: ImportResult }
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
  /** How much a deletion would remove, for its confirmation (dashboard). */
  'data.preview': { request: { scope: DeleteRequest }; response: DeleteSummary }
  /** Deletes a site's, a company's, a date range's or all recorded history; settings stay.
   * Undoable until the answer's deadline (dashboard, popup). */
  'data.delete': {
    request: { scope: DeleteRequest }
    response: { pending: PendingDeletion; now: number }
  }
  /** Puts a deletion back, if its deadline has not passed. */
  'data.undo': {
    request: { id: number }
    response: { result: 'restored' | 'expired' | 'unknown' }
  }
  /** The deletion that can still be undone, if any, and the background's clock. */
  'data.pending': { request: object; response: { pending: PendingDeletion | null; now: number } }
  /** Stops (or resumes) recording a site: `site` may be any host of it; the answer names the
   * site as stored and the whole list. */
  'exclusions.set': {
    request: { site: string; excluded: boolean }
    response: { site: string; excluded: string[] }
  }
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
export const CONTENT_SCRIPT_TYPES: ReadonlySet<MessageType> = new Set<MessageType>([
  'probe.events',
  'probe.input',
])

/** A registrable domain as the extension writes it: lower-case host characters, bounded. */
const isSite = (v: unknown): v is string =>
  typeof v === 'string' && v.length <= 253 && /^[a-z0-9.-]+$|^\[?[0-9a-f:.]+\]?$/.test(v)

const isTabId = (v: unknown): v is number => Number.isInteger(v) && (v as number) >= 0

/** Dates a range deletion accepts: from 2000 to 2200, in ms since the epoch. */
const isTime = (v: unknown): v is number =>
  Number.isSafeInteger(v) && (v as number) >= 946_684_800_000 && (v as number) <= 7_258_118_400_000

function isDeleteRequest(v: unknown): v is DeleteRequest {
  if (typeof v !== 'object' || v === null) return false
  const r = v as Record<string, unknown>
  switch (r.kind) {
    case 'site':
      return isSite(r.site)
    case 'company':
      return typeof r.name === 'string' && r.name.trim() !== '' && r.name.length <= 200
    case 'range':
      return isTime(r.from) && isTime(r.to) && r.from < r.to
    case 'everything':
      return true
    default:
      return false
  }
}

const validators: { [K in MessageType]: (m: Record<string, unknown>) => boolean } = {
  'tab.view': (m) => isTabId(m.tabId),
  'gpc.get': () => true,
  'gpc.set': (m) =>
    (m.enabled === undefined || typeof m.enabled === 'boolean') &&
    (m.site === undefined
      ? m.excepted === undefined
      : isSite(m.site) && typeof m.excepted === 'boolean') &&
    (m.excepted === undefined || typeof m.excepted === 'boolean'),
  'evidence.import': (m) => typeof m.text === 'string' && m.text.length <= MAX_IMPORT_CHARS,
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
  'data.preview': (m) => isDeleteRequest(m.scope),
  'data.delete': (m) => isDeleteRequest(m.scope),
  'data.undo': (m) => Number.isSafeInteger(m.id) && (m.id as number) > 0,
  'data.pending': () => true,
  'exclusions.set': (m) => isSite(m.site) && typeof m.excluded === 'boolean',
  'settings.set': (m) =>
    typeof m.key === 'string' &&
    Object.hasOwn(SETTINGS, m.key) &&
    typeof m.value === typeof SETTINGS[m.key as SettingKey].default &&
    // Lists of sites (GPC exceptions, excluded sites): an array of site names, bounded.
    (!Array.isArray(SETTINGS[m.key as SettingKey].default) ||
      (Array.isArray(m.value) && m.value.length <= 1000 && m.value.every(isSite))) &&
    (m.key !== 'language' || /^[a-z]{0,3}$/.test(m.value as string)) &&
    (m.key !== 'retentionDays' ||
      (Number.isInteger(m.value) && (m.value as number) >= 0 && (m.value as number) <= 36500)),
  ...REQUEST_VALIDATORS,
}

/** Checks shape before anything else looks at a message. */
export function parseMessage(value: unknown): AnyMessage | null {
  if (typeof value !== 'object' || value === null) return null
  const m = value as Record<string, unknown>
  if (typeof m.type !== 'string' || !Object.hasOwn(validators, m.type)) return null
  return validators[m.type as MessageType](m) ? (m as unknown as AnyMessage) : null
}
