import { IDENTIFIER_COOKIES, NOT_IDENTIFIER_COOKIES, type KnownCookie } from '@/data/cookie-names'
import { decodeLoose, looksLikeId, maskValue } from './identifier-value'
import { cookiesOf, lifetimeText, type ParsedCookie } from './cookie-parse'
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

const MIN_LIFETIME = 30 * 24 * 3600
const MIN_SENT_LENGTH = 16

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

export { cookiesOf, parseSetCookie, parseCookieHeader } from './cookie-parse'

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
