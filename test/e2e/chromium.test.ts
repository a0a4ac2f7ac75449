/**
 * The built extension in real Chromium (Debian's /usr/bin/chromium via playwright-core),
 * against the local multi-host fixture server. Reads the extension's real IndexedDB.
 */
import assert from 'node:assert/strict'
import { after, before, describe, it } from 'node:test'
import type { Page } from 'playwright-core'
import { launchChromium, type ChromiumSession } from '../../src/cli/browsers.ts'
import { startFixtureServer, type FixtureServer } from '../fixtures/server.ts'
import {
  extCall,
  findingsOf,
  NEWS_EXPECTED,
  poll,
  readDb,
  sleep,
  tabIdOf,
  tally,
  visitOf,
  waitForVisit,
} from './lib.ts'
import { openPopup, visitChromium, warmUpChromium } from './setup.ts'

let server: FixtureServer
let session: ChromiumSession

const visit = visitChromium

void before(async () => {
  server = await startFixtureServer()
  session = await launchChromium()
  await warmUpChromium(session, `${server.origin('news.test')}/article/0`)
})

void after(async () => {
  await session?.close()
  await server?.close()
})

void describe('Chromium: recording a visit', () => {
  const front = () => `${server.origin('news.test')}/`

  void it('records trackers, other third parties and nothing first-party', async () => {
    const page = await session.context.newPage()
    await visit(page, front())
    const ext = await session.extensionPage()
    const dump = await poll(
      () => readDb(ext),
      (d) => {
        const v = visitOf(d, front())
        return (
          v !== undefined && findingsOf(d, v.id).some((f) => f.party === 'google-analytics.com')
        )
      },
      { what: 'the Google Analytics hit to be stored' },
    )
    const v = visitOf(dump, front())
    assert.ok(v)
    assert.equal(v.site, 'news.test')
    assert.equal(v.url, front(), 'the page URL is kept without query or fragment')
    const findings = findingsOf(dump, v.id)
    const trackers = Object.fromEntries(
      findings.filter((f) => f.signal === 'tracker.request').map((f) => [f.party, f.company]),
    )
    assert.deepEqual(trackers, NEWS_EXPECTED.trackers)
    const others = findings.filter((f) => f.signal === 'thirdparty.request')
    assert.deepEqual(
      others.map((f) => f.party),
      NEWS_EXPECTED.others,
    )
    assert.equal(others[0]?.count, 2, 'widget.js and its view.gif')
    assert.equal(others[0]?.company, undefined)
    assert.ok(
      !findings.some((f) => f.party === 'news.test'),
      'first-party requests (cdn.news.test) are not third parties',
    )
    const ga = findings.find((f) => f.party === 'google-analytics.com')
    assert.ok(
      ga?.evidence.urls[0]?.includes('/g/collect?v=2&tid=G-TRACEDEMO1&cid=[hidden]'),
      ga?.evidence.urls[0],
    )
    assert.equal(ga?.category, 'analytics')
    assert.equal(ga?.mode, 'standard')
    const site = dump.sites.find((s) => s.site === 'news.test')
    assert.ok(site !== undefined && site.visits >= 2 && (site.counts['tracker.request'] ?? 0) >= 4)
    await page.close()
  })

  void it('shows the companies in the popup and counts them on the badge', async () => {
    const page = await session.context.newPage()
    await visit(page, front())
    const tabId = await tabIdOf(await session.extensionPage(), front())
    const ext = await session.extensionPage()
    const badge = await poll(
      () => extCall<string>(ext, `ext.action.getBadgeText({ tabId: ${tabId} })`),
      (text) => text === '2',
      { what: 'the badge to show 2 tracking companies' },
    )
    assert.equal(badge, '2')

    const popup = await openPopup(session, tabId)
    await popup.getByTestId('site-name').waitFor()
    assert.equal(await popup.getByTestId('site-name').textContent(), 'news.test')
    assert.equal(await popup.getByTestId('tracker-count').textContent(), '2')
    assert.equal(await popup.getByTestId('thirdparty-count').textContent(), '5')
    const trackerNames = await popup
      .getByTestId('trackers')
      .getByTestId('company-name')
      .allTextContents()
    assert.deepEqual([...trackerNames].sort(), ['Facebook', 'Google'])
    const otherNames = await popup
      .getByTestId('others')
      .getByTestId('company-name')
      .allTextContents()
    assert.deepEqual(otherNames, ['unknown-widgets.test'])
    const google = popup.locator('[data-company="Google"]')
    assert.match(
      (await google.getByTestId('company-category').textContent()) ?? '',
      /Analytics|Tag manager/,
    )
    // "Why is this listed?" reveals the evidence.
    await google.getByRole('button', { name: 'Why is this listed?' }).click()
    assert.match((await google.locator('.why').textContent()) ?? '', /google-analytics\.com/)

    // The link opens the site's history page.
    const href = await popup.getByTestId('site-link').getAttribute('href')
    assert.ok(href?.endsWith('#/site/news.test'), String(href))
    const history = await session.context.newPage()
    await history.goto(href ?? '')
    await history.getByTestId('site-page').waitFor()
    assert.equal(await history.getByTestId('site-title').textContent(), 'news.test')
    const companies = await history
      .getByTestId('site-company')
      .evaluateAll((rows) => rows.map((r) => r.getAttribute('data-company')))
    assert.deepEqual([...companies].sort(), ['Facebook', 'Google', 'unknown-widgets.test'])
    await history.close()
    await popup.close()
    await page.close()
  })

  void it('labels a same-company domain as the site owner’s, not a third party', async () => {
    const page = await session.context.newPage()
    const url = `${server.origin('www.youtube.com')}/`
    await visit(page, url)
    const ext = await session.extensionPage()
    const { dump, visit: v } = await waitForVisit(
      ext,
      url,
      (found) => found.some((f) => f.party === 'ytimg.com'),
      'the ytimg.com requests',
    )
    const ytimg = findingsOf(dump, v.id).find((f) => f.party === 'ytimg.com')
    assert.equal(ytimg?.signal, 'thirdparty.request')
    assert.equal(ytimg?.sameCompany, true)
    assert.equal(ytimg?.count, 2)
    const popup = await openPopup(session, await tabIdOf(await session.extensionPage(), url))
    await popup.getByTestId('site-name').waitFor()
    assert.equal(
      await popup.getByTestId('thirdparty-count').textContent(),
      '2',
      'only the two Google domains',
    )
    assert.equal(await popup.getByTestId('tracker-count').textContent(), '1')
    await popup.close()
    await page.close()
  })

  void it('follows a redirect from plain HTTP to the page that commits', async () => {
    const page = await session.context.newPage()
    const shop = `${server.origin('shop.test')}/`
    await visit(
      page,
      `${server.origin('news.test', false)}/redirect?to=${encodeURIComponent('https://shop.test__PORT__/')}`,
    )
    assert.equal(page.url(), shop)
    const ext = await session.extensionPage()
    const { dump, visit: v } = await waitForVisit(
      ext,
      shop,
      (found) => found.filter((f) => f.signal === 'tracker.request').length >= 5,
      'the shop’s trackers',
    )
    const companies = new Set(
      findingsOf(dump, v.id)
        .filter((f) => f.signal === 'tracker.request')
        .map((f) => f.company),
    )
    for (const c of ['Hotjar', 'Bing Ads', 'ByteDance Ltd', 'LinkedIn Ads'])
      assert.ok(companies.has(c), `${c} in ${[...companies].join(', ')}`)
    assert.ok(
      !dump.visits.some((x) => x.url.startsWith(server.origin('news.test', false))),
      'the redirecting URL is not a visit',
    )
    await page.close()
  })

  void it('decodes the Meta Pixel event and the click ID in the landing address', async () => {
    const page = await session.context.newPage()
    const landing = `${server.origin('shop.test')}/?gclid=Cj0KCQiAtest1234567890&utm_source=demo`
    await visit(page, landing)
    const ext = await session.extensionPage()
    const shop = `${server.origin('shop.test')}/`
    const { dump, visit: v } = await waitForVisit(
      ext,
      shop,
      (found) => found.some((f) => f.signal === 'link.decoration'),
      'the click ID finding',
    )
    assert.equal(v.url, shop, 'the address is stored without its query')
    const decoration = findingsOf(dump, v.id).find((f) => f.signal === 'link.decoration')
    assert.equal(decoration?.party, 'shop.test')
    assert.ok(
      !JSON.stringify(decoration).includes('Cj0KCQiAtest1234567890'),
      'the click ID value is not stored',
    )
    assert.match(JSON.stringify(decoration?.evidence.details), /gclid/)
    await page.close()

    const news = await session.context.newPage()
    await visit(news, `${server.origin('news.test')}/`)
    const popup = await openPopup(session, await tabIdOf(ext, `${server.origin('news.test')}/`))
    const row = popup.locator('[data-testid="signal-row"][data-signal="pixel.facebook"]')
    await row.waitFor()
    assert.match((await row.getByTestId('signal-event').textContent()) ?? '', /PageView/)
    await row.getByRole('button', { name: 'What was sent?' }).click()
    assert.match((await row.locator('.why').textContent()) ?? '', /123456789012345/)
    await popup.screenshot({ path: 'test/screenshots/popup-chromium.png', fullPage: true })
    await popup.close()
    await news.close()
  })

  void it('decodes the consent choices a site passes to ad companies', async () => {
    const page = await session.context.newPage()
    const url = `${server.origin('news.test')}/consent.html`
    await visit(page, url)
    const ext = await session.extensionPage()
    const signals = ['consent.tcf', 'consent.usp', 'consent.gpp']
    const { dump, visit: v } = await waitForVisit(
      ext,
      url,
      (found) => signals.every((s) => found.some((f) => f.signal === s)),
      'the consent findings',
    )
    const bySignal = new Map(findingsOf(dump, v.id).map((f) => [f.signal, f]))
    const tcf = bySignal.get('consent.tcf')
    assert.equal(tcf?.party, 'doubleclick.net')
    assert.deepEqual(tcf?.evidence.details?.[0], {
      purposes: ['1', '2', '7', '8', '9', '10'],
      refused: ['3', '4', '5', '6', '11'],
      vendors: 3,
      cmp: 28,
      adsRefused: true,
      decidedOn: '2026-11-30',
      country: 'DE',
    })
    assert.equal(bySignal.get('consent.usp')?.party, 'adnxs.com')
    assert.deepEqual(bySignal.get('consent.usp')?.evidence.details?.[0], {
      optedOut: true,
      notice: true,
      usPrivacy: '1YYN',
    })
    assert.deepEqual(bySignal.get('consent.gpp')?.evidence.details?.[0], {
      sections: ['usnat'],
      optedOut: ['sale', 'sharing'],
    })

    const popup = await openPopup(session, await tabIdOf(ext, url))
    const row = popup.locator('[data-testid="signal-row"][data-signal="consent.tcf"]')
    await row.waitFor()
    assert.match(
      (await row.getByTestId('signal-event').textContent()) ?? '',
      /You accepted \d+ purposes for \d+ compan(?:y|ies) on .+, but not personalised ads/,
    )
    await row.getByRole('button', { name: 'What was sent?' }).click()
    assert.match(
      (await row.locator('.why').textContent()) ?? '',
      /Refusedan advertising profile of you/,
    )
    await popup.close()
    await page.close()
  })

  void it('shows a plain message for pages that are not websites', async () => {
    const ext = await session.extensionPage()
    // The dashboard tab itself (tabs.query hides extension URLs without the tabs permission).
    const { id: tabId } = await extCall<{ id: number }>(ext, 'ext.tabs.getCurrent()')
    const popup = await openPopup(session, tabId)
    await popup.getByTestId('state-internal').waitFor()
    assert.match(
      (await popup.getByTestId('state-internal').textContent()) ?? '',
      /only looks at websites/,
    )
    await popup.close()
  })
})

void describe('Chromium: Global Privacy Control', () => {
  const gpcSet = (page: Page, change: object) =>
    extCall(page, `ext.runtime.sendMessage(${JSON.stringify({ type: 'gpc.set', ...change })})`)

  /** Visits a page and returns what the server saw while it loaded. */
  async function served(page: Page, url: string) {
    const from = server.requests.length
    await visit(page, url)
    return server.requests.slice(from)
  }

  void it('sends the signal only while on, skips excepted sites, and reads gpc.json', async () => {
    const ext = await session.extensionPage()
    const page = await session.context.newPage()
    const shop = `${server.origin('shop.test')}/`
    const off = await served(page, shop)
    assert.ok(off.length > 3 && off.every((r) => !r.gpc), 'no Sec-GPC while off')
    assert.equal(await page.evaluate('navigator.globalPrivacyControl === true'), false)

    await gpcSet(ext, { enabled: true })
    const on = await served(page, shop)
    assert.ok(on.length > 3)
    assert.deepEqual(
      on.filter((r) => !r.gpc && r.path !== '/.well-known/gpc.json'),
      [],
      'Sec-GPC: 1 on every request of the page, first and third party',
    )
    assert.ok(on.some((r) => r.host === 'bat.bing.com'))
    assert.equal(await page.evaluate('navigator.globalPrivacyControl === true'), true)
    const dump = await poll(
      () => readDb(ext),
      (d) => d.findings.some((f) => f.site === 'shop.test' && f.signal === 'gpc.support'),
      { what: 'the gpc.json check' },
    )
    const support = dump.findings.find((f) => f.signal === 'gpc.support')
    assert.deepEqual(support?.evidence.details, [{ honours: true, lastUpdate: '2026-01-15' }])
    const checks = server.requests.filter((r) => r.path === '/.well-known/gpc.json')
    assert.equal(checks.length, 1, 'checked once, not on every visit')

    const popup = await openPopup(session, await tabIdOf(ext, shop))
    await popup.getByTestId('gpc-support').waitFor()
    assert.match(
      (await popup.getByTestId('gpc-support').textContent()) ?? '',
      /shop\.test says it honours this signal/,
    )
    await popup.getByTestId('gpc-site').uncheck()
    await popup.getByTestId('gpc-site').waitFor({ state: 'visible' })
    await poll(
      () => extCall<{ exceptions: string[] }>(ext, `ext.runtime.sendMessage({ type: 'gpc.get' })`),
      (s) => s.exceptions.includes('shop.test'),
      { what: 'the exception to be saved' },
    )
    await popup.close()
    const excepted = await served(page, shop)
    assert.deepEqual(
      excepted.filter((r) => r.host === 'shop.test' && r.gpc),
      [],
      'nothing to or from the excepted site carries the signal',
    )
    assert.equal(await page.evaluate('navigator.globalPrivacyControl === true'), false)
    const news = await served(page, `${server.origin('news.test')}/`)
    assert.ok(
      news.every((r) => r.gpc),
      'other sites still get it',
    )

    await gpcSet(ext, { site: 'shop.test', excepted: false })
    await gpcSet(ext, { enabled: false })
    const offAgain = await served(page, `${server.origin('news.test')}/`)
    assert.ok(
      offAgain.every((r) => !r.gpc),
      'off again',
    )
    await page.close()
  })
})

void describe('Chromium: the service worker may stop at any moment', () => {
  const PAGES = 20

  /** Browses /article/1..20 in a fresh profile; `stopAfter` pages stop the worker as Chrome does. */
  async function browse(
    stopAfter: number[],
  ): Promise<{ counts: Record<string, number>; visits: number; stops: number }> {
    const s = await launchChromium()
    try {
      await warmUpChromium(s, `${server.origin('news.test')}/article/0`)
      const page = await s.context.newPage()
      const cdp = await s.context.newCDPSession(page)
      const status = new Map<string, string>()
      cdp.on('ServiceWorker.workerVersionUpdated', (e) => {
        for (const v of e.versions)
          if (v.scriptURL.includes(s.extensionId)) status.set(v.versionId, v.runningStatus)
      })
      await cdp.send('ServiceWorker.enable')
      let stops = 0
      for (let n = 1; n <= PAGES; n++) {
        await visit(page, `${server.origin('news.test')}/article/${n}`)
        if (stopAfter.includes(n)) {
          // Idle first, as Chrome stops a worker only after ~30 s without events.
          await sleep(400)
          await cdp.send('ServiceWorker.stopAllWorkers')
          await poll(
            async () => [...status.values()],
            (v) => v.length > 0 && v.every((x) => x === 'stopped'),
            {
              what: 'the worker to stop',
            },
          )
          stops++
        }
      }
      const ext = await s.extensionPage()
      const dump = await poll(
        () => readDb(ext),
        (d) => d.visits.filter((v) => /\/article\/([1-9]|1\d|20)$/.test(v.url)).length === PAGES,
        { what: `${PAGES} article visits` },
      )
      await sleep(500)
      const final = await readDb(ext)
      const ids = new Set(
        final.visits.filter((v) => /\/article\/([1-9]|1\d|20)$/.test(v.url)).map((v) => v.id),
      )
      assert.equal(ids.size, PAGES, JSON.stringify(dump.visits.map((v) => v.url)))
      return { counts: tally(final, ids), visits: ids.size, stops }
    } finally {
      await s.close()
    }
  }

  void it('stopping the worker mid-browse loses and double-counts nothing', async () => {
    const uninterrupted = await browse([])
    const interrupted = await browse([5, 10, 15])
    assert.equal(interrupted.stops, 3)
    assert.ok(Object.keys(uninterrupted.counts).length >= 5)
    assert.equal(uninterrupted.counts['tracker.request google-analytics.com'], PAGES)
    assert.deepEqual(interrupted.counts, uninterrupted.counts)
  })
})
