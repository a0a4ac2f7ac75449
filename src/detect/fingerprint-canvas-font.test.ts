import { describe, expect, it } from 'vitest'
import { detectCanvasFont } from './fingerprint-canvas-font'
import type { ProbeCall } from './probe-events'

const fonts = (n: number): ProbeCall[] =>
  Array.from({ length: n }, (_, i) => ({ api: 'canvas.font', canvas: 1, detail: `72px font${i}` }))
const measures = (n: number, text = 'mmmmmmmmmmlli'): ProbeCall[] =>
  Array.from({ length: n }, () => ({ api: 'canvas.measureText', canvas: 1, detail: text }))
const run = (calls: ProbeCall[]) => detectCanvasFont({ script: 'https://fp.test/f.js', calls })

describe('fingerprint.canvas_font', () => {
  it('finds 50 fonts and 50 measurements of one string', () => {
    const found = run([...fonts(50), ...measures(50)])
    expect(found).toHaveLength(1)
    expect(found[0]?.detail).toMatchObject({
      fontsTried: 50,
      timesMeasured: 50,
      textMeasured: 'mmmmmmmmmmlli',
    })
  })

  it.each<[string, ProbeCall[]]>([
    ['49 fonts', [...fonts(49), ...measures(60)]],
    ['49 measurements', [...fonts(60), ...measures(49)]],
    [
      'text layout: many strings measured in a few fonts',
      [
        ...fonts(3),
        ...Array.from({ length: 200 }, (_, i) => ({
          api: 'canvas.measureText',
          canvas: 1,
          detail: `word${i}`,
        })),
      ],
    ],
    [
      'the same font set 100 times',
      [
        ...Array.from({ length: 100 }, () => ({
          api: 'canvas.font',
          canvas: 1,
          detail: '12px Arial',
        })),
        ...measures(100),
      ],
    ],
    [
      'many fonts, many different strings',
      [
        ...fonts(60),
        ...Array.from({ length: 60 }, (_, i) => ({
          api: 'canvas.measureText',
          canvas: 1,
          detail: `label ${i}`,
        })),
      ],
    ],
    ['nothing', []],
  ])('ignores %s', (_what, calls) => {
    expect(run(calls)).toEqual([])
  })
})
