/**
 * The dashboard in real Firefox ESR: it opens, renders the recorded data, and its messages to
 * the background (a Firefox event page) are answered.
 */
import assert from 'node:assert/strict'
import { after, before, describe, it } from 'node:test'
import type { Page } from 'puppeteer-core'
import { launchFirefox, type FirefoxSession } from '../../src/cli/browsers.ts'
import { startFixtureServer, type FixtureServer } from '../fixtures/server.ts'
import { poll, readDb } from './lib.ts'
import { visitFirefox, warmUpFirefox } from './setup.ts'

let server: FixtureServer
let session: FirefoxSession
let ext: Page

const visit = visitFirefox

const text = (page: Page, testid: string) =>
  page.$eval(`[data-testid="${testid}"]`, (e) => e.textContent ?? '').catch(() => null)

const attrs = (page: Page, selector: string, name: string) =>
  page.$$eval(selector, (els, n) => els.map((e) => e.getAttribute(n)), name)

void before(async () => {
  server = await startFixtureServer()
  session = await launchFirefox()
  ext = await session.openExtensionPage('src/ui/dashboard/index.html#/settings')
  const page = await warmUpFirefox(session, ext, `${server.origin('news.test')}/article/0`, {
    keep: true,
  })
  await visit(page, `${server.origin('news.test')}/`)
  await poll(
    () => readDb(ext),
    (d) =>
      d.findings.filter((f) => f.site === 'news.test' && f.signal === 'tracker.request').length >=
      8,
    { what: 'both news visits’ trackers' },
  )
  await page.close()
})

void after(async () => {
  await session?.close()
  await server?.close()
})

void describe('Firefox: the dashboard', () => {
  void it('shows the overview and a site page from the recorded data', async () => {
    await ext.evaluate(`location.hash = '#/?period=7'; location.reload()`)
    await ext.waitForSelector('[data-testid="ranked-site"]', { timeout: 10_000 })
    assert.deepEqual(await attrs(ext, '[data-testid="ranked-site"]', 'data-site'), ['news.test'])
    const companies = await attrs(ext, '[data-testid="reach-company"]', 'data-company')
    assert.deepEqual([...companies].sort(), ['Facebook', 'Google'])
    await ext.screenshot({
      path: 'test/screenshots/dashboard-overview-firefox.png',
      fullPage: true,
    })

    await ext.evaluate(`location.hash = '#/site/news.test'`)
    await ext.waitForSelector('[data-testid="site-page"]', { timeout: 10_000 })
    assert.equal(await text(ext, 'site-title'), 'news.test')
    assert.equal(await text(ext, 'site-visits'), '2')
    const rows = await attrs(ext, '[data-testid="site-company"]', 'data-company')
    assert.deepEqual([...rows].sort(), ['Facebook', 'Google', 'unknown-widgets.test'])
    await ext.screenshot({ path: 'test/screenshots/dashboard-site-firefox.png', fullPage: true })
  })

  void it('saves a setting through the background', async () => {
    await ext.evaluate(`location.hash = '#/settings'`)
    await ext.waitForSelector('[data-testid="retention"]', { timeout: 10_000 })
    await ext.select('[data-testid="retention"]', '365')
    const status = await poll(
      () => text(ext, 'settings-status'),
      (t) => t === 'Saved.' || (t ?? '').startsWith('That did not work'),
      { what: 'the setting to be saved' },
    )
    assert.equal(status, 'Saved.')
    const stored = await ext.evaluate(`(async () => {
      const db = await new Promise((resolve, reject) => {
        const r = indexedDB.open('tracelight')
        r.onsuccess = () => resolve(r.result)
        r.onerror = () => reject(r.error)
      })
      const row = await new Promise((resolve) => {
        const r = db.transaction('settings').objectStore('settings').get('retentionDays')
        r.onsuccess = () => resolve(r.result)
      })
      db.close()
      return row
    })()`)
    assert.deepEqual(stored, { key: 'retentionDays', value: 365 })
  })
})
