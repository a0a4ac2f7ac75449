/** Shared pieces of the end-to-end tests (not a test file itself). */
import type { FindingRow, VisitRow } from '../../src/db/schema.ts'
import type { DbDump } from '../../src/cli/inspect.ts'

import { poll, readDb, type Evaluator } from '../../src/cli/inspect.ts'

export { extCall, poll, readDb, readStore, tabIdOf, type DbDump } from '../../src/cli/inspect.ts'

export const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms))

/** The latest visit whose URL starts with `prefix`. */
export function visitOf(dump: DbDump, prefix: string): VisitRow | undefined {
  return dump.visits
    .filter((v) => v.url.startsWith(prefix))
    .sort((a, b) => b.startedAt - a.startedAt)[0]
}

export function findingsOf(dump: DbDump, visitId: number): FindingRow[] {
  return dump.findings.filter((f) => f.visitId === visitId)
}

/**
 * Waits until the latest visit at `url` has findings that pass `done`; returns the database
 * as read then, the visit and its findings.
 */
export async function waitForVisit(
  ext: Evaluator,
  url: string,
  done: (findings: FindingRow[]) => boolean,
  what: string,
): Promise<{ dump: DbDump; visit: VisitRow; findings: FindingRow[] }> {
  const dump = await poll(
    () => readDb(ext),
    (d) => {
      const v = visitOf(d, url)
      return v !== undefined && done(findingsOf(d, v.id))
    },
    { what },
  )
  const visit = visitOf(dump, url)!
  return { dump, visit, findings: findingsOf(dump, visit.id) }
}

/**
 * Closing a tab ends its visit, which may still add to the visit's consent timeline (the
 * choice on leaving, the GPC comparison): waits until two readings 1.5 s apart agree, so an
 * export and the database can be compared row for row. Returns the settled database.
 */
export async function waitForConsentToSettle(ext: Evaluator): Promise<DbDump> {
  let last = -1
  const dump = await poll(
    async () => {
      const d = await readDb(ext)
      const settled = d.consent.length === last
      last = d.consent.length
      return { d, settled }
    },
    (r) => r.settled,
    { what: 'the consent timeline to settle', interval: 1500 },
  )
  return dump.d
}

/** `signal party` -> count, summed over the given visits. */
export function tally(dump: DbDump, visitIds: ReadonlySet<number>): Record<string, number> {
  const out: Record<string, number> = {}
  for (const f of dump.findings) {
    if (!visitIds.has(f.visitId)) continue
    const key = `${f.signal} ${f.party}`
    out[key] = (out[key] ?? 0) + f.count
  }
  return Object.fromEntries(Object.entries(out).sort(([a], [b]) => a.localeCompare(b)))
}

/** What the news fixture pages contact (test/fixtures/sites/news.test). */
export const NEWS_EXPECTED = {
  trackers: {
    'google-analytics.com': 'Google',
    'googletagmanager.com': 'Google',
    'facebook.net': 'Facebook',
    'facebook.com': 'Facebook',
  },
  others: ['unknown-widgets.test'],
}
