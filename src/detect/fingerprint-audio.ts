import { callSummary, callsOf, type ScriptActivity, type ScriptFinding } from './probe-events'
import type { SignalId } from './signals'

/**
 * `fingerprint.audio`: the audio-stack fingerprint (Englehardt & Narayanan 2016, §6.4): an
 * OfflineAudioContext renders an oscillator through a dynamics compressor and the result is
 * read (startRendering). The older live variant reads an analyser fed by an oscillator and a
 * compressor. A game or music player makes oscillators but does not render them offline, and
 * a visualiser reads an analyser without the oscillator-plus-compressor pair.
 * Fixtures: test/fixtures/sites/fp.test/audio.html, fingerprintjs.html; clean: game.html.
 */
export const detector = {
  file: 'fingerprint-audio',
  signals: ['fingerprint.audio'] as const satisfies readonly SignalId[],
  needs: 'Web Audio node creation, offline rendering and analyser reads of each script',
}

export function detectAudio(activity: ScriptActivity): ScriptFinding[] {
  const made = (api: string, kind: string) => callsOf(activity, api).some((c) => c.detail === kind)
  const offline =
    made('audio.createOscillator', 'offline') &&
    made('audio.createDynamicsCompressor', 'offline') &&
    callsOf(activity, 'audio.startRendering').length > 0
  const live =
    made('audio.createOscillator', 'live') &&
    made('audio.createDynamicsCompressor', 'live') &&
    made('audio.createAnalyser', 'live') &&
    callsOf(activity, 'audio.analyserRead').length > 0
  if (!offline && !live) return []
  return [
    {
      signal: 'fingerprint.audio',
      detail: {
        method: offline ? 'offline rendering' : 'analyser',
        calls: callSummary(activity, ['audio.']),
      },
    },
  ]
}
