/** WebRTC: a data channel and an offer with an ICE-candidate handler reveal local addresses
 * without any call taking place. */
import { record, sampling, wrapAccessor, wrapMethod } from './core'

export function installWebrtc(): void {
  const Peer = globalThis.RTCPeerConnection?.prototype
  if (Peer === undefined) return
  for (const api of ['createDataChannel', 'createOffer', 'setRemoteDescription', 'addTrack']) {
    wrapMethod(Peer, api, () => {
      if (sampling(`rtc.${api}`)) record(`rtc.${api}`, 0, '')
    })
  }
  wrapAccessor(Peer, 'onicecandidate', null, () => {
    if (sampling('rtc.icecandidate')) record('rtc.icecandidate', 0, 'handler')
  })
}

/** addEventListener('icecandidate') on a peer connection, seen by the listener probe. */
export function rtcListener(target: unknown, type: string): void {
  const Peer = globalThis.RTCPeerConnection
  if (type === 'icecandidate' && Peer !== undefined && target instanceof Peer)
    if (sampling('rtc.icecandidate')) record('rtc.icecandidate', 0, 'listener')
}
