import { describe, expect, it } from 'vitest'
import { detectWebrtc } from './fingerprint-webrtc'
import type { ProbeCall } from './probe-events'

const r = (name: string): ProbeCall => ({ api: `rtc.${name}`, canvas: 0, detail: '' })
const run = (calls: ProbeCall[]) => detectWebrtc({ script: 'https://fp.test/r.js', calls })
const DISCOVERY = [r('createDataChannel'), r('icecandidate'), r('createOffer')]

describe('fingerprint.webrtc', () => {
  it('finds a data channel, an offer and an ICE handler with no call', () => {
    expect(run(DISCOVERY)).toHaveLength(1)
  })

  it.each<[string, ProbeCall[]]>([
    [
      'a video call (remote description, tracks)',
      [...DISCOVERY, r('addTrack'), r('setRemoteDescription')],
    ],
    ['a data-channel app that connects to a peer', [...DISCOVERY, r('setRemoteDescription')]],
    ['an offer without an ICE handler', [r('createDataChannel'), r('createOffer')]],
    ['no data channel', [r('icecandidate'), r('createOffer')]],
    ['nothing', []],
  ])('ignores %s', (_what, calls) => {
    expect(run(calls)).toEqual([])
  })
})
