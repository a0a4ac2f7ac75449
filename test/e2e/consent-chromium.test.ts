/**
 * Consent timeline and `consent.before` (issue 5) in real Chromium: scenarios in
 * consent-lib.ts, run against the stub CMP on cmp.test.
 */
import { after, before, describe } from 'node:test'
import type { Page } from 'playwright-core'
import { launchChromium, type ChromiumSession } from '../../src/cli/browsers.ts'
import { startFixtureServer, type FixtureServer } from '../fixtures/server.ts'
import * as consent from './consent-lib.ts'
import { tabIdOf } from './lib.ts'
import type { ProbePage } from './probes-lib.ts'
import { warmUpChromium } from './setup.ts'

let server: FixtureServer
let session: ChromiumSession

function driver(page: Page): ProbePage {
  return {
    goto: async (url) => {
      await page.goto(url, { waitUntil: 'load' })
    },
    type: (selector, text) => page.locator(selector).pressSequentially(text, { delay: 25 }),
    click: (selector) => page.locator(selector).click(),
    mouse: (x, y) => page.mouse.move(x, y),
    evaluate: <T>(expression: string) => page.evaluate(expression) as Promise<T>,
    close: () => page.close(),
  }
}

const env: consent.ConsentEnv = {
  get server() {
    return server
  },
  ext: () => session.extensionPage(),
  page: async () => driver(await session.context.newPage()),
  popupRows: async (url) => {
    const tabId = await tabIdOf(await session.extensionPage(), url)
    const popup = await session.context.newPage()
    await popup.setViewportSize({ width: 360, height: 700 })
    await popup.goto(
      `chrome-extension://${session.extensionId}/src/ui/popup/index.html?tab=${tabId}`,
    )
    const rows = popup.locator('[data-testid="signals"] [data-testid="signal-row"]')
    await rows.first().waitFor()
    const out = await rows.evaluateAll((els) =>
      els.map((e) => [e.getAttribute('data-signal') ?? '', e.textContent ?? '']),
    )
    await popup.screenshot({ path: 'test/screenshots/popup-consent-chromium.png', fullPage: true })
    await popup.close()
    return out as [string, string][]
  },
  siteConsentText: async (site) => {
    const page = await session.context.newPage()
    await page.goto(
      `chrome-extension://${session.extensionId}/src/ui/dashboard/index.html#/site/${site}`,
    )
    const history = page.locator('[data-testid="consent-history"]')
    await history.waitFor()
    const text = (await history.textContent()) ?? ''
    await page.screenshot({
      path: 'test/screenshots/site-gpc-honoured-chromium.png',
      fullPage: true,
    })
    await page.close()
    return text
  },
}

void before(async () => {
  server = await startFixtureServer()
  session = await launchChromium()
  await warmUpChromium(session, `${server.origin('news.test')}/article/0`, {
    load: async (page, url) => {
      await page.goto(url, { waitUntil: 'load' })
    },
  })
})

void after(async () => {
  await session?.close()
  await server?.close()
})

void describe('Chromium: tracking before the cookie banner is answered', () => {
  consent.sharedConsentTests(env)
})
