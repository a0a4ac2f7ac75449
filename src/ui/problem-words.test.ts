import { strToU8, unzipSync, zipSync } from 'fflate'
import { i18nOf } from '@/ui/i18n/all'
import { describe, expect, it } from 'vitest'
import { buildBundle, openEvidenceFile } from '@/evidence/bundle'
import { buildEvidence } from '@/evidence/build'
import { evidenceJson } from '@/evidence/json'
import { input } from '@/evidence/test-data'
import { formatProblem, parseEvidenceText, verifyEvidence, type Problem } from '@/evidence/verify'
import { verifyEvidenceChunks } from '@/evidence/verify-stream'
import { knowsProblem, problemText } from './problem-words'

const DE = i18nOf('de')
const fresh = async () => structuredClone(await buildEvidence(input()))
const problemsOf = async (e: unknown) => {
  const r = await verifyEvidence(e)
  return r.ok ? [] : r.problems
}
async function* once(bytes: Uint8Array) {
  yield bytes
}

/** Problems the real verifier finds in damaged, edited and foreign files. */
async function realProblems(): Promise<Problem[]> {
  const out: Problem[] = []
  const first = (r: { value: unknown } | { problem: Problem }) => {
    if ('problem' in r) out.push(r.problem)
  }
  first(parseEvidenceText(''))
  first(parseEvidenceText('{"format": "tracelight-evidence", "records": ['))
  for (const v of [[], { format: 'other' }, { format: 'tracelight-evidence', version: 99 }])
    out.push(formatProblem(v) ?? { kind: 'file', message: 'no problem' })
  out.push(formatProblem({ format: 'tracelight-evidence', version: 'x' }) ?? out[0]!)

  // A record edited; a record removed; the header edited; counts off.
  const edited = await fresh()
  const f = edited.records[6]
  if (f?.kind === 'finding') f.data.count = 99
  out.push(...(await problemsOf(edited)))
  const cut = await fresh()
  cut.records.splice(3, 1)
  out.push(...(await problemsOf(cut)))
  const header = await fresh()
  header.counts.visits = 7
  out.push(...(await problemsOf(header)))
  const few = await fresh()
  few.counts.consent = 5
  out.push(...(await problemsOf(few)))
  const bad = await fresh()
  ;(bad.records[0] as { kind: string }).kind = 'nonsense'
  out.push(...(await problemsOf(bad)))

  // Zips: damaged, foreign, without checksums, with a file changed or missing.
  const files = unzipSync(await buildBundle(await fresh()))
  const zipped = (over: Record<string, Uint8Array | undefined>) => {
    const all = { ...files, ...over }
    return zipSync(
      Object.fromEntries(Object.entries(all).filter(([, v]) => v !== undefined)) as Record<
        string,
        Uint8Array
      >,
    )
  }
  const opened = async (bytes: Uint8Array) => {
    const r = await openEvidenceFile(bytes)
    out.push(...('problem' in r ? [r.problem] : r.problems))
  }
  const names = Object.keys(files)
  const json = names.find((n) => n.endsWith('.json')) ?? ''
  const sums =
    names.find((n) => !n.endsWith('.json') && !n.endsWith('.csv') && !n.endsWith('.html')) ?? ''
  const other = names.find((n) => n !== json && n !== sums) ?? ''
  await opened(zipped({}).slice(0, 200))
  await opened(zipSync({ 'a.txt': strToU8('hi') }))
  await opened(zipped({ [sums]: undefined }))
  await opened(zipped({ [other]: strToU8('changed') }))
  await opened(zipped({ [other]: undefined }))
  // The streaming check of an empty file.
  const empty = await verifyEvidenceChunks(once(new Uint8Array()), 0)
  if (!empty.ok) out.push(...empty.problems)
  const text = evidenceJson(await fresh())
  const streamed = await verifyEvidenceChunks(once(strToU8(text.slice(0, text.length / 2))), 0)
  if (!streamed.ok) out.push(...streamed.problems)
  return out
}

describe('evidence problems in the reader’s language', () => {
  it('words every problem the verifier finds, in German, with its numbers', async () => {
    const problems = await realProblems()
    expect(problems.length).toBeGreaterThan(15)
    const unknown = problems.filter((p) => p.kind !== 'schema' && !knowsProblem(p.message))
    expect(unknown.map((p) => p.message)).toEqual([])
    const german = problems.map((p) => problemText(DE, p))
    for (const [i, text] of german.entries()) {
      expect(text, problems[i]?.message).not.toBe(problems[i]?.message)
      expect(text).not.toMatch(/[{}]|problem\./)
    }
    expect(german).toContain(
      'Eintrag 7 (finding tracker.request → google-analytics.com on visit 1) wurde nach dem Export geändert: Sein Inhalt passt nicht mehr zu seinem Hashwert.',
    )
    expect(german).toContain('Der Kopf zählt 5 Einwilligungseinträge, die Datei enthält aber 3.')
    expect(
      problemText(DE, {
        kind: 'file',
        record: 9,
        message: 'Record 9 is a consent record of visit 4, which is not in the file.',
      }),
    ).toBe('Eintrag 9 ist ein Einwilligungseintrag des Besuchs 4, der nicht in der Datei ist.')
    expect(german).toContain('Der Kopf zählt 7 Besuche, die Datei enthält aber 3.')
    expect(german.some((t) => /^Eintrag 1 hat nicht die Form/.test(t))).toBe(true)
  })

  it('shows a sentence it does not know as it came', () => {
    const p: Problem = { kind: 'file', message: 'Something new went wrong.' }
    expect(problemText(DE, p)).toBe('Something new went wrong.')
  })
})
