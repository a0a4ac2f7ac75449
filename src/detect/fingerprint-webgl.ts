import { callSummary, callsOf, distinctDetails, type ScriptActivity } from './probe-events'
import type { ScriptFinding } from './probe-events'
import type { SignalId } from './signals'

/**
 * `fingerprint.webgl`: reading the graphics card's real vendor or model
 * (WEBGL_debug_renderer_info's UNMASKED_VENDOR_WEBGL 0x9245 / UNMASKED_RENDERER_WEBGL 0x9246),
 * or bulk probing: ≥25 distinct parameters plus the list of supported extensions. A 3D app
 * (three.js, map libraries) reads about a dozen limits such as MAX_TEXTURE_SIZE and shader
 * precision, which is not enough on its own.
 * Fixtures: test/fixtures/sites/fp.test/webgl.html; clean: game.html.
 */
export const detector = {
  file: 'fingerprint-webgl',
  signals: ['fingerprint.webgl'] as const satisfies readonly SignalId[],
  needs: 'WebGL getParameter/getExtension/readPixels calls of each script',
}

const UNMASKED_VENDOR = 0x9245
const UNMASKED_RENDERER = 0x9246
export const MIN_PARAMETERS = 25

export function detectWebgl(activity: ScriptActivity): ScriptFinding[] {
  const params = distinctDetails(activity, 'webgl.getParameter')
  const unmasked = [UNMASKED_VENDOR, UNMASKED_RENDERER].filter((p) => params.has(p))
  const bulk =
    params.size >= MIN_PARAMETERS && callsOf(activity, 'webgl.getSupportedExtensions').length > 0
  if (unmasked.length === 0 && !bulk) return []
  return [
    {
      signal: 'fingerprint.webgl',
      detail: {
        graphicsCardRead: unmasked.length > 0,
        parametersRead: params.size,
        pixelsRead: callsOf(activity, 'webgl.readPixels').length > 0,
        calls: callSummary(activity, ['webgl.']),
      },
    },
  ]
}
