/** Header reading shared by the webRequest wrapper; no browser API, so it is unit-tested. */

export interface HttpHeader {
  name: string
  value?: string
}

/** Headers kept per request and bytes per header: real ones are far smaller (browsers cap a
 * cookie at 4 KiB); a hostile server's are cut here. */
const MAX_HEADERS = 64
const HEADER_LIMIT = 16 * 1024

/** Values of the headers called `name` (lower case), bounded. */
export function headerValues(headers: HttpHeader[] | undefined, name: string): string[] {
  const out: string[] = []
  for (const h of headers ?? []) {
    if (out.length >= MAX_HEADERS) break
    if (typeof h.name !== 'string' || h.name.toLowerCase() !== name) continue
    if (typeof h.value === 'string' && h.value !== '') out.push(h.value.slice(0, HEADER_LIMIT))
  }
  return out
}
