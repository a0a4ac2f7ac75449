/**
 * Whether a value (cookie, URL parameter) identifies a browser, and how to keep it without
 * keeping it: shared by the cookie and ID-sync detectors. Pure, bounded, never throws.
 */

/** Values longer than this are payloads (JSON blobs, encoded state), not single identifiers. */
export const MAX_ID_LENGTH = 256
/** Shorter values cannot single out a browser among many (issue 4: "length ≥ 8"). */
export const MIN_ID_LENGTH = 8

/** Words that are settings, not identities (consent, language, flags, states). */
const COMMON = new Set([
  'true',
  'false',
  'null',
  'undefined',
  'yes',
  'no',
  'accepted',
  'rejected',
  'granted',
  'denied',
  'enabled',
  'disabled',
  'necessary',
  'dismiss',
  'dismissed',
  'allow',
  'deny',
])

/** Seconds (10 digits) or milliseconds (13) between 2001 and 2100, optionally with a fraction:
 * a time, shared by everyone who arrived in the same second. */
export function isTimestamp(value: string): boolean {
  const m = /^(\d{10}|\d{13})(?:\.\d{1,6})?$/.exec(value)
  if (m === null) {
    // ISO 8601 dates and date-times
    return /^\d{4}-\d{2}-\d{2}(?:[T ][\d:.]+(?:Z|[+-]\d{2}:?\d{2})?)?$/.test(value)
  }
  const seconds = Number((m[1] ?? '').slice(0, 10))
  return seconds >= 978_307_200 && seconds <= 4_102_444_800
}

/** Shannon entropy in bits per character. */
export function entropy(value: string): number {
  const counts = new Map<string, number>()
  for (const ch of value) counts.set(ch, (counts.get(ch) ?? 0) + 1)
  let bits = 0
  for (const n of counts.values()) {
    const p = n / value.length
    bits -= p * Math.log2(p)
  }
  return bits
}

/**
 * The documented heuristic (README "How cookies are judged"): 8–256 characters, not a
 * timestamp, a date, a common word, a URL or a language tag, and enough entropy per character:
 * 3 bits (0.8 × log2 of the length for values under 14 characters, which cannot reach 3), or
 * 2.5 bits for all-digit values of 10+ digits. Random ids reach that; words and repeated
 * patterns (`aaaaaaaa`, `1111122222`) stay below it.
 */
export function looksLikeId(raw: string): boolean {
  const value = raw.trim()
  if (value.length < MIN_ID_LENGTH || value.length > MAX_ID_LENGTH) return false
  if (COMMON.has(value.toLowerCase())) return false
  if (isTimestamp(value)) return false
  if (/^[a-z]+:\/\//i.test(value) || value.includes('/') || value.includes(' ')) return false
  if (/^[a-z]{2,3}(?:[-_][a-z]{2,4})?(?:,[a-z]{2,3}(?:[-_][a-z]{2,4})?)*$/i.test(value))
    return false
  // Plain words and snake/kebab names (`dark_mode`, `newsletter-popup`) are settings.
  if (/^[a-z]+(?:[-_][a-z]+)*$/i.test(value)) return false
  // Digits carry at most log2(10) ≈ 3.3 bits each: a random 19-digit id scores about 2.9.
  if (/^\d+$/.test(value)) return value.length >= 10 && entropy(value) >= 2.5
  return entropy(value) >= Math.min(3, 0.8 * Math.log2(value.length))
}

/** cyrb53 (public domain, github.com/bryc/code): a fast 53-bit hash, enough to recognise the
 * same value again and to show it without showing it; not a cryptographic commitment. */
export function valueHash(value: string): string {
  let h1 = 0xdeadbeef
  let h2 = 0x41c6ce57
  for (let i = 0; i < value.length; i++) {
    const ch = value.charCodeAt(i)
    h1 = Math.imul(h1 ^ ch, 2654435761)
    h2 = Math.imul(h2 ^ ch, 1597334677)
  }
  h1 = Math.imul(h1 ^ (h1 >>> 16), 2246822507) ^ Math.imul(h2 ^ (h2 >>> 13), 3266489909)
  h2 = Math.imul(h2 ^ (h2 >>> 16), 2246822507) ^ Math.imul(h1 ^ (h1 >>> 13), 3266489909)
  return (4294967296 * (2097151 & h2) + (h1 >>> 0)).toString(16).padStart(14, '0')
}

/** Standard mode: the first 4 characters and a hash (DESIGN.md §0); evidence mode: the value,
 * bounded. */
export function maskValue(value: string, evidence: boolean): string {
  // eslint-disable-next-line no-control-regex
  const clean = value.replace(/[\u0000-\u001f\u007f]/g, '')
  if (evidence) return clean.length > MAX_ID_LENGTH ? clean.slice(0, MAX_ID_LENGTH) + '…' : clean
  return `${clean.slice(0, 4)}… (hash ${valueHash(clean)})`
}

/** Percent-decoded when valid, as it is otherwise: invalid escapes must not throw. */
export function decodeLoose(value: string): string {
  if (!value.includes('%')) return value
  try {
    return decodeURIComponent(value)
  } catch {
    return value
  }
}
