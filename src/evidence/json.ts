/**
 * The layout of evidence.json: the header fields, then one record per line, then `integrity`
 * (known only once every record is hashed, so it comes last). Any JSON reader sees the same
 * object whatever the layout; one record a line makes the file easy to read and to grep, and
 * lets it be written as the records are sealed. Each record's `data` is written in its
 * canonical form, so `{"data":<that text>,"kind":"<kind>"}` is exactly what its digest hashes.
 */
import {
  headerOf,
  type EvidenceExport,
  type EvidenceHeader,
  type EvidenceRecord,
  type Integrity,
} from './format'
import { replay, type RecordSink } from './seal'

/** The opening, up to and including `"records": [`. */
export function jsonHead(header: EvidenceHeader): string {
  const text = JSON.stringify(headerOf(header), null, 2)
  return `${text.slice(0, text.lastIndexOf('\n}'))},\n  "records": [`
}

/** One record's line; its `data` in canonical form (sorted keys), the very text hashed. */
export function jsonRecord(record: EvidenceRecord, dataJson: string, first: boolean): string {
  return `${first ? '\n' : ',\n'}    {"kind":${JSON.stringify(record.kind)},"data":${dataJson},"digest":${JSON.stringify(record.digest)},"hash":${JSON.stringify(record.hash)}}`
}

export function jsonTail(integrity: Integrity, any: boolean): string {
  const body = JSON.stringify(integrity, null, 2).replaceAll('\n', '\n  ')
  return `${any ? '\n  ' : ''}],\n  "integrity": ${body}\n}\n`
}

/** Writes the JSON layout to `write` as records arrive. */
export class JsonSink implements RecordSink {
  private first = true
  constructor(private readonly write: (text: string) => void) {}
  begin(header: EvidenceHeader): void {
    this.write(jsonHead(header))
  }
  record(r: EvidenceRecord, _visit: unknown, dataJson: string): void {
    this.write(jsonRecord(r, dataJson, this.first))
    this.first = false
  }
  end(integrity: Integrity): void {
    this.write(jsonTail(integrity, !this.first))
  }
}

export function evidenceJson(evidence: EvidenceExport): string {
  const parts: string[] = []
  replay(evidence, [new JsonSink((t) => parts.push(t))])
  return parts.join('')
}
