import { describe, expect, it } from 'vitest'
import {
  at,
  formFields,
  isGoogleHost,
  jsonBody,
  list,
  looksHashed,
  pageHost,
  put,
  putEvents,
  requestFields,
  safely,
  stringAt,
  text,
  type Detail,
} from './request-fields'

const GOOGLE_HOSTS: [string, boolean][] = [
  ['www.google.com', true],
  ['google.com', true],
  ['www.google.de', true],
  ['www.google.co.uk', true],
  ['www.google.com.br', true],
  ['www.google.evil.example', false],
  ['google.com.evil.example', false],
  ['www.googleadservices.com', false],
  ['notgoogle.com', false],
  ['mail.google.com', false],
]

describe('request fields', () => {
  it.each(GOOGLE_HOSTS)('isGoogleHost(%s) -> %s', (host, expected) => {
    expect(isGoogleHost(host)).toBe(expected)
  })

  it('bounds and cleans text and lists', () => {
    expect(text('a\u0000b\nc ')).toBe('abc')
    expect(text('x'.repeat(500))).toHaveLength(100)
    expect(list(['a', 'a', '', ' ', 'b'])).toEqual(['a', 'b'])
    expect(list(Array.from({ length: 50 }, (_, i) => `v${i}`))).toHaveLength(20)
  })

  it('keeps the first value of each form field and survives invalid escapes', () => {
    const f = formFields('a=1&a=2&b=%E0%A4%A&%ZZ=3&c')
    expect(f.get('a')).toBe('1')
    expect(f.get('b')).toContain('\ufffd')
    expect(f.get('%ZZ')).toBe('3')
    expect(f.get('c')).toBe('')
  })

  it('parses JSON bodies only when they are JSON', () => {
    expect(jsonBody(' {"a":1}')).toEqual({ a: 1 })
    expect(jsonBody('[1]')).toEqual([1])
    expect(jsonBody('a=1')).toBeUndefined()
    expect(jsonBody('{"a":')).toBeUndefined()
    expect(jsonBody(undefined)).toBeUndefined()
    expect(jsonBody('[' + ' '.repeat(70_000) + ']')).toBeUndefined()
  })

  it('merges query and body, the query first, JSON flattened to bracket names two levels deep', () => {
    const url = new URL('https://h.example/p?id=1&ev=Q')
    const form = requestFields(url, 'ev=B&cd[value]=2')
    expect(Object.fromEntries(form)).toEqual({ id: '1', ev: 'Q', 'cd[value]': '2' })
    const json = requestFields(url, '{"ev":"B","ud":{"em":"h","deep":{"x":1}},"n":3,"t":true}')
    expect(Object.fromEntries(json)).toEqual({ id: '1', ev: 'Q', 'ud[em]': 'h', n: '3', t: 'true' })
  })

  it('reads JSON members by path without reaching the prototype', () => {
    const v = JSON.parse('{"a":{"b":"x","n":5,"e":" "},"__proto__":{"p":"y"}}') as unknown
    expect(stringAt(v, 'a', 'b')).toBe('x')
    expect(stringAt(v, 'a', 'n')).toBe('5')
    expect(stringAt(v, 'a', 'e')).toBeUndefined()
    expect(at(v, 'a', 'toString')).toBeUndefined()
    expect(at(v, 'constructor')).toBeUndefined()
    expect(at([1], '0')).toBeUndefined()
  })

  it('recognises SHA-256 hex and page hosts', () => {
    expect(looksHashed('A'.repeat(64))).toBe(true)
    expect(looksHashed('a'.repeat(63))).toBe(false)
    expect(looksHashed('someone@example.com')).toBe(false)
    expect(pageHost('https://shop.example/cart?u=me')).toBe('shop.example')
    expect(pageHost('not a url')).toBeUndefined()
    expect(pageHost('mailto:me@example.com')).toBeUndefined()
  })

  it('puts only what there is to show', () => {
    const d: Detail = {}
    put(d, 'a', '')
    put(d, 'b', [])
    put(d, 'c', undefined)
    put(d, 'd', false)
    putEvents(d, ['', 'View', 'View'])
    expect(d).toEqual({ d: false, event: 'View' })
    const two: Detail = {}
    putEvents(two, ['View', '', 'Buy', 'View'])
    expect(two).toEqual({ event: 'View', events: ['View', 'Buy'] })
  })

  it('turns a throwing detector into one that finds nothing', () => {
    const boom = safely(() => {
      throw new Error('bug')
    })
    expect(boom({ url: '', method: 'GET', type: 'image', pageSite: 'a', party: 'b' })).toEqual([])
  })
})
