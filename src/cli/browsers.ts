/**
 * Launching the real browsers with the built extension in a fresh profile. Used by the
 * end-to-end tests, `npm start` and the audit command, so all three run the same build the
 * same way. Node-side only.
 */
import { existsSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join, resolve } from 'node:path'
import { chromium, type BrowserContext, type Page, type Worker } from 'playwright-core'
import puppeteer, { type Browser as FirefoxBrowser, type Page as FirefoxPage } from 'puppeteer-core'

export const GECKO_ID = 'tracelight@tracelight.dev'
/** Fixed so tests and `npm start` know the moz-extension:// host. */
export const FIREFOX_UUID = '5b21b6aa-7c3a-4ed1-9e4c-1d9550000001'

export class MissingBrowserError extends Error {}

const CANDIDATES = {
  chromium: [
    process.env.CHROMIUM_PATH,
    '/usr/bin/chromium',
    '/usr/bin/chromium-browser',
    '/usr/bin/google-chrome',
  ],
  firefox: [process.env.FIREFOX_PATH, '/usr/bin/firefox-esr', '/usr/bin/firefox'],
}

export function findBrowser(kind: 'chromium' | 'firefox'): string {
  const found = CANDIDATES[kind].find(
    (p): p is string => p !== undefined && p !== '' && existsSync(p),
  )
  if (found !== undefined) return found
  const pkg = kind === 'chromium' ? 'chromium' : 'firefox-esr'
  const env = kind === 'chromium' ? 'CHROMIUM_PATH' : 'FIREFOX_PATH'
  throw new MissingBrowserError(
    `${kind === 'chromium' ? 'Chromium' : 'Firefox'} was not found. Install it (Debian/Ubuntu: sudo apt-get install ${pkg}) or set ${env} to its path.`,
  )
}

export function distDir(target: 'chrome' | 'firefox'): string {
  const dir = resolve('dist', target)
  if (!existsSync(join(dir, 'manifest.json'))) {
    throw new Error(`No build in ${dir}. Run "npm run build" first.`)
  }
  return dir
}

/** Chromium flags this machine needs, plus loopback mapping for every fixture hostname. */
export function chromiumArgs(extension: string, hostRules: string): string[] {
  return [
    '--no-sandbox',
    '--disable-gpu',
    '--disable-quic',
    '--no-first-run',
    '--disable-background-networking',
    '--disable-component-update',
    '--disable-sync',
    `--disable-extensions-except=${extension}`,
    `--load-extension=${extension}`,
    `--host-resolver-rules=${hostRules}`,
    '--ignore-certificate-errors',
  ]
}

export interface ChromiumSession {
  context: BrowserContext
  extensionId: string
  profile: string
  worker(): Promise<Worker>
  /** An extension page (opened on first use) for reading the extension's own storage. */
  extensionPage(): Promise<Page>
  close(): Promise<void>
}

export interface ChromiumOptions {
  headless?: boolean
  /** Allow third-party cookies (Chromium blocks them by default). */
  thirdPartyCookies?: boolean
  hostRules?: string
  /** Keep the window open at this size (headed runs). */
  viewport?: { width: number; height: number } | null
  /** The unpacked extension to load (default: the Chromium build in dist/chrome). */
  extensionDir?: string
}

export async function launchChromium(options: ChromiumOptions = {}): Promise<ChromiumSession> {
  const executablePath = findBrowser('chromium')
  const extension = options.extensionDir ?? distDir('chrome')
  const profile = mkdtempSync(join(tmpdir(), 'tracelight-chromium-'))
  if (options.thirdPartyCookies === true) {
    mkdirSync(join(profile, 'Default'), { recursive: true })
    writeFileSync(
      join(profile, 'Default', 'Preferences'),
      JSON.stringify({ profile: { cookie_controls_mode: 0, block_third_party_cookies: false } }),
    )
  }
  const context = await chromium.launchPersistentContext(profile, {
    executablePath,
    headless: options.headless ?? true,
    ignoreDefaultArgs: ['--disable-extensions'],
    args: chromiumArgs(extension, options.hostRules ?? 'MAP * 127.0.0.1, EXCLUDE localhost'),
    viewport: options.viewport === undefined ? { width: 1200, height: 800 } : options.viewport,
  })
  const first = context.serviceWorkers()[0] ?? (await context.waitForEvent('serviceworker'))
  const extensionId = new URL(first.url()).host
  let page: Page | undefined
  return {
    context,
    extensionId,
    profile,
    async worker() {
      return (
        context.serviceWorkers().find((w) => w.url().includes(extensionId)) ??
        context.waitForEvent('serviceworker')
      )
    },
    async extensionPage() {
      if (page === undefined || page.isClosed()) {
        page = await context.newPage()
        await page.goto(`chrome-extension://${extensionId}/src/ui/dashboard/index.html`)
      }
      return page
    },
    async close() {
      await context.close().catch(() => undefined)
      rmSync(profile, { recursive: true, force: true })
    },
  }
}

export interface FirefoxSession {
  browser: FirefoxBrowser
  uuid: string
  /** Opens an extension page in a new tab (Firefox sends no navigation events for these). */
  openExtensionPage(path: string): Promise<FirefoxPage>
  close(): Promise<void>
}

export interface FirefoxOptions {
  headless?: boolean
  thirdPartyCookies?: boolean
  /** Extra or replaced preferences (e.g. a DNS-over-HTTPS resolver for tests). */
  prefs?: Record<string, unknown>
}

export async function launchFirefox(options: FirefoxOptions = {}): Promise<FirefoxSession> {
  const executablePath = findBrowser('firefox')
  const extension = distDir('firefox')
  const profile = mkdtempSync(join(tmpdir(), 'tracelight-firefox-'))
  const prefs: Record<string, unknown> = {
    // Every hostname resolves to loopback, like Chromium's MAP rule.
    'network.dns.forceResolve': '127.0.0.1',
    'extensions.webextensions.uuids': JSON.stringify({ [GECKO_ID]: FIREFOX_UUID }),
    'browser.shell.checkDefaultBrowser': false,
    'datareporting.policy.dataSubmissionEnabled': false,
    'toolkit.telemetry.enabled': false,
    'app.update.enabled': false,
    'browser.safebrowsing.update.enabled': false,
    'network.captive-portal-service.enabled': false,
    'network.connectivity-service.enabled': false,
  }
  if (options.thirdPartyCookies === true) prefs['network.cookie.cookieBehavior'] = 0
  Object.assign(prefs, options.prefs)
  const browser = await puppeteer.launch({
    browser: 'firefox',
    executablePath,
    headless: options.headless ?? true,
    acceptInsecureCerts: true,
    userDataDir: profile,
    extraPrefsFirefox: prefs,
    args: ['-remote-allow-system-access'],
    env: { ...process.env, MOZ_REMOTE_SETTINGS_DEVTOOLS: '1' },
    defaultViewport: null,
  })
  await browser.installExtension(extension)
  const uuid = FIREFOX_UUID
  return {
    browser,
    uuid,
    async openExtensionPage(path: string) {
      const page = await browser.newPage()
      const frame = page.mainFrame() as unknown as {
        browsingContext: { navigate(url: string, wait: 'complete'): Promise<unknown> }
      }
      await frame.browsingContext.navigate(`moz-extension://${uuid}/${path}`, 'complete')
      return page
    },
    async close() {
      await browser.close().catch(() => undefined)
      rmSync(profile, { recursive: true, force: true })
    },
  }
}
