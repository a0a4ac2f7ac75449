import { describe, expect, it } from 'vitest'
import { headerValues } from './headers'

describe('headerValues', () => {
  it('finds headers by name in any case, skipping binary and empty ones', () => {
    const headers = [
      { name: 'Set-Cookie', value: 'a=1' },
      { name: 'set-cookie', value: 'b=2' },
      { name: 'SET-COOKIE' }, // binaryValue only
      { name: 'Set-Cookie', value: '' },
      { name: 'Content-Type', value: 'text/html' },
    ]
    expect(headerValues(headers, 'set-cookie')).toEqual(['a=1', 'b=2'])
    expect(headerValues(undefined, 'cookie')).toEqual([])
  })

  it('bounds the count and size of what it passes on', () => {
    const many = Array.from({ length: 1000 }, () => ({
      name: 'Cookie',
      value: 'x'.repeat(100_000),
    }))
    const values = headerValues(many, 'cookie')
    expect(values).toHaveLength(64)
    expect(values.every((v) => v.length === 16 * 1024)).toBe(true)
  })
})
