// @vitest-environment happy-dom
import { cleanup, fireEvent, render, screen, waitFor } from '@testing-library/preact'
import { i18nOf } from '@/ui/i18n/all'
import { afterEach, describe, expect, it, vi } from 'vitest'

vi.mock('@/ui/state/evidence-api', () => ({
  dashboardEvidenceApi: { run: () => Promise.reject(new Error('not here')), save: () => {} },
  dashboardImporter: () => Promise.reject(new Error('not here')),
}))
import type { ExportResult } from '@/evidence/export'
import type { ExportRequest } from '@/evidence/from-db'
import { Ctx, type DashboardContext } from '@/ui/dashboard/context'
import { type Language } from '@/ui/i18n'
import type { EvidenceApi } from '@/ui/state/evidence-store'
import { ExportButton } from './ExportButton'

afterEach(cleanup)

const RESULT = {
  blob: new Blob(['{}'], { type: 'application/json' }),
  header: {
    format: 'tracelight-evidence',
    version: 2,
    createdAt: '2026-11-30T10:00:00.000Z',
    generator: {
      name: 'Tracelight',
      version: '0.1.0',
      browser: { name: 'Chromium', version: '1' },
    },
    scope: { site: null, company: 'Google', from: null, to: null },
    redaction: 'none',
    timeRange: { from: null, to: null },
    recording: { evidenceMode: true, retentionDays: 90, modes: ['evidence', 'standard'] },
    counts: { sites: 2, visits: 1, findings: 1_234_567 },
  },
  integrity: {
    algorithm: 'SHA-256',
    canonicalization: 'RFC 8785',
    genesis: 'a'.repeat(64),
    head: 'b'.repeat(64),
    records: 1_234_570,
  },
} satisfies ExportResult

/** An api whose run waits until the test lets it finish (or the export is cancelled). */
function controlledApi() {
  const requests: ExportRequest[] = []
  const saved: string[] = []
  let progress: Parameters<EvidenceApi['run']>[1] = () => {}
  let finish: (r: ExportResult) => void = () => {}
  const api: EvidenceApi = {
    run: (request, onProgress, signal) =>
      new Promise((resolve, reject) => {
        requests.push(request)
        progress = onProgress
        finish = resolve
        signal.addEventListener('abort', () =>
          reject(new DOMException('The export was cancelled.', 'AbortError')),
        )
      }),
    save: (_blob, name) => void saved.push(name),
  }
  return {
    api,
    requests,
    saved,
    progress: (p: Parameters<typeof progress>[0]) => progress(p),
    finish: (r: ExportResult) => finish(r),
  }
}

function show(
  target: { site?: string; company?: string },
  api: EvidenceApi,
  language: Language = 'en',
) {
  const ctx = { i18n: i18nOf(language) } as DashboardContext
  return render(
    <Ctx.Provider value={ctx}>
      <ExportButton target={target} api={api} />
    </Ctx.Provider>,
  )
}

describe('ExportButton', () => {
  it('echoes the chosen period in the page’s language (the date fields follow the browser’s)', () => {
    const { api } = controlledApi()
    show({ company: 'Google' }, api, 'de')
    fireEvent.input(screen.getByTestId('export-from'), { target: { value: '2026-11-01' } })
    const summary = () => screen.getByTestId('export-options').querySelector('summary')?.textContent
    expect(summary()).toContain('01.11.2026 – …')
    fireEvent.input(screen.getByTestId('export-to'), { target: { value: '2026-11-30' } })
    expect(summary()).toContain('01.11.2026 – 30.11.2026')
  })

  it('names what it exports, in the chosen language', () => {
    const { api } = controlledApi()
    show({ company: 'Google' }, api)
    expect(screen.getByTestId('export-button').textContent).toBe('Export this company')
    cleanup()
    show({ site: 'news.test' }, api, 'de')
    expect(screen.getByTestId('export-button').textContent).toBe('Diese Website exportieren')
    cleanup()
    show({}, api, 'fr')
    expect(screen.getByTestId('export-button').textContent).toBe('Tout exporter')
  })

  it('explains full evidence before it is used, and asks for it with the period', async () => {
    const c = controlledApi()
    show({ company: 'Google' }, c.api)
    expect(screen.getByTestId('export-full-hint').textContent).toMatch(
      /cookie and ID values are shortened/,
    )
    fireEvent.click(screen.getByTestId('export-full'))
    expect(screen.getByTestId('export-full-hint').textContent).toMatch(
      /can identify you and the accounts you use/,
    )
    fireEvent.input(screen.getByTestId('export-from'), { target: { value: '2026-11-01' } })
    fireEvent.change(screen.getByTestId('export-format'), { target: { value: 'json' } })
    fireEvent.click(screen.getByTestId('export-button'))
    await waitFor(() => expect(c.requests).toHaveLength(1))
    expect(c.requests[0]).toMatchObject({
      format: 'json',
      redaction: 'none',
      scope: { site: null, company: 'Google', from: new Date(2026, 10, 1).getTime(), to: null },
    })

    c.progress({ phase: 'records', done: 250_000, total: 1_234_570 })
    await waitFor(() =>
      expect(screen.getByTestId('export-status').textContent).toContain(
        'Sealing records: 250,000 of 1,234,570',
      ),
    )
    const bar = screen.getByTestId('export-progress') as HTMLProgressElement
    expect([bar.value, bar.max]).toEqual([250_000, 1_234_570])
    expect((screen.getByTestId('export-button') as HTMLButtonElement).disabled).toBe(true)

    c.finish(RESULT)
    await waitFor(() =>
      expect(screen.getByTestId('export-status').getAttribute('data-state')).toBe('done'),
    )
    expect(c.saved).toEqual([
      'tracelight-evidence-company-Google-2026-11-01-to-now-2026-11-30.json',
    ])
    expect(screen.getByTestId('export-status').textContent).toContain(
      'Saved tracelight-evidence-company-Google-2026-11-01-to-now-2026-11-30.json: 2 sites, 1 visit, 1,234,567 findings.',
    )
    expect(screen.getByTestId('export-redaction').textContent).toBe(
      'It holds full evidence: complete addresses and values as recorded.',
    )
    expect(screen.getByTestId('export-status-head').textContent).toBe('b'.repeat(64))
  })

  it('cancels from the progress line, and nothing is saved', async () => {
    const c = controlledApi()
    show({}, c.api)
    fireEvent.click(screen.getByTestId('export-button'))
    await waitFor(() => expect(c.requests).toHaveLength(1))
    c.progress({ phase: 'survey', done: 40_000 })
    await waitFor(() =>
      expect(screen.getByTestId('export-status').textContent).toContain(
        'Counting what to export: 40,000 rows read…',
      ),
    )
    fireEvent.click(screen.getByTestId('export-cancel'))
    await waitFor(() =>
      expect(screen.getByTestId('export-status').textContent).toBe(
        'Export cancelled. Nothing was saved.',
      ),
    )
    expect(c.saved).toEqual([])
  })
})
