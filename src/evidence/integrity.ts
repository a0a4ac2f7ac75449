/**
 * The hash chain that makes an export tamper-evident. Each record gets
 * `digest = SHA-256(canonical(record content))` and `hash = SHA-256(previous hash + digest)`;
 * the first record's previous hash is the `genesis`, the hash of the canonical header, so the
 * header is bound too. The header keeps the last hash (`head`) and the record count. Editing a
 * record breaks its digest, moving or removing one breaks a link, cutting the end breaks the
 * count and the head. (A chain proves nothing against someone who recomputes all of it: share
 * or note the head separately, as the report suggests.)
 */
import { canonicalJson } from './canonical'

const HEX = Array.from({ length: 256 }, (_, i) => i.toString(16).padStart(2, '0'))

/** SHA-256 of UTF-8 text, lowercase hex. WebCrypto exists in extension pages, workers and Node 20. */
export async function sha256Hex(data: string | Uint8Array): Promise<string> {
  const bytes = typeof data === 'string' ? new TextEncoder().encode(data) : data
  const digest = await crypto.subtle.digest('SHA-256', bytes as Uint8Array<ArrayBuffer>)
  let out = ''
  for (const b of new Uint8Array(digest)) out += HEX[b]
  return out
}

export const digestOf = (content: unknown): Promise<string> => sha256Hex(canonicalJson(content))

export const link = (previous: string, digest: string): Promise<string> =>
  sha256Hex(previous + digest)

export interface Chained {
  digest: string
  hash: string
}

/** Digests and chain hashes for contents in order, starting from `genesis`. */
export async function chain(
  genesis: string,
  contents: readonly unknown[],
  onProgress?: (done: number, total: number) => void,
): Promise<Chained[]> {
  const out: Chained[] = []
  let previous = genesis
  for (const [i, content] of contents.entries()) {
    const digest = await digestOf(content)
    previous = await link(previous, digest)
    out.push({ digest, hash: previous })
    if (onProgress !== undefined && (i + 1) % 1000 === 0) onProgress(i + 1, contents.length)
  }
  return out
}
