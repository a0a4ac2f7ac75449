import { describe, expect, it } from 'vitest'
import { createClassifier } from '@/detect/classifier'
import { SCRIPT_DETECTORS } from '@/detect/registry'
import type { ProbeEvent } from '@/detect/probe-events'
import { trackerData } from '@/data/trackers'
import type { Observation } from './recorder'
import { createProbeIntake } from './probes'
import type { TabState } from './tab-state'

function setup() {
  const added: Observation[] = []
  const visit = {
    visitId: 7,
    site: 'fp.test',
    url: 'https://fp.test/',
    startedAt: 1,
    companies: [],
  }
  const tabs = {
    get: (tabId: number) => (tabId === 3 ? { current: visit } : undefined),
  } as unknown as TabState
  const intake = createProbeIntake({
    classifier: createClassifier(trackerData),
    detectors: SCRIPT_DETECTORS,
    tabs,
    recorder: {
      add: (o) => added.push(o),
      addVisit: () => undefined,
      flush: async () => undefined,
    },
    mode: () => 'standard',
  })
  return { intake, added }
}

const sender = { extensionPage: false, tabId: 3, frameId: 0, url: 'https://fp.test/' }
const rtc = (script: string): ProbeEvent[] =>
  ['rtc.createDataChannel', 'rtc.createOffer', 'rtc.icecandidate'].map((api) => ({
    api,
    script,
    canvas: 0,
    detail: '',
  }))

describe('probe intake', () => {
  it('records a finding once, for the sender’s tab and visit, naming the script and company', () => {
    const { intake, added } = setup()
    const script = 'https://static.hotjar.com/c/x.js'
    expect(intake.events(sender, rtc(script))).toBe(3)
    intake.events(sender, rtc(script))
    const signals = added.map((o) => o.signal).sort()
    expect(signals).toEqual(['fingerprint.webrtc', 'session.recording'])
    const f = added.find((o) => o.signal === 'fingerprint.webrtc')
    expect(f).toMatchObject({ visitId: 7, site: 'fp.test', party: 'hotjar.com', company: 'Hotjar' })
    expect(f?.detail?.script).toBe(script)
  })

  it('attributes inline scripts to the frame, never to a site the payload names', () => {
    const { intake, added } = setup()
    intake.events(sender, rtc(''))
    expect(added[0]).toMatchObject({ site: 'fp.test', party: 'fp.test' })
    expect(added[0]?.detail?.script).toBe('inline or unknown')
  })

  it.each([
    ['an unknown tab', { ...sender, tabId: 9 }],
    ['no tab', { extensionPage: false, url: 'https://fp.test/' }],
    ['a top frame on another site (a stale page)', { ...sender, url: 'https://other.test/' }],
    ['no URL', { extensionPage: false, tabId: 3, frameId: 0 }],
  ])('drops events from %s', (_what, from) => {
    const { intake, added } = setup()
    expect(intake.events(from, rtc('https://a.test/x.js'))).toBe(0)
    expect(added).toEqual([])
  })

  it('bounds what it keeps per frame', () => {
    const { intake } = setup()
    const spam = Array.from({ length: 500 }, () => ({
      api: 'nav.userAgent',
      script: 'https://a.test/x.js',
      canvas: 0,
      detail: '',
    }))
    let accepted = 0
    for (let i = 0; i < 20; i++) accepted += intake.events(sender, spam)
    expect(accepted).toBe(3000)
  })

  it('knows which script posted to a URL', () => {
    const { intake } = setup()
    intake.events(sender, [
      {
        api: 'net.post',
        script: 'https://w.test/lead.js',
        canvas: 0,
        detail: 'POST https://exfil.test/collect',
      },
    ])
    expect(intake.postersOf(3, 7, 'https://exfil.test/collect')).toEqual(['https://w.test/lead.js'])
    expect(intake.postersOf(3, 8, 'https://exfil.test/collect')).toEqual([])
  })
})
