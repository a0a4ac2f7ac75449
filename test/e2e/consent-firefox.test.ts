/**
 * Consent timeline and `consent.before` (issue 5) in real Firefox ESR over WebDriver BiDi: the
 * same scenarios as consent-chromium.test.ts (consent-lib.ts).
 */
import { after, before, describe } from 'node:test'
import type { Page } from 'puppeteer-core'
import { launchFirefox, type FirefoxSession } from '../../src/cli/browsers.ts'
import { startFixtureServer, type FixtureServer } from '../fixtures/server.ts'
import * as consent from './consent-lib.ts'
import { tabIdOf } from './lib.ts'
import type { ProbePage } from './probes-lib.ts'
import { warmUpFirefox } from './setup.ts'

let server: FixtureServer
let session: FirefoxSession
let ext: Page

function driver(page: Page): ProbePage {
  return {
    goto: async (url) => {
      await page.goto(url, { waitUntil: 'load' })
    },
    type: (selector, text) => page.type(selector, text, { delay: 25 }),
    click: (selector) => page.click(selector),
    mouse: (x, y) => page.mouse.move(x, y),
    evaluate: <T>(expression: string) => page.evaluate(expression) as Promise<T>,
    close: () => page.close(),
  }
}

const ROWS =
  "[...document.querySelectorAll('[data-testid=\"signals\"] [data-testid=\"signal-row\"]')].map((e) => [e.getAttribute('data-signal') || '', e.textContent || ''])"

const env: consent.ConsentEnv = {
  get server() {
    return server
  },
  ext: async () => ext,
  page: async () => driver(await session.browser.newPage()),
  popupRows: async (url) => {
    const tabId = await tabIdOf(ext, url)
    // The popup reads the tab's visit once when it opens: reopen it rather than wait on a
    // view opened before the verdict was flushed (as probes-firefox.test.ts).
    let rows: [string, string][] = []
    for (let attempt = 0; attempt < 3 && rows.length === 0; attempt++) {
      const popup = await session.openExtensionPage(`src/ui/popup/index.html?tab=${tabId}`)
      await popup.setViewport({ width: 360, height: 700 })
      try {
        await popup.waitForSelector('[data-testid="signals"] [data-testid="signal-row"]', {
          timeout: 10_000,
        })
        rows = (await popup.evaluate(ROWS)) as [string, string][]
      } catch {
        // reopened below
      }
      await popup.close()
    }
    return rows
  },
  siteConsentText: async (site) => {
    const page = await session.openExtensionPage(`src/ui/dashboard/index.html#/site/${site}`)
    await page.setViewport({ width: 1100, height: 900 })
    await page.waitForSelector('[data-testid="consent-history"]', { timeout: 10_000 })
    const text = String(
      await page.evaluate(
        'document.querySelector(\'[data-testid="consent-history"]\').textContent',
      ),
    )
    await page.screenshot({
      path: 'test/screenshots/site-gpc-honoured-firefox.png',
      fullPage: true,
    })
    await page.close()
    return text
  },
}

void before(async () => {
  server = await startFixtureServer()
  session = await launchFirefox()
  ext = await session.openExtensionPage('src/ui/dashboard/index.html')
  await warmUpFirefox(session, ext, `${server.origin('news.test')}/article/0`, {
    load: async (page, url) => {
      await page.goto(url, { waitUntil: 'load' })
    },
  })
})

void after(async () => {
  await session?.close()
  await server?.close()
})

void describe('Firefox: tracking before the cookie banner is answered', () => {
  consent.sharedConsentTests(env)
})
