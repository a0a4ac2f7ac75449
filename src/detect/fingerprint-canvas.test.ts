import { describe, expect, it } from 'vitest'
import { detectCanvas } from './fingerprint-canvas'
import type { ProbeCall } from './probe-events'

const call = (api: string, detail: string | number = '', canvas = 1): ProbeCall => ({
  api: `canvas.${api}`,
  canvas,
  detail,
})
const run = (calls: ProbeCall[]) => detectCanvas({ script: 'https://fp.test/a.js', calls })

const PANGRAM = 'Cwm fjordbank glyphs vext quiz, 😃'
const fingerprint = [
  call('fillStyle', '#069'),
  call('fillText', PANGRAM),
  call('toDataURL', '240x60'),
]

describe('fingerprint.canvas', () => {
  it.each<[string, ProbeCall[]]>([
    ['text with ≥10 distinct characters read back by toDataURL', fingerprint],
    [
      'two colours and short text, read by getImageData of 16×16',
      [
        call('fillStyle', '#f60'),
        call('fillStyle', '#069'),
        call('fillText', 'abc'),
        call('getImageData', '16x16'),
      ],
    ],
    [
      'strokeText read back by toBlob',
      [call('strokeText', 'Hello, world! 123'), call('toBlob', '300x150')],
    ],
    [
      'FingerprintJS-like: two canvases, the text one is the fingerprint',
      [call('fillText', 'x', 2), call('toDataURL', '122x110', 2), ...fingerprint],
    ],
  ])('finds %s', (_what, calls) => {
    const found = run(calls)
    expect(found).toHaveLength(1)
    expect(found[0]?.signal).toBe('fingerprint.canvas')
    expect(found[0]?.detail.readBack).toMatch(/^(toDataURL|toBlob|getImageData) \d+x\d+$/)
  })

  it.each<[string, ProbeCall[]]>([
    [
      'an emoji support probe (WordPress)',
      [
        call('fillText', '\ud83c\udff3\ufe0f\u200d\u26a7\ufe0f'),
        call('toDataURL', '300x150'),
        call('fillText', '\ud83c\udff3\ufe0f\u200b\u26a7\ufe0f'),
        call('toDataURL', '300x150'),
      ],
    ],
    [
      'a flag emoji probe with two colours',
      [
        call('fillStyle', '#000'),
        call('fillStyle', '#fff'),
        call('fillText', '🇺🇳'),
        call('toDataURL', '300x150'),
      ],
    ],
    ['a readback smaller than 16×16', [call('fillText', PANGRAM), call('toDataURL', '15x60')]],
    ['getImageData of a small area', [call('fillText', PANGRAM), call('getImageData', '1x1')]],
    ['short text in one colour', [call('fillText', 'abc'), call('toDataURL', '300x150')]],
    [
      'text but no readback (a chart)',
      [call('fillStyle', '#4e79a7'), call('fillText', 'January February')],
    ],
    ['a chart using save/restore', [call('save'), ...fingerprint, call('restore')]],
    ['an interactive canvas with listeners', [call('addEventListener'), ...fingerprint]],
    [
      'text on one canvas, readback of another',
      [call('fillText', PANGRAM, 1), call('toDataURL', '300x150', 2)],
    ],
    ['nothing drawn', []],
  ])('ignores %s', (_what, calls) => {
    expect(run(calls)).toEqual([])
  })
})
