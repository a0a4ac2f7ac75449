/**
 * Checks a value against tracelight-evidence.schema.json. A small interpreter of the JSON
 * Schema keywords that file uses, rather than a validator library: Ajv, the common choice,
 * compiles schemas with `new Function`, which the extension pages' Content Security Policy
 * forbids, and the file uses only a dozen keywords. A keyword it does not know makes
 * `validate` throw, so the schema cannot silently outgrow it (a unit test walks the file).
 */
import schemaFile from './tracelight-evidence.schema.json' with { type: 'json' }
import schemaV1File from './tracelight-evidence-v1.schema.json' with { type: 'json' }
import schemaV2File from './tracelight-evidence-v2.schema.json' with { type: 'json' }

export interface Schema {
  $ref?: string
  const?: unknown
  enum?: unknown[]
  type?: string | string[]
  pattern?: string
  minLength?: number
  maxLength?: number
  minimum?: number
  maxItems?: number
  properties?: Record<string, Schema>
  required?: string[]
  additionalProperties?: boolean | Schema
  items?: Schema
  oneOf?: Schema[]
  $defs?: Record<string, Schema>
}

/** The current version's schema (version 3). */
export const EVIDENCE_SCHEMA = schemaFile as Schema
/** Versions 1 and 2, kept so that files written before version 3 still verify. */
export const EVIDENCE_SCHEMA_V1 = schemaV1File as Schema
export const EVIDENCE_SCHEMA_V2 = schemaV2File as Schema

/** The schema for a file's `version` (the current one for anything else). */
export function schemaFor(value: unknown): Schema {
  const version =
    typeof value === 'object' && value !== null
      ? (value as { version?: unknown }).version
      : undefined
  return version === 1 ? EVIDENCE_SCHEMA_V1 : version === 2 ? EVIDENCE_SCHEMA_V2 : EVIDENCE_SCHEMA
}

const ANNOTATIONS = new Set(['$schema', '$id', 'title', 'description'])
export const KNOWN_KEYWORDS = new Set([
  ...ANNOTATIONS,
  '$ref',
  'const',
  'enum',
  'type',
  'pattern',
  'minLength',
  'maxLength',
  'minimum',
  'maxItems',
  'properties',
  'required',
  'additionalProperties',
  'items',
  'oneOf',
  '$defs',
])

export interface SchemaError {
  /** Where, e.g. `records[3].data.count`. */
  path: string
  message: string
}

/** Compiled once: exports hold hundreds of thousands of strings with patterns. */
const patterns = new Map<string, RegExp>()
function patternOf(source: string): RegExp {
  let re = patterns.get(source)
  if (re === undefined) patterns.set(source, (re = new RegExp(source, 'u')))
  return re
}

function typeOf(value: unknown): string {
  if (value === null) return 'null'
  if (Array.isArray(value)) return 'array'
  if (typeof value === 'number') return Number.isInteger(value) ? 'integer' : 'number'
  return typeof value
}

const matchesType = (value: unknown, type: string) =>
  type === 'number' ? typeof value === 'number' : typeOf(value) === type

const show = (v: unknown) => {
  const text = JSON.stringify(v) ?? String(v)
  return text.length > 60 ? text.slice(0, 57) + '…' : text
}

const join = (path: string, key: string | number) =>
  typeof key === 'number'
    ? `${path}[${key}]`
    : path === ''
      ? key
      : /^[A-Za-z_$][\w$]*$/.test(key)
        ? `${path}.${key}`
        : `${path}[${JSON.stringify(key)}]`

export function validate(
  value: unknown,
  schema: Schema = schemaFor(value),
  root: Schema = schema,
  path = '',
  errors: SchemaError[] = [],
  limit = 50,
): SchemaError[] {
  const fail = (message: string) => {
    if (errors.length < limit) errors.push({ path: path === '' ? '(top level)' : path, message })
  }
  for (const key of Object.keys(schema)) {
    if (!KNOWN_KEYWORDS.has(key)) throw new Error(`Schema keyword "${key}" is not supported`)
  }
  if (schema.$ref !== undefined) {
    const name = /^#\/\$defs\/(.+)$/.exec(schema.$ref)?.[1]
    const target = name === undefined ? undefined : root.$defs?.[name]
    if (target === undefined) throw new Error(`Schema reference ${schema.$ref} not found`)
    validate(value, target, root, path, errors, limit)
  }
  if ('const' in schema && value !== schema.const) {
    fail(`must be ${show(schema.const)}, found ${show(value)}`)
    return errors
  }
  if (schema.enum !== undefined && !schema.enum.includes(value)) {
    fail(`must be one of ${schema.enum.map(show).join(', ')}, found ${show(value)}`)
    return errors
  }
  if (schema.type !== undefined) {
    const types = Array.isArray(schema.type) ? schema.type : [schema.type]
    if (!types.some((t) => matchesType(value, t))) {
      fail(`must be ${types.join(' or ')}, found ${typeOf(value)}`)
      return errors
    }
  }
  if (typeof value === 'string') {
    if (schema.minLength !== undefined && value.length < schema.minLength)
      fail(`must be at least ${schema.minLength} characters long`)
    if (schema.maxLength !== undefined && value.length > schema.maxLength)
      fail(`must be at most ${schema.maxLength} characters long, found ${value.length}`)
    if (schema.pattern !== undefined && !patternOf(schema.pattern).test(value))
      fail(`has the wrong form: ${show(value)}`)
  }
  if (typeof value === 'number' && schema.minimum !== undefined && value < schema.minimum)
    fail(`must be at least ${schema.minimum}, found ${value}`)
  if (Array.isArray(value)) {
    if (schema.maxItems !== undefined && value.length > schema.maxItems)
      fail(`must have at most ${schema.maxItems} items, found ${value.length}`)
    if (schema.items !== undefined) {
      for (let i = 0; i < value.length && errors.length < limit; i++)
        validate(value[i], schema.items, root, join(path, i), errors, limit)
    }
  }
  if (typeOf(value) === 'object') {
    const object = value as Record<string, unknown>
    for (const key of schema.required ?? []) {
      if (!Object.hasOwn(object, key)) fail(`is missing "${key}"`)
    }
    for (const [key, v] of Object.entries(object)) {
      const declared = schema.properties?.[key]
      if (declared !== undefined) validate(v, declared, root, join(path, key), errors, limit)
      else if (schema.additionalProperties === false) fail(`has an unexpected field "${key}"`)
      else if (typeof schema.additionalProperties === 'object')
        validate(v, schema.additionalProperties, root, join(path, key), errors, limit)
    }
  }
  if (schema.oneOf !== undefined) oneOf(value, schema.oneOf, root, path, errors, limit, fail)
  return errors
}

/** Reports the errors of the branch whose `kind` matches, which is what a person needs to
 * read, rather than every branch's. */
function oneOf(
  value: unknown,
  branches: Schema[],
  root: Schema,
  path: string,
  errors: SchemaError[],
  limit: number,
  fail: (message: string) => void,
): void {
  const kind = typeOf(value) === 'object' ? (value as Record<string, unknown>).kind : undefined
  const resolve = (b: Schema) => {
    const name = b.$ref === undefined ? undefined : /^#\/\$defs\/(.+)$/.exec(b.$ref)?.[1]
    return name === undefined ? b : (root.$defs?.[name] ?? b)
  }
  const kinds = branches.map((b) => resolve(b).properties?.kind)
  // Branches told apart by a `kind` constant: only the matching one can pass, so checking
  // the others is wasted work (a third of the time on large exports).
  if (kinds.every((k) => k !== undefined && 'const' in k)) {
    const match = branches.filter((_, i) => kinds[i]?.const === kind)
    if (match.length === 1) {
      validate(value, match[0]!, root, path, errors, limit)
      return
    }
  }
  const results = branches.map((b) => validate(value, b, root, path, [], limit))
  const passing = results.filter((r) => r.length === 0).length
  if (passing === 1) return
  if (passing > 1) return fail('matches more than one kind of record')
  const index = branches.findIndex((b) => resolve(b).properties?.kind?.const === kind)
  if (index < 0) {
    const kinds = branches.map((b) => show(resolve(b).properties?.kind?.const)).join(', ')
    return fail(`has an unknown kind ${show(kind)} (expected ${kinds})`)
  }
  for (const e of results[index] ?? []) if (errors.length < limit) errors.push(e)
}
