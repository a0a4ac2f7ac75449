import { describe, expect, it } from 'vitest'
import { detectWebgl } from './fingerprint-webgl'
import type { ProbeCall } from './probe-events'

const param = (p: number): ProbeCall => ({ api: 'webgl.getParameter', canvas: 0, detail: p })
const api = (name: string, detail: string | number = ''): ProbeCall => ({
  api: `webgl.${name}`,
  canvas: 0,
  detail,
})
const run = (calls: ProbeCall[]) => detectWebgl({ script: 'https://fp.test/w.js', calls })

// Ordinary limits a 3D engine reads (three.js WebGLCapabilities).
const ENGINE = [
  0x8872, 0x8b4c, 0x0d33, 0x851c, 0x8869, 0x8dfb, 0x8dfc, 0x8dfd, 0x1f02, 0x0c10, 0x0ba2,
]

describe('fingerprint.webgl', () => {
  it.each<[string, ProbeCall[], boolean]>([
    [
      'the unmasked renderer',
      [api('getExtension', 'WEBGL_debug_renderer_info'), param(0x9246)],
      true,
    ],
    ['the unmasked vendor only', [param(0x9245)], true],
    [
      '25 parameters and the extension list',
      [...Array.from({ length: 25 }, (_, i) => param(0x1000 + i)), api('getSupportedExtensions')],
      false,
    ],
  ])('finds %s', (_what, calls, card) => {
    const found = run(calls)
    expect(found).toHaveLength(1)
    expect(found[0]?.detail.graphicsCardRead).toBe(card)
  })

  it.each<[string, ProbeCall[]]>([
    [
      'a 3D engine reading its limits and shader precision',
      [
        ...ENGINE.map(param),
        api('getShaderPrecisionFormat'),
        api('getShaderPrecisionFormat'),
        api('getExtension', 'OES_texture_float'),
      ],
    ],
    [
      '25 parameters without the extension list',
      Array.from({ length: 25 }, (_, i) => param(0x1000 + i)),
    ],
    [
      'the extension list and a few parameters',
      [api('getSupportedExtensions'), ...ENGINE.slice(0, 4).map(param)],
    ],
    [
      'asking for the debug extension without reading it',
      [api('getExtension', 'WEBGL_debug_renderer_info')],
    ],
    ['nothing', []],
  ])('ignores %s', (_what, calls) => {
    expect(run(calls)).toEqual([])
  })
})
