/**
 * Digests of a typed value: what the bridge keeps instead of the value itself. MD5 (RFC 1321)
 * is written out because WebCrypto has none; SHA-1 and SHA-256 come from WebCrypto.
 */

const S = [7, 12, 17, 22, 5, 9, 14, 20, 4, 11, 16, 23, 6, 10, 15, 21]
const K = Array.from({ length: 64 }, (_, i) => Math.floor(Math.abs(Math.sin(i + 1)) * 2 ** 32) | 0)

export function md5(text: string): string {
  const bytes = new TextEncoder().encode(text)
  const words = new Uint32Array((((bytes.length + 8) >> 6) + 1) * 16)
  for (let i = 0; i < bytes.length; i++) words[i >> 2]! |= bytes[i]! << ((i % 4) * 8)
  words[bytes.length >> 2]! |= 0x80 << ((bytes.length % 4) * 8)
  words[words.length - 2] = (bytes.length * 8) >>> 0
  words[words.length - 1] = Math.floor(bytes.length / 0x20000000)
  let [a0, b0, c0, d0] = [0x67452301, 0xefcdab89 | 0, 0x98badcfe | 0, 0x10325476]
  for (let o = 0; o < words.length; o += 16) {
    let [a, b, c, d] = [a0, b0, c0, d0]
    for (let i = 0; i < 64; i++) {
      const r = i >> 4
      const f =
        r === 0
          ? (b & c) | (~b & d)
          : r === 1
            ? (d & b) | (~d & c)
            : r === 2
              ? b ^ c ^ d
              : c ^ (b | ~d)
      const g = r === 0 ? i : r === 1 ? (5 * i + 1) % 16 : r === 2 ? (3 * i + 5) % 16 : (7 * i) % 16
      const s = S[r * 4 + (i % 4)]!
      const sum = (a + f + K[i]! + words[o + g]!) | 0
      a = d
      d = c
      c = b
      b = (b + ((sum << s) | (sum >>> (32 - s)))) | 0
    }
    a0 = (a0 + a) | 0
    b0 = (b0 + b) | 0
    c0 = (c0 + c) | 0
    d0 = (d0 + d) | 0
  }
  let out = ''
  for (const w of [a0, b0, c0, d0])
    for (let i = 0; i < 4; i++) out += ((w >>> (i * 8)) & 0xff).toString(16).padStart(2, '0')
  return out
}

async function sha(name: 'SHA-1' | 'SHA-256', text: string): Promise<string> {
  const digest = await crypto.subtle.digest(name, new TextEncoder().encode(text))
  return Array.from(new Uint8Array(digest), (b) => b.toString(16).padStart(2, '0')).join('')
}

export const sha256 = (text: string) => sha('SHA-256', text)

/** MD5, SHA-1 and SHA-256 hex of the value as typed and as trackers normalise it (trimmed,
 * lower case: Meta's and Google's advanced matching rules). */
export async function needlesOf(value: string): Promise<string[]> {
  const forms = [...new Set([value, value.trim().toLowerCase()])]
  const out: string[] = []
  for (const form of forms) {
    out.push(md5(form), await sha('SHA-1', form), await sha('SHA-256', form))
  }
  return out
}
