import { describe, expect, it } from 'vitest'
import { detectAudio } from './fingerprint-audio'
import type { ProbeCall } from './probe-events'

const a = (name: string, detail = 'offline'): ProbeCall => ({
  api: `audio.${name}`,
  canvas: 0,
  detail,
})
const run = (calls: ProbeCall[]) => detectAudio({ script: 'https://fp.test/a.js', calls })

describe('fingerprint.audio', () => {
  it.each<[string, ProbeCall[], string]>([
    [
      'the offline recipe',
      [a('createOscillator'), a('createDynamicsCompressor'), a('startRendering')],
      'offline rendering',
    ],
    [
      'the live analyser recipe',
      [
        a('createOscillator', 'live'),
        a('createDynamicsCompressor', 'live'),
        a('createAnalyser', 'live'),
        a('analyserRead', 'getFloatFrequencyData'),
      ],
      'analyser',
    ],
  ])('finds %s', (_what, calls, method) => {
    expect(run(calls)).toEqual([
      expect.objectContaining({
        signal: 'fingerprint.audio',
        detail: expect.objectContaining({ method }),
      }),
    ])
  })

  it.each<[string, ProbeCall[]]>([
    ['a game sound: a live oscillator', [a('createOscillator', 'live')]],
    [
      'a visualiser: analyser reads without oscillator and compressor',
      [a('createAnalyser', 'live'), a('analyserRead', 'getByteFrequencyData')],
    ],
    ['offline rendering without a compressor', [a('createOscillator'), a('startRendering')]],
    ['an offline graph never rendered', [a('createOscillator'), a('createDynamicsCompressor')]],
    [
      'live nodes with an offline render of something else',
      [a('createOscillator', 'live'), a('createDynamicsCompressor', 'live'), a('startRendering')],
    ],
    ['nothing', []],
  ])('ignores %s', (_what, calls) => {
    expect(run(calls)).toEqual([])
  })
})
