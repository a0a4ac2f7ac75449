/**
 * The built extension in real Firefox ESR (Debian's /usr/bin/firefox-esr) driven by
 * puppeteer-core over WebDriver BiDi, against the same fixture server as Chromium.
 */
import assert from 'node:assert/strict'
import { after, before, describe, it } from 'node:test'
import type { Page } from 'puppeteer-core'
import { launchFirefox, type FirefoxSession } from '../../src/cli/browsers.ts'
import { startFixtureServer, type FixtureServer } from '../fixtures/server.ts'
import { extCall, findingsOf, NEWS_EXPECTED, poll, readDb, tabIdOf, waitForVisit } from './lib.ts'
import { visitFirefox, warmUpFirefox } from './setup.ts'

let server: FixtureServer
let session: FirefoxSession
let ext: Page

const visit = visitFirefox

const texts = (page: Page, selector: string) =>
  page.$$eval(selector, (els) => els.map((e) => e.textContent ?? ''))

void before(async () => {
  server = await startFixtureServer()
  session = await launchFirefox()
  ext = await session.openExtensionPage('src/ui/dashboard/index.html')
  // The background starts listening shortly after install: warm up until a visit is stored.
  await warmUpFirefox(session, ext, `${server.origin('news.test')}/article/0`)
})

void after(async () => {
  await session?.close()
  await server?.close()
})

void describe('Firefox: recording a visit', () => {
  void it('records the news site’s trackers and shows them in the popup', async () => {
    const front = `${server.origin('news.test')}/`
    const page = await session.browser.newPage()
    await visit(page, front)
    const { dump, visit: v } = await waitForVisit(
      ext,
      front,
      (found) => found.filter((f) => f.signal === 'tracker.request').length >= 4,
      'the news front page’s trackers',
    )
    assert.equal(v.site, 'news.test')
    const findings = findingsOf(dump, v.id)
    const trackers = Object.fromEntries(
      findings.filter((f) => f.signal === 'tracker.request').map((f) => [f.party, f.company]),
    )
    assert.deepEqual(trackers, NEWS_EXPECTED.trackers)
    assert.deepEqual(
      findings.filter((f) => f.signal === 'thirdparty.request').map((f) => f.party),
      NEWS_EXPECTED.others,
    )
    assert.ok(!findings.some((f) => f.party === 'news.test'))

    const tabId = await tabIdOf(ext, front)
    const badge = await poll(
      () => extCall<string>(ext, `ext.action.getBadgeText({ tabId: ${tabId} })`),
      (t) => t === '2',
      {
        what: 'the badge',
      },
    )
    assert.equal(badge, '2')

    const popup = await session.openExtensionPage(`src/ui/popup/index.html?tab=${tabId}`)
    await popup.setViewport({ width: 360, height: 600 })
    await popup.waitForSelector('[data-testid="site-name"]')
    assert.deepEqual(await texts(popup, '[data-testid="site-name"]'), ['news.test'])
    assert.deepEqual(await texts(popup, '[data-testid="tracker-count"]'), ['2'])
    assert.deepEqual(await texts(popup, '[data-testid="thirdparty-count"]'), ['5'])
    const names = await texts(popup, '[data-testid="trackers"] [data-testid="company-name"]')
    assert.deepEqual(names.sort(), ['Facebook', 'Google'])
    assert.deepEqual(await texts(popup, '[data-testid="others"] [data-testid="company-name"]'), [
      'unknown-widgets.test',
    ])
    await popup.screenshot({ path: 'test/screenshots/popup-firefox.png' })
    await popup.close()
    await page.close()
  })

  void it('attributes the shop’s trackers after a redirect', async () => {
    const shop = `${server.origin('shop.test')}/`
    const page = await session.browser.newPage()
    await visit(
      page,
      `${server.origin('news.test', false)}/redirect?to=${encodeURIComponent('https://shop.test__PORT__/')}`,
    )
    const { dump, visit: v } = await waitForVisit(
      ext,
      shop,
      (found) => found.filter((f) => f.signal === 'tracker.request').length >= 5,
      'the shop’s trackers',
    )
    const companies = new Set(findingsOf(dump, v.id).map((f) => f.company))
    for (const c of ['Hotjar', 'Bing Ads', 'ByteDance Ltd', 'LinkedIn Ads'])
      assert.ok(companies.has(c), c)
    await page.close()
  })

  void it('sends Global Privacy Control while on, and reads gpc.json', async () => {
    const page = await session.browser.newPage()
    const shop = `${server.origin('shop.test')}/`
    const gpcSet = (change: object) =>
      extCall(ext, `ext.runtime.sendMessage(${JSON.stringify({ type: 'gpc.set', ...change })})`)
    await gpcSet({ enabled: true })
    const from = server.requests.length
    await visit(page, shop)
    const on = server.requests.slice(from)
    assert.ok(on.some((r) => r.host === 'bat.bing.com'))
    assert.deepEqual(
      on.filter((r) => !r.gpc && r.path !== '/.well-known/gpc.json').map((r) => r.host + r.path),
      [],
    )
    assert.equal(await page.evaluate('navigator.globalPrivacyControl === true'), true)
    await poll(
      () => readDb(ext),
      (d) => d.findings.some((f) => f.site === 'shop.test' && f.signal === 'gpc.support'),
      { what: 'the gpc.json check' },
    )
    await gpcSet({ enabled: false })
    const off = server.requests.length
    await visit(page, shop)
    assert.ok(server.requests.slice(off).every((r) => !r.gpc))
    await page.close()
  })

  void it('decodes the consent choices a site passes to ad companies', async () => {
    const url = `${server.origin('news.test')}/consent.html`
    const page = await session.browser.newPage()
    await visit(page, url)
    const signals = ['consent.tcf', 'consent.usp', 'consent.gpp']
    const { dump, visit: v } = await waitForVisit(
      ext,
      url,
      (found) => signals.every((s) => found.some((f) => f.signal === s)),
      'the consent findings',
    )
    const tcf = findingsOf(dump, v.id).find((f) => f.signal === 'consent.tcf')
    assert.equal(tcf?.evidence.details?.[0]?.adsRefused, true)
    await page.close()
  })
})
