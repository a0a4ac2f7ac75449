import { describe, expect, it } from 'vitest'
import { cleanAddress, emlFile, MAILTO_LIMIT, mailtoUrl } from './send'

const decodeB64 = (s: string) =>
  new TextDecoder().decode(Uint8Array.from(atob(s), (c) => c.charCodeAt(0)))

describe('mailto', () => {
  it('encodes non-ASCII, newlines as CRLF, & and #', () => {
    const url = mailtoUrl(
      'privacy@example.com',
      'Auskunft — ref. TL-1 & #2',
      'Grüße\nZeile 2 & #3 ?=',
    )
    expect(url).toBe(
      'mailto:privacy@example.com?subject=Auskunft%20%E2%80%94%20ref.%20TL-1%20%26%20%232&body=Gr%C3%BC%C3%9Fe%0D%0AZeile%202%20%26%20%233%20%3F%3D',
    )
    const parsed = new URL(url ?? '')
    expect(parsed.searchParams.get('body')).toBe('Grüße\r\nZeile 2 & #3 ?=')
  })
  it('gives up on long letters instead of cutting them', () => {
    expect(mailtoUrl('a@b.co', 's', 'x'.repeat(MAILTO_LIMIT))).toBeNull()
    expect(mailtoUrl('a@b.co', 's', 'x'.repeat(1900))).not.toBeNull()
    // Non-ASCII grows ninefold when encoded: the limit counts the encoded URL.
    expect(mailtoUrl('a@b.co', 's', 'ü'.repeat(400))).toBeNull()
  })
  it('drops an address that could smuggle in parameters or headers', () => {
    expect(cleanAddress('a@b.co?bcc=x@y.z')).toBe('')
    expect(cleanAddress('a@b.co?bcc=x')).toBe('')
    expect(cleanAddress('a@b.co&body=x')).toBe('')
    expect(mailtoUrl('a@b.co?bcc=x@y.z', 's', 'b')).not.toContain('bcc=x')
    expect(cleanAddress('a@b.co\r\nBcc: x@y.z')).toBe('')
    expect(cleanAddress('x@y.z, a@b.co')).toBe('')
    expect(cleanAddress(' privacy@meta.com ')).toBe('privacy@meta.com')
    expect(mailtoUrl('', 's', 'b')).toBe('mailto:?subject=s&body=b')
  })
})

describe('.eml', () => {
  it('is an unsent UTF-8 draft with encoded subject and body', () => {
    const eml = emlFile({
      to: 'dpo@example.com',
      subject: 'Löschung — ref. TL-1',
      body: 'Grüße\nAlex',
      date: new Date(Date.UTC(2026, 0, 2, 3, 4, 5)),
    })
    const [head, body] = eml.split('\r\n\r\n')
    expect(head).toContain('To: dpo@example.com')
    expect(head).toContain('X-Unsent: 1')
    expect(head).toContain('Content-Type: text/plain; charset=UTF-8')
    expect(head).toContain('Date: Fri, 02 Jan 2026 03:04:05 +0000')
    const subject = /Subject: (.*(?:\r\n .*)*)/.exec(head ?? '')?.[1] ?? ''
    const decoded = subject
      .split('\r\n ')
      .map((w) => decodeB64(/=\?UTF-8\?B\?(.*)\?=/.exec(w)?.[1] ?? ''))
      .join('')
    expect(decoded).toBe('Löschung — ref. TL-1')
    expect(decodeB64((body ?? '').replace(/\r\n/g, ''))).toBe('Grüße\r\nAlex')
  })
  it('splits long non-ASCII subjects without breaking characters', () => {
    const eml = emlFile({ to: '', subject: 'é'.repeat(60), body: 'b', date: new Date(0) })
    expect(eml).not.toContain('To:')
    const words = [...eml.matchAll(/=\?UTF-8\?B\?([^?]*)\?=/g)].map((m) => m[1] ?? '')
    expect(words.length).toBeGreaterThan(1)
    for (const w of words) expect(decodeB64(w)).toMatch(/^é+$/)
    expect(words.map(decodeB64).join('')).toBe('é'.repeat(60))
  })
  it('keeps a hostile subject on one header line', () => {
    const eml = emlFile({ to: 'a@b.co', subject: 'Hi\r\nBcc: x@y.z', body: 'b', date: new Date(0) })
    expect(eml).not.toMatch(/^Bcc:/m)
  })
})
