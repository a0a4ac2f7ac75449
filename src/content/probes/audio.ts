/** Web Audio: the OfflineAudioContext + oscillator + compressor + render recipe, and analyser
 * reads of the older AudioContext recipe. */
import { record, sampling, wrapMethod } from './core'

export function installAudio(): void {
  const Base = globalThis.BaseAudioContext?.prototype
  const Offline = globalThis.OfflineAudioContext
  const kind = (self: unknown) =>
    Offline !== undefined && self instanceof Offline ? 'offline' : 'live'
  for (const api of ['createOscillator', 'createDynamicsCompressor', 'createAnalyser']) {
    wrapMethod(Base, api, (self) => {
      if (sampling(`audio.${api}`)) record(`audio.${api}`, 0, kind(self))
    })
  }
  wrapMethod(Offline?.prototype, 'startRendering', () => {
    if (sampling('audio.startRendering')) record('audio.startRendering', 0, 'offline')
  })
  const Analyser = globalThis.AnalyserNode?.prototype
  for (const api of ['getFloatFrequencyData', 'getByteFrequencyData', 'getFloatTimeDomainData']) {
    wrapMethod(Analyser, api, () => {
      if (sampling('audio.analyserRead')) record('audio.analyserRead', 0, api)
    })
  }
}
