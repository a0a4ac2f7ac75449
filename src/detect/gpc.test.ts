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
    ['"gpc": false', '{"gpc": false}', 'The site says it does not honour GPC.'],
    ['"gpc" as a string', '{"gpc": "true"}', 'The file does not say true or false for GPC.'],
    ['no gpc member', '{"version": 1}', 'The file does not say true or false for GPC.'],
    ['an array', '[true]', 'The file does not hold a GPC declaration.'],
    ['null', 'null', 'The file does not hold a GPC declaration.'],
    ['broken JSON', '{"gpc": tru', 'The file is not valid JSON.'],
  ])('does not honour: %s', (_, text, reason) => {
    expect(json(text)).toEqual({ honours: false, reason })
  })

  it('recognises a web page served instead of the file (a catch-all route)', () => {
    expect(json('<!doctype html><p>Not found</p>', 200, 'text/html')).toEqual({
      honours: false,
      reason: 'The site answered with a web page, not a GPC file.',
    })
  })

  it.each([
    [404, 'The site has no GPC file.'],
    [410, 'The site has no GPC file.'],
    [500, 'The site answered with an error (500).'],
    [301, 'The site answered with an error (301).'],
  ])('status %i', (status, reason) => {
    expect(json('{"gpc": true}', status)).toEqual({ honours: false, reason })
  })

  it('refuses a file too large to be a GPC file', () => {
    expect(json(undefined)).toEqual({
      honours: false,
      reason: 'The file is too large to be a GPC file.',
    })
  })

  it('ignores a malformed date', () => {
    expect(json('{"gpc": true, "lastUpdate": "<b>soon</b>"}')).toEqual({ honours: true })
  })
})
