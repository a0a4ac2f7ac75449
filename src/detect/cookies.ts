import { IDENTIFIER_COOKIES, NOT_IDENTIFIER_COOKIES, type KnownCookie } from '@/data/cookie-names'
import { decodeLoose, looksLikeId, maskValue } from './identifier-value'
import { list, text, type Detail } from './request-fields'
import type { SignalId } from './signals'
import type { DetectedFinding } from './types'

/**
 * `cookie.thirdparty` and `cookie.identifier`: cookies a response sets (Set-Cookie) and a
 * request sends (Cookie). An identifier is a cookie on the known-names list, or a persistent
 * cookie (≥ 30 days, the "long-lived" test of Acar et al., "The Web Never Forgets", CCS 2014)
 * whose value passes the entropy heuristic in identifier-value.ts. Cookies only seen being
 * sent have no known lifetime: those count by name, or for a third party by a value of 16+.
 * Fixtures: test/fixtures/sites/recipes.test (ad cookies, sync chain), clean.test (none).
 */
export const detector = {
  file: 'cookies',
  signals: ['cookie.thirdparty', 'cookie.identifier'] as const satisfies readonly SignalId[],
  needs: 'Set-Cookie headers of responses and Cookie headers of requests',
}

export interface CookieInput {
  pageSite: string
  /** Site of the request's host. */
  party: string
  host: string
  company?: string
  direction: 'set' | 'sent'
  /** Header values as the browser gives them (Firefox joins Set-Cookie lines with `\n`). */
  headers: readonly string[]
  /** When the response arrived, for `Expires`. */
  now: number
  /** Evidence mode: keep the full value. */
  evidence: boolean
}

export interface ParsedCookie {
  name: string
  value: string
  /** Domain attribute without its dot, or undefined for a host-only cookie. */
  domain?: string
  /** Seconds until expiry; undefined for a session cookie (or unknown when sent). */
  lifetime?: number
  partitioned: boolean
}

const MAX_HEADERS = 64
const MAX_COOKIES = 100
/** Browsers refuse cookies over 4096 bytes (RFC 6265 §6.1); longer input is not read. */
const MAX_COOKIE = 4096
const MIN_LIFETIME = 30 * 24 * 3600
const MIN_SENT_LENGTH = 16

/** RFC 6265 §5.2 parsing, leniently: a bad attribute is skipped, a bad cookie returns null. */
export function parseSetCookie(line: string, now: number): ParsedCookie | null {
  if (line.length > MAX_COOKIE) return null
  const [pair = '', ...attributes] = line.split(';')
  const eq = pair.indexOf('=')
  if (eq <= 0) return null
  const name = pair.slice(0, eq).trim()
  if (name === '' || !/^[\x21-\x7e]+$/.test(name)) return null
  const cookie: ParsedCookie = {
    name,
    value: unquote(pair.slice(eq + 1).trim()),
    partitioned: false,
  }
  let maxAge: number | undefined
  let expires: number | undefined
  for (const attribute of attributes) {
    const i = attribute.indexOf('=')
    const key = (i < 0 ? attribute : attribute.slice(0, i)).trim().toLowerCase()
    const value = i < 0 ? '' : attribute.slice(i + 1).trim()
    if (key === 'max-age' && /^-?\d{1,12}$/.test(value)) maxAge = Number(value)
    else if (key === 'expires') {
      const t = Date.parse(value)
      if (Number.isFinite(t)) expires = Math.round((t - now) / 1000)
    } else if (key === 'domain' && value !== '')
      cookie.domain = value.replace(/^\./, '').toLowerCase()
    else if (key === 'partitioned') cookie.partitioned = true
  }
  const lifetime = maxAge ?? expires
  if (lifetime !== undefined) cookie.lifetime = lifetime
  return cookie
}

/** `a=1; b=2` → pairs (RFC 6265 §5.4), bounded. */
export function parseCookieHeader(header: string): ParsedCookie[] {
  const out: ParsedCookie[] = []
  for (const part of header.slice(0, MAX_COOKIES * MAX_COOKIE).split(';')) {
    if (out.length >= MAX_COOKIES) break
    const eq = part.indexOf('=')
    if (eq <= 0) continue
    const name = part.slice(0, eq).trim()
    if (name === '' || name.length > 256) continue
    out.push({
      name,
      value: unquote(part.slice(eq + 1).trim()).slice(0, MAX_COOKIE),
      partitioned: false,
    })
  }
  return out
}

function unquote(value: string): string {
  return value.length >= 2 && value.startsWith('"') && value.endsWith('"')
    ? value.slice(1, -1)
    : value
}

function byName<T>(
  table: Readonly<Record<string, T>> | readonly string[],
  name: string,
): T | true | undefined {
  const keys = Array.isArray(table) ? (table as readonly string[]) : Object.keys(table)
  for (const key of keys) {
    const hit = key.endsWith('*') ? name.startsWith(key.slice(0, -1)) : key === name
    if (hit) return Array.isArray(table) ? true : (table as Readonly<Record<string, T>>)[key]
  }
  return undefined
}

export function knownIdentifier(name: string): KnownCookie | undefined {
  const hit = byName(IDENTIFIER_COOKIES, name)
  return hit === true ? undefined : hit
}

/** Why a cookie identifies the browser, or null when it does not. */
export function identifierReason(
  cookie: ParsedCookie,
  direction: 'set' | 'sent',
  thirdParty: boolean,
): string | null {
  if (byName(NOT_IDENTIFIER_COOKIES, cookie.name) !== undefined) return null
  const known = knownIdentifier(cookie.name)
  if (known !== undefined) return `known ${known.vendor} identifier cookie`
  const value = decodeLoose(cookie.value)
  if (!looksLikeId(value)) return null
  if (direction === 'set') {
    return cookie.lifetime !== undefined && cookie.lifetime >= MIN_LIFETIME
      ? 'random-looking value kept for 30 days or more'
      : null
  }
  return thirdParty && value.length >= MIN_SENT_LENGTH
    ? 'random-looking value sent to a third party'
    : null
}

/** "session", "3 hours", "2 years": how long a cookie lives, in words. */
export function lifetimeText(cookie: ParsedCookie, direction: 'set' | 'sent'): string {
  if (cookie.lifetime === undefined)
    return direction === 'sent' ? 'unknown (sent)' : 'until the browser closes'
  const s = cookie.lifetime
  if (s <= 0) return 'deleted'
  const units: [number, string][] = [
    [31_536_000, 'year'],
    [86_400, 'day'],
    [3_600, 'hour'],
    [60, 'minute'],
  ]
  for (const [size, unit] of units) {
    if (s >= size) {
      const n = Math.floor(s / size)
      return `${n} ${unit}${n === 1 ? '' : 's'}`
    }
  }
  return `${s} seconds`
}

/** Every cookie in the headers, bounded. */
export function cookiesOf(
  input: Pick<CookieInput, 'headers' | 'direction' | 'now'>,
): ParsedCookie[] {
  const out: ParsedCookie[] = []
  for (const header of input.headers.slice(0, MAX_HEADERS)) {
    if (typeof header !== 'string') continue
    if (input.direction === 'sent') out.push(...parseCookieHeader(header))
    else
      for (const line of header.split('\n').slice(0, MAX_HEADERS)) {
        const cookie = parseSetCookie(line, input.now)
        if (cookie !== null) out.push(cookie)
      }
    if (out.length >= MAX_COOKIES) return out.slice(0, MAX_COOKIES)
  }
  return out
}

export function detectCookies(input: CookieInput): DetectedFinding[] {
  try {
    return detect(input)
  } catch {
    return []
  }
}

function detect(input: CookieInput): DetectedFinding[] {
  const cookies = cookiesOf(input).filter((c) => c.lifetime === undefined || c.lifetime > 0)
  if (cookies.length === 0) return []
  const thirdParty = input.party !== input.pageSite
  const company = input.company !== undefined ? { company: input.company } : {}
  const out: DetectedFinding[] = []
  if (thirdParty) {
    const detail: Detail = { direction: input.direction, names: list(cookies.map((c) => c.name)) }
    if (cookies.some((c) => c.partitioned)) detail.partitioned = true
    out.push({ signal: 'cookie.thirdparty', party: input.party, ...company, detail })
  }
  for (const cookie of cookies) {
    const reason = identifierReason(cookie, input.direction, thirdParty)
    if (reason === null) continue
    const detail: Detail = {
      name: text(cookie.name),
      domain: text(cookie.domain ?? input.host),
      lifetime: lifetimeText(cookie, input.direction),
      party: thirdParty ? 'third party' : 'first party',
      direction: input.direction,
      value: maskValue(cookie.value, input.evidence),
      reason,
    }
    if (cookie.partitioned) detail.partitioned = true
    out.push({ signal: 'cookie.identifier', party: input.party, ...company, detail })
  }
  return out
}
