import { describe, expect, it } from 'vitest'
import { callSummary, parseProbeEvent } from './probe-events'

describe('parseProbeEvent', () => {
  it('accepts a well-formed wire tuple', () => {
    expect(parseProbeEvent(['canvas.toDataURL', 'https://a.test/x.js', 3, '240x60'])).toEqual({
      api: 'canvas.toDataURL',
      script: 'https://a.test/x.js',
      canvas: 3,
      detail: '240x60',
    })
    expect(parseProbeEvent(['webgl.getParameter', '', 0, 37446])?.detail).toBe(37446)
  })

  it.each([
    ['not an array', { api: 'canvas.fillText' }],
    ['too short', ['canvas.fillText', '', 0]],
    ['an unknown api', ['document.write', '', 0, '']],
    ['a prototype key as api', ['__proto__', '', 0, '']],
    ['a script that is not a web URL', ['canvas.fillText', 'javascript:alert(1)', 0, '']],
    ['an extension script', ['canvas.fillText', 'chrome-extension://abc/x.js', 0, '']],
    ['a huge script URL', ['canvas.fillText', `https://a.test/${'x'.repeat(600)}`, 0, '']],
    ['a huge detail', ['canvas.fillText', '', 0, 'x'.repeat(201)]],
    ['an object detail', ['canvas.fillText', '', 0, { toString: 'x' }]],
    ['an infinite detail', ['webgl.getParameter', '', 0, Infinity]],
    ['a fractional canvas', ['canvas.fillText', '', 1.5, '']],
    ['a negative canvas', ['canvas.fillText', '', -1, '']],
  ])('rejects %s', (_what, value) => {
    expect(parseProbeEvent(value)).toBeNull()
  })
})

describe('callSummary', () => {
  it('counts calls per API, for the given families only', () => {
    const calls = [
      { api: 'canvas.fillText', canvas: 1, detail: 'a' },
      { api: 'canvas.fillText', canvas: 1, detail: 'b' },
      { api: 'webgl.getParameter', canvas: 0, detail: 1 },
    ]
    expect(callSummary({ script: '', calls }, ['canvas.'])).toEqual(['canvas.fillText ×2'])
  })
})
