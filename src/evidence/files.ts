/**
 * The files of an export, written while the records are sealed: evidence.json, findings.csv,
 * report.html, or a zip of the three with SHA256SUMS. Text is encoded in chunks and kept in
 * Blobs, which browsers hold outside the JavaScript heap (and spill to disk when large), so
 * a million findings never sit in memory as one string.
 *
 * In the zip, files follow each other: evidence.json is compressed as it is written; the CSV
 * goes to a Blob meanwhile and is compressed after it; the report, bounded in size, comes
 * last, then SHA256SUMS, whose hashes are computed over each file as it passes.
 */
import { Zip, ZipDeflate } from 'fflate'
import { CsvSink } from './csv'
import { ReportSink } from './html'
import { sha256Hex, sha256Stream } from './integrity'
import { JsonSink } from './json'
import { cancelled, type Control, type RecordSink } from './seal'

export type FileFormat = 'zip' | 'json' | 'csv' | 'html'

export const BUNDLE_FILES = {
  json: 'evidence.json',
  csv: 'findings.csv',
  html: 'report.html',
  sums: 'SHA256SUMS',
} as const

export const MEDIA_TYPES: Record<FileFormat, string> = {
  zip: 'application/zip',
  json: 'application/json',
  csv: 'text/csv;charset=utf-8',
  html: 'text/html;charset=utf-8',
}

/** Characters gathered before encoding, and bytes gathered before making a Blob. */
const TEXT_CHUNK = 256 * 1024
const BLOB_PART = 4 * 1024 * 1024
/** Bytes read back from a Blob at a time. */
const READ_CHUNK = 1024 * 1024
/** Without Zip64, no file in a zip may reach 4 GiB. */
const ZIP_FILE_LIMIT = 0xffffffff
/** Deflate level: the hashes that fill half of every record do not compress, so level 6
 * made the zip only 5 % smaller than level 1, at more than twice the time. */
const ZIP_LEVEL = 1
/** A fixed time keeps the zip byte-identical for identical evidence. */
const ZIP_TIME = new Date('2020-01-01T00:00:00Z')

const encoder = new TextEncoder()

/**
 * Where a file's bytes go while it is written: pushed in order, then finished as a Blob.
 * In memory (Blobs of a few megabytes) by default; on disk in the dashboard's worker
 * (opfs.ts), so that even the browser's own memory holds little of a large export.
 */
export interface Spool {
  push(bytes: Uint8Array): void
  /** The bytes written, as one Blob of `type`. The spool takes no more bytes after. */
  finish(type: string): Promise<Blob>
  /** Lets go of what it holds (a file on disk) once its Blob is no longer needed. */
  discard(): Promise<void>
}

/** Makes a spool for a file of the export (`name` is for the reader, e.g. in a temp name). */
export type SpoolFactory = (name: string) => Promise<Spool>

export const memorySpools: SpoolFactory = async () => new BlobCollector()

/** Bytes kept in Blobs of a few megabytes. */
export class BlobCollector implements Spool {
  private readonly parts: Blob[] = []
  private pending: Uint8Array[] = []
  private pendingBytes = 0
  size = 0
  push(bytes: Uint8Array): void {
    if (bytes.length === 0) return
    this.pending.push(bytes)
    this.pendingBytes += bytes.length
    this.size += bytes.length
    if (this.pendingBytes >= BLOB_PART) this.flush()
  }
  private flush(): void {
    if (this.pending.length === 0) return
    this.parts.push(new Blob(this.pending as BlobPart[]))
    this.pending = []
    this.pendingBytes = 0
  }
  blob(type: string): Blob {
    this.flush()
    return new Blob(this.parts, { type })
  }
  async finish(type: string): Promise<Blob> {
    return this.blob(type)
  }
  async discard(): Promise<void> {
    this.parts.length = 0
  }
}

/** Text written in small pieces, encoded as UTF-8 in chunks, counted, and hashed when the
 * hash is wanted (SHA256SUMS: hashing the file costs as much as hashing its records). */
export class TextOut {
  private buffer: string[] = []
  private chars = 0
  private readonly hasher: ReturnType<typeof sha256Stream> | null
  bytes = 0
  constructor(
    private readonly target: (bytes: Uint8Array) => void,
    options: { hash?: boolean } = {},
  ) {
    this.hasher = options.hash === true ? sha256Stream() : null
  }
  readonly write = (text: string): void => {
    this.buffer.push(text)
    this.chars += text.length
    if (this.chars >= TEXT_CHUNK) this.flush()
  }
  flush(): void {
    if (this.buffer.length === 0) return
    const bytes = encoder.encode(this.buffer.join(''))
    this.buffer = []
    this.chars = 0
    this.bytes += bytes.length
    this.hasher?.update(bytes)
    this.target(bytes)
  }
  /** SHA-256 of everything written (after the last flush). */
  sha256(): string {
    this.flush()
    if (this.hasher === null) throw new Error('This text was written without a hash.')
    return this.hasher.hex()
  }
}

export class FileTooLargeError extends Error {
  constructor(name: string) {
    super(
      `${name} would be larger than 4 GB, more than a zip file can hold. Export JSON or CSV alone, or a smaller part of the history.`,
    )
    this.name = 'FileTooLargeError'
  }
}

export interface FileOutput {
  sinks: RecordSink[]
  /** Completes the file once every record has passed through the sinks. */
  finish(control?: Control): Promise<Blob>
  /** Lets go of every spool (an export that stopped, or whose file was saved). */
  discard(): Promise<void>
}

export interface FileOptions {
  /** Deflate level of the zip, 0–9. */
  level?: number
  /** Where file bytes go while written (default: memory). */
  spools?: SpoolFactory
}

async function textFile(
  spools: SpoolFactory,
  name: string,
  sink: (write: (text: string) => void) => RecordSink,
  type: string,
): Promise<FileOutput> {
  const out = await spools(name)
  const text = new TextOut((b) => out.push(b))
  return {
    sinks: [sink(text.write)],
    async finish() {
      text.flush()
      return out.finish(type)
    },
    discard: () => out.discard(),
  }
}

export async function fileOutput(
  format: FileFormat,
  options: FileOptions = {},
): Promise<FileOutput> {
  const spools = options.spools ?? memorySpools
  if (format === 'json')
    return textFile(spools, BUNDLE_FILES.json, (w) => new JsonSink(w), MEDIA_TYPES.json)
  if (format === 'csv')
    return textFile(spools, BUNDLE_FILES.csv, (w) => new CsvSink(w), MEDIA_TYPES.csv)
  if (format === 'html') {
    const report = new ReportSink()
    return {
      sinks: [report],
      finish: async () => new Blob([report.html()], { type: MEDIA_TYPES.html }),
      discard: async () => {},
    }
  }
  return zipOutput(options.level ?? ZIP_LEVEL, spools)
}

async function zipOutput(level: number, spools: SpoolFactory): Promise<FileOutput> {
  const out = await spools('evidence.zip')
  const csvLater = await spools(BUNDLE_FILES.csv)
  let failure: Error | null = null
  const zip = new Zip((error, data) => {
    if (error !== null) failure = error
    else out.push(data)
  })
  const entry = (name: string) => {
    const file = new ZipDeflate(name, { level: level as 6 })
    file.mtime = ZIP_TIME
    zip.add(file)
    return file
  }
  const limited = (name: string, file: ZipDeflate) => {
    let bytes = 0
    return (chunk: Uint8Array) => {
      bytes += chunk.length
      if (bytes > ZIP_FILE_LIMIT) throw new FileTooLargeError(name)
      file.push(chunk)
    }
  }
  const jsonEntry = entry(BUNDLE_FILES.json)
  const json = new TextOut(limited(BUNDLE_FILES.json, jsonEntry), { hash: true })
  const csv = new TextOut((b) => csvLater.push(b), { hash: true })
  const report = new ReportSink({ jsonName: BUNDLE_FILES.json })
  return {
    sinks: [new JsonSink(json.write), new CsvSink(csv.write), report],
    async finish(control: Control = {}) {
      const sums: string[] = []
      sums.push(`${json.sha256()}  ${BUNDLE_FILES.json}`)
      jsonEntry.push(new Uint8Array(0), true)

      sums.push(`${csv.sha256()}  ${BUNDLE_FILES.csv}`)
      if (csv.bytes > ZIP_FILE_LIMIT) throw new FileTooLargeError(BUNDLE_FILES.csv)
      const csvBlob = await csvLater.finish('')
      const csvEntry = entry(BUNDLE_FILES.csv)
      for (let at = 0; at < csvBlob.size; at += READ_CHUNK) {
        cancelled(control.signal)
        const chunk = new Uint8Array(await csvBlob.slice(at, at + READ_CHUNK).arrayBuffer())
        csvEntry.push(chunk)
        control.onProgress?.({ phase: 'files', done: at + chunk.length, total: csvBlob.size })
      }
      csvEntry.push(new Uint8Array(0), true)
      await csvLater.discard()

      const html = encoder.encode(report.html())
      sums.push(`${sha256Hex(html)}  ${BUNDLE_FILES.html}`)
      entry(BUNDLE_FILES.html).push(html, true)
      entry(BUNDLE_FILES.sums).push(encoder.encode(sums.join('\n') + '\n'), true)
      zip.end()
      if (failure !== null) throw failure
      return out.finish(MEDIA_TYPES.zip)
    },
    async discard() {
      await Promise.all([out.discard(), csvLater.discard()])
    },
  }
}
