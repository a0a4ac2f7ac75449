/**
 * Probe overhead: a page calling the wrapped APIs (canvas font and measureText, navigator,
 * screen, WebGL getParameter) 100,000 times, in Chromium with the extension vs without, same
 * flags, alternating. Reports the median of the paired ratios (issue 3: ≤ 1.10).
 */
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { chromium, type Page } from 'playwright-core'
import { chromiumArgs, findBrowser, launchChromium } from '../../src/cli/browsers.ts'
import { startFixtureServer } from '../fixtures/server.ts'
import { median } from './painted.ts'

const CALLS = 100_000
const ROUNDS = 9

async function round(page: Page, url: string): Promise<number> {
  await page.goto(url, { waitUntil: 'load' })
  return page.evaluate(`window.runBench(${CALLS})`) as Promise<number>
}

export async function benchProbes(): Promise<string[]> {
  const server = await startFixtureServer()
  const withExt = await launchChromium()
  const bareProfile = mkdtempSync(join(tmpdir(), 'tracelight-bare-'))
  const bare = await chromium.launchPersistentContext(bareProfile, {
    executablePath: findBrowser('chromium'),
    headless: true,
    args: chromiumArgs('/nonexistent', 'MAP * 127.0.0.1, EXCLUDE localhost').filter(
      (a) => !a.includes('extension'),
    ),
  })
  try {
    const url = `${server.origin('calm.test')}/bench.html`
    const a = await withExt.context.newPage()
    const b = await bare.newPage()
    await round(a, url) // warm up JIT and caches
    await round(b, url)
    const ours: number[] = []
    const base: number[] = []
    const ratios: number[] = []
    for (let i = 0; i < ROUNDS; i++) {
      const first = i % 2 === 0
      const tb = first ? await round(b, url) : Number.NaN
      const ta = await round(a, url)
      const tb2 = first ? tb : await round(b, url)
      ours.push(ta)
      base.push(tb2)
      ratios.push(ta / tb2)
    }
    const line = `BENCH probes calls=${CALLS} with_ms=${median(ours).toFixed(1)} without_ms=${median(base).toFixed(1)} ratio=${median(ratios).toFixed(3)} rounds=${ROUNDS}`
    console.log(line)
    return [line]
  } finally {
    await bare.close()
    rmSync(bareProfile, { recursive: true, force: true })
    await withExt.close()
    await server.close()
  }
}

export function probeTargets(lines: readonly string[]): string[] {
  const ratio = Number(/ratio=([\d.]+)/.exec(lines.join('\n'))?.[1])
  return ratio > 1.1 ? [`probes: median ratio ${ratio} is above the 1.10 budget`] : []
}
