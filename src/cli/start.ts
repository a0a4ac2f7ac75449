/**
 * `npm start [-- --firefox] [-- --headless]`: builds, serves the demo sites (the e2e fixtures:
 * a news site and a shop with real tracker hostnames mapped to this machine), and opens the
 * browser with Tracelight in a fresh profile. With a display: a window, open until you close
 * it. Without one: visits the demo sites headless and prints what the popup shows.
 */
import { spawnSync } from 'node:child_process'
import type { Page as ChromiumPage } from 'playwright-core'
import type { Page as FirefoxPage } from 'puppeteer-core'
import { startFixtureServer, type FixtureServer } from '../../test/fixtures/server.ts'
import { launchChromium, launchFirefox, MissingBrowserError } from './browsers.ts'
import { poll, readDb, readPopup, tabIdOf, type Evaluator, type PopupView } from './inspect.ts'

const args = new Set(process.argv.slice(2))
if (args.has('--help') || args.has('-h')) {
  console.log(`Usage: npm start [-- --firefox] [-- --headless]

Opens Chromium (or Firefox with --firefox) with Tracelight on the local demo sites.
With a display you get a window; without one (or with --headless) it visits the demo
sites, prints what the popup shows, and exits.`)
  process.exit(0)
}
const firefox = args.has('--firefox')
const headless = args.has('--headless') || !process.env.DISPLAY

function demoPages(server: FixtureServer): string[] {
  return [
    `${server.origin('news.test')}/`,
    `${server.origin('shop.test')}/`,
    `${server.origin('www.youtube.com')}/`,
  ]
}

function printPopup(url: string, view: PopupView): void {
  console.log(`\n${url}`)
  if (view.state !== 'ready') {
    console.log(`  ${view.message.trim() || view.state}`)
    return
  }
  const n = (count: string, one: string, many: string) => `${count} ${count === '1' ? one : many}`
  console.log(
    `  ${view.site}: ${n(view.trackerCount, 'tracking company', 'tracking companies')}, ${n(view.thirdPartyCount, 'third-party domain', 'third-party domains')} contacted`,
  )
  const header = {
    section: '',
    name: 'Company or domain',
    category: 'What it does',
    requests: 'Requests',
  }
  const rows = view.rows.map((r) => ({
    ...r,
    section: r.section === 'trackers' ? 'tracker' : 'other',
  }))
  const width = (k: keyof typeof header) =>
    Math.max(header[k].length, ...rows.map((r) => r[k].length))
  const line = (r: typeof header) =>
    `  ${r.section.padEnd(width('section'))}  ${r.name.padEnd(width('name'))}  ${r.category.padEnd(width('category'))}  ${r.requests}`
  console.log(line({ ...header, section: 'Kind'.padEnd(width('section')) }))
  for (const r of rows) console.log(line(r))
  if (view.signals.length > 0) {
    console.log('  What was sent:')
    for (const s of view.signals) console.log(`    ${s}`)
  }
}

/** Waits until the extension has stored a visit: right after install it needs a moment. */
async function warmUp(
  visit: (url: string) => Promise<void>,
  ext: Evaluator,
  url: string,
): Promise<void> {
  await poll(
    async () => {
      await visit(url)
      return readDb(ext)
    },
    (d) => d.visits.some((v) => v.url.startsWith(url)),
    { timeout: 30_000, interval: 500, what: 'Tracelight to start recording' },
  )
}

/** What the demo needs of a browser session, the same for Chromium and Firefox. */
interface DemoBrowser {
  name: string
  /** Where its toolbar keeps the extension's icon. */
  iconHint: string
  /** An extension page to read the database from. */
  ext: Evaluator & { close(): Promise<void> }
  /** Loads a URL in the demo tab and waits for its network to settle. */
  go(url: string): Promise<void>
  /** Opens another tab at a URL. */
  open(url: string): Promise<void>
  bringToFront(): Promise<void>
  /** The popup of a tab, read as the person would see it. */
  popup(tabId: number): Promise<PopupView>
  /** Resolves when the person closes the browser. */
  closed(): Promise<void>
  close(): Promise<void>
}

async function chromiumDemo(): Promise<DemoBrowser> {
  const session = await launchChromium({ headless, viewport: headless ? undefined : null })
  const ext = await session.extensionPage()
  const page = await session.context.newPage()
  return {
    name: 'Chromium',
    iconHint: 'puzzle-piece menu if it is not pinned',
    ext,
    go: async (url) => {
      await page.goto(url, { waitUntil: 'load' })
      await page.waitForLoadState('networkidle')
    },
    open: async (url) => {
      await (await session.context.newPage()).goto(url)
    },
    bringToFront: () => page.bringToFront(),
    popup: async (tabId) => {
      const popup: ChromiumPage = await session.context.newPage()
      await popup.goto(
        `chrome-extension://${session.extensionId}/src/ui/popup/index.html?tab=${tabId}`,
      )
      const view = await readPopup(popup)
      await popup.close()
      return view
    },
    closed: () => new Promise<void>((resolve) => session.context.on('close', () => resolve())),
    close: () => session.close(),
  }
}

async function firefoxDemo(): Promise<DemoBrowser> {
  const session = await launchFirefox({ headless })
  const ext = await session.openExtensionPage('src/ui/dashboard/index.html')
  const page = await session.browser.newPage()
  return {
    name: 'Firefox',
    iconHint: 'extensions menu',
    ext,
    go: async (url) => {
      await page.goto(url, { waitUntil: 'networkidle0' })
    },
    open: async (url) => {
      await (await session.browser.newPage()).goto(url)
    },
    bringToFront: () => page.bringToFront(),
    popup: async (tabId) => {
      const popup: FirefoxPage = await session.openExtensionPage(
        `src/ui/popup/index.html?tab=${tabId}`,
      )
      const view = await readPopup(popup)
      await popup.close()
      return view
    },
    closed: () =>
      new Promise<void>((resolve) => session.browser.on('disconnected', () => resolve())),
    close: () => session.close(),
  }
}

/** Headless: visits each demo page and prints its popup. With a window: opens the demo sites
 * and waits until the person closes the browser. */
async function runDemo(browser: DemoBrowser, server: FixtureServer): Promise<void> {
  await warmUp(browser.go, browser.ext, `${server.origin('news.test')}/article/0`)
  if (headless) {
    for (const url of demoPages(server)) {
      await browser.go(url)
      printPopup(url, await browser.popup(await tabIdOf(browser.ext, url)))
    }
    await browser.close()
    return
  }
  await browser.ext.close()
  await browser.go(`${server.origin('news.test')}/`)
  await browser.open(`${server.origin('shop.test')}/`)
  await browser.bringToFront()
  console.log(
    `\n${browser.name} is open with Tracelight. Click the Tracelight icon (${browser.iconHint}) to see who this site contacted.`,
  )
  console.log('Close the browser window to stop.')
  await browser.closed()
  await browser.close()
}

async function main(): Promise<number> {
  console.log('Building Tracelight…')
  // The bundler's own notes (plugin timings, an option the crxjs plugin sets that Vite 8
  // ignores) are for developers: shown only when the build fails.
  const build = spawnSync('npm', ['run', '--silent', 'build'], {
    stdio: ['ignore', 'pipe', 'pipe'],
    encoding: 'utf8',
  })
  if (build.status !== 0) {
    process.stderr.write(`${build.stdout}${build.stderr}`)
    console.error('The build failed (its output is above).')
    return 1
  }
  const server = await startFixtureServer()
  console.log(
    `Demo sites served on this machine (port ${server.httpsPort}): news.test, shop.test, www.youtube.com`,
  )
  console.log(
    `${firefox ? 'Firefox' : 'Chromium'}, ${headless ? 'headless (no display found)' : 'in a window'}…`,
  )
  try {
    await runDemo(firefox ? await firefoxDemo() : await chromiumDemo(), server)
    return 0
  } finally {
    await server.close()
  }
}

main().then(
  (code) => process.exit(code),
  (error: unknown) => {
    if (error instanceof MissingBrowserError) console.error(error.message)
    else
      console.error(
        `Tracelight could not start: ${error instanceof Error ? error.message : String(error)}`,
      )
    process.exit(1)
  },
)
