/**
 * Checking an evidence file as it is read, in chunks: the same checks as verify.ts (format,
 * version, schema, every record's digest and link, counts, head, genesis) with the same
 * messages, but no whole-file string and no array of every record, so a file of a million
 * findings (half a gigabyte) can be checked in a browser tab or by the CLI.
 *
 * It relies on the layout Tracelight writes (json.ts): the header fields, then `"records": [`
 * on its own line, one record a line, `],`, then `"integrity"`. A file in any other layout
 * (version 1 files, a reformatted file) is checked whole instead, up to `wholeLimit` bytes.
 * The header and the tail are parsed so that a key given twice is refused, so what is checked
 * is exactly what `JSON.parse` of the whole file would give.
 */
import { strFromU8, Unzip, UnzipInflate } from 'fflate'
import { BUNDLE_FILES } from './files'
import type { EvidenceHeader, EvidenceRecord, Integrity } from './format'
import { sha256Stream } from './integrity'
import { schemaFor, validate, type Schema, type SchemaError } from './schema'
import {
  formatProblem,
  IntegrityCheck,
  schemaProblem,
  verifyEvidenceText,
  type Problem,
} from './verify'

export interface CheckedEvidence {
  header: EvidenceHeader
  integrity: Integrity
}

export type StreamResult =
  { ok: true; evidence: CheckedEvidence } | { ok: false; problems: Problem[] }

/** Files in another layout are checked whole up to this size. */
export const WHOLE_LIMIT = 256 * 1024 * 1024
/** The header and the tail are small; more than this means another layout. */
const PART_LIMIT = 1024 * 1024
const SCHEMA_ERRORS = 50

const RECORDS_OPEN = /^\s*"records": \[\s*$/
const RECORDS_EMPTY = /^\s*"records": \[\],\s*$/
const RECORDS_CLOSE = /^\s*\],\s*$/
/** A key no file can contain (JSON keys cannot hold a raw NUL), marking the header's end. */
const END = '\u0000end'

const damaged = (detail: string): Problem => ({
  kind: 'file',
  message: `The file is not complete JSON: it was cut short or damaged (${detail}).`,
})

export class EvidenceStreamCheck {
  private readonly decoder = new TextDecoder()
  private partial = ''
  private mode: 'head' | 'records' | 'tail' | 'other' = 'head'
  private head: string[] = []
  private headChars = 0
  private tail: string[] = []
  private tailChars = 0
  /** Everything pushed, while small enough to be checked whole. */
  private kept: Uint8Array[] | null = []
  private keptBytes = 0
  private header: Record<string, unknown> | null = null
  private root: Schema | null = null
  private readonly schemaErrors: SchemaError[] = []
  private readonly check = new IntegrityCheck()
  private index = 0
  /** Whether the last record line ended with a comma. */
  private comma = false
  private fatal: Problem | null = null
  bytes = 0

  constructor(private readonly wholeLimit = WHOLE_LIMIT) {}

  push(bytes: Uint8Array): void {
    this.bytes += bytes.length
    if (this.kept !== null) {
      if (this.keptBytes + bytes.length <= this.wholeLimit) {
        this.kept.push(bytes.slice())
        this.keptBytes += bytes.length
      } else this.kept = null
    }
    if (this.stopped()) return
    const lines = (this.partial + this.decoder.decode(bytes, { stream: true })).split('\n')
    this.partial = lines.pop() ?? ''
    for (const line of lines) {
      this.line(line)
      if (this.stopped()) return
    }
  }

  /** Nothing more to read line by line: another layout, or a problem already found. */
  private stopped(): boolean {
    return this.mode === 'other' || this.fatal !== null
  }

  private line(line: string): void {
    if (this.mode === 'head') {
      if (RECORDS_OPEN.test(line)) this.parseHead('records')
      else if (RECORDS_EMPTY.test(line)) this.parseHead('tail')
      else {
        this.head.push(line)
        this.headChars += line.length
        if (this.headChars > PART_LIMIT) this.mode = 'other'
      }
    } else if (this.mode === 'records') {
      if (RECORDS_CLOSE.test(line)) {
        // JSON allows no comma after the last record.
        if (this.comma) this.broken(`a comma after record ${this.index}`)
        else this.mode = 'tail'
      } else this.record(line)
    } else if (this.mode === 'tail') {
      this.tail.push(line)
      this.tailChars += line.length
      if (this.tailChars > PART_LIMIT) this.mode = 'other'
    }
  }

  private parseHead(next: 'records' | 'tail'): void {
    let value: unknown
    try {
      value = JSON.parse(`${this.head.join('\n')}\n${JSON.stringify(END)}: 0}`)
    } catch {
      this.mode = 'other'
      return
    }
    const object = value as Record<string, unknown>
    if (
      typeof value !== 'object' ||
      value === null ||
      Array.isArray(value) ||
      Object.hasOwn(object, 'records') ||
      Object.hasOwn(object, 'integrity')
    ) {
      this.mode = 'other'
      return
    }
    delete object[END]
    this.head = []
    const wrong = formatProblem(object)
    if (wrong !== null) {
      this.fatal = wrong
      return
    }
    this.header = object
    this.root = schemaFor(object)
    this.mode = next
  }

  /** A syntax error: checked whole when small enough (for the usual message), else named. */
  private broken(what: string): void {
    if (this.kept !== null) this.mode = 'other'
    else this.fatal = damaged(what)
  }

  private record(line: string): void {
    const n = ++this.index
    if (n > 1 && !this.comma) return this.broken(`no comma before record ${n}`)
    const trimmed = line.trim()
    this.comma = trimmed.endsWith(',')
    let r: unknown
    try {
      r = JSON.parse(this.comma ? trimmed.slice(0, -1) : trimmed)
    } catch {
      return this.broken(`record ${n} is not valid JSON`)
    }
    const root = this.root!
    const items = (root.properties?.records as Schema | undefined)?.items
    if (this.schemaErrors.length < SCHEMA_ERRORS && items !== undefined)
      validate(r, items, root, `records[${n - 1}]`, this.schemaErrors, SCHEMA_ERRORS)
    if (this.schemaErrors.length === 0) this.check.record(r as EvidenceRecord)
  }

  async finish(): Promise<StreamResult> {
    if (!this.stopped()) {
      const last = this.partial + this.decoder.decode()
      this.partial = ''
      if (last !== '') this.line(last)
    }
    if (this.fatal !== null) return { ok: false, problems: [this.fatal] }
    if (this.mode === 'tail') {
      const result = this.finishTail()
      if (result !== null) return result
    }
    // Not in the streamed layout, or cut short: check it whole when it is small enough.
    if (this.kept !== null) {
      const text = new TextDecoder().decode(concat(this.kept, this.keptBytes))
      const result = await verifyEvidenceText(text)
      return result.ok
        ? { ok: true, evidence: { header: result.evidence, integrity: result.evidence.integrity } }
        : result
    }
    if (this.mode === 'records' || this.mode === 'tail')
      return { ok: false, problems: [damaged(`it ends after record ${this.index}`)] }
    return {
      ok: false,
      problems: [
        {
          kind: 'file',
          message: `The file is not laid out as Tracelight writes it (one record a line) and is too large to check whole (${Math.round(this.bytes / 1048576)} MB; the limit is ${this.wholeLimit / 1048576} MB).`,
        },
      ],
    }
  }

  /** The end of a streamed file: `integrity`, then the whole header against the schema. */
  private finishTail(): StreamResult | null {
    let tail: unknown
    try {
      tail = JSON.parse(`{${this.tail.join('\n')}`)
    } catch {
      return null
    }
    if (typeof tail !== 'object' || tail === null || Object.keys(tail).join() !== 'integrity')
      return null
    const whole = {
      ...this.header,
      records: [],
      integrity: (tail as { integrity: unknown }).integrity,
    }
    const errors = validate(whole, this.root!)
    const all = [...errors, ...this.schemaErrors].slice(0, SCHEMA_ERRORS)
    if (all.length > 0) return { ok: false, problems: all.map(schemaProblem) }
    const checked = whole as unknown as EvidenceHeader & { integrity: Integrity }
    const problems = this.check.finish(checked)
    if (problems.length > 0) return { ok: false, problems }
    const {
      records: _records,
      integrity,
      ...header
    } = checked as typeof checked & {
      records: unknown
    }
    return { ok: true, evidence: { header: header as EvidenceHeader, integrity } }
  }
}

function concat(parts: readonly Uint8Array[], size: number): Uint8Array {
  const out = new Uint8Array(size)
  let at = 0
  for (const p of parts) {
    out.set(p, at)
    at += p.length
  }
  return out
}

/** A zip ends with a 22-byte record after which only a comment (at most 65,535 bytes) may
 * follow. */
const END_SEARCH = 22 + 65_535

const isZip = (bytes: Uint8Array) => bytes[0] === 0x50 && bytes[1] === 0x4b

/**
 * Checks a file that is either an evidence zip (evidence.json checked as it is inflated,
 * every file hashed for SHA256SUMS) or the JSON itself, read as chunks.
 */
export async function verifyEvidenceChunks(
  chunks: AsyncIterable<Uint8Array>,
  wholeLimit = WHOLE_LIMIT,
): Promise<StreamResult> {
  const json = new EvidenceStreamCheck(wholeLimit)
  let zip: ZipCheck | null = null
  let first = true
  for await (const chunk of chunks) {
    if (chunk.length === 0) continue
    if (first) {
      first = false
      if (isZip(chunk)) zip = new ZipCheck(json)
    }
    if (zip !== null) zip.push(chunk)
    else json.push(chunk)
  }
  if (first) return { ok: false, problems: [{ kind: 'file', message: 'The file is empty.' }] }
  if (zip === null) return json.finish()
  const zipProblems = zip.finish()
  if ('problem' in zipProblems) return { ok: false, problems: [zipProblems.problem] }
  const result = await json.finish()
  const problems = [...zipProblems.problems, ...(result.ok ? [] : result.problems)]
  return problems.length === 0 ? result : { ok: false, problems }
}

/** Reads an evidence zip as it arrives: inflates evidence.json into the check and hashes
 * every file for SHA256SUMS. */
class ZipCheck {
  private readonly unzip = new Unzip()
  private readonly hashes = new Map<string, string>()
  private readonly open = new Set<string>()
  private sums: Uint8Array[] = []
  private sawJson = false
  private error: string | null = null

  constructor(private readonly json: EvidenceStreamCheck) {
    this.unzip.register(UnzipInflate)
    this.unzip.onfile = (file) => {
      const name = file.name
      const hasher = sha256Stream()
      this.open.add(name)
      if (name === BUNDLE_FILES.json) this.sawJson = true
      file.ondata = (error, data, final) => {
        if (error !== null) {
          this.error ??= error.message
          return
        }
        hasher.update(data)
        if (name === BUNDLE_FILES.json) this.json.push(data)
        else if (name === BUNDLE_FILES.sums && this.sums.length < 1024) this.sums.push(data)
        if (final) {
          this.open.delete(name)
          this.hashes.set(name, hasher.hex())
        }
      }
      try {
        file.start()
      } catch (e) {
        this.error ??= e instanceof Error ? e.message : String(e)
      }
    }
  }

  push(chunk: Uint8Array): void {
    this.keepEnd(chunk)
    if (this.error !== null) return
    try {
      this.unzip.push(chunk)
    } catch (e) {
      this.error ??= e instanceof Error ? e.message : String(e)
    }
  }

  /** The last bytes seen, where a complete zip has its end-of-directory record. */
  private end = new Uint8Array(0)
  private keepEnd(chunk: Uint8Array): void {
    const keep = END_SEARCH
    if (chunk.length >= keep) this.end = chunk.slice(chunk.length - keep)
    else {
      const joined = new Uint8Array(Math.min(keep, this.end.length + chunk.length))
      const fromEnd = joined.length - chunk.length
      joined.set(this.end.subarray(this.end.length - fromEnd), 0)
      joined.set(chunk, fromEnd)
      this.end = joined
    }
  }

  private complete(): boolean {
    const e = this.end
    for (let i = e.length - 22; i >= 0; i--)
      if (e[i] === 0x50 && e[i + 1] === 0x4b && e[i + 2] === 0x05 && e[i + 3] === 0x06) return true
    return false
  }

  finish(): { problems: Problem[] } | { problem: Problem } {
    if (this.error === null && !this.complete()) this.error = 'its end is missing'
    if (this.error === null) {
      try {
        this.unzip.push(new Uint8Array(0), true)
      } catch (e) {
        this.error = e instanceof Error ? e.message : String(e)
      }
    }
    if (this.error !== null || this.open.size > 0)
      return {
        problem: {
          kind: 'file',
          message: `The zip file is damaged or incomplete (${this.error ?? `${[...this.open].join(', ')} ends early`}).`,
        },
      }
    if (!this.sawJson)
      return {
        problem: {
          kind: 'file',
          message: `The zip holds no ${BUNDLE_FILES.json}: it is not a Tracelight evidence zip.`,
        },
      }
    const problems: Problem[] = []
    if (!this.hashes.has(BUNDLE_FILES.sums)) {
      problems.push({ kind: 'file', message: `The zip holds no ${BUNDLE_FILES.sums} file.` })
      return { problems }
    }
    const text = strFromU8(
      concat(
        this.sums,
        this.sums.reduce((n, p) => n + p.length, 0),
      ),
    )
    for (const line of text.split('\n')) {
      const m = /^([0-9a-f]{64}) {2}(.+)$/.exec(line)
      if (m === null) continue
      const [, expected, name] = m as unknown as [string, string, string]
      const actual = this.hashes.get(name)
      if (actual === undefined)
        problems.push({
          kind: 'file',
          message: `${name}, listed in ${BUNDLE_FILES.sums}, is missing from the zip.`,
        })
      else if (actual !== expected)
        problems.push({
          kind: 'integrity',
          message: `${name} was changed after export: it does not match its line in ${BUNDLE_FILES.sums}.`,
        })
    }
    return { problems }
  }
}

/** A Blob or File as chunks (browsers), without reading it whole. */
export async function* blobChunks(blob: Blob, size = 1024 * 1024): AsyncGenerator<Uint8Array> {
  for (let at = 0; at < blob.size; at += size)
    yield new Uint8Array(await blob.slice(at, at + size).arrayBuffer())
}
