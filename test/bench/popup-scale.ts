/**
 * The popup with a large history (DESIGN.md §9: the current site in ≤ 100 ms with 1 M findings
 * stored). One Chromium with the built extension: the popup is timed on the real visit of a
 * fixture page, first with that history only, then after 1 M synthetic findings over 5,000
 * sites (and the aggregates kept with them) are written to the extension's own IndexedDB, in
 * the same run. Also reports the storage each aggregated finding takes (budget ≤ 200 bytes),
 * split into visits + findings and the aggregates.
 */
import { cpSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { distDir, launchChromium, type ChromiumSession } from '../../src/cli/browsers.ts'
import { poll, readDb, tabIdOf } from '../../src/cli/inspect.ts'
import { startFixtureServer } from '../fixtures/server.ts'
import type { Page } from 'playwright-core'
import type { SignalId } from '../../src/detect/signals.ts'
import type { FindingRow, VisitRow } from '../../src/db/schema.ts'
import { median, paintedTimes, paintMarks, type Times } from './painted.ts'
import { Aggregator, putRows, settledUsage, storedCompanyIds } from './seed.ts'

const FINDINGS = 1_000_000
const SITES = 5_000
const PER_VISIT = 20
const ROUNDS = 15

/**
 * Fills the extension's database with `findings` findings over `sites` sites (the same rows as
 * before v4), then the aggregates the recorder keeps with them (site summaries, daily counts,
 * site × party rows, overview stats), measuring the origin's storage before, after the visits
 * and findings, and after everything.
 */
async function fill(
  page: Page,
  { findings, sites, perVisit }: { findings: number; sites: number; perVisit: number },
): Promise<{ before: number; base: number; after: number }> {
  const { usage: before } = await settledUsage(page)
  const signals: SignalId[] = [
    'tracker.request',
    'thirdparty.request',
    'cookie.identifier',
    'pixel.facebook',
    'link.decoration',
  ]
  const companies = [
    'Google',
    'Facebook',
    'Microsoft',
    'Amazon',
    'Criteo',
    'Hotjar',
    'TikTok',
    'Adobe',
  ]
  const visits = Math.ceil(findings / perVisit)
  const start = Date.UTC(2026, 0, 1)
  const CHUNK = 2_000
  const agg = new Aggregator(await storedCompanyIds(page))
  for (let v0 = 0; v0 < visits; v0 += CHUNK) {
    const rows: { visits: VisitRow[]; findings: FindingRow[] } = { visits: [], findings: [] }
    for (let v = v0; v < Math.min(visits, v0 + CHUNK); v++) {
      const site = `site${v % sites}.example`
      const id = 1_000_000_000 + v
      const at = start + v * 60_000
      const visit: VisitRow = {
        id,
        site,
        url: `https://${site}/page/${v}`,
        tabId: 1,
        startedAt: at,
        mode: 'standard',
      }
      const list: FindingRow[] = []
      for (let i = 0; i < perVisit; i++) {
        const party = `tracker${(v * 7 + i) % 3_000}.example`
        list.push({
          visitId: id,
          signal: signals[i % signals.length] ?? 'tracker.request',
          party,
          site,
          company: companies[i % companies.length] ?? 'Google',
          category: 'ad',
          count: 1 + (i % 5),
          firstAt: at + i,
          lastAt: at + i * 3,
          mode: 'standard',
          evidence: { urls: [`https://${party}/p?id=[hidden]`] },
        })
      }
      rows.visits.push(visit)
      rows.findings.push(...list)
      agg.add(visit, list)
    }
    await putRows(page, rows)
  }
  const { usage: base } = await settledUsage(page)
  for (const rows of agg.chunks(250)) await putRows(page, rows)
  await agg.overview.finish(page, agg.ids.rows())
  return { before, base, after: (await settledUsage(page)).usage }
}

/** Milliseconds from navigation start until the tracker count is shown on `path`. */
async function timeTo(s: ChromiumSession, path: string): Promise<Times> {
  const page = await s.context.newPage()
  try {
    await page.addInitScript(paintMarks(['tracker-count']))
    await page.goto(`chrome-extension://${s.extensionId}/${path}`)
    await page.waitForSelector('[data-testid="tracker-count"]')
    return await paintedTimes(page, 'tracker-count')
  } finally {
    await page.close()
  }
}

/** The popup and the blank page opened in turn, `ROUNDS` times each: their medians. */
async function timed(s: ChromiumSession, tabId: number): Promise<{ popup: Times; blank: Times }> {
  const popupPath = `src/ui/popup/index.html?tab=${tabId}`
  await timeTo(s, popupPath) // warm: worker awake
  await timeTo(s, BLANK)
  const popup: Times[] = []
  const blank: Times[] = []
  for (let i = 0; i < ROUNDS; i++) {
    popup.push(await timeTo(s, popupPath))
    blank.push(await timeTo(s, BLANK))
  }
  const of = (xs: Times[]) => ({
    harness: median(xs.map((t) => t.harness)),
    shown: median(xs.map((t) => t.shown)),
    painted: median(xs.map((t) => t.painted)),
  })
  return { popup: of(popup), blank: of(blank) }
}

/** A page added to a copy of the built extension for this bench only: one module script that
 * puts one line in the page. What opening any extension page with a script costs here, timed
 * beside the popup, so the popup's own share can be told from the browser's. */
const BLANK = 'bench-blank.html'
function extensionWithBlankPage(): string {
  const dir = mkdtempSync(join(tmpdir(), 'tracelight-bench-extension-'))
  cpSync(distDir('chrome'), dir, { recursive: true })
  writeFileSync(
    join(dir, BLANK),
    '<!doctype html><html lang="en"><meta charset="utf-8"><title>Blank</title>' +
      '<script type="module" src="/bench-blank.js"></script><body></body></html>',
  )
  writeFileSync(
    join(dir, 'bench-blank.js'),
    `document.body.insertAdjacentHTML('beforeend', '<p data-testid="tracker-count">0</p>')`,
  )
  return dir
}

export async function benchPopupScale(): Promise<string[]> {
  const server = await startFixtureServer()
  const extension = extensionWithBlankPage()
  const s = await launchChromium({ extensionDir: extension })
  try {
    const ext = await s.extensionPage()
    const page = await s.context.newPage()
    const front = `${server.origin('news.test')}/`
    await poll(
      async () => {
        await page.goto(front, { waitUntil: 'load' })
        return readDb(ext)
      },
      (d) => d.visits.some((v) => v.url === front),
      { timeout: 20_000, interval: 500, what: 'the fixture visit to be recorded' },
    )
    const tabId = await tabIdOf(ext, front)
    const small = await timed(s, tabId)
    const t0 = Date.now()
    const { before, base, after } = await fill(ext, {
      findings: FINDINGS,
      sites: SITES,
      perVisit: PER_VISIT,
    })
    const fillS = (Date.now() - t0) / 1000
    const large = await timed(s, tabId)
    const bytes = (after - before) / FINDINGS
    const f = (n: number) => n.toFixed(1)
    const lines = [
      `BENCH popup findings=${FINDINGS} sites=${SITES} small_ms=${f(small.popup.painted)} large_ms=${f(large.popup.painted)}` +
        ` blank_page_ms=${f(large.blank.painted)} large_over_blank_ms=${f(large.popup.painted - large.blank.painted)}` +
        ` small_shown_ms=${f(small.popup.shown)} large_shown_ms=${f(large.popup.shown)}` +
        ` small_harness_ms=${f(small.popup.harness)} large_harness_ms=${f(large.popup.harness)}` +
        ` ratio=${(large.popup.painted / small.popup.painted).toFixed(2)} rounds=${ROUNDS}`,
      `BENCH storage bytes_per_finding=${bytes.toFixed(0)} findings_visits_bytes_per_finding=${((base - before) / FINDINGS).toFixed(0)} aggregates_bytes_per_finding=${((after - base) / FINDINGS).toFixed(0)} findings=${FINDINGS} fill_s=${fillS.toFixed(1)}`,
    ]
    for (const line of lines) console.log(line)
    return lines
  } finally {
    await s.close()
    await server.close()
    rmSync(extension, { recursive: true, force: true })
  }
}

export function popupScaleTargets(lines: readonly string[]): string[] {
  const text = lines.join('\n')
  const large = Number(/large_ms=([\d.]+)/.exec(text)?.[1])
  const bytes = Number(/bytes_per_finding=(\d+)/.exec(text)?.[1])
  const out: string[] = []
  if (!(large <= 100)) out.push(`popup: ${large} ms with 1 M findings is above the 100 ms budget`)
  if (!(bytes <= 200)) out.push(`storage: ${bytes} bytes per finding is above the 200-byte budget`)
  return out
}
