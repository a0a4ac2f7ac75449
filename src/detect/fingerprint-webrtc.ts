import { callSummary, callsOf, type ScriptActivity, type ScriptFinding } from './probe-events'
import type { SignalId } from './signals'

/**
 * `fingerprint.webrtc`: local address discovery — a peer connection gets a data channel, an
 * offer and an ICE-candidate handler, yet never a remote description or a media track, so no
 * call ever happens: the candidates (local and public IP addresses) are the point.
 * Fixtures: test/fixtures/sites/fp.test/webrtc.html; clean: a call (setRemoteDescription).
 */
export const detector = {
  file: 'fingerprint-webrtc',
  signals: ['fingerprint.webrtc'] as const satisfies readonly SignalId[],
  needs: 'RTCPeerConnection calls of each script',
}

export function detectWebrtc(activity: ScriptActivity): ScriptFinding[] {
  const has = (api: string) => callsOf(activity, api).length > 0
  if (!has('rtc.createDataChannel') || !has('rtc.createOffer') || !has('rtc.icecandidate'))
    return []
  if (has('rtc.setRemoteDescription') || has('rtc.addTrack')) return []
  return [{ signal: 'fingerprint.webrtc', detail: { calls: callSummary(activity, ['rtc.']) } }]
}
