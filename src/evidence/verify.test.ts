import { readFileSync } from 'node:fs'
import { describe, expect, it } from 'vitest'
import { buildEvidence } from './build'
import type { EvidenceExport } from './format'
import { input } from './test-data'
import { verifyEvidence, verifyEvidenceText } from './verify'

const fresh = async () => structuredClone(await buildEvidence(input()))

async function problemsOf(e: unknown) {
  const r = await verifyEvidence(e)
  expect(r.ok).toBe(false)
  return r.ok ? [] : r.problems
}

describe('buildEvidence', () => {
  it('writes sites, visits and findings in order, with header facts', async () => {
    const e = await fresh()
    expect(e.records.map((r) => r.kind)).toEqual([
      'site',
      'site',
      'visit',
      'visit',
      'visit',
      'finding',
      'finding',
      'finding',
      'finding',
      'consent',
      'consent',
      'consent',
      'request',
      'request',
    ])
    expect(e.counts).toEqual({ sites: 2, visits: 3, findings: 4, consent: 3, requests: 2 })
    expect(e.integrity.records).toBe(14)
    expect(e.integrity.head).toBe(e.records.at(-1)?.hash)
    expect(e.timeRange).toEqual({
      from: '2026-11-30T09:00:00.000Z',
      to: '2026-11-30T09:02:00.500Z',
    })
    expect(e.recording).toEqual({
      evidenceMode: false,
      retentionDays: 90,
      gpc: false,
      modes: ['standard'],
    })
    expect(e.scope).toEqual({ site: null, company: null, from: null, to: null })
    expect(e.redaction).toBe('masked')
    expect(e.version).toBe(3)
  })

  it('is deterministic: the same rows in another order give the same chain', async () => {
    const a = await buildEvidence(input())
    const b = await buildEvidence(
      input({ findings: [...input().findings].reverse(), sites: [...input().sites].reverse() }),
    )
    expect(b.integrity.head).toBe(a.integrity.head)
  })

  it('reports progress after each batch of records, and copes with many rows', async () => {
    const findings = Array.from({ length: 2500 }, (_, i) => ({
      ...input().findings[0]!,
      party: `p${i}.test`,
    }))
    const calls: [number, number][] = []
    const e = await buildEvidence(
      input({ findings, onProgress: (done, total) => calls.push([done, total]) }),
    )
    // Two sites, three visits, the findings in batches of 2,000, three consent moments and
    // two requests.
    expect(calls).toEqual([
      [2, 2510],
      [5, 2510],
      [2005, 2510],
      [2505, 2510],
      [2508, 2510],
      [2510, 2510],
    ])
    expect((await verifyEvidence(e)).ok).toBe(true)
  })

  it('verifies an untouched export, also after a JSON round trip', async () => {
    const e = await fresh()
    expect((await verifyEvidence(e)).ok).toBe(true)
    expect((await verifyEvidenceText(JSON.stringify(e, null, 2))).ok).toBe(true)
    const empty = await buildEvidence(input({ sites: [], visits: [], findings: [] }))
    expect((await verifyEvidence(empty)).ok).toBe(true)
  })
})

describe('verifyEvidence catches tampering', () => {
  it('an edited field, naming the record', async () => {
    const e = await fresh()
    const f = e.records[6]
    if (f?.kind !== 'finding') throw new Error('fixture order changed')
    f.data.count = 1
    const problems = await problemsOf(e)
    expect(problems).toEqual([
      {
        kind: 'integrity',
        record: 7,
        message:
          'Record 7 (finding tracker.request → google-analytics.com on visit 1) was changed after export: its content no longer matches its digest.',
      },
    ])
  })

  it('an edited field whose digest was recomputed breaks the link instead', async () => {
    const { digestOf } = await import('./integrity')
    const e = await fresh()
    const v = e.records[2]!
    if (v.kind !== 'visit') throw new Error('fixture order changed')
    v.data.url = 'https://news.test/other'
    v.digest = await digestOf({ kind: v.kind, data: v.data })
    const problems = await problemsOf(e)
    expect(problems.map((p) => p.record)).toEqual([3])
    expect(problems[0]?.message).toMatch(/does not follow record 2/)
  })

  it('a swapped pair', async () => {
    const e = await fresh()
    const [a, b] = [e.records[5]!, e.records[6]!]
    e.records[5] = b
    e.records[6] = a
    const problems = await problemsOf(e)
    expect(problems[0]).toMatchObject({ kind: 'integrity', record: 6 })
    expect(problems.every((p) => p.kind === 'integrity')).toBe(true)
  })

  it('a deleted record in the middle', async () => {
    const e = await fresh()
    e.records.splice(3, 1)
    const problems = await problemsOf(e)
    expect(problems[0]).toMatchObject({ kind: 'integrity', record: 4 })
    expect(problems.map((p) => p.message).join('\n')).toMatch(
      /header says 14 records but the file holds 13: records were removed/,
    )
  })

  it('records cut from the end, even with the header count fixed', async () => {
    const e = await fresh()
    e.records.splice(-3)
    e.integrity.records = 11
    const problems = await problemsOf(e)
    expect(problems.map((p) => p.message)).toEqual([
      'The last record is not the chain head named in the header: records at the end were removed or added, or the head was edited.',
      'The header counts 3 consent but the file holds 2.',
      'The header counts 2 requests but the file holds 0.',
    ])
  })

  it('an edited header', async () => {
    const e = await fresh()
    e.generator.browser.version = '1.0'
    const problems = await problemsOf(e)
    expect(problems).toHaveLength(1)
    expect(problems[0]?.message).toMatch(/header .* was changed after export/)
  })

  it('a truncated file', async () => {
    const text = JSON.stringify(await fresh())
    const r = await verifyEvidenceText(text.slice(0, text.length / 2))
    expect(r.ok).toBe(false)
    if (!r.ok)
      expect(r.problems[0]).toMatchObject({
        kind: 'file',
        message: expect.stringMatching(/not complete JSON/),
      })
    const empty = await verifyEvidenceText('')
    expect(empty.ok ? '' : empty.problems[0]?.message).toBe('The file is empty.')
  })
})

describe('verifyEvidence refuses foreign and other-version files', () => {
  it('a newer version, with advice', async () => {
    const e: Record<string, unknown> = { ...(await fresh()), version: 4 }
    const problems = await problemsOf(e)
    expect(problems).toEqual([
      {
        kind: 'version',
        message: expect.stringMatching(
          /version 4 .*newer than this Tracelight reads \(version 3\)/,
        ),
      },
    ])
    const old = await problemsOf({ ...(await fresh()), version: 0 })
    expect(old[0]?.message).toMatch(/version is 0; this Tracelight reads versions 1, 2 and 3/)
  })

  it('a file that is not an export', async () => {
    expect((await problemsOf({ hello: 'world' }))[0]?.message).toMatch(
      /not a Tracelight evidence file/,
    )
    expect((await problemsOf([1, 2]))[0]?.kind).toBe('file')
    expect((await problemsOf(null))[0]?.kind).toBe('file')
  })

  it('schema errors, with the path of each', async () => {
    const e = (await fresh()) as unknown as Record<string, unknown> & EvidenceExport
    ;(e.records[5]!.data as unknown as Record<string, unknown>).count = 'three'
    ;(e.records[2]!.data as unknown as Record<string, unknown>).extra = 1
    delete (e as Partial<EvidenceExport>).scope
    const problems = await problemsOf(e)
    expect(problems.map((p) => p.message)).toEqual([
      '(top level) is missing "scope".',
      'records[2].data has an unexpected field "extra".',
      'records[5].data.count must be integer, found string.',
    ])
    expect(problems.map((p) => p.record)).toEqual([undefined, 3, 6])
  })

  it('an unknown kind of record', async () => {
    const e = await fresh()
    ;(e.records[0] as unknown as Record<string, unknown>).kind = 'cookie'
    const problems = await problemsOf(e)
    expect(problems[0]?.message).toBe(
      'records[0] has an unknown kind "cookie" (expected "site", "visit", "finding", "consent", "request").',
    )
  })
})

describe('version 1 files (written before scope.company and redaction)', () => {
  const v1 = readFileSync(new URL('./fixtures/v1-news.test.json', import.meta.url), 'utf8')

  it('still verify, with their own schema', async () => {
    const r = await verifyEvidenceText(v1)
    expect(r.ok).toBe(true)
    if (r.ok) {
      expect(r.evidence.version).toBe(1)
      expect(r.evidence.scope).toEqual({ site: 'news.test', from: null, to: null })
      expect(r.evidence.redaction).toBeUndefined()
    }
  })

  it('still show an edit, and refuse version 2 fields', async () => {
    const edited = JSON.parse(v1) as EvidenceExport
    const finding = edited.records.find((r) => r.kind === 'finding')!
    if (finding.kind === 'finding') finding.data.count += 1
    expect((await problemsOf(edited))[0]?.message).toMatch(/was changed after export/)
    const mixed = { ...(JSON.parse(v1) as EvidenceExport), redaction: 'masked' }
    expect((await problemsOf(mixed))[0]?.message).toBe(
      '(top level) has an unexpected field "redaction".',
    )
  })

  it('a version 3 file must say its redaction, company filter and every count', async () => {
    const e = await fresh()
    delete (e as Partial<EvidenceExport>).redaction
    delete (e.scope as Partial<EvidenceExport['scope']>).company
    expect((await problemsOf(e)).map((p) => p.message)).toEqual([
      '(top level) is missing "redaction".',
      'scope is missing "company".',
    ])
    const counts = await fresh()
    delete (counts.counts as Partial<EvidenceExport['counts']>).requests
    expect((await problemsOf(counts)).map((p) => p.message)).toEqual([
      'counts is missing "requests".',
    ])
  })
})

describe('version 2 files (written before consent and request records)', () => {
  const v2 = readFileSync(new URL('./fixtures/v2-news.test.json', import.meta.url), 'utf8')

  it('still verify, with their own schema', async () => {
    const r = await verifyEvidenceText(v2)
    expect(r.ok).toBe(true)
    if (r.ok) {
      expect(r.evidence.version).toBe(2)
      expect(r.evidence.counts).toEqual({ sites: 1, visits: 2, findings: 3 })
    }
  })

  it('refuse consent records and version 3 counts', async () => {
    const withCounts = JSON.parse(v2) as EvidenceExport
    withCounts.counts.consent = 0
    expect((await problemsOf(withCounts))[0]?.message).toBe(
      'counts has an unexpected field "consent".',
    )
    const current = await fresh()
    const consent = current.records.find((r) => r.kind === 'consent')!
    const mixed = JSON.parse(v2) as EvidenceExport
    mixed.records.push(consent)
    expect((await problemsOf(mixed))[0]?.message).toMatch(
      /^records\[\d+\] has an unknown kind "consent" \(expected "site", "visit", "finding"\)\.$/,
    )
  })
})
