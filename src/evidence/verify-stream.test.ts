import { readFileSync } from 'node:fs'
import { strToU8, unzipSync, zipSync } from 'fflate'
import { describe, expect, it } from 'vitest'
import { buildEvidence } from './build'
import { buildBundle, evidenceJson } from './bundle'
import { FINDINGS, input } from './test-data'
import { verifyEvidenceText } from './verify'
import { blobChunks, verifyEvidenceChunks } from './verify-stream'

/** Bytes in pieces of `size`, as a file or a download arrives. */
async function* pieces(bytes: Uint8Array, size: number): AsyncGenerator<Uint8Array> {
  for (let at = 0; at < bytes.length; at += size) yield bytes.subarray(at, at + size)
}
const check = (text: string | Uint8Array, size = 7, wholeLimit = 0) =>
  verifyEvidenceChunks(pieces(typeof text === 'string' ? strToU8(text) : text, size), wholeLimit)

const many = () =>
  buildEvidence(
    input({
      findings: Array.from({ length: 40 }, (_, i) => ({
        ...FINDINGS[i % 4]!,
        party: `p${i}.test`,
      })),
    }),
  )

describe('checking a file as it is read', () => {
  it('passes an intact export in any chunk size, without holding it whole', async () => {
    const e = await many()
    const text = evidenceJson(e)
    for (const size of [1, 7, 4096, 1 << 20]) {
      const r = await check(text, size)
      expect(r.ok).toBe(true)
      if (r.ok) {
        expect(r.evidence.integrity).toEqual(e.integrity)
        expect(r.evidence.header.counts).toEqual(e.counts)
        expect(r.evidence.header.scope).toEqual(e.scope)
      }
    }
    const empty = evidenceJson(await buildEvidence(input({ sites: [], visits: [], findings: [] })))
    expect((await check(empty)).ok).toBe(true)
    expect((await check(text.replaceAll('\n', '\r\n'))).ok).toBe(true)
  })

  it('finds exactly what the whole-file check finds', async () => {
    const text = evidenceJson(await many())
    const lines = text.split('\n')
    const recordLine = (n: number) => lines.findIndex((l) => l.startsWith('    {')) + n - 1
    const edits: [string, (ls: string[]) => void][] = [
      [
        'an edited record',
        (ls) =>
          void (ls[recordLine(12)] = ls[recordLine(12)]!.replace(
            /"count":(\d+)/,
            (_, n: string) => `"count":${Number(n) + 1}`,
          )),
      ],
      [
        'a swapped pair',
        (ls) =>
          void ([ls[recordLine(8)], ls[recordLine(9)]] = [ls[recordLine(9)]!, ls[recordLine(8)]!]),
      ],
      ['a removed record', (ls) => void ls.splice(recordLine(20), 1)],
      [
        'an edited header',
        (ls) => {
          const at = ls.findIndex((l) => l.includes('"createdAt"'))
          ls[at] = ls[at]!.replace('2026-11-30', '2026-12-01')
        },
      ],
      [
        'an edited head',
        (ls) => {
          const at = ls.findIndex((l) => l.includes('"head"'))
          ls[at] = ls[at]!.replace(/"[0-9a-f]{64}"/, `"${'0'.repeat(64)}"`)
        },
      ],
      [
        'a schema error',
        (ls) =>
          void (ls[recordLine(15)] = ls[recordLine(15)]!.replace('"count":', '"count":"x","n":')),
      ],
      ['a foreign format', (ls) => void (ls[1] = '  "format": "something-else",')],
      ['a newer version', (ls) => void (ls[2] = '  "version": 4,')],
    ]
    for (const [what, edit] of edits) {
      const ls = [...lines]
      edit(ls)
      const changed = ls.join('\n')
      expect(changed, what).not.toBe(text)
      const whole = await verifyEvidenceText(changed)
      const streamed = await check(changed)
      expect(whole.ok, what).toBe(false)
      expect(streamed, what).toEqual(whole)
    }
  })

  it('reports a file cut short, or a damaged line, when it is too large to check whole', async () => {
    const text = evidenceJson(await many())
    const cut = await check(text.slice(0, Math.floor(text.length * 0.6)))
    expect(cut).toMatchObject({
      ok: false,
      problems: [
        {
          kind: 'file',
          message: expect.stringMatching(/not complete JSON: it was cut short or damaged/),
        },
      ],
    })
    const lines = text.split('\n')
    const at = lines.findIndex((l) => l.startsWith('    {')) + 5
    lines[at] = lines[at]!.slice(0, 30)
    expect(await check(lines.join('\n'))).toMatchObject({
      ok: false,
      problems: [{ message: expect.stringMatching(/record 6 is not valid JSON/) }],
    })
    // Small enough, the same file is checked whole and gets the usual message.
    const whole = await check(lines.join('\n'), 7, 1 << 20)
    expect(whole).toEqual(await verifyEvidenceText(lines.join('\n')))
    // A comma after the last record is a JSON error too.
    const comma = text.replace(/\}\n {2}\],/, '},\n  ],')
    expect(await check(comma)).toMatchObject({
      ok: false,
      problems: [{ message: expect.stringMatching(/comma after record/) }],
    })
  })

  it('checks other layouts whole: version 1 files, reformatted files; refuses keys given twice', async () => {
    const v1 = readFileSync(new URL('./fixtures/v1-news.test.json', import.meta.url), 'utf8')
    expect((await check(v1, 64, 1 << 20)).ok).toBe(true)
    expect(await check(v1, 64, 0)).toMatchObject({
      ok: false,
      problems: [{ message: expect.stringMatching(/not laid out as Tracelight writes it/) }],
    })
    const e = await many()
    expect((await check(JSON.stringify(e), 64, 1 << 20)).ok).toBe(true)
    // An "integrity" in the header as well as at the end: JSON.parse would keep the last one;
    // the streamed check does not guess and checks the file whole.
    const twice = evidenceJson(e).replace(
      '  "counts":',
      `  "integrity": ${JSON.stringify(e.integrity)},\n  "counts":`,
    )
    const twiceWhole = await verifyEvidenceText(twice)
    const twiceStreamed = await check(twice, 64, 1 << 20)
    expect(twiceStreamed.ok).toBe(twiceWhole.ok)
    if (!twiceWhole.ok) expect(twiceStreamed).toEqual(twiceWhole)
    expect((await check(twice, 64, 0)).ok).toBe(false)
  })

  it('reads the zip as it arrives: its JSON, and every file against SHA256SUMS', async () => {
    const e = await many()
    const zip = await buildBundle(e)
    const ok = await check(zip, 1000)
    expect(ok.ok && ok.evidence.integrity.head).toBe(e.integrity.head)
    expect((await verifyEvidenceChunks(blobChunks(new Blob([zip as BlobPart]), 333), 0)).ok).toBe(
      true,
    )

    const files = unzipSync(zip)
    files['findings.csv'] = strToU8('site\r\nnothing.test\r\n')
    expect(await check(zipSync(files), 1000)).toEqual({
      ok: false,
      problems: [
        {
          kind: 'integrity',
          message:
            'findings.csv was changed after export: it does not match its line in SHA256SUMS.',
        },
      ],
    })
    const cut = await check(zip.slice(0, Math.floor(zip.length / 2)), 1000)
    expect(cut).toMatchObject({
      ok: false,
      problems: [{ message: expect.stringMatching(/damaged or incomplete/) }],
    })
    const foreign = await check(zipSync({ 'a.txt': strToU8('hi') }), 1000)
    expect(foreign).toMatchObject({
      ok: false,
      problems: [{ message: expect.stringMatching(/holds no evidence\.json/) }],
    })
    expect(await verifyEvidenceChunks(pieces(new Uint8Array(0), 1))).toEqual({
      ok: false,
      problems: [{ kind: 'file', message: 'The file is empty.' }],
    })
  })
})
