/**
 * MAIN-world entry, a self-contained classic script (no imports at run time, no
 * web-accessible files) run at document_start in every frame before the page's scripts.
 * Installs the probes, then connects to the bridge (see ../channel.ts).
 */
import { PORT_EVENT, READY_EVENT } from '../channel'
import { installAudio } from './audio'
import { installCanvas } from './canvas'
import { installConsent } from './consent'
import { connect, hideWrappers } from './core'
import { installListeners } from './listeners'
import { installNavigator } from './navigator'
import { installStorage } from './storage'
import { installWebgl } from './webgl'
import { installWebrtc } from './webrtc'

const addListener = EventTarget.prototype.addEventListener
const removeListener = EventTarget.prototype.removeEventListener
const dispatch = EventTarget.prototype.dispatchEvent
const preventDefault = Event.prototype.preventDefault

// No "already installed" marker on the page: any such mark would let pages detect the
// extension. The manifest injects this file once per frame.
{
  for (const install of [
    hideWrappers,
    installCanvas,
    installWebgl,
    installAudio,
    installWebrtc,
    installNavigator,
    installStorage,
    installListeners,
    installConsent,
  ]) {
    try {
      install()
    } catch {
      // A missing or odd API in this frame disables that family only.
    }
  }
  const onPort = (event: Event) => {
    const port = (event as MessageEvent).ports[0]
    if (port === undefined) return
    Reflect.apply(removeListener, document, [PORT_EVENT, onPort])
    // Tells the bridge, synchronously, that the port was taken (see bridge.ts).
    Reflect.apply(preventDefault, event, [])
    connect(port)
  }
  Reflect.apply(addListener, document, [PORT_EVENT, onPort])
  Reflect.apply(dispatch, document, [new Event(READY_EVENT)])
}
