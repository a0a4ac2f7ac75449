/** Navigator, screen and Intl: device properties a fingerprint combines. */
import { record, sampling, wrapAccessor, wrapMethod } from './core'

const NAVIGATOR = [
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
]
const SCREEN = ['width', 'height', 'availWidth', 'availHeight', 'colorDepth', 'pixelDepth']

export function installNavigator(): void {
  const Nav = globalThis.Navigator?.prototype
  const Scr = globalThis.Screen?.prototype
  const read = (api: string) => () => {
    if (sampling(api)) record(api, 0, '')
  }
  for (const p of NAVIGATOR) wrapAccessor(Nav, p, read(`nav.${p}`), null)
  for (const p of SCREEN) wrapAccessor(Scr, p, read(`screen.${p}`), null)
  wrapMethod(Nav, 'getBattery', read('nav.getBattery'))
  wrapMethod(globalThis.MediaDevices?.prototype, 'enumerateDevices', read('nav.enumerateDevices'))
  wrapMethod(
    (globalThis as { NavigatorUAData?: { prototype: object } }).NavigatorUAData?.prototype,
    'getHighEntropyValues',
    read('nav.getHighEntropyValues'),
  )
  wrapMethod(Intl.DateTimeFormat.prototype, 'resolvedOptions', read('intl.timeZone'))
}
