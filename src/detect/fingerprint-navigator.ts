import type { ScriptActivity, ScriptFinding } from './probe-events'
import type { SignalId } from './signals'

/**
 * `fingerprint.navigator`: one script reading many distinct device properties (navigator,
 * screen, time zone, battery, media devices, client hints).
 *
 * Threshold, from the fixtures and the libraries they imitate: FingerprintJS 3.4 reads 16 of
 * these properties (fingerprintjs.html); analytics tags read ~4–7 (screen size, colour
 * depth, language, user agent, time zone: Google's gtag.js and Hotjar); a site adapting its
 * layout reads 1–3. Ten distinct properties separates them with room on both sides.
 * Fixtures: test/fixtures/sites/fp.test/fingerprintjs.html, navigator.html; clean: forms.html.
 */
export const detector = {
  file: 'fingerprint-navigator',
  signals: ['fingerprint.navigator'] as const satisfies readonly SignalId[],
  needs: 'navigator/screen/Intl property reads of each script',
}

export const MIN_PROPERTIES = 10

const DEVICE = /^(?:nav|screen|intl)\./

export function detectNavigator(activity: ScriptActivity): ScriptFinding[] {
  const read = new Set(activity.calls.filter((c) => DEVICE.test(c.api)).map((c) => c.api))
  if (read.size < MIN_PROPERTIES) return []
  return [
    {
      signal: 'fingerprint.navigator',
      detail: {
        propertiesRead: read.size,
        properties: [...read].slice(0, 20).map((api) => api.replace(/^(?:nav|intl)\./, '')),
      },
    },
  ]
}
