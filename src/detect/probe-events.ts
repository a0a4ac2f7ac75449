/**
 * What the MAIN-world probes report, as the background's detectors see it. Everything here
 * came from a web page: shapes, sizes and names are checked before anything uses them.
 */
import { NAVIGATOR_PROPERTIES, SCREEN_PROPERTIES } from './probe-properties'
import type { DetailValue } from './types'
import type { SignalId } from './signals'

/** The page's consent APIs (src/content/probes/consent.ts): events of its CMP, not calls. */
export const CONSENT_APIS = ['consent.tcf', 'consent.gpp', 'consent.usp', 'consent.cmp'] as const
export type ConsentApi = (typeof CONSENT_APIS)[number]
/** Consent events carry a consent string: real TC strings with many vendors run to a few KB. */
export const MAX_CONSENT_DETAIL = 4100

/** Every API name a probe may report (src/content/probes/*). */
export const PROBE_APIS: ReadonlySet<string> = new Set([
  'canvas.fillText',
  'canvas.strokeText',
  'canvas.measureText',
  'canvas.save',
  'canvas.restore',
  'canvas.getImageData',
  'canvas.fillStyle',
  'canvas.strokeStyle',
  'canvas.font',
  'canvas.toDataURL',
  'canvas.toBlob',
  'canvas.addEventListener',
  'webgl.getParameter',
  'webgl.getExtension',
  'webgl.getSupportedExtensions',
  'webgl.readPixels',
  'webgl.getShaderPrecisionFormat',
  'audio.createOscillator',
  'audio.createDynamicsCompressor',
  'audio.createAnalyser',
  'audio.startRendering',
  'audio.analyserRead',
  'rtc.createDataChannel',
  'rtc.createOffer',
  'rtc.setRemoteDescription',
  'rtc.addTrack',
  'rtc.icecandidate',
  ...[...NAVIGATOR_PROPERTIES, 'getBattery', 'enumerateDevices', 'getHighEntropyValues'].map(
    (p) => `nav.${p}`,
  ),
  ...SCREEN_PROPERTIES.map((p) => `screen.${p}`),
  'intl.timeZone',
  'storage.local',
  'storage.session',
  'storage.cookie',
  'storage.indexedDB',
  'listen.key',
  'listen.input',
  'listen.mouse',
  'listen.scroll',
  'dom.observe',
  'net.post',
  ...CONSENT_APIS,
])

/** One recorded call. `canvas` ties canvas calls to one element (0: none). */
export interface ProbeCall {
  api: string
  canvas: number
  detail: string | number
}

export interface ProbeEvent extends ProbeCall {
  /** URL of the calling script as the page's stack trace named it ('' when unknown). */
  script: string
}

/** What one script did in one frame, in call order (bounded). */
export interface ScriptActivity {
  script: string
  calls: readonly ProbeCall[]
}

export interface ScriptFinding {
  signal: SignalId
  /** Small and bounded: the calls that triggered the finding, counts, names. */
  detail: Record<string, DetailValue>
}

export type ScriptDetector = (activity: ScriptActivity) => ScriptFinding[]

export const MAX_SCRIPT_URL = 500
export const MAX_DETAIL = 200
export const MAX_EVENTS_PER_MESSAGE = 500

/** The probe wire tuple [api, script, canvas, detail] checked and turned into an event. */
export function parseProbeEvent(value: unknown): ProbeEvent | null {
  if (!Array.isArray(value) || value.length !== 4) return null
  const [api, script, canvas, detail] = value as unknown[]
  if (typeof api !== 'string' || !PROBE_APIS.has(api)) return null
  if (typeof script !== 'string' || script.length > MAX_SCRIPT_URL) return null
  if (script !== '' && !/^(?:https?|file|blob):/.test(script)) return null
  if (!Number.isInteger(canvas) || (canvas as number) < 0 || (canvas as number) > 1e6) return null
  if ((CONSENT_APIS as readonly string[]).includes(api)) {
    if (script !== '' || canvas !== 0) return null
    return parseConsentEvent(api as ConsentApi, detail) === null
      ? null
      : { api, script, canvas: 0, detail: detail as string }
  }
  const okDetail =
    (typeof detail === 'string' && detail.length <= MAX_DETAIL) ||
    (typeof detail === 'number' && Number.isFinite(detail))
  if (!okDetail) return null
  return { api, script, canvas: canvas as number, detail: detail as string | number }
}

/** Calls of one API, in order. */
export const callsOf = (a: ScriptActivity, api: string) => a.calls.filter((c) => c.api === api)

/** Distinct details of the calls of one API. */
export const distinctDetails = (a: ScriptActivity, api: string) =>
  new Set(callsOf(a, api).map((c) => c.detail))

/** Evidence: the names of the APIs called, with counts, at most 12 of them. */
export function callSummary(a: ScriptActivity, prefixes: readonly string[]): string[] {
  const counts = new Map<string, number>()
  for (const c of a.calls) {
    if (prefixes.some((p) => c.api.startsWith(p))) counts.set(c.api, (counts.get(c.api) ?? 0) + 1)
  }
  return [...counts].slice(0, 12).map(([api, n]) => (n > 1 ? `${api} ×${n}` : api))
}

/** One event of the page's consent API, as the probe saw it. */
export interface ConsentEvent {
  api: ConsentApi
  /** Page clock (ms since epoch) when the CMP called back: checked against ours before use. */
  pageAt: number
  /** tcloaded | cmpuishown | useractioncomplete (TCF); cmpDisplayStatus:visible … (GPP);
   * getUSPData (USP); global (CMP). */
  event: string
  /** The consent string the CMP handed over ('' when none); the property name for `global`. */
  text: string
}

const CONSENT_SHAPES: Record<ConsentApi, RegExp> = {
  'consent.tcf': /^(\d{1,15}) (tcloaded|cmpuishown|useractioncomplete)(?: (C[\w.-]{19,4000}))?$/,
  'consent.gpp':
    /^(\d{1,15}) (cmpDisplayStatus:(?:visible|hidden|disabled)|signalStatus:(?:ready|not_ready))(?: (DB[\w.~-]{2,4000}))?$/,
  'consent.usp': /^(\d{1,15}) (getUSPData) (1[YN-]{3})$/i,
  // A consent platform's object on window (src/data/cmps.ts), by its property name.
  // …or its banner on screen, by the platform's slug.
  'consent.cmp': /^(\d{1,15}) (global|banner) ([A-Za-z_$][\w$-]{2,40})$/,
}

/** The wire detail of a consent event, strictly checked; null for anything else. */
export function parseConsentEvent(api: ConsentApi, detail: unknown): ConsentEvent | null {
  if (typeof detail !== 'string' || detail.length > MAX_CONSENT_DETAIL) return null
  const m = CONSENT_SHAPES[api].exec(detail)
  if (m === null) return null
  return { api, pageAt: Number(m[1]), event: m[2] ?? '', text: m[3] ?? '' }
}
