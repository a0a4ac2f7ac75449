/**
 * Findings as CSV, one row each (RFC 4180: comma separated, CRLF line ends, fields quoted when
 * they hold a comma, quote or line break). Starts with a UTF-8 byte order mark so spreadsheet
 * programs read accents and non-Latin names correctly.
 */
import type { EvidenceExport, EvidenceRecord, FindingData, VisitData } from './format'
import { replay, type RecordSink } from './seal'

export const CSV_COLUMNS = [
  'site',
  'page_url',
  'visit_id',
  'visit_started',
  'signal',
  'party',
  'company',
  'category',
  'same_company',
  'count',
  'first_at',
  'last_at',
  'mode',
  'evidence_urls',
  'details',
  'record_hash',
] as const

/**
 * A cell a spreadsheet would run as a formula (=, +, -, @, or a tab/CR that some programs
 * strip first) gets a leading apostrophe: OWASP "CSV Injection". Page-derived text such as
 * URLs and pixel event names lands in these cells.
 */
export function csvCell(value: string | number | boolean | undefined): string {
  let text = value === undefined ? '' : String(value)
  if (/^[=+\-@\t\r]/.test(text) && typeof value === 'string') text = `'${text}`
  return /[",\r\n]/.test(text) ? `"${text.replaceAll('"', '""')}"` : text
}

export const CSV_BOM = '\uFEFF'
export const csvHeaderLine = () => CSV_BOM + CSV_COLUMNS.join(',') + '\r\n'

/** One finding's row, with the page it was found on, ending in CRLF. */
export function csvRow(f: FindingData, v: VisitData | undefined, hash: string): string {
  const row = [
    f.site,
    v?.url,
    f.visitId,
    v?.startedAt,
    f.signal,
    f.party,
    f.company,
    f.category,
    f.sameCompany,
    f.count,
    f.firstAt,
    f.lastAt,
    f.mode,
    f.evidence.urls.join('\n'),
    f.evidence.details === undefined ? undefined : JSON.stringify(f.evidence.details),
    hash,
  ]
  return row.map(csvCell).join(',') + '\r\n'
}

/** Writes the CSV to `write` as records arrive. */
export class CsvSink implements RecordSink {
  constructor(private readonly write: (text: string) => void) {}
  begin(): void {
    this.write(csvHeaderLine())
  }
  record(r: EvidenceRecord, visit: VisitData | undefined): void {
    if (r.kind === 'finding') this.write(csvRow(r.data, visit, r.hash))
  }
  end(): void {}
}

export function findingsCsv(evidence: EvidenceExport): string {
  const parts: string[] = []
  replay(evidence, [new CsvSink((t) => parts.push(t))])
  return parts.join('')
}
