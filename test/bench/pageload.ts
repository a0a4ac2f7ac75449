/**
 * Page load with Tracelight vs without, side by side: two warm Chromium instances (same flags,
 * one with the extension), the same fixture pages loaded alternately, loadEventEnd of each.
 * Reports the median of the paired ratios (DESIGN.md §9: ≤ 1.05).
 */
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { chromium, type Page } from 'playwright-core'
import { chromiumArgs, findBrowser, launchChromium } from '../../src/cli/browsers.ts'
import { startFixtureServer } from '../fixtures/server.ts'
import { median } from './painted.ts'

const ROUNDS = 15
const HOST_RULES = 'MAP * 127.0.0.1, EXCLUDE localhost'

async function loadTime(page: Page, url: string): Promise<number> {
  await page.goto(url, { waitUntil: 'load' })
  return page.evaluate(() => {
    const [nav] = performance.getEntriesByType('navigation') as PerformanceNavigationTiming[]
    return nav === undefined ? Number.NaN : nav.loadEventEnd - nav.startTime
  })
}

export async function benchPageLoad(): Promise<string[]> {
  const server = await startFixtureServer()
  const withExt = await launchChromium()
  const bareProfile = mkdtempSync(join(tmpdir(), 'tracelight-bare-'))
  // Same flags, minus the extension itself.
  const bareArgs = chromiumArgs('/nonexistent', HOST_RULES).filter((a) => !a.includes('extension'))
  const bare = await chromium.launchPersistentContext(bareProfile, {
    executablePath: findBrowser('chromium'),
    headless: true,
    args: bareArgs,
  })
  try {
    const pages = [
      `${server.origin('news.test')}/`,
      `${server.origin('shop.test')}/`,
      `${server.origin('news.test')}/article/3`,
    ]
    const a = await withExt.context.newPage()
    const b = await bare.newPage()
    for (const url of pages) {
      await loadTime(a, url) // warm caches and the extension's worker
      await loadTime(b, url)
    }
    const ratios: number[] = []
    const ours: number[] = []
    const base: number[] = []
    for (let round = 0; round < ROUNDS; round++) {
      for (const url of pages) {
        // Alternate which browser goes first, so drift affects both.
        const first = round % 2 === 0
        const tb = first ? await loadTime(b, url) : Number.NaN
        const ta = await loadTime(a, url)
        const tb2 = first ? tb : await loadTime(b, url)
        if (Number.isFinite(ta) && Number.isFinite(tb2) && tb2 > 0) {
          ratios.push(ta / tb2)
          ours.push(ta)
          base.push(tb2)
        }
      }
    }
    const lines = [
      `BENCH pageload with_ms=${median(ours).toFixed(1)} without_ms=${median(base).toFixed(1)} ratio=${median(ratios).toFixed(3)} pairs=${ratios.length}`,
    ]
    for (const line of lines) console.log(line)
    return lines
  } finally {
    await bare.close()
    rmSync(bareProfile, { recursive: true, force: true })
    await withExt.close()
    await server.close()
  }
}

export function pageLoadTargets(lines: readonly string[]): string[] {
  const ratio = Number(/ratio=([\d.]+)/.exec(lines.join('\n'))?.[1])
  return ratio > 1.05 ? [`pageload: median ratio ${ratio} is above the 1.05 budget`] : []
}
