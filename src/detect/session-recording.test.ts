import { describe, expect, it } from 'vitest'
import { SESSION_REPLAY_VENDORS } from '@/data/session-replay'
import type { ProbeCall } from './probe-events'
import {
  detectSessionRecording,
  detectSessionRecordingRequest,
  replayVendor,
} from './session-recording'

const c = (api: string, detail = ''): ProbeCall => ({ api, canvas: 0, detail })
const RECORDER = [
  c('dom.observe', 'document'),
  c('listen.input', 'input@document'),
  c('listen.mouse', 'mousemove@document'),
  c('net.post', 'BEACON https://rec.test/rec'),
  c('net.post', 'BEACON https://rec.test/rec'),
]
const run = (script: string, calls: ProbeCall[]) => detectSessionRecording({ script, calls })

describe('session.recording from what a script does', () => {
  it('finds an rrweb-style recorder', () => {
    const found = run('https://cdn.rec.test/r.js', RECORDER)
    expect(found[0]?.detail.how).toBe('records the page as you use it')
    expect(found[0]?.detail.vendor).toBeUndefined()
  })

  it('finds a known vendor’s script by its host, whatever it did', () => {
    const found = run('https://static.hotjar.com/c/hotjar-1.js?sv=6', [])
    expect(found[0]?.detail).toMatchObject({
      vendor: 'Hotjar',
      how: 'known session-recording service',
    })
  })

  it.each<[string, ProbeCall[]]>([
    [
      'an analytics tag: clicks and posts, no DOM observer',
      RECORDER.filter((x) => x.api !== 'dom.observe'),
    ],
    ['a framework observing the DOM, no posts', RECORDER.filter((x) => x.api !== 'net.post')],
    [
      'a form helper: input listeners and one post',
      [c('listen.input', 'input@field'), c('net.post', 'POST /save')],
    ],
    [
      'observing and typing, but no pointer or scroll',
      RECORDER.filter((x) => x.api !== 'listen.mouse'),
    ],
    ['a single post', RECORDER.slice(0, 4)],
    ['nothing', []],
  ])('ignores %s', (_what, calls) => {
    expect(run('https://cdn.site.test/app.js', calls)).toEqual([])
  })
})

describe('session.recording from requests', () => {
  const input = (url: string) => ({
    url,
    method: 'POST',
    type: 'xmlhttprequest',
    pageSite: 'shop.test',
    party: 'x',
    company: 'C',
  })
  it.each([
    ['https://in.hotjar.com/api/v2/client/sites/1/visit-data', 'Hotjar'],
    ['https://www.clarity.ms/tag/abc', 'Microsoft Clarity'],
    ['https://rs.fullstory.com/rec/bundle', 'FullStory'],
    ['https://mc.yandex.ru/webvisor/123', 'Yandex Metrica Webvisor'],
  ])('names the vendor of %s', (url, vendor) => {
    expect(detectSessionRecordingRequest(input(url))[0]?.detail.vendor).toBe(vendor)
  })

  it.each(['https://nothotjar.com/x', 'https://hotjar.com.evil.test/x', 'https://shop.test/'])(
    'ignores %s',
    (url) => {
      expect(detectSessionRecordingRequest(input(url))).toEqual([])
    },
  )
})

describe('the vendor list', () => {
  it('gives every vendor a source, a company and bare host names', () => {
    expect(SESSION_REPLAY_VENDORS.length).toBeGreaterThanOrEqual(14)
    for (const v of SESSION_REPLAY_VENDORS) {
      expect(v.source).toMatch(/^https:\/\//)
      expect(v.company).not.toBe('')
      for (const h of v.hosts) expect(h).toMatch(/^[a-z0-9.-]+\.[a-z]+$/)
    }
    expect(replayVendor('https://script.hotjar.com/modules.js')?.name).toBe('Hotjar')
  })
})
