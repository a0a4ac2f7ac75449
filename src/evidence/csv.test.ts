import { describe, expect, it } from 'vitest'
import { csvCell, findingsCsv, CSV_COLUMNS } from './csv'
import { buildEvidence } from './build'
import { input, FINDINGS } from './test-data'

/** A small RFC 4180 reader, to check that what we write reads back as the same cells. */
function parseCsv(text: string): string[][] {
  const rows: string[][] = []
  let row: string[] = []
  let cell = ''
  let quoted = false
  for (let i = 0; i < text.length; i++) {
    const c = text[i]
    if (quoted) {
      if (c === '"' && text[i + 1] === '"') {
        cell += '"'
        i++
      } else if (c === '"') quoted = false
      else cell += c
    } else if (c === '"') quoted = true
    else if (c === ',') {
      row.push(cell)
      cell = ''
    } else if (c === '\r' && text[i + 1] === '\n') {
      row.push(cell)
      rows.push(row)
      row = []
      cell = ''
      i++
    } else cell += c
  }
  return rows
}

describe('csvCell', () => {
  it('quotes commas, quotes and line breaks (RFC 4180)', () => {
    expect(csvCell('plain')).toBe('plain')
    expect(csvCell('a,b')).toBe('"a,b"')
    expect(csvCell('say "hi"')).toBe('"say ""hi"""')
    expect(csvCell('two\nlines')).toBe('"two\nlines"')
    expect(csvCell('cr\rhere')).toBe('"cr\rhere"')
    expect(csvCell(undefined)).toBe('')
    expect(csvCell(12)).toBe('12')
  })

  it('neutralises cells a spreadsheet would run as formulas', () => {
    expect(csvCell('=HYPERLINK("http://evil","x")')).toBe(`"'=HYPERLINK(""http://evil"",""x"")"`)
    expect(csvCell('+1')).toBe("'+1")
    expect(csvCell('-2+3')).toBe("'-2+3")
    expect(csvCell('@SUM(A1)')).toBe("'@SUM(A1)")
    expect(csvCell('\tcmd')).toBe("'\tcmd")
    expect(csvCell(-5)).toBe('-5')
    expect(csvCell('a=b')).toBe('a=b')
  })
})

describe('findingsCsv', () => {
  it('writes one row per finding with its page, readable back cell for cell', async () => {
    const hostile = {
      ...FINDINGS[3]!,
      evidence: { urls: ['https://x.test/a,b', '=cmd|"/c calc"!A1'], details: [{ ev: '@evil' }] },
    }
    const evidence = await buildEvidence(input({ findings: [FINDINGS[0]!, hostile] }))
    const text = findingsCsv(evidence)
    expect(text.startsWith('\uFEFF')).toBe(true)
    const rows = parseCsv(text.slice(1))
    expect(rows[0]).toEqual([...CSV_COLUMNS])
    expect(rows).toHaveLength(3)
    const col = (name: (typeof CSV_COLUMNS)[number]) => CSV_COLUMNS.indexOf(name)
    expect(rows[1]?.[col('party')]).toBe('google-analytics.com')
    expect(rows[1]?.[col('page_url')]).toBe('https://news.test/')
    expect(rows[2]?.[col('evidence_urls')]).toBe('https://x.test/a,b\n=cmd|"/c calc"!A1')
    expect(rows[2]?.[col('details')]).toBe('[{"ev":"@evil"}]')
    const lastFinding = evidence.records.findLast((r) => r.kind === 'finding')
    expect(rows[2]?.[col('record_hash')]).toBe(lastFinding?.hash)
    for (const row of rows) expect(row).toHaveLength(CSV_COLUMNS.length)
  })

  it('guards an evidence cell whose first URL starts with a formula sign', async () => {
    const f = { ...FINDINGS[0]!, party: '-evil.test', evidence: { urls: ['=1+1'] } }
    const rows = parseCsv(findingsCsv(await buildEvidence(input({ findings: [f] }))).slice(1))
    expect(rows[1]?.[CSV_COLUMNS.indexOf('evidence_urls')]).toBe("'=1+1")
    expect(rows[1]?.[CSV_COLUMNS.indexOf('party')]).toBe("'-evil.test")
  })
})
