/**
 * Consent timeline and `consent.before` (issue 5) in real Chromium: scenarios in
 * consent-lib.ts, run against the stub CMP on cmp.test.
 */
import { after, before, describe, it } from 'node:test'
import type { Page } from 'playwright-core'
import { launchChromium, type ChromiumSession } from '../../src/cli/browsers.ts'
import { startFixtureServer, type FixtureServer } from '../fixtures/server.ts'
import * as consent from './consent-lib.ts'
import { poll, readDb, tabIdOf } from './lib.ts'
import type { ProbePage } from './probes-lib.ts'

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
  // Warm up until the extension records visits (TOOLCHAIN.md: readiness lags on a fresh profile).
  const page = await session.context.newPage()
  const warm = `${server.origin('news.test')}/article/0`
  const ext = await session.extensionPage()
  await poll(
    async () => {
      await page.goto(warm, { waitUntil: 'load' })
      return readDb(ext)
    },
    (d) => d.visits.some((v) => v.url.startsWith(warm)),
    { timeout: 20_000, interval: 500, what: 'the warm-up visit to be recorded' },
  )
  await page.close()
})

void after(async () => {
  await session?.close()
  await server?.close()
})

void describe('Chromium: tracking before the cookie banner is answered', () => {
  void it('flags trackers that fired before Accept, once, first in the popup', async () => {
    await consent.trackingBeforeAccept(env)
  })

  void it('flags trackers before Reject and the pixel that kept going after it', async () => {
    await consent.trackingAfterRefusal(env)
  })

  void it('flags nothing when trackers wait for Accept', async () => {
    await consent.trackingOnlyAfterAccept(env)
  })

  void it('records no consent finding on a page without a consent tool', async () => {
    await consent.noConsentTool(env)
  })

  void it('flags trackers under a banner left unanswered when the person leaves', async () => {
    await consent.unansweredBanner(env)
  })

  void it('survives a consent API that throws, lies or floods, and records nothing from it', async () => {
    await consent.hostileConsentApi(env)
  })

  void it('reads a banner without a consent API from its cookies, and a refusal kept from an earlier visit', async () => {
    await consent.cookieBannerWithoutApi(env)
  })

  void it('records the GPC signal sent, and flags the site that ignored it', async () => {
    await consent.gpcHonouredOrIgnored(env)
  })

  void it('reads the page’s consent in its top frame when other frames use the locator, and makes no locator call itself', async () => {
    await consent.consentThroughLocator(env)
  })

  void it('compares GPC with earlier visits without it: same ID passing flagged, stopped ID passing shown as honoured', async () => {
    await consent.gpcComparedWithEarlierVisits(env)
  })
})
