/** Stable signal ids shared by database, export, UI and tests (DESIGN.md §3). */
export const SIGNAL_IDS = [
  'tracker.request',
  'thirdparty.request',
  'thirdparty.learned',
  'cookie.thirdparty',
  'cookie.identifier',
  'storage.identifier',
  'fingerprint.canvas',
  'fingerprint.canvas_font',
  'fingerprint.webgl',
  'fingerprint.audio',
  'fingerprint.webrtc',
  'fingerprint.navigator',
  'session.recording',
  'input.exfiltration',
  'pixel.facebook',
  'pixel.tiktok',
  'pixel.linkedin',
  'pixel.x',
  'pixel.google_ads',
  'analytics.remarketing',
  'link.decoration',
  'id.sync',
  'personalization',
  'consent.tcf',
  'consent.usp',
  'consent.gpp',
  'consent.cmp',
  'consent.before',
  'gpc.sent',
  'gpc.support',
  'gpc.ignored',
  'cname.cloaked',
] as const

export type SignalId = (typeof SIGNAL_IDS)[number]

export function isSignalId(value: unknown): value is SignalId {
  return typeof value === 'string' && (SIGNAL_IDS as readonly string[]).includes(value)
}
