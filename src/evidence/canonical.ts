/**
 * Canonical JSON for hashing: RFC 8785 (JSON Canonicalization Scheme) for the values an
 * export holds. Object keys are sorted by UTF-16 code units (what `Array#sort` does with no
 * comparator) and numbers and strings are written as ECMAScript's JSON.stringify writes them,
 * which RFC 8785 §3.2.2 adopts. So anyone can re-hash a record with any JCS library.
 */
export function canonicalJson(value: unknown): string {
  if (value === null) return 'null'
  switch (typeof value) {
    case 'boolean':
      return value ? 'true' : 'false'
    case 'number':
      if (!Number.isFinite(value)) throw new TypeError(`Cannot hash the number ${value}`)
      // RFC 8785 writes -0 as 0; JSON.stringify already does.
      return JSON.stringify(value)
    case 'string':
      return JSON.stringify(value)
    case 'object': {
      if (Array.isArray(value)) return `[${value.map(canonicalJson).join(',')}]`
      const entries = Object.entries(value as Record<string, unknown>)
        .filter(([, v]) => v !== undefined)
        .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
      return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonicalJson(v)}`).join(',')}}`
    }
    default:
      throw new TypeError(`Cannot hash a value of type ${typeof value}`)
  }
}
