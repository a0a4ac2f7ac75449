import { getDomain } from 'tldts'

/** Schemes whose requests reach a host on the network; everything else (data:, blob:, about:,
 * extension pages, file:) has no third party. */
const NETWORK_SCHEMES = new Set(['http', 'https', 'ws', 'wss'])
const PLAIN_HOST = /^[a-z0-9._-]+$/
const IPV4 = /^\d{1,3}(?:\.\d{1,3}){3}$/

/**
 * Host name of a network URL, lower case, without port, credentials or trailing dot;
 * null for non-network schemes or unparseable input. A hand-written scan, because `new URL`
 * costs about a microsecond and this runs for every request; anything unusual (IDN in
 * Unicode, percent-escapes, backslashes) falls back to the URL parser.
 */
export function hostOf(url: string): string | null {
  const schemeEnd = url.indexOf('://')
  if (schemeEnd <= 0 || schemeEnd > 5) return null
  if (!NETWORK_SCHEMES.has(url.slice(0, schemeEnd).toLowerCase())) return null
  const start = schemeEnd + 3
  let end = url.length
  for (let i = start; i < url.length; i++) {
    const c = url.charCodeAt(i)
    // '/', '?', '#', '\\' end the authority
    if (c === 47 || c === 63 || c === 35 || c === 92) {
      end = i
      break
    }
  }
  let authority = url.slice(start, end)
  const at = authority.lastIndexOf('@')
  if (at >= 0) authority = authority.slice(at + 1)
  let host: string
  if (authority.startsWith('[')) {
    const close = authority.indexOf(']')
    if (close < 0) return null
    host = authority.slice(0, close + 1).toLowerCase()
    return host.length > 2 ? host : null
  }
  const colon = authority.indexOf(':')
  host = (colon >= 0 ? authority.slice(0, colon) : authority).toLowerCase()
  if (host.endsWith('.')) host = host.slice(0, -1)
  if (host !== '' && PLAIN_HOST.test(host) && !host.includes('..')) return host
  return slowHostOf(url)
}

function slowHostOf(url: string): string | null {
  try {
    const parsed = new URL(url)
    if (!NETWORK_SCHEMES.has(parsed.protocol.slice(0, -1))) return null
    const host = parsed.hostname.replace(/\.$/, '')
    return host === '' ? null : host
  } catch {
    return null
  }
}

/**
 * The site (registrable domain, eTLD+1) of a host, with the public suffix list's private
 * section as browsers use it: alice.github.io and bob.github.io are different sites.
 * IP addresses, `localhost` and names without a public suffix are their own site.
 */
export function siteOfHost(host: string): string {
  if (host.startsWith('[') || IPV4.test(host)) return host
  return getDomain(host, { allowPrivateDomains: true, extractHostname: false }) ?? host
}

/** Site of a URL, or null when the URL has no network host. */
export function siteOfUrl(url: string): string | null {
  const host = hostOf(url)
  return host === null ? null : siteOfHost(host)
}
