/** Shared pieces of the end-to-end tests (not a test file itself). */
import type { FindingRow, SiteRow, VisitRow } from '../../src/db/schema.ts'

export interface DbDump {
  visits: VisitRow[]
  findings: FindingRow[]
  sites: SiteRow[]
}

/** Anything with Playwright's or Puppeteer's `evaluate`. */
export interface Evaluator {
  evaluate(source: string): Promise<unknown>
}

/**
 * In-page code is passed as source text: tsx compiles test files with helpers (`__name`)
 * that do not exist inside the page.
 */
const READ_DB = `(async () => {
  const db = await new Promise((resolve, reject) => {
    const r = indexedDB.open('tracelight')
    r.onsuccess = () => resolve(r.result)
    r.onerror = () => reject(r.error)
  })
  const all = (name) => new Promise((resolve, reject) => {
    if (!db.objectStoreNames.contains(name)) return resolve([])
    const r = db.transaction(name).objectStore(name).getAll()
    r.onsuccess = () => resolve(r.result)
    r.onerror = () => reject(r.error)
  })
  const out = { visits: await all('visits'), findings: await all('findings'), sites: await all('sites') }
  db.close()
  return out
})()`

/** Reads the extension's IndexedDB from one of its own pages, with plain IndexedDB calls. */
export async function readDb(page: Evaluator): Promise<DbDump> {
  return (await page.evaluate(READ_DB)) as DbDump
}

/** Runs an extension API call in an extension page: `api` is an expression over `ext`
 * (chrome in Chromium, browser in Firefox), e.g. `ext.tabs.query({})`. */
export async function extCall<T>(page: Evaluator, api: string): Promise<T> {
  return (await page.evaluate(
    `(async () => { const ext = globalThis.browser ?? globalThis.chrome; return await ${api} })()`,
  )) as T
}

/** Id of the first tab whose URL starts with `prefix`. */
export async function tabIdOf(page: Evaluator, prefix: string): Promise<number> {
  const tabs = await extCall<{ id: number; url?: string }[]>(page, 'ext.tabs.query({})')
  const tab = tabs.find((t) => t.url?.startsWith(prefix))
  if (tab === undefined)
    throw new Error(`No tab at ${prefix}: ${tabs.map((t) => t.url).join(', ')}`)
  return tab.id
}

export async function poll<T>(
  read: () => Promise<T>,
  done: (value: T) => boolean,
  { timeout = 10_000, interval = 150, what = 'condition' } = {},
): Promise<T> {
  const until = Date.now() + timeout
  let last: T = await read()
  while (!done(last)) {
    if (Date.now() > until)
      throw new Error(
        `Timed out after ${timeout} ms waiting for ${what}. Last value: ${JSON.stringify(last).slice(0, 2000)}`,
      )
    await new Promise((r) => setTimeout(r, interval))
    last = await read()
  }
  return last
}

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
