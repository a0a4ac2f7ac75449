import { callSummary, type ScriptActivity, type ScriptFinding } from './probe-events'
import type { SignalId } from './signals'

/**
 * `fingerprint.canvas`, after Englehardt & Narayanan, "Online Tracking: A 1-million-site
 * Measurement and Analysis" (CCS 2016, §6.1): on one canvas, text is written (fillText or
 * strokeText) with ≥10 distinct characters or in ≥2 colours; the image is read back with
 * toDataURL/toBlob on a canvas of at least 16×16, or getImageData of an area of at least
 * 16×16; and the script does not call save/restore or add event listeners to that canvas
 * (drawing apps and charts do). Text made only of emoji is an emoji-support probe
 * (WordPress, Modernizr) and is ignored.
 * Fixtures: test/fixtures/sites/fp.test/canvas.html, fingerprintjs.html; clean: charts.html,
 * emoji.html.
 */
export const detector = {
  file: 'fingerprint-canvas',
  signals: ['fingerprint.canvas'] as const satisfies readonly SignalId[],
  needs: 'canvas calls of each script: text, colours, readback size, save/restore, listeners',
}

// Emoji, flags, skin tones, keycaps and the joiners/selectors between them.
const EMOJI =
  /\p{Extended_Pictographic}|\p{Regional_Indicator}|\p{Emoji_Modifier}|\u200b|\u200d|\u20e3|\ufe0f/gu

const MIN_SIDE = 16

function bigEnough(size: string | number): boolean {
  const m = /^(\d+)x(\d+)$/.exec(String(size))
  return m !== null && Number(m[1]) >= MIN_SIDE && Number(m[2]) >= MIN_SIDE
}

export function detectCanvas(activity: ScriptActivity): ScriptFinding[] {
  const canvases = new Set(activity.calls.filter((c) => c.canvas > 0).map((c) => c.canvas))
  for (const id of canvases) {
    const calls = activity.calls.filter((c) => c.canvas === id)
    const of = (...apis: string[]) => calls.filter((c) => apis.includes(c.api))
    if (of('canvas.save', 'canvas.restore', 'canvas.addEventListener').length > 0) continue
    const texts = of('canvas.fillText', 'canvas.strokeText').map((c) => String(c.detail))
    const plain = texts.join('').replace(EMOJI, '')
    if (plain.trim() === '') continue
    const chars = new Set(plain).size
    const colours = new Set(of('canvas.fillStyle', 'canvas.strokeStyle').map((c) => c.detail)).size
    if (chars < 10 && colours < 2) continue
    const readback = of('canvas.toDataURL', 'canvas.toBlob', 'canvas.getImageData').find((c) =>
      bigEnough(c.detail),
    )
    if (readback === undefined) continue
    return [
      {
        signal: 'fingerprint.canvas',
        detail: {
          textDrawn: texts.slice(0, 3).map((t) => t.slice(0, 40)),
          colours,
          readBack: `${readback.api.slice('canvas.'.length)} ${readback.detail}`,
          calls: callSummary(activity, ['canvas.']),
        },
      },
    ]
  }
  return []
}
