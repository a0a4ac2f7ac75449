import { callSummary, callsOf, distinctDetails, type ScriptActivity } from './probe-events'
import type { ScriptFinding } from './probe-events'
import type { SignalId } from './signals'

/**
 * `fingerprint.canvas_font`: font probing through canvas (Englehardt & Narayanan 2016, §6.2):
 * the script sets ≥50 distinct fonts and measures the same text ≥50 times — which fonts are
 * installed shows in the widths. Text layout code measures many strings in a few fonts.
 * Fixtures: test/fixtures/sites/fp.test/fonts.html; clean: charts.html.
 */
export const detector = {
  file: 'fingerprint-canvas-font',
  signals: ['fingerprint.canvas_font'] as const satisfies readonly SignalId[],
  needs: 'font assignments and measureText calls of each script',
}

export const MIN_FONTS = 50
export const MIN_MEASURES = 50

export function detectCanvasFont(activity: ScriptActivity): ScriptFinding[] {
  const fonts = distinctDetails(activity, 'canvas.font')
  if (fonts.size < MIN_FONTS) return []
  const perText = new Map<string, number>()
  for (const c of callsOf(activity, 'canvas.measureText')) {
    const t = String(c.detail)
    perText.set(t, (perText.get(t) ?? 0) + 1)
  }
  const [text, measured] = [...perText].sort((a, b) => b[1] - a[1])[0] ?? ['', 0]
  if (measured < MIN_MEASURES) return []
  return [
    {
      signal: 'fingerprint.canvas_font',
      detail: {
        fontsTried: fonts.size,
        timesMeasured: measured,
        textMeasured: text.slice(0, 40),
        someFonts: [...fonts].slice(0, 5).map(String),
        calls: callSummary(activity, ['canvas.font', 'canvas.measureText']),
      },
    },
  ]
}
