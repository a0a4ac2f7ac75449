import { NOT_IDENTIFIER_COOKIES } from '@/data/cookie-names'
import { callsOf, type ScriptActivity, type ScriptFinding } from './probe-events'
import type { SignalId } from './signals'

/**
 * `storage.identifier`: a script stores a value that looks like an identifier for this browser
 * in localStorage, sessionStorage or a cookie it writes itself (document.cookie).
 *
 * The heuristic, after Acar et al. (CCS 2014) and Englehardt et al. (WWW 2015, §4.1), who
 * called a value an identifier when it is long, random-looking and stable: split the value on
 * separators; some piece is
 *  - hexadecimal of ≥16 characters (UUIDs, hashes), or
 *  - ≥12 characters of letters and digits mixing ≥2 of lower case, upper case and digits, with
 *    Shannon entropy ≥3 bits per character (random ids; words and dates fall below), or
 *  - ≥13 digits that are not a Unix time in milliseconds (13 digits) of this century.
 * Ten-digit numbers are skipped: they are mostly Unix times in seconds. Names that are never
 * identifiers whatever their value (consent records such as OptanonConsent, whose consent id
 * is how the site proves your choice; bot checks) are skipped, as for cookies on the wire.
 * Fixtures: test/fixtures/sites/fp.test/fingerprintjs.html, storage.html; clean: forms.html.
 */
export const detector = {
  file: 'storage-identifier',
  signals: ['storage.identifier'] as const satisfies readonly SignalId[],
  needs: 'storage writes of each script: key and the value’s first 200 characters',
}

function entropy(s: string): number {
  const counts = new Map<string, number>()
  for (const ch of s) counts.set(ch, (counts.get(ch) ?? 0) + 1)
  let h = 0
  for (const n of counts.values()) h -= (n / s.length) * Math.log2(n / s.length)
  return h
}

export function looksLikeIdentifier(value: string): boolean {
  for (const piece of value.split(/[^A-Za-z0-9+/_-]+/)) {
    const p = piece.replace(/^-+|-+$/g, '')
    if (/^[0-9a-f-]{16,}$/i.test(p) && /[0-9]/.test(p) && p.replace(/-/g, '').length >= 16)
      return true
    if (/^\d+$/.test(p)) {
      const n = Number(p)
      const time = p.length === 13 && n >= 946_684_800_000 && n < 4_102_444_800_000
      if (p.length >= 13 && !time) return true
      continue
    }
    if (p.length < 12) continue
    const kinds = [/[a-z]/, /[A-Z]/, /[0-9]/].filter((r) => r.test(p)).length
    if (kinds >= 2 && entropy(p) >= 3) return true
  }
  return false
}

const WHERE: Record<string, string> = {
  'storage.local': 'localStorage',
  'storage.session': 'sessionStorage',
  'storage.cookie': 'cookie',
}

/** Evidence keeps the name and a masked value: its first 4 characters and its length. */
const NOT_IDENTIFIER = new Set(NOT_IDENTIFIER_COOKIES)

const mask = (v: string) => `${v.slice(0, 4)}… (${v.length} characters)`

export function detectStorageIdentifier(activity: ScriptActivity): ScriptFinding[] {
  const found: string[] = []
  for (const api of Object.keys(WHERE)) {
    for (const c of callsOf(activity, api)) {
      const text = String(c.detail)
      const eq = text.indexOf('=')
      if (eq <= 0) continue
      if (NOT_IDENTIFIER.has(text.slice(0, eq).trim())) continue
      const value = text.slice(eq + 1)
      if (looksLikeIdentifier(value))
        found.push(`${WHERE[api]}: ${text.slice(0, Math.min(eq, 40))} = ${mask(value)}`)
    }
  }
  if (found.length === 0) return []
  return [{ signal: 'storage.identifier', detail: { stored: [...new Set(found)].slice(0, 5) } }]
}
