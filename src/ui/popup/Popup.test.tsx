// @vitest-environment happy-dom
import { cleanup, fireEvent, render, screen, waitFor, within } from '@testing-library/preact'
import { i18nOf } from '@/ui/i18n/all'
import { afterEach, describe, expect, it, vi } from 'vitest'
import type { FindingRow } from '@/db/schema'
import type { Recording } from '@/messages'
import { type Language } from '@/ui/i18n'
import { createGpcStore } from '@/ui/state/gpc-store'
import { createPopupStore } from '@/ui/state/popup-store'
import { createRecordingStore } from '@/ui/state/recording-store'
import { createUndoStore } from '@/ui/state/undo-store'
import { Popup } from './Popup'

const AT = new Date(2024, 4, 10, 12).getTime()
const finding = (over: Partial<FindingRow>): FindingRow => ({
  visitId: 1,
  signal: 'tracker.request',
  party: 'google-analytics.com',
  site: 'news.test',
  company: 'Google',
  category: 'analytics',
  count: 1234,
  firstAt: AT,
  lastAt: AT,
  evidence: { urls: ['https://www.google-analytics.com/g/collect?cid=[hidden]'] },
  mode: 'standard',
  ...over,
})
const FINDINGS = [
  finding({}),
  finding({
    signal: 'pixel.facebook',
    party: 'facebook.com',
    company: 'Facebook',
    category: 'social',
    count: 1,
    evidence: { urls: [], details: [{ event: 'Purchase', pixelId: '1' }] },
  }),
  finding({ signal: 'thirdparty.request', party: 'widgets.test', company: undefined, count: 2 }),
]

function show(language: Language, recording: Recording = 'on') {
  const calls: string[] = []
  let current = recording
  const store = createPopupStore({
    tab: async () => ({ id: 4, url: 'https://news.test/' }),
    tabView: async () => ({
      visit: { visitId: 1, site: 'news.test', url: 'https://news.test/', startedAt: AT },
      storageError: null,
      recording: current,
    }),
    findings: async () => (current === 'excluded' ? [] : FINDINGS),
  })
  const gpc = createGpcStore({
    get: async () => ({ enabled: false, exceptions: [] }),
    set: async () => ({ enabled: true, exceptions: [] }),
  })
  const undo = createUndoStore({
    deleteData: vi.fn(async (scope) => {
      calls.push(`delete ${JSON.stringify(scope)}`)
      return {
        pending: { id: 1, scope, summary: { sites: 1, visits: 3, findings: 9 }, deadline: 10_000 },
        now: 0,
      }
    }),
    undoDeletion: async () => 'restored',
    pendingDeletion: async () => ({ pending: null, now: 0 }),
  })
  const recordingStore = createRecordingStore(
    {
      async setExcluded(site, excluded) {
        calls.push(`${excluded ? 'exclude' : 'include'} ${site}`)
        current = excluded ? 'excluded' : 'on'
        return { site, excluded: excluded ? [site] : [] }
      },
      async setPaused(paused) {
        calls.push(`paused ${paused}`)
        current = 'on'
      },
    },
    undo,
    () => store.load(),
  )
  render(
    <Popup
      store={store}
      gpc={gpc}
      recording={recordingStore}
      undo={undo}
      i18n={i18nOf(language)}
      siteHref={(site) => `chrome-extension://x/src/ui/dashboard/index.html#/site/${site}`}
    />,
  )
  return { calls }
}

afterEach(cleanup)

describe('the popup in the person’s language', () => {
  it('speaks German throughout: totals, sections, findings, controls, numbers', async () => {
    show('de')
    await screen.findByTestId('site-name')
    await screen.findByTestId('gpc')
    const text = document.body.textContent ?? ''
    expect(screen.getByTestId('totals').textContent).toBe(
      '1 Tracking-Unternehmen · 2 Drittanbieter-Domains kontaktiert',
    )
    for (const words of [
      'Was gesendet wurde',
      'Meta-Pixel',
      'Andere Drittanbieter',
      'Überall widersprechen',
      'Diese Website nicht aufzeichnen',
      'Verlauf von news.test',
      '1.234 Tracking-Anfragen',
    ])
      expect(text).toContain(words)
    // None of the English words it used to carry.
    for (const english of [
      'Tracking companies',
      'What was sent',
      'Opt out everywhere',
      'History of',
      'contacted',
      'Why is this listed?',
    ])
      expect(text).not.toContain(english)
    const row = screen.getAllByTestId('company-row')[0] as HTMLElement
    fireEvent.click(within(row).getByRole('button'))
    expect(row.textContent).toContain(
      'Unsere mitgelieferte Liste (third-party-web) ordnet das Google zu',
    )
    const signal = screen.getByTestId('signal-row')
    expect(signal.textContent).toContain('an Facebook · Purchase')
    fireEvent.click(within(signal).getByRole('button'))
    expect(signal.textContent).toContain('Ereignis')
  })

  it('stops recording the site, keeping or deleting its history, and can record it again', async () => {
    const { calls } = show('en')
    fireEvent.click(await screen.findByTestId('exclude-site'))
    const question = screen.getByRole('alertdialog')
    expect(question.textContent).toContain('Stop recording news.test?')
    fireEvent.click(screen.getByTestId('exclude-delete'))
    await screen.findByTestId('state-excluded')
    expect(calls).toEqual(['exclude news.test', 'delete {"kind":"site","site":"news.test"}'])
    await waitFor(() =>
      expect(screen.getByTestId('undo-status').textContent).toContain(
        'Deleted what Tracelight recorded on news.test: 3 visits, 9 findings.',
      ),
    )
    expect(screen.getByTestId('state-excluded').textContent).toContain(
      'You asked Tracelight not to record news.test',
    )
    fireEvent.click(screen.getByTestId('include-site'))
    await screen.findByTestId('tracker-count')
    expect(calls.at(-1)).toBe('include news.test')
  })

  it('says when recording is paused, and resumes it', async () => {
    const { calls } = show('fr', 'paused')
    expect((await screen.findByTestId('state-paused')).textContent).toContain(
      'L’enregistrement est en pause',
    )
    fireEvent.click(screen.getByTestId('resume'))
    await waitFor(() => expect(screen.queryByTestId('state-paused')).toBeNull())
    expect(calls).toEqual(['paused false'])
  })
})
