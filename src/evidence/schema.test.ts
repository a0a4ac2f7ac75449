import { describe, expect, it } from 'vitest'
import { buildEvidence } from './build'
import { EVIDENCE_SCHEMA, KNOWN_KEYWORDS, validate, type Schema } from './schema'
import { input } from './test-data'

function keywords(schema: unknown, out = new Set<string>()): Set<string> {
  if (typeof schema !== 'object' || schema === null) return out
  for (const [k, v] of Object.entries(schema)) {
    out.add(k)
    if (k === 'properties' || k === '$defs')
      for (const s of Object.values(v as object)) keywords(s, out)
    else if (k === 'oneOf') for (const s of v as unknown[]) keywords(s, out)
    else if (k === 'items' || k === 'additionalProperties') keywords(v, out)
  }
  return out
}

describe('the evidence JSON Schema', () => {
  it('uses only keywords the validator implements', () => {
    expect([...keywords(EVIDENCE_SCHEMA)].filter((k) => !KNOWN_KEYWORDS.has(k))).toEqual([])
  })

  it('accepts exports built from fixture rows', async () => {
    expect(validate(await buildEvidence(input()))).toEqual([])
    expect(validate(await buildEvidence(input({ scope: { site: 'news.test' } })))).toEqual([])
  })

  it('checks types, patterns, minimums and enums', () => {
    const s: Schema = {
      type: 'object',
      properties: {
        n: { type: 'integer', minimum: 1 },
        h: { type: 'string', pattern: '^[0-9a-f]{4}$' },
        m: { enum: ['a', 'b'] },
        l: { type: 'array', maxItems: 1, items: { type: 'string' } },
      },
    }
    expect(validate({ n: 0, h: 'zz', m: 'c', l: ['x', 2] }, s)).toEqual([
      { path: 'n', message: 'must be at least 1, found 0' },
      { path: 'h', message: 'has the wrong form: "zz"' },
      { path: 'm', message: 'must be one of "a", "b", found "c"' },
      { path: 'l', message: 'must have at most 1 items, found 2' },
      { path: 'l[1]', message: 'must be string, found integer' },
    ])
    expect(validate({ n: 1.5 }, s)).toEqual([
      { path: 'n', message: 'must be integer, found number' },
    ])
  })

  it('refuses a schema keyword it does not implement rather than ignoring it', () => {
    expect(() => validate(1, { type: 'integer', maximum: 3 } as Schema)).toThrow(/maximum/)
  })
})
