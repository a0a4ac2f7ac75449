import { describe, expect, it } from 'vitest'
import { detectNavigator, MIN_PROPERTIES } from './fingerprint-navigator'
import type { ProbeCall } from './probe-events'

const read = (...apis: string[]): ProbeCall[] => apis.map((api) => ({ api, canvas: 0, detail: '' }))
const run = (calls: ProbeCall[]) => detectNavigator({ script: 'https://fp.test/n.js', calls })

// What FingerprintJS 3.4.2 read in the e2e fixture (fingerprintjs.html), Chromium.
const FINGERPRINTJS = read(
  'nav.vendor',
  'screen.width',
  'screen.availWidth',
  'screen.height',
  'screen.availHeight',
  'nav.language',
  'nav.languages',
  'screen.colorDepth',
  'nav.deviceMemory',
  'nav.hardwareConcurrency',
  'intl.timeZone',
  'nav.platform',
  'nav.plugins',
  'nav.maxTouchPoints',
  'nav.pdfViewerEnabled',
)
// An analytics tag: screen size, colour depth, language, user agent, time zone.
const ANALYTICS = read(
  'screen.width',
  'screen.height',
  'screen.colorDepth',
  'nav.language',
  'nav.userAgent',
  'intl.timeZone',
)

describe('fingerprint.navigator', () => {
  it('finds FingerprintJS’s reads', () => {
    const found = run(FINGERPRINTJS)
    expect(found[0]?.detail.propertiesRead).toBe(15)
    expect(found[0]?.detail.properties).toContain('timeZone')
  })

  it(`finds exactly ${MIN_PROPERTIES} distinct properties`, () => {
    expect(run(FINGERPRINTJS.slice(0, MIN_PROPERTIES))).toHaveLength(1)
  })

  it.each<[string, ProbeCall[]]>([
    ['an analytics tag', ANALYTICS],
    ['one property fewer than the threshold', FINGERPRINTJS.slice(0, MIN_PROPERTIES - 1)],
    ['a site reading navigator.language once', read('nav.language')],
    ['the same property read 100 times', read(...Array<string>(100).fill('nav.userAgent'))],
    [
      'other families',
      read(
        'canvas.fillText',
        'storage.local',
        'listen.key',
        'webgl.getParameter',
        'dom.observe',
        'net.post',
        'audio.startRendering',
        'rtc.createOffer',
        'canvas.font',
        'canvas.toDataURL',
      ),
    ],
  ])('ignores %s', (_what, calls) => {
    expect(run(calls)).toEqual([])
  })
})
