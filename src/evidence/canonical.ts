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
      // Loops and string building rather than map/join: a million records pass through here.
      if (Array.isArray(value)) {
        let out = '['
        for (let i = 0; i < value.length; i++) out += (i === 0 ? '' : ',') + canonicalJson(value[i])
        return out + ']'
      }
      const object = value as Record<string, unknown>
      let out = '{'
      let first = true
      for (const key of Object.keys(object).sort()) {
        const v = object[key]
        if (v === undefined) continue
        out += (first ? '' : ',') + JSON.stringify(key) + ':' + canonicalJson(v)
        first = false
      }
      return out + '}'
    }
    default:
      throw new TypeError(`Cannot hash a value of type ${typeof value}`)
  }
}
