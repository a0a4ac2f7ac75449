import { describe, expect, it } from 'vitest'
import { md5 } from '@/content/hash'
import { MAX_PIECES, piecesOf, type Form } from './input-exfiltration'

const EMAIL = 'jane.doe@example.com'
const has = (url: string, body: string | undefined, form: Form, text: string) =>
  piecesOf(url, body).some((p) => p.form === form && p.text === text)

describe('piecesOf', () => {
  it.each<[string, string, string | undefined, Form, string]>([
    ['plain in a JSON body', 'https://x.test/c', JSON.stringify({ email: EMAIL }), 'plain', EMAIL],
    ['plain in a query', `https://x.test/c?e=${EMAIL}`, undefined, 'plain', EMAIL],
    [
      'URL-encoded in a query',
      `https://x.test/c?e=${encodeURIComponent(EMAIL)}`,
      undefined,
      'url-encoded',
      EMAIL,
    ],
    [
      'URL-encoded in a form body',
      'https://x.test/c',
      `a=1&e=${encodeURIComponent(EMAIL)}`,
      'url-encoded',
      EMAIL,
    ],
    ['base64 in a query', `https://x.test/c?d=${btoa(EMAIL)}`, undefined, 'base64', EMAIL],
    [
      'base64 of JSON in a body',
      'https://x.test/c',
      btoa(JSON.stringify({ e: EMAIL })),
      'base64',
      EMAIL,
    ],
    ['an MD5 hash', `https://x.test/c?em=${md5(EMAIL)}`, undefined, 'md5', md5(EMAIL)],
    [
      'an upper-case SHA-1 hash',
      `https://x.test/c?h=${'A'.repeat(40)}`,
      undefined,
      'sha1',
      'a'.repeat(40),
    ],
    [
      'a SHA-256 hash in JSON',
      'https://x.test/c',
      `{"em":"${'b'.repeat(64)}"}`,
      'sha256',
      'b'.repeat(64),
    ],
  ])('finds %s', (_what, url, body, form, text) => {
    expect(has(url, body, form, text)).toBe(true)
  })

  it('keeps spaces of a typed phrase sent with + in a form body', () => {
    expect(has('https://x.test/s', 'q=red+running+shoes', 'plain', 'red running shoes')).toBe(true)
  })

  it('skips pieces shorter than 5 characters', () => {
    expect(piecesOf('https://x.test/?a=1&b=22', undefined).some((p) => p.text.length < 5)).toBe(
      false,
    )
  })

  it('is bounded on a huge body, and survives malformed escapes and bad base64', () => {
    const body = Array.from({ length: 5000 }, (_, i) => `k${i}=value${i}%E0%A4%A`).join('&')
    const pieces = piecesOf('https://x.test/', body)
    expect(pieces.length).toBeLessThanOrEqual(MAX_PIECES)
    expect(() => piecesOf('https://x.test/?d=@@@@====', '%%%%%')).not.toThrow()
  })
})
