/**
 * Cookie header parsing for the cookie detectors (RFC 6265), lenient and bounded: everything
 * here came from the web, so a malformed cookie is skipped and nothing throws.
 */

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
export function cookiesOf(input: {
  headers: readonly unknown[]
  direction: 'set' | 'sent'
  now: number
}): ParsedCookie[] {
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
