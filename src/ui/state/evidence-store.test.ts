import { strToU8, unzipSync } from 'fflate'
import { describe, expect, it } from 'vitest'
import { buildBundle, evidenceJson } from '@/evidence/bundle'
import { buildEvidence } from '@/evidence/format'
import { input } from '@/evidence/test-data'
import { createCheckStore, createExportStore, type EvidenceApi } from './evidence-store'

function fakeApi(fail = false) {
  const saved: { bytes: Uint8Array | string; name: string; type: string }[] = []
  const api: EvidenceApi = {
    build: async (site) => {
      if (fail) throw new Error('database closed')
      return buildEvidence(input({ scope: { site } }))
    },
    save: (bytes, name, type) => saved.push({ bytes, name, type }),
  }
  return { api, saved }
}

const file = (name: string, bytes: Uint8Array) => ({
  name,
  size: bytes.length,
  arrayBuffer: async () => bytes.slice().buffer,
})

describe('export store', () => {
  it('saves a zip of one site and says what is in it', async () => {
    const { api, saved } = fakeApi()
    const store = createExportStore(api)
    await store.run('news.test', 'zip')
    expect(saved.map((s) => [s.name, s.type])).toEqual([
      ['tracelight-evidence-news.test-2026-11-30.zip', 'application/zip'],
    ])
    expect(Object.keys(unzipSync(saved[0]!.bytes as Uint8Array))).toContain('report.html')
    expect(store.state.value).toMatchObject({
      kind: 'done',
      message: 'Saved tracelight-evidence-news.test-2026-11-30.zip: 2 sites, 3 visits, 4 findings.',
    })
  })

  it('saves CSV or HTML alone, and reports a failure in words', async () => {
    const { api, saved } = fakeApi()
    const store = createExportStore(api)
    await store.run(null, 'csv')
    await store.run(null, 'html')
    expect(saved.map((s) => s.name)).toEqual([
      'tracelight-evidence-all-2026-11-30.csv',
      'tracelight-evidence-all-2026-11-30.html',
    ])
    const broken = createExportStore(fakeApi(true).api)
    await broken.run(null, 'json')
    expect(broken.state.value).toEqual({
      kind: 'failed',
      message: 'The export failed: database closed',
    })
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
    const text = evidenceJson(evidence).replace('"count": 3', '"count": 30')
    const store = createCheckStore()
    await store.check(file('e.json', strToU8(text)))
    const state = store.state.value
    expect(state.kind).toBe('failed')
    expect(state.kind === 'failed' && state.problems?.map((p) => p.record)).toEqual([7])
  })

  it('refuses a huge file before reading it', async () => {
    const store = createCheckStore()
    await store.check({
      name: 'big.json',
      size: 2 ** 31,
      arrayBuffer: () => Promise.reject(new Error('read')),
    })
    expect(store.state.value).toEqual({
      kind: 'failed',
      message: 'big.json is too large to be an evidence file (2048 MB).',
    })
  })
})

describe('import after a check', () => {
  it('sends only a file that passed, and says what was added', async () => {
    const sent: string[] = []
    const store = createCheckStore(async (text) => {
      sent.push(text)
      return { ok: true, visits: 2, findings: 5, duplicateVisits: 1 }
    })
    const evidence = await buildEvidence(input())
    const bad = evidenceJson(evidence).replace('"count": 3', '"count": 30')
    await store.check(file('bad.json', strToU8(bad)))
    await store.importVerified()
    expect(sent).toEqual([])
    expect(store.verified.value).toBeNull()

    await store.check(file('good.zip', await buildBundle(evidence)))
    await store.importVerified()
    expect(sent).toEqual([evidenceJson(evidence)])
    expect(store.importState.value).toEqual({
      kind: 'done',
      message:
        'Added 2 visits and 5 findings from good.zip. 1 visit was already here and not added again.',
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
      message: 'Nothing was imported from e.json.',
      problems: [{ message: expect.stringMatching(/database refused/) }],
    })
  })
})
