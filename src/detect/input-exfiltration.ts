import type { SignalId } from './signals'

/**
 * `input.exfiltration`: what you type leaves the page before you submit the form. The bridge
 * keeps only MD5, SHA-1 and SHA-256 hex digests of values typed into text fields (never
 * password fields, never the values); the background compares them with the pieces of every
 * request that tab sends to a third party, until the form is submitted. A piece matches
 *  - as sent (plain), after URL-decoding, or after base64-decoding: its SHA-256 equals a
 *    typed value's SHA-256;
 *  - hashed: a 32/40/64-digit hex piece equals a typed value's MD5/SHA-1/SHA-256.
 * First-party requests (a site's own search suggestions, autosave) are not counted.
 * Fixtures: test/fixtures/sites/shop.test/signup.html (posts the e-mail while typing);
 * clean: forms.html (posts only on submit), search box suggestions to the site itself.
 */
export const detector = {
  file: 'input-exfiltration',
  signals: ['input.exfiltration'] as const satisfies readonly SignalId[],
  needs: 'digests of typed values, and the URL and body of each third-party request of the tab',
}

export type Form = 'plain' | 'url-encoded' | 'base64' | 'md5' | 'sha1' | 'sha256'

export interface Piece {
  form: Form
  text: string
}

const HEX_FORMS: Record<number, Form> = { 32: 'md5', 40: 'sha1', 64: 'sha256' }
const SPLIT = /[&?=/,;:"'{}[\]<>|\\\t\r\n]+/
const BASE64 = /^[A-Za-z0-9+/_-]{8,}={0,2}$/
export const MAX_PIECES = 400

function decodeBase64(s: string): string | null {
  try {
    const bin = atob(s.replace(/-/g, '+').replace(/_/g, '/'))
    const bytes = Uint8Array.from(bin, (c) => c.charCodeAt(0))
    const text = new TextDecoder('utf-8', { fatal: true }).decode(bytes)
    return /^[\x20-\x7e\u00a0-\uffff\s]*$/.test(text) ? text : null
  } catch {
    return null
  }
}

/** The pieces of a request URL and body that a typed value could be hidden in, bounded. */
export function piecesOf(url: string, body: string | undefined): Piece[] {
  const out: Piece[] = []
  const seen = new Set<string>()
  const add = (form: Form, text: string) => {
    const t = text.trim()
    if (t.length < 5 || t.length > 512 || out.length >= MAX_PIECES) return
    const key = `${form}\u0000${t}`
    if (seen.has(key)) return
    seen.add(key)
    out.push({ form, text: t })
  }
  const walk = (text: string, form: Form, depth: number) => {
    for (const raw of text.split(SPLIT)) {
      if (out.length >= MAX_PIECES) return
      const hex = HEX_FORMS[raw.length]
      if (hex !== undefined && /^[0-9a-f]+$/i.test(raw)) {
        add(hex, raw.toLowerCase())
        continue
      }
      add(form, raw.replace(/\+/g, ' '))
      if (depth > 0 && /%[0-9a-f]{2}/i.test(raw)) {
        try {
          walk(decodeURIComponent(raw.replace(/\+/g, ' ')), 'url-encoded', depth - 1)
        } catch {
          // malformed escape: the plain piece was kept
        }
      }
      if (depth > 0 && BASE64.test(raw)) {
        const decoded = decodeBase64(raw)
        if (decoded !== null) walk(decoded, 'base64', depth - 1)
      }
    }
  }
  walk(url.slice(0, 16_384), 'plain', 2)
  if (body !== undefined) walk(body.slice(0, 16_384), 'plain', 2)
  return out
}
