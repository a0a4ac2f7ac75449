/**
 * The hash chain that makes an export tamper-evident. Each record gets
 * `digest = SHA-256(canonical(record content))` and `hash = SHA-256(previous hash + digest)`;
 * the first record's previous hash is the `genesis`, the hash of the canonical header, so the
 * header is bound too. The header keeps the last hash (`head`) and the record count. Editing a
 * record breaks its digest, moving or removing one breaks a link, cutting the end breaks the
 * count and the head. (A chain proves nothing against someone who recomputes all of it: share
 * or note the head separately, as the report suggests.)
 *
 * SHA-256 comes from @noble/hashes (audited, synchronous, incremental) rather than WebCrypto:
 * `crypto.subtle.digest` is one promise round trip per call, three times slower for the two
 * small hashes each record needs, and it cannot hash a file as it is being written.
 */
import { sha256 } from '@noble/hashes/sha2.js'
import { canonicalJson } from './canonical'

const HEX = Array.from({ length: 256 }, (_, i) => i.toString(16).padStart(2, '0'))
const encoder = new TextEncoder()

export function toHex(bytes: Uint8Array): string {
  let out = ''
  for (const b of bytes) out += HEX[b]
  return out
}

/** SHA-256 of UTF-8 text or bytes, lowercase hex. */
export function sha256Hex(data: string | Uint8Array): string {
  return toHex(sha256(typeof data === 'string' ? encoder.encode(data) : data))
}

/** SHA-256 over bytes that arrive in pieces (a file being written). */
export function sha256Stream(): { update(bytes: Uint8Array): void; hex(): string } {
  const h = sha256.create()
  return {
    update: (bytes) => void h.update(bytes),
    hex: () => toHex(h.digest()),
  }
}

export const digestOf = (content: unknown): string => sha256Hex(canonicalJson(content))

export const link = (previous: string, digest: string): string => sha256Hex(previous + digest)

export interface Chained {
  digest: string
  hash: string
}

/** Extends the chain one record at a time, from `genesis`. */
export class Chain {
  head: string
  count = 0
  constructor(readonly genesis: string) {
    this.head = genesis
  }
  add(content: unknown): Chained {
    return this.addCanonical(canonicalJson(content))
  }
  /** A record given as its canonical JSON text already. */
  addCanonical(text: string): Chained {
    const digest = sha256Hex(text)
    this.head = link(this.head, digest)
    this.count += 1
    return { digest, hash: this.head }
  }
}

/** Digests and chain hashes for contents in order, starting from `genesis`. */
export function chain(genesis: string, contents: readonly unknown[]): Chained[] {
  const c = new Chain(genesis)
  return contents.map((content) => c.add(content))
}
