import type { SignalId } from '@/detect/signals'
import type { RecordMode, VisitRow } from '@/db/schema'
import type { DetailValue } from '@/detect/types'
import {
  EVIDENCE_URLS,
  mergeBounded,
  mergeDetails,
  type Batch,
  type FindingDelta,
} from '@/db/write'

/** One thing seen, before aggregation. */
export interface Observation {
  visitId: number
  site: string
  signal: SignalId
  party: string
  entity?: string
  company?: string
  category?: string
  sameCompany?: boolean
  at: number
  url?: string
  detail?: Record<string, DetailValue>
  mode: RecordMode
}

export interface RecorderDeps {
  write(batch: Batch): Promise<void>
  onError(message: string | null): void
}

export interface Recorder {
  addVisit(visit: VisitRow): void
  add(observation: Observation): void
  /** Writes everything buffered so far; resolves once it is stored. */
  flush(): Promise<void>
}

/** Visits whose rows the recorder keeps at hand, so later findings can bring a visit's row
 * back when it is not stored (see `Batch.seen`): about as many as pages left open. */
const KNOWN_VISITS = 500

/** Buffered for at most this long before a write (DESIGN.md §0: durability). */
export const FLUSH_WINDOW_MS = 250
const MAX_ATTEMPTS = 3

/**
 * Aggregates observations per visit × signal × party in memory and writes them in one
 * transaction per window. A batch is removed from the buffer before it is written; if the
 * write fails it is merged back (the failed transaction stored nothing, so nothing is counted
 * twice) and retried, up to three times.
 */
export function createRecorder(deps: RecorderDeps): Recorder {
  let visits: VisitRow[] = []
  let findings = new Map<string, FindingDelta>()
  /** The latest visits started, by id (oldest first, bounded). */
  const known = new Map<number, VisitRow>()
  let attempts = 0
  let timer: ReturnType<typeof setTimeout> | undefined
  let chain: Promise<void> = Promise.resolve()

  function schedule(delay = FLUSH_WINDOW_MS): void {
    if (timer === undefined) timer = setTimeout(() => void flush(), delay)
  }

  function merge(delta: FindingDelta): void {
    const key = `${delta.visitId}\u0000${delta.signal}\u0000${delta.party}`
    const old = findings.get(key)
    if (old === undefined) {
      findings.set(key, { ...delta, urls: delta.urls.slice(0, EVIDENCE_URLS) })
      return
    }
    old.count += delta.count
    old.firstAt = Math.min(old.firstAt, delta.firstAt)
    old.lastAt = Math.max(old.lastAt, delta.lastAt)
    old.urls = mergeBounded(old.urls, delta.urls, EVIDENCE_URLS)
    if (delta.details !== undefined) old.details = mergeDetails(old.details ?? [], delta.details)
  }

  function add(o: Observation): void {
    const { at, url, detail, ...rest } = o
    const delta: FindingDelta = {
      ...rest,
      count: 1,
      firstAt: at,
      lastAt: at,
      urls: url === undefined ? [] : [url],
    }
    if (detail !== undefined) delta.details = [detail]
    merge(delta)
    schedule()
  }

  function addVisit(visit: VisitRow): void {
    visits.push(visit)
    known.delete(visit.id)
    known.set(visit.id, visit)
    if (known.size > KNOWN_VISITS) known.delete(known.keys().next().value as number)
    schedule()
  }

  async function writeOnce(): Promise<void> {
    if (timer !== undefined) clearTimeout(timer)
    timer = undefined
    if (visits.length === 0 && findings.size === 0) return
    const listed = new Set(visits.map((v) => v.id))
    const list = [...findings.values()]
    const seen = [...new Set(list.map((f) => f.visitId))]
      .filter((id) => !listed.has(id))
      .flatMap((id) => {
        const row = known.get(id)
        return row === undefined ? [] : [row]
      })
    const batch: Batch = { visits, findings: list, ...(seen.length > 0 && { seen }) }
    visits = []
    findings = new Map()
    try {
      await deps.write(batch)
      attempts = 0
      deps.onError(null)
    } catch (error) {
      attempts += 1
      const message = error instanceof Error ? error.message : String(error)
      if (attempts < MAX_ATTEMPTS) {
        visits = [...batch.visits, ...visits]
        for (const delta of batch.findings) merge(delta)
        schedule(1000 * attempts)
      } else {
        attempts = 0
      }
      deps.onError(message)
    }
  }

  function flush(): Promise<void> {
    chain = chain.then(writeOnce)
    return chain
  }

  return { add, addVisit, flush }
}
