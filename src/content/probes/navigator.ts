/** Navigator, screen and Intl: device properties a fingerprint combines. */
import { NAVIGATOR_PROPERTIES, SCREEN_PROPERTIES } from '@/detect/probe-properties'
import { record, sampling, wrapAccessor, wrapMethod } from './core'

export function installNavigator(): void {
  const Nav = globalThis.Navigator?.prototype
  const Scr = globalThis.Screen?.prototype
  const read = (api: string) => () => {
    if (sampling(api)) record(api, 0, '')
  }
  for (const p of NAVIGATOR_PROPERTIES) wrapAccessor(Nav, p, read(`nav.${p}`), null)
  for (const p of SCREEN_PROPERTIES) wrapAccessor(Scr, p, read(`screen.${p}`), null)
  wrapMethod(Nav, 'getBattery', read('nav.getBattery'))
  wrapMethod(globalThis.MediaDevices?.prototype, 'enumerateDevices', read('nav.enumerateDevices'))
  wrapMethod(
    (globalThis as { NavigatorUAData?: { prototype: object } }).NavigatorUAData?.prototype,
    'getHighEntropyValues',
    read('nav.getHighEntropyValues'),
  )
  wrapMethod(Intl.DateTimeFormat.prototype, 'resolvedOptions', read('intl.timeZone'))
}
