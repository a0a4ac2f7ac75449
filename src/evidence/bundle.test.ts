import { strFromU8, strToU8, unzipSync, zipSync } from 'fflate'
import { describe, expect, it } from 'vitest'
import { buildBundle, bundleName, openEvidenceFile } from './bundle'
import { buildEvidence } from './build'
import { sha256Hex } from './integrity'
import { input } from './test-data'
import { verifyEvidenceText } from './verify'

describe('evidence zip', () => {
  it('holds the JSON, CSV, report and a SHA256SUMS that matches them', async () => {
    const evidence = await buildEvidence(input())
    const files = unzipSync(await buildBundle(evidence))
    expect(Object.keys(files).sort()).toEqual([
      'SHA256SUMS',
      'evidence.json',
      'findings.csv',
      'report.html',
    ])
    const sums = strFromU8(files.SHA256SUMS!).trim().split('\n')
    expect(sums).toHaveLength(3)
    for (const line of sums) {
      const [hash, name] = line.split('  ')
      expect(await sha256Hex(files[name!]!)).toBe(hash)
    }
    const opened = await openEvidenceFile(await buildBundle(evidence))
    expect('text' in opened && opened.problems).toEqual([])
    if ('text' in opened) expect((await verifyEvidenceText(opened.text)).ok).toBe(true)
    expect(bundleName(evidence, 'zip')).toBe('tracelight-evidence-all-2026-11-30.zip')
  })

  it('reports a file changed inside the zip, and reads a bare JSON file too', async () => {
    const evidence = await buildEvidence(input())
    const files = unzipSync(await buildBundle(evidence))
    files['findings.csv'] = strToU8('site\r\nnothing.test\r\n')
    const opened = await openEvidenceFile(zipSync(files))
    expect('text' in opened && opened.problems.map((p) => p.message)).toEqual([
      'findings.csv was changed after export: it does not match its line in SHA256SUMS.',
    ])
    const bare = await openEvidenceFile(strToU8(JSON.stringify(evidence)))
    expect('text' in bare && bare.problems).toEqual([])
  })

  it('explains a damaged zip or one that is not ours', async () => {
    const bytes = await buildBundle(await buildEvidence(input()))
    const cut = await openEvidenceFile(bytes.slice(0, 200))
    expect('problem' in cut && cut.problem.message).toMatch(/damaged or incomplete/)
    const foreign = await openEvidenceFile(zipSync({ 'a.txt': strToU8('hi') }))
    expect('problem' in foreign && foreign.problem.message).toMatch(/holds no evidence\.json/)
  })
})
