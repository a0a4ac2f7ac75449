/**
 * Standard (non-evidence) mode keeps request URLs recognisable but drops what could identify
 * the person: fragments, identifier-looking query values and path segments (DESIGN.md §0).
 */

/** Parameters that name an account, an event or a format, never the person. */
const SAFE_PARAMS = new Set([
  'v',
  't',
  'tid',
  'en',
  'ev',
  'event',
  'type',
  'ec',
  'ea',
  'sr',
  'vp',
  'ul',
  'de',
  'fmt',
  'ver',
  'version',
  'lang',
  'hl',
  'gl',
  'format',
  'callback',
  'cb',
  'random',
  'rnd',
])
export const HIDDEN = '[hidden]'
const NETWORK_PROTOCOLS = new Set(['http:', 'https:', 'ws:', 'wss:'])

/** Long numbers, long tokens, and tokens mixing letters and digits or cases. */
export function looksLikeIdentifier(value: string): boolean {
  if (value.length < 8) return false
  if (/^\d+$/.test(value)) return true
  if (value.length >= 16) return true
  let classes = 0
  if (/[a-z]/.test(value)) classes++
  if (/[A-Z]/.test(value)) classes++
  if (/\d/.test(value)) classes++
  return classes >= 2
}

export function redactUrl(url: string, maxLength = 300): string {
  let parsed: URL
  try {
    parsed = new URL(url)
  } catch {
    return HIDDEN
  }
  if (!NETWORK_PROTOCOLS.has(parsed.protocol)) {
    return `${parsed.protocol}${HIDDEN}`
  }
  const path = parsed.pathname
    .split('/')
    .map((segment) => (looksLikeIdentifier(decodeSafe(segment)) ? HIDDEN : segment))
    .join('/')
  const query: string[] = []
  for (const [name, value] of parsed.searchParams) {
    const keep = SAFE_PARAMS.has(name.toLowerCase()) || !looksLikeIdentifier(value)
    query.push(`${encodeURIComponent(name)}=${keep ? encodeURIComponent(value) : HIDDEN}`)
  }
  const out = `${parsed.origin}${path}${query.length > 0 ? '?' + query.join('&') : ''}`
  return out.length > maxLength ? out.slice(0, maxLength - 1) + '…' : out
}

/** Origin and path of a page URL: what a visit keeps in standard mode. */
export function pageUrl(url: string): string {
  try {
    const parsed = new URL(url)
    if (!NETWORK_PROTOCOLS.has(parsed.protocol)) return `${parsed.protocol}${HIDDEN}`
    return `${parsed.origin}${parsed.pathname}`
  } catch {
    return HIDDEN
  }
}

function decodeSafe(segment: string): string {
  try {
    return decodeURIComponent(segment)
  } catch {
    return segment
  }
}
