/**
 * Findings as CSV, one row each (RFC 4180: comma separated, CRLF line ends, fields quoted when
 * they hold a comma, quote or line break). Starts with a UTF-8 byte order mark so spreadsheet
 * programs read accents and non-Latin names correctly.
 */
import type { EvidenceExport, FindingData, VisitData } from './format'

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

export function findingsCsv(evidence: EvidenceExport): string {
  const visits = new Map<number, VisitData>()
  for (const r of evidence.records) if (r.kind === 'visit') visits.set(r.data.id, r.data)
  const lines = [CSV_COLUMNS.join(',')]
  for (const r of evidence.records) {
    if (r.kind !== 'finding') continue
    const f: FindingData = r.data
    const v = visits.get(f.visitId)
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
      r.hash,
    ]
    lines.push(row.map(csvCell).join(','))
  }
  return '\uFEFF' + lines.join('\r\n') + '\r\n'
}
