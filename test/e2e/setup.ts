/** Browser setup shared by the end-to-end tests (not a test file itself). */
import type { Page as PlaywrightPage } from 'playwright-core'
import type { Page as PuppeteerPage } from 'puppeteer-core'
import type { ChromiumSession, FirefoxSession } from '../../src/cli/browsers.ts'
import { poll, readDb, type Evaluator } from '../../src/cli/inspect.ts'

/** Chromium: loads a page and waits until its network is quiet. */
export async function visitChromium(page: PlaywrightPage, url: string): Promise<void> {
  await page.goto(url, { waitUntil: 'load' })
  await page.waitForLoadState('networkidle')
}

/** Firefox: loads a page and waits until its network is quiet. */
export async function visitFirefox(page: PuppeteerPage, url: string): Promise<void> {
  await page.goto(url, { waitUntil: 'networkidle0' })
}

/**
 * The extension's readiness on a fresh profile lags the worker's appearance (TOOLCHAIN.md):
 * repeats `load()` until a visit whose URL starts with `warm` is stored.
 */
export async function warmUp(ext: Evaluator, warm: string, load: () => Promise<void>) {
  await poll(
    async () => {
      await load()
      return readDb(ext)
    },
    (d) => d.visits.some((v) => v.url.startsWith(warm)),
    { timeout: 20_000, interval: 500, what: 'the warm-up visit to be recorded' },
  )
}

/**
 * Chromium warm-up in a new tab, closed afterwards unless `keep` (then the tab is returned for
 * more visits). `load` defaults to visitChromium.
 */
export async function warmUpChromium(
  s: ChromiumSession,
  warm: string,
  opts: { keep?: boolean; load?: (page: PlaywrightPage, url: string) => Promise<void> } = {},
): Promise<PlaywrightPage> {
  const page = await s.context.newPage()
  const ext = await s.extensionPage()
  const load = opts.load ?? visitChromium
  await warmUp(ext, warm, () => load(page, warm))
  if (opts.keep !== true) await page.close()
  return page
}

/**
 * Firefox warm-up in a new tab, closed afterwards unless `keep` (then the tab is returned for
 * more visits). `load` defaults to visitFirefox.
 */
export async function warmUpFirefox(
  s: FirefoxSession,
  ext: PuppeteerPage,
  warm: string,
  opts: { keep?: boolean; load?: (page: PuppeteerPage, url: string) => Promise<void> } = {},
): Promise<PuppeteerPage> {
  const page = await s.browser.newPage()
  const load = opts.load ?? visitFirefox
  await warmUp(ext, warm, () => load(page, warm))
  if (opts.keep !== true) await page.close()
  return page
}

/** Chromium: the popup for a tab, at `size` (null: the context's default viewport). */
export async function openPopup(
  s: ChromiumSession,
  tabId: number,
  size: { width: number; height: number } | null = { width: 360, height: 600 },
): Promise<PlaywrightPage> {
  const popup = await s.context.newPage()
  if (size !== null) await popup.setViewportSize(size)
  await popup.goto(`chrome-extension://${s.extensionId}/src/ui/popup/index.html?tab=${tabId}`)
  return popup
}
