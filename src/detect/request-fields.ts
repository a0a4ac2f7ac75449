import type { SignalId } from './signals'
import type { DetailValue, DetectedFinding, RequestDetector, RequestInput } from './types'

/**
 * What request detectors read from a URL and a body. Everything here came from the web, so
 * every reader is bounded and none throws: a finding's detail stays small (types.ts).
 */
export const MAX_ITEMS = 20
export const MAX_TEXT = 100
/** The platform already caps bodies at 16 KiB; a second bound keeps a caller's slip harmless. */
const MAX_BODY = 64 * 1024
/** Real beacons carry well under a hundred fields; the rest of a huge request is not read. */
const MAX_FIELDS = 500
/** JSON nesting followed when flattening a body (`{"ud":{"em":…}}` → `ud[em]`). */
const MAX_DEPTH = 2

export type Detail = Record<string, DetailValue>

/** A detector that returns no finding rather than throwing, whatever the input. */
export function safely(detect: RequestDetector): RequestDetector {
  return (input) => {
    try {
      return detect(input)
    } catch {
      return []
    }
  }
}

export function parseUrl(url: unknown): URL | null {
  if (typeof url !== 'string') return null
  try {
    return new URL(url)
  } catch {
    return null
  }
}

/** Google's own hosts, including country domains: www.google.com, www.google.co.uk, google.de. */
export function isGoogleHost(host: string): boolean {
  return /^(?:www\.)?google\.(?:com|[a-z]{2}|co\.[a-z]{2}|com\.[a-z]{2})$/.test(host)
}

/** Printable, bounded text. */
export function text(value: string): string {
  // eslint-disable-next-line no-control-regex
  const clean = value.replace(/[\u0000-\u001f\u007f]/g, '').trim()
  return clean.length > MAX_TEXT ? clean.slice(0, MAX_TEXT - 1) + '…' : clean
}

/** Distinct, non-empty, bounded texts, at most MAX_ITEMS. */
export function list(values: Iterable<string>): string[] {
  const out = new Set<string>()
  for (const value of values) {
    const t = text(value)
    if (t !== '') out.add(t)
    if (out.size >= MAX_ITEMS) break
  }
  return [...out]
}

/** Sets a detail only when there is something to show, bounded. */
export function put(detail: Detail, key: string, value: string | string[] | boolean | undefined) {
  if (typeof value === 'boolean') detail[key] = value
  else if (typeof value === 'string') {
    if (text(value) !== '') detail[key] = text(value)
  } else if (value !== undefined && list(value).length > 0) detail[key] = list(value)
}

/** The first event as `event`, and all of them as `events` when one request carried several. */
export function putEvents(detail: Detail, names: string[]): void {
  const named = list(names)
  put(detail, 'event', named[0])
  if (named.length > 1) detail.events = named
}

/** A finding for the request's own party and company. */
export function finding(input: RequestInput, signal: SignalId, detail: Detail): DetectedFinding {
  const company = input.company !== undefined ? { company: input.company } : {}
  return { signal, party: input.party, ...company, detail }
}

/** Host of a page URL sent as a parameter; the rest of it (path, query) can identify a person. */
export function pageHost(value: string | undefined): string | undefined {
  if (value === undefined) return undefined
  const url = parseUrl(value)
  return url === null || url.hostname === '' ? undefined : text(url.hostname)
}

/** The first value of each field of a query string or form body. URLSearchParams turns invalid
 * percent-escapes into U+FFFD instead of throwing. */
export function formFields(query: string, into = new Map<string, string>()): Map<string, string> {
  let n = 0
  for (const [name, value] of new URLSearchParams(query)) {
    if (n++ >= MAX_FIELDS) break
    if (!into.has(name)) into.set(name, value)
  }
  return into
}

/** The body as JSON when it is JSON: JSON requests and text/plain beacons carrying JSON. */
export function jsonBody(body: string | undefined): unknown {
  if (typeof body !== 'string' || body.length > MAX_BODY) return undefined
  const start = body.trimStart()[0]
  if (start !== '{' && start !== '[') return undefined
  try {
    return JSON.parse(body) as unknown
  } catch {
    return undefined
  }
}

/** Fields of a request: its query first, then a form-encoded body, or a JSON body's members
 * with nested objects written as the bracket names pixels use (`ud[em]`). */
export function requestFields(url: URL, body: string | undefined): Map<string, string> {
  const fields = formFields(url.search)
  if (typeof body !== 'string' || body === '') return fields
  const json = jsonBody(body)
  if (json !== undefined) flatten(json, '', 0, fields)
  else if (body.length <= MAX_BODY) formFields(body, fields)
  return fields
}

function flatten(value: unknown, prefix: string, depth: number, into: Map<string, string>): void {
  if (value === null || typeof value !== 'object' || Array.isArray(value)) return
  for (const [key, member] of Object.entries(value as Record<string, unknown>)) {
    if (into.size >= MAX_FIELDS) return
    const name = prefix === '' ? key : `${prefix}[${key}]`
    if (typeof member === 'string' || typeof member === 'number' || typeof member === 'boolean') {
      if (!into.has(name)) into.set(name, String(member))
    } else if (depth + 1 < MAX_DEPTH) {
      flatten(member, name, depth + 1, into)
    }
  }
}

/** A member of parsed JSON by path; undefined when any step is missing or not an object. */
export function at(value: unknown, ...path: string[]): unknown {
  let current = value
  for (const key of path) {
    if (current === null || typeof current !== 'object' || Array.isArray(current)) return undefined
    if (!Object.hasOwn(current, key)) return undefined
    current = (current as Record<string, unknown>)[key]
  }
  return current
}

/** A non-empty string member, or undefined. */
export function stringAt(value: unknown, ...path: string[]): string | undefined {
  const found = at(value, ...path)
  if (typeof found === 'number') return String(found)
  return typeof found === 'string' && found.trim() !== '' ? found : undefined
}

/** SHA-256 in hex, the form Meta, TikTok and others require for matching fields. */
export function looksHashed(value: string): boolean {
  return /^[0-9a-f]{64}$/i.test(value.trim())
}
