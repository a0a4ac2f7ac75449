/**
 * The dashboard at scale (DESIGN.md §9): 1 M findings over 5,000 sites written into the real
 * extension's IndexedDB in Chromium, then the time from navigation start until the overview's
 * ranking, and a site page, are on screen (median of a few fresh page loads).
 */
import type { Page } from 'playwright-core'
import { launchChromium } from '../../src/cli/browsers.ts'

export const SITES = 5_000
const VISITS_PER_SITE = 20
const FINDINGS_PER_VISIT = 10 // 5,000 × 20 × 10 = 1 M
const COMPANIES = 2_000
const DAYS = 90
const ROUNDS = 3

/** Writes the rows as the recorder would, with plain IndexedDB (source text, see inspect.ts). */
export const SEED = `(async () => {
  const db = await new Promise((resolve, reject) => {
    const r = indexedDB.open('tracelight')
    r.onsuccess = () => resolve(r.result)
    r.onerror = () => reject(r.error)
  })
  const now = Date.now()
  const DAY = 86400000
  let seed = 12345
  const rand = () => (seed = (seed * 48271) % 2147483647) / 2147483647
  const pad = (n) => String(n).padStart(2, '0')
  const localDay = (t) => { const d = new Date(t); return d.getFullYear() + '-' + pad(d.getMonth() + 1) + '-' + pad(d.getDate()) }
  const signals = ['tracker.request', 'tracker.request', 'tracker.request', 'tracker.request', 'tracker.request',
    'tracker.request', 'thirdparty.request', 'thirdparty.request', 'pixel.facebook', 'cookie.identifier']
  let findings = 0, daily = 0
  const write = (stores, fill) => new Promise((resolve, reject) => {
    const tx = db.transaction(stores, 'readwrite')
    fill(tx)
    tx.oncomplete = resolve
    tx.onerror = () => reject(tx.error)
  })
  for (let s0 = 0; s0 < ${SITES}; s0 += 50) {
    await write(['sites', 'visits', 'findings', 'daily'], (tx) => {
      for (let s = s0; s < Math.min(${SITES}, s0 + 50); s++) {
        const site = 'site-' + s + '.test'
        const days = new Map()
        const companies = {}
        const counts = {}
        let first = now, last = 0
        for (let v = 0; v < ${VISITS_PER_SITE}; v++) {
          const at = now - Math.floor(rand() * ${DAYS}) * DAY - Math.floor(rand() * 3600000)
          first = Math.min(first, at); last = Math.max(last, at)
          const id = at * 1000 + (s * ${VISITS_PER_SITE} + v) % 1000
          tx.objectStore('visits').put({ id, site, url: 'https://' + site + '/p' + v, tabId: 1, startedAt: at, mode: 'standard' })
          for (let k = 0; k < ${FINDINGS_PER_VISIT}; k++) {
            const signal = signals[k]
            // A few companies are everywhere, most are rare.
            const c = rand() < 0.5 ? Math.floor(rand() * 20) : Math.floor(rand() * ${COMPANIES})
            const company = 'Company ' + c
            const party = 'c' + c + '-' + k + '.test'
            tx.objectStore('findings').put({ visitId: id, signal, party, site, company, category: 'ad', count: 3,
              firstAt: at, lastAt: at + 1000, mode: 'standard',
              evidence: { urls: ['https://' + party + '/collect?id=[hidden]&page=' + v] } })
            findings++
            counts[signal] = (counts[signal] || 0) + 3
            const key = localDay(at) + '|' + signal
            days.set(key, (days.get(key) || 0) + 3)
            if (signal === 'tracker.request' || signal === 'thirdparty.request') {
              const old = companies[company]
              companies[company] = old === undefined
                ? { tracker: signal === 'tracker.request', category: 'ad', parties: [party], requests: 3, firstAt: at, lastAt: at }
                : { ...old, requests: old.requests + 3, firstAt: Math.min(old.firstAt, at), lastAt: Math.max(old.lastAt, at),
                    parties: old.parties.includes(party) || old.parties.length >= 8 ? old.parties : [...old.parties, party] }
            }
          }
        }
        for (const [key, count] of days) {
          const [day, signal] = key.split('|')
          tx.objectStore('daily').put({ site, day, signal, count })
          daily++
        }
        tx.objectStore('sites').put({ site, firstSeen: first, lastSeen: last, visits: ${VISITS_PER_SITE}, counts, companies })
      }
    })
  }
  db.close()
  return { findings, daily }
})()`

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[xs.length >> 1] ?? Number.NaN

/** Milliseconds from navigation start until `testid` is in the page. */
async function timeTo(page: Page, url: string, testid: string): Promise<number> {
  await page.goto('about:blank')
  await page.goto(url)
  await page.getByTestId(testid).waitFor({ timeout: 60_000 })
  return (await page.evaluate('performance.now()')) as number
}

export async function benchDashboard(): Promise<string[]> {
  const session = await launchChromium()
  try {
    const base = `chrome-extension://${session.extensionId}/src/ui/dashboard/index.html`
    const page = await session.context.newPage()
    await page.goto(`${base}#/`)
    // The dashboard opens the database (and creates its tables) on first read.
    await page.getByTestId('overview-empty').waitFor()
    const started = Date.now()
    const seeded = (await page.evaluate(SEED)) as { findings: number; daily: number }
    const seedS = (Date.now() - started) / 1000
    const overview: number[] = []
    const site: number[] = []
    for (let i = 0; i < ROUNDS; i++) {
      overview.push(await timeTo(page, `${base}#/?period=30`, 'site-ranking'))
      site.push(await timeTo(page, `${base}#/site/site-${1000 + i}.test`, 'site-page'))
    }
    const line =
      `BENCH dashboard overview_ms=${median(overview).toFixed(0)} site_ms=${median(site).toFixed(0)}` +
      ` findings=${seeded.findings} sites=${SITES} daily_rows=${seeded.daily} period_days=30 seed_s=${seedS.toFixed(0)}`
    console.log(line)
    return [line]
  } finally {
    await session.close()
  }
}

export function dashboardTargets(lines: readonly string[]): string[] {
  const out: string[] = []
  for (const line of lines) {
    for (const key of ['overview_ms', 'site_ms']) {
      const v = Number(new RegExp(`${key}=(\\d+)`).exec(line)?.[1])
      if (v > 300) out.push(`dashboard ${key}=${v} is over the 300 ms budget`)
    }
  }
  return out
}
