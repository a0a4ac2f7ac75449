/**
 * The dashboard at scale (DESIGN.md §9): 1 M findings over 5,000 sites written into the real
 * extension's IndexedDB in Chromium, then the time from navigation start until the overview's
 * ranking, and a site page, are on screen (median of several fresh page loads). The budget
 * (≤ 300 ms) is checked on the time the frame showing them was painted, noted in the page;
 * also printed: when the element was added, and when the harness saw it (an upper bound that
 * includes its own polling and round trips). The overview's totals from the precomputed rows
 * are then checked against those summed from every site's stats row (a search, which reads
 * them all), timed too. */
import type { Page } from 'playwright-core'
import { launchChromium } from '../../src/cli/browsers.ts'
import type { SignalId } from '../../src/detect/signals.ts'
import type { FindingRow, VisitRow } from '../../src/db/schema.ts'
import { median, paintedTimes, paintMarks, type Times } from './painted.ts'
import {
  Aggregator,
  OverviewSeed,
  putRows,
  settledUsage,
  storedCompanyIds,
  type Rows,
} from './seed.ts'

export const SITES = 5_000
const VISITS_PER_SITE = 20
const FINDINGS_PER_VISIT = 10 // 5,000 × 20 × 10 = 1 M
const COMPANIES = 2_000
const DAYS = 90
const ROUNDS = 9

/** The same rows as before v4 (same generator and seed), written with their aggregates; the
 * export bench seeds with it too. */
export async function seed(page: Page): Promise<{ findings: number; daily: number }> {
  const now = Date.now()
  const DAY = 86_400_000
  let state = 12345
  const rand = () => (state = (state * 48271) % 2147483647) / 2147483647
  const signals: SignalId[] = [
    'tracker.request',
    'tracker.request',
    'tracker.request',
    'tracker.request',
    'tracker.request',
    'tracker.request',
    'thirdparty.request',
    'thirdparty.request',
    'pixel.facebook',
    'cookie.identifier',
  ]
  let findings = 0
  let daily = 0
  const ids = await storedCompanyIds(page)
  const overview = new OverviewSeed()
  for (let s0 = 0; s0 < SITES; s0 += 50) {
    const agg = new Aggregator(ids, overview)
    const rows: Rows & { visits: VisitRow[]; findings: FindingRow[] } = { visits: [], findings: [] }
    for (let s = s0; s < Math.min(SITES, s0 + 50); s++) {
      const site = `site-${s}.test`
      for (let v = 0; v < VISITS_PER_SITE; v++) {
        const at = now - Math.floor(rand() * DAYS) * DAY - Math.floor(rand() * 3600000)
        const id = at * 1000 + ((s * VISITS_PER_SITE + v) % 1000)
        const visit: VisitRow = {
          id,
          site,
          url: `https://${site}/p${v}`,
          tabId: 1,
          startedAt: at,
          mode: 'standard',
        }
        const list: FindingRow[] = []
        for (let k = 0; k < FINDINGS_PER_VISIT; k++) {
          // A few companies are everywhere, most are rare.
          const c = rand() < 0.5 ? Math.floor(rand() * 20) : Math.floor(rand() * COMPANIES)
          const party = `c${c}-${k}.test`
          list.push({
            visitId: id,
            signal: signals[k] ?? 'tracker.request',
            party,
            site,
            company: `Company ${c}`,
            category: 'ad',
            count: 3,
            firstAt: at,
            lastAt: at + 1000,
            mode: 'standard',
            evidence: { urls: [`https://${party}/collect?id=[hidden]&page=${v}`] },
          })
        }
        rows.visits.push(visit)
        rows.findings.push(...list)
        agg.add(visit, list)
        findings += list.length
      }
    }
    for (const more of agg.chunks(50)) {
      daily += more.daily?.length ?? 0
      await putRows(page, { ...rows, ...more })
    }
  }
  await overview.finish(page, ids.rows())
  return { findings, daily }
}

/** Milliseconds from navigation start until `testid` is in the page, and painted. */
async function timeTo(page: Page, url: string, testid: string): Promise<Times> {
  await page.goto('about:blank')
  await page.goto(url)
  await page.getByTestId(testid).waitFor({ timeout: 60_000 })
  return paintedTimes(page, testid)
}

const text = async (page: Page, testid: string) =>
  (await page.getByTestId(testid).textContent())?.trim() ?? ''

export async function benchDashboard(): Promise<string[]> {
  const session = await launchChromium()
  try {
    const base = `chrome-extension://${session.extensionId}/src/ui/dashboard/index.html`
    const page = await session.context.newPage()
    await page.addInitScript(paintMarks(['site-ranking', 'site-page']))
    await page.goto(`${base}#/`)
    // The dashboard opens the database (and creates its tables) on first read.
    await page.getByTestId('overview-empty').waitFor()
    const started = Date.now()
    const seeded = await seed(page)
    const seedS = (Date.now() - started) / 1000
    // Timed once the database has settled (as a history a person has is), not while it is
    // still compacting what was just written.
    const { waitedS } = await settledUsage(page)
    const overview: Times[] = []
    const site: Times[] = []
    for (let i = 0; i < ROUNDS; i++) {
      overview.push(await timeTo(page, `${base}#/?period=30`, 'site-ranking'))
      site.push(await timeTo(page, `${base}#/site/site-${1000 + i}.test`, 'site-page'))
    }
    // The first screen's totals, from the precomputed rows…
    await timeTo(page, `${base}#/?period=30`, 'site-ranking')
    const fast = [await text(page, 'total-sites'), await text(page, 'total-companies')]
    // …and summed from every site's stats row (a search matching every site).
    const search = await timeTo(page, `${base}#/?period=30&q=.test`, 'site-ranking')
    const full = [await text(page, 'total-sites'), await text(page, 'total-companies')]
    if (fast.join() !== full.join())
      throw new Error(
        `overview totals ${fast.join('/')} differ from the full sum ${full.join('/')}`,
      )
    const m = (xs: Times[], k: keyof Times) => median(xs.map((x) => x[k])).toFixed(0)
    const line =
      `BENCH dashboard overview_ms=${m(overview, 'painted')} site_ms=${m(site, 'painted')}` +
      ` overview_shown_ms=${m(overview, 'shown')} site_shown_ms=${m(site, 'shown')}` +
      ` overview_harness_ms=${m(overview, 'harness')} site_harness_ms=${m(site, 'harness')}` +
      ` search_ms=${search.painted.toFixed(0)} rounds=${ROUNDS}` +
      ` findings=${seeded.findings} sites=${SITES} daily_rows=${seeded.daily} period_days=30 seed_s=${seedS.toFixed(0)} settle_s=${waitedS.toFixed(0)}`
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
