/**
 * Device properties the navigator probe watches (src/content/probes/navigator.ts) and the
 * background accepts from it (probe-events.ts): one list, so the two cannot drift apart.
 */
export const NAVIGATOR_PROPERTIES = [
  'userAgent',
  'appVersion',
  'platform',
  'language',
  'languages',
  'hardwareConcurrency',
  'deviceMemory',
  'plugins',
  'mimeTypes',
  'vendor',
  'maxTouchPoints',
  'doNotTrack',
  'cookieEnabled',
  'pdfViewerEnabled',
  'oscpu',
  'buildID',
  'userAgentData',
] as const

export const SCREEN_PROPERTIES = [
  'width',
  'height',
  'availWidth',
  'availHeight',
  'colorDepth',
  'pixelDepth',
] as const
