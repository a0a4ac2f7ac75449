import { describe, expect, it } from 'vitest'
import { gpcSupport } from './gpc'

const json = (text: string | undefined, status = 200, contentType = 'application/json') =>
  gpcSupport({ status, contentType, text })

describe('gpc.json', () => {
  it('honours: "gpc": true, with its date', () => {
    expect(json('{"gpc": true, "lastUpdate": "2025-06-01"}')).toEqual({
      honours: true,
      lastUpdate: '2025-06-01',
    })
  })

  it.each([
    ['"gpc": false', '{"gpc": false}', 'gpc-says-no'],
    ['"gpc" as a string', '{"gpc": "true"}', 'gpc-file-not-boolean'],
    ['no gpc member', '{"version": 1}', 'gpc-file-not-boolean'],
    ['an array', '[true]', 'gpc-file-no-declaration'],
    ['null', 'null', 'gpc-file-no-declaration'],
    ['broken JSON', '{"gpc": tru', 'gpc-file-not-json'],
  ])('does not honour: %s', (_, text, reason) => {
    expect(json(text)).toEqual({ honours: false, reason })
  })

  it('recognises a web page served instead of the file (a catch-all route)', () => {
    expect(json('<!doctype html><p>Not found</p>', 200, 'text/html')).toEqual({
      honours: false,
      reason: 'gpc-file-web-page',
    })
  })

  it.each([404, 410])('status %i: no file', (status) => {
    expect(json('{"gpc": true}', status)).toEqual({ honours: false, reason: 'gpc-file-missing' })
  })

  it.each([500, 301])('status %i: an error, with its status', (status) => {
    expect(json('{"gpc": true}', status)).toEqual({
      honours: false,
      reason: 'gpc-file-error',
      status,
    })
  })

  it('refuses a file too large to be a GPC file', () => {
    expect(json(undefined)).toEqual({
      honours: false,
      reason: 'gpc-file-too-large',
    })
  })

  it('ignores a malformed date', () => {
    expect(json('{"gpc": true, "lastUpdate": "<b>soon</b>"}')).toEqual({ honours: true })
  })
})
