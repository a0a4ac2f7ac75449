import { strFromU8, unzipSync } from 'fflate'
import { describe, expect, it } from 'vitest'
import { buildEvidence } from './build'
import { evidenceJson } from './bundle'
import { findingsCsv } from './csv'
import { exportFiles } from './export'
import { BlobCollector, TextOut } from './files'
import type { ExportMeta } from './format'
import { evidenceReport } from './html'
import { sha256Hex } from './integrity'
import type { Progress } from './seal'
import { EVERYTHING, filterOf } from './scope'
import { memorySource } from './source'
import { FINDINGS, input } from './test-data'
import { verifyEvidenceText } from './verify'

const data = input()
const meta = (): ExportMeta => ({
  generator: data.generator,
  scope: EVERYTHING,
  redaction: 'masked',
  settings: data.settings,
  now: data.now!,
})
const stream = (format: 'zip' | 'json' | 'csv' | 'html', progress?: (p: Progress) => void) =>
  exportFiles(() => memorySource(data, EVERYTHING), meta, format, {
    ...(progress !== undefined && { onProgress: progress }),
  })

describe('streamed export files', () => {
  it('writes the same JSON, CSV and report as the in-memory export', async () => {
    const object = await buildEvidence(data)
    expect(await (await stream('json')).blob.text()).toBe(evidenceJson(object))
    const csv = await (await stream('csv')).blob.arrayBuffer()
    // Blob.text() drops the byte order mark; the file keeps it.
    expect(new TextDecoder('utf-8', { ignoreBOM: true }).decode(csv)).toBe(findingsCsv(object))
    expect(findingsCsv(object).startsWith('\uFEFFsite,')).toBe(true)
    expect(await (await stream('html')).blob.text()).toBe(evidenceReport(object))
  })

  it('JSON has one record a line, integrity last, and verifies', async () => {
    const result = await stream('json')
    const text = await result.blob.text()
    const lines = text.split('\n')
    const records = lines.filter((l) => l.startsWith('    {"kind":'))
    expect(records).toHaveLength(result.integrity.records)
    expect(text.indexOf('"records": [')).toBeLessThan(text.indexOf('"integrity": {'))
    const verified = await verifyEvidenceText(text)
    expect(verified.ok && verified.evidence.integrity).toEqual(result.integrity)
    expect(result.blob.type).toBe('application/json')
  })

  it('zips the three files with SHA256SUMS over each, and reports progress', async () => {
    const phases = new Set<string>()
    const result = await stream('zip', (p) => phases.add(p.phase))
    expect([...phases]).toEqual(['records', 'files'])
    const files = unzipSync(new Uint8Array(await result.blob.arrayBuffer()))
    expect(Object.keys(files)).toEqual([
      'evidence.json',
      'findings.csv',
      'report.html',
      'SHA256SUMS',
    ])
    const sums = strFromU8(files.SHA256SUMS!).trim().split('\n')
    expect(sums.map((l) => l.split('  ')[1])).toEqual([
      'evidence.json',
      'findings.csv',
      'report.html',
    ])
    for (const line of sums) {
      const [hash, name] = line.split('  ')
      expect(sha256Hex(files[name!]!)).toBe(hash)
    }
    expect(strFromU8(files['report.html']!)).toContain('npm run verify -- evidence.json')
    // Identical evidence gives a byte-identical zip.
    const again = await stream('zip')
    expect(new Uint8Array(await again.blob.arrayBuffer())).toEqual(
      new Uint8Array(await result.blob.arrayBuffer()),
    )
  })

  it('stops when cancelled, without finishing a file', async () => {
    const controller = new AbortController()
    const run = exportFiles(() => memorySource(data, EVERYTHING), meta, 'zip', {
      signal: controller.signal,
      onProgress: (p) => {
        if (p.phase === 'records') controller.abort()
      },
    })
    await expect(run).rejects.toMatchObject({ name: 'AbortError' })
  })

  it('exports only the scope asked for', async () => {
    const scope = filterOf({ company: 'Facebook' })
    const result = await exportFiles(
      () => memorySource(data, scope),
      () => ({ ...meta(), scope }),
      'json',
    )
    const verified = await verifyEvidenceText(await result.blob.text())
    if (!verified.ok) throw new Error('did not verify')
    expect(verified.evidence.scope).toEqual({
      site: null,
      company: 'Facebook',
      from: null,
      to: null,
    })
    const findings = verified.evidence.records.filter((r) => r.kind === 'finding')
    expect(findings.map((r) => r.data.party).sort()).toEqual(
      FINDINGS.filter((f) => f.company === 'Facebook')
        .map((f) => f.party)
        .sort(),
    )
    expect(verified.evidence.counts).toEqual({
      sites: 2,
      visits: 2,
      findings: 2,
      consent: 0,
      requests: 0,
    })
  })
})

describe('TextOut and BlobCollector', () => {
  it('encode text written in pieces, large and multi-byte, and hash it as one', async () => {
    const out = new BlobCollector()
    const text = new TextOut((b) => out.push(b), { hash: true })
    const parts = Array.from({ length: 40_000 }, (_, i) => `é€😀 line ${i}\n`)
    for (const p of parts) text.write(p)
    const hash = text.sha256()
    const whole = parts.join('')
    expect(await out.blob('text/plain').text()).toBe(whole)
    expect(hash).toBe(sha256Hex(whole))
    expect(text.bytes).toBe(new TextEncoder().encode(whole).length)
    expect(out.size).toBe(text.bytes)
  })
})
