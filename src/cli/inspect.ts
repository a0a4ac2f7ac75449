/**
 * Looking inside the running extension from Node (tests, `npm start`, audit): its database
 * and the popup, read from its own pages through Playwright's or Puppeteer's `evaluate`.
 */
import type { ConsentRow, FindingRow, SiteRow, VisitRow } from '../db/schema.ts'

export interface DbDump {
  visits: VisitRow[]
  findings: FindingRow[]
  sites: SiteRow[]
  consent: ConsentRow[]
}

/** Anything with Playwright's or Puppeteer's `evaluate`. */
export interface Evaluator {
  evaluate(source: string): Promise<unknown>
}

/**
 * In-page code is passed as source text: tsx compiles test files with helpers (`__name`)
 * that do not exist inside the page.
 */
const readStores = (names: readonly string[]) => `(async () => {
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
  const out = {}
  for (const name of ${JSON.stringify(names)}) out[name] = await all(name)
  db.close()
  return out
})()`

/** Reads the extension's IndexedDB from one of its own pages, with plain IndexedDB calls. */
export async function readDb(page: Evaluator): Promise<DbDump> {
  return (await page.evaluate(readStores(['visits', 'findings', 'sites', 'consent']))) as DbDump
}

/** Every row of one store of the extension's IndexedDB (none when the store does not exist). */
export async function readStore<T>(page: Evaluator, store: string): Promise<T[]> {
  const out = (await page.evaluate(readStores([store]))) as Record<string, T[]>
  return out[store] ?? []
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

export interface PopupRow {
  section: 'trackers' | 'others'
  name: string
  category: string
  requests: string
}

export interface PopupView {
  state: string
  site: string
  trackerCount: string
  thirdPartyCount: string
  rows: PopupRow[]
  /** "What was sent": decoded findings, one line each as the popup words them. */
  signals: string[]
  message: string
}

/** What the popup shows, read from its DOM once it has left the loading state. */
export const READ_POPUP = `(async () => {
  const q = (s) => document.querySelector('[data-testid="' + s + '"]')
  for (let i = 0; i < 100 && !q('site-name') && !document.querySelector('[data-testid^="state-"]:not([data-testid="state-loading"])'); i++) {
    await new Promise((r) => setTimeout(r, 100))
  }
  const state = q('site-name') ? 'ready' : (document.querySelector('[data-testid^="state-"]')?.getAttribute('data-testid') ?? 'unknown')
  const rows = []
  for (const section of ['trackers', 'others']) {
    for (const li of document.querySelectorAll('[data-testid="' + section + '"] [data-testid="company-row"]')) {
      const t = (s) => li.querySelector('[data-testid="' + s + '"]')?.textContent ?? ''
      const owner = li.querySelector('.note') ? ' (same owner as the site)' : ''
      rows.push({ section, name: t('company-name'), category: t('company-category') + owner, requests: t('company-requests') })
    }
  }
  const signals = []
  for (const li of document.querySelectorAll('[data-testid="signals"] [data-testid="signal-row"]')) {
    const title = li.querySelector('.company-name')?.textContent ?? ''
    const meta = li.querySelector('.company-meta')?.textContent ?? ''
    signals.push((title + ': ' + meta).replace(/\\s+/g, ' ').trim())
  }
  return {
    state,
    signals,
    site: q('site-name')?.textContent ?? '',
    trackerCount: q('tracker-count')?.textContent ?? '',
    thirdPartyCount: q('thirdparty-count')?.textContent ?? '',
    rows,
    message: document.querySelector('[data-testid^="state-"]')?.textContent ?? '',
  }
})()`

export async function readPopup(page: Evaluator): Promise<PopupView> {
  return (await page.evaluate(READ_POPUP)) as PopupView
}
