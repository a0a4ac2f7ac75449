import { strToU8, unzipSync } from 'fflate'
import { describe, expect, it } from 'vitest'
import { buildBundle, evidenceJson } from '@/evidence/bundle'
import { buildEvidence } from '@/evidence/build'
import { exportFiles } from '@/evidence/export'
import type { ExportRequest } from '@/evidence/from-db'
import { memorySource } from '@/evidence/source'
import { input } from '@/evidence/test-data'
import {
  createCheckStore,
  createExportStore,
  type EvidenceApi,
  type ExportChoice,
} from './evidence-store'

function fakeApi(options: { fail?: boolean; rows?: Parameters<typeof memorySource>[0] } = {}) {
  const saved: { blob: Blob; name: string }[] = []
  const requests: ExportRequest[] = []
  const api: EvidenceApi = {
    run: async (request, onProgress, signal) => {
      requests.push(request)
      if (options.fail === true) throw new Error('database closed')
      const data = input()
      return exportFiles(
        () => memorySource(options.rows ?? data, request.scope),
        () => ({
          generator: data.generator,
          scope: request.scope,
          redaction: request.redaction,
          settings: data.settings,
          now: data.now!,
        }),
        request.format,
        { signal, onProgress },
      )
    },
    save: (blob, name) => void saved.push({ blob, name }),
  }
  return { api, saved, requests }
}

const choice = (over: Partial<ExportChoice> = {}): ExportChoice => ({
  format: 'zip',
  from: '',
  to: '',
  full: false,
  ...over,
})

const file = (name: string, bytes: Uint8Array) => new File([bytes as BlobPart], name)

describe('export store', () => {
  it('saves a zip of one site and says what is in it', async () => {
    const { api, saved } = fakeApi()
    const store = createExportStore(api)
    const progress: string[] = []
    const stop = store.state.subscribe((s) => {
      if (s.kind === 'working' && s.progress !== null) progress.push(s.progress.phase)
    })
    await store.run({ site: 'news.test' }, choice())
    stop()
    expect(saved.map((s) => [s.name, s.blob.type])).toEqual([
      ['tracelight-evidence-news.test-2026-11-30.zip', 'application/zip'],
    ])
    const files = unzipSync(new Uint8Array(await saved[0]!.blob.arrayBuffer()))
    expect(Object.keys(files)).toContain('report.html')
    expect(store.state.value).toMatchObject({
      kind: 'done',
      name: 'tracelight-evidence-news.test-2026-11-30.zip',
      counts: { sites: 1, visits: 2, findings: 3 },
      redaction: 'masked',
      fullValues: false,
    })
    expect(progress).toContain('records')
    expect(progress).toContain('files')
  })

  it('passes the company, the period as local days and the redaction choice', async () => {
    const { api, saved, requests } = fakeApi()
    const store = createExportStore(api)
    await store.run(
      { company: 'Facebook' },
      choice({ format: 'csv', from: '2026-11-30', to: '2026-11-30', full: true }),
    )
    expect(requests[0]).toEqual({
      format: 'csv',
      scope: {
        site: null,
        company: 'Facebook',
        from: new Date(2026, 10, 30).getTime(),
        to: new Date(2026, 11, 1).getTime() - 1,
      },
      redaction: 'none',
    })
    expect(saved[0]?.name).toBe(
      'tracelight-evidence-company-Facebook-2026-11-30-to-2026-11-30-2026-11-30.csv',
    )
    expect(store.state.value).toMatchObject({ kind: 'done', redaction: 'none', fullValues: false })
  })

  it('says when full evidence holds values recorded in evidence mode', async () => {
    const rows = {
      ...input(),
      visits: input().visits.map((v) => ({ ...v, mode: 'evidence' as const })),
    }
    const { api } = fakeApi({ rows })
    const store = createExportStore(api)
    await store.run({}, choice({ format: 'json', full: true }))
    expect(store.state.value).toMatchObject({ kind: 'done', redaction: 'none', fullValues: true })
    await store.run({}, choice({ format: 'json' }))
    expect(store.state.value).toMatchObject({
      kind: 'done',
      redaction: 'masked',
      fullValues: false,
    })
  })

  it('refuses a period that ends before it starts, without running anything', async () => {
    const { api, requests } = fakeApi()
    const store = createExportStore(api)
    await store.run({}, choice({ from: '2026-12-02', to: '2026-12-01' }))
    expect(store.state.value).toEqual({ kind: 'invalid', reason: 'order' })
    await store.run({}, choice({ from: '2026-02-31' }))
    expect(store.state.value).toEqual({ kind: 'invalid', reason: 'invalid' })
    expect(requests).toEqual([])
  })

  it('cancels a running export and saves nothing', async () => {
    const saved: string[] = []
    const store = createExportStore({
      run: (_request, onProgress, signal) =>
        new Promise((_resolve, reject) => {
          onProgress({ phase: 'records', done: 10, total: 1_000_000 })
          signal.addEventListener('abort', () =>
            reject(new DOMException('The export was cancelled.', 'AbortError')),
          )
        }),
      save: (_blob, name) => void saved.push(name),
    })
    const running = store.run({}, choice())
    expect(store.state.value).toEqual({
      kind: 'working',
      progress: { phase: 'records', done: 10, total: 1_000_000 },
    })
    store.cancel()
    await running
    expect(store.state.value).toEqual({ kind: 'cancelled' })
    expect(saved).toEqual([])
  })

  it('reports a failure with its reason', async () => {
    const broken = createExportStore(fakeApi({ fail: true }).api)
    await broken.run({}, choice({ format: 'json' }))
    expect(broken.state.value).toEqual({ kind: 'failed', message: 'database closed' })
  })
})

describe('check store', () => {
  it('accepts an intact zip and names the chain head', async () => {
    const evidence = await buildEvidence(input())
    const store = createCheckStore()
    await store.check(file('e.zip', await buildBundle(evidence)))
    expect(store.state.value).toMatchObject({ kind: 'done', head: evidence.integrity.head })
  })

  it('lists the problems of a tampered file', async () => {
    const evidence = await buildEvidence(input())
    const text = evidenceJson(evidence).replace('"count":3', '"count":30')
    const store = createCheckStore()
    await store.check(file('e.json', strToU8(text)))
    const state = store.state.value
    expect(state.kind).toBe('failed')
    expect(state.kind === 'failed' && state.problems?.map((p) => p.record)).toEqual([7])
  })

  it('refuses an absurdly large file before reading it', async () => {
    const store = createCheckStore()
    const huge = Object.assign(new Blob([]), { name: 'big.json' })
    Object.defineProperty(huge, 'size', { value: 2 ** 35 })
    huge.slice = () => {
      throw new Error('read')
    }
    await store.check(huge)
    expect(store.state.value).toEqual({ kind: 'tooLarge', name: 'big.json', megabytes: 32768 })
  })

  it('shows progress while checking, and offers import only for files small enough', async () => {
    const evidence = await buildEvidence(input())
    const store = createCheckStore(async () => ({
      ok: true,
      visits: 0,
      findings: 0,
      duplicateVisits: 0,
      consent: 0,
      requests: 0,
      maskedRequests: 0,
    }))
    const seen: string[] = []
    const stop = store.state.subscribe((s) => {
      if (s.kind === 'working') seen.push(`${s.done}/${s.total}`)
    })
    const bytes = strToU8(evidenceJson(evidence))
    await store.check(file('e.json', bytes))
    stop()
    expect(seen[0]).toBe(`0/${bytes.length}`)
    expect(seen.at(-1)).toBe(`${bytes.length}/${bytes.length}`)
    expect(store.state.value).toMatchObject({
      kind: 'done',
      counts: { sites: 2, visits: 3, findings: 4 },
      made: '2026-11-30',
      generator: 'Tracelight 0.1.0',
      importable: true,
    })
  })
})

describe('import after a check', () => {
  it('sends only a file that passed, and says what was added', async () => {
    const sent: string[] = []
    const store = createCheckStore(async (text) => {
      sent.push(text)
      return {
        ok: true,
        visits: 2,
        findings: 5,
        duplicateVisits: 1,
        consent: 3,
        requests: 2,
        maskedRequests: 1,
      }
    })
    const evidence = await buildEvidence(input())
    const bad = evidenceJson(evidence).replace('"count":3', '"count":30')
    await store.check(file('bad.json', strToU8(bad)))
    await store.importVerified()
    expect(sent).toEqual([])
    expect(store.verified.value).toBeNull()

    await store.check(file('good.zip', await buildBundle(evidence)))
    await store.importVerified()
    expect(sent).toEqual([evidenceJson(evidence)])
    expect(store.importState.value).toEqual({
      kind: 'done',
      name: 'good.zip',
      visits: 2,
      findings: 5,
      duplicates: 1,
      requests: 2,
      maskedRequests: 1,
    })
  })

  it('shows the problems the background found', async () => {
    const store = createCheckStore(async () => ({
      ok: false,
      problems: [
        { kind: 'file', message: 'Nothing was imported: the database refused the data (full).' },
      ],
    }))
    await store.check(file('e.json', strToU8(evidenceJson(await buildEvidence(input())))))
    await store.importVerified()
    expect(store.importState.value).toMatchObject({
      kind: 'failed',
      name: 'e.json',
      problems: [{ message: expect.stringMatching(/database refused/) }],
    })
  })
})
