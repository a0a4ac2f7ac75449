/**
 * The dashboard of the built extension in real Chromium: browse the fixture sites, then walk
 * overview → site → evidence → company → graph, delete a site, and apply retention, checking
 * the extension's real IndexedDB. Screenshots go to test/screenshots/.
 */
import assert from 'node:assert/strict'
import { readFileSync } from 'node:fs'
import { createRequire } from 'node:module'
import { after, before, describe, it } from 'node:test'
import type { Page } from 'playwright-core'
import { launchChromium, type ChromiumSession } from '../../src/cli/browsers.ts'
import { startFixtureServer, type FixtureServer } from '../fixtures/server.ts'
import { findingsOf, poll, readDb, readStore, tabIdOf, visitOf } from './lib.ts'
import { openPopup, visitChromium, warmUpChromium } from './setup.ts'

const AXE = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8')

interface AxeViolation {
  id: string
  impact: string | null
  help: string
  nodes: { target: string[] }[]
}

/** Runs axe-core in the page (evaluated, since extension pages' CSP forbids inline scripts)
 * and returns its serious and critical violations. */
async function axeProblems(page: Page): Promise<string[]> {
  await page.evaluate(AXE)
  const violations = (await page.evaluate(
    `axe.run(document, { resultTypes: ['violations'] }).then((r) => r.violations)`,
  )) as AxeViolation[]
  return violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map(
      (v) =>
        `${v.impact} ${v.id}: ${v.help} (${v.nodes.map((n) => n.target.join(' ')).join(', ')})`,
    )
}

let server: FixtureServer
let session: ChromiumSession
const SHOTS = 'test/screenshots'

const visit = visitChromium

/** The daily counts, as stored. */
const readDaily = (page: Page) => readStore<{ site: string; day?: string }>(page, 'daily')

function dashboardUrl(hash = '#/'): string {
  return `chrome-extension://${session.extensionId}/src/ui/dashboard/index.html${hash}`
}

async function openDashboard(hash = '#/'): Promise<Page> {
  const page = await session.context.newPage()
  await page.setViewportSize({ width: 1200, height: 900 })
  await page.goto(dashboardUrl(hash))
  return page
}

void before(async () => {
  server = await startFixtureServer()
  session = await launchChromium()
  const page = await warmUpChromium(session, `${server.origin('news.test')}/article/0`, {
    keep: true,
  })
  const ext = await session.extensionPage()
  await visit(page, `${server.origin('news.test')}/`)
  await visit(page, `${server.origin('shop.test')}/?gclid=Cj0KCQiAtest1234567890`)
  await visit(page, `${server.origin('www.youtube.com')}/`)
  const shop = `${server.origin('shop.test')}/`
  await poll(
    () => readDb(ext),
    (d) => {
      const v = visitOf(d, shop)
      return v !== undefined && findingsOf(d, v.id).some((f) => f.signal === 'pixel.tiktok')
    },
    { what: 'the shop’s TikTok Pixel finding' },
  )
  await page.close()
})

void after(async () => {
  await session?.close()
  await server?.close()
})

void describe('Chromium: the dashboard', () => {
  void it('walks overview → site → evidence → company → graph', async () => {
    const page = await openDashboard('#/?period=30')
    await page.getByTestId('site-ranking').waitFor()
    const ranked = await page
      .getByTestId('ranked-site')
      .evaluateAll((rows) => rows.map((r) => r.getAttribute('data-site')))
    assert.ok(ranked.includes('news.test') && ranked.includes('shop.test'), String(ranked))
    const reach = await page
      .getByTestId('reach-company')
      .evaluateAll((rows) => rows.map((r) => r.getAttribute('data-company')))
    assert.ok(reach.includes('Google') && reach.includes('Facebook'), String(reach))
    assert.ok(Number(await page.getByTestId('total-sites').textContent()) >= 3)
    assert.ok((await page.getByTestId('trend-bar').count()) === 30)
    await page.getByTestId('trend-bar').last().hover()
    assert.match(
      (await page.getByTestId('trend-readout').textContent()) ?? '',
      /requests to trackers on \d+ sites/,
    )
    await page.screenshot({ path: `${SHOTS}/dashboard-overview-chromium.png`, fullPage: true })
    await page.getByTestId('trend-table-toggle').click()
    assert.equal(await page.getByTestId('trend-table').locator('tbody tr').count(), 30)

    // Search narrows the ranking and is kept in the address, so a reload shows the same view.
    await page.getByTestId('search').fill('tiktok')
    await poll(
      async () => page.getByTestId('ranked-site').count(),
      (n) => n === 1,
      { what: 'the search to leave one site' },
    )
    assert.equal(await page.getByTestId('ranked-site').getAttribute('data-site'), 'shop.test')
    assert.match(page.url(), /#\/\?period=30&q=tiktok$/)
    await page.reload()
    await page.getByTestId('ranked-site').first().waitFor()
    assert.equal(await page.getByTestId('search').inputValue(), 'tiktok')
    assert.equal(await page.getByTestId('ranked-site').count(), 1)

    // Site page, with the evidence of a finding.
    await page.getByTestId('search').fill('')
    await page.locator('[data-testid="ranked-site"][data-site="news.test"] a').click()
    await page.getByTestId('site-page').waitFor()
    assert.equal(await page.getByTestId('site-title').textContent(), 'news.test')
    const companies = await page
      .getByTestId('site-company')
      .evaluateAll((rows) => rows.map((r) => r.getAttribute('data-company')))
    assert.deepEqual([...companies].sort(), ['Facebook', 'Google', 'unknown-widgets.test'])
    const first = page.getByTestId('timeline-visit').first()
    await first.locator('summary').click()
    const ga = first.locator('[data-testid="finding"][data-party="google-analytics.com"]')
    await ga.getByTestId('why-button').click()
    const why = (await ga.getByTestId('evidence').textContent()) ?? ''
    assert.match(why, /third-party-web/)
    assert.match(
      why,
      /google-analytics\.com(:\d+)?\/g\/collect\?v=2&tid=G-TRACEDEMO1&cid=\[hidden\]/,
    )
    await page.screenshot({ path: `${SHOTS}/dashboard-site-chromium.png`, fullPage: true })

    // Company page.
    await page.locator('[data-testid="site-company"][data-company="Facebook"] a').click()
    await page.getByTestId('company-page').waitFor()
    assert.equal(await page.getByTestId('company-title').textContent(), 'Facebook')
    const domains = (await page.getByTestId('company-domains').textContent()) ?? ''
    assert.match(domains, /facebook\.net/)
    const where = await page
      .getByTestId('company-site')
      .evaluateAll((rows) => rows.map((r) => r.getAttribute('data-site')))
    assert.ok(where.includes('news.test'), String(where))
    const pixel = page.locator('[data-testid="company-action"][data-signal="pixel.facebook"]')
    await pixel.getByTestId('why-button').first().click()
    assert.match((await pixel.getByTestId('evidence').first().textContent()) ?? '', /Event/)
    await page.screenshot({ path: `${SHOTS}/dashboard-company-chromium.png`, fullPage: true })

    // Graph: a click on a node opens its page.
    await page.locator('nav a[href="#/graph"]').click()
    await page.getByTestId('graph').waitFor()
    const sites = await page.locator('[data-testid="graph-node"][data-kind="site"]').count()
    const parties = await page.locator('[data-testid="graph-node"][data-kind="company"]').count()
    assert.ok(sites >= 2 && parties >= 3, `${sites} sites, ${parties} companies`)
    await page.screenshot({ path: `${SHOTS}/dashboard-graph-chromium.png`, fullPage: true })
    await page
      .locator('[data-testid="graph-node"][data-kind="company"][data-id="Google"] circle')
      .click()
    await page.getByTestId('company-page').waitFor()
    assert.equal(await page.getByTestId('company-title').textContent(), 'Google')
    await page.close()
  })

  void it('deletes one site’s rows from every table and leaves the others', async () => {
    const ext = await session.extensionPage()
    const before = await readDb(ext)
    assert.ok(before.visits.some((v) => v.site === 'shop.test'))
    const page = await openDashboard('#/site/shop.test')
    await page.getByTestId('delete-site').click()
    await page.getByTestId('confirm-delete').waitFor()
    await page.screenshot({
      path: `${SHOTS}/dashboard-delete-confirm-chromium.png`,
      fullPage: true,
    })
    await page.getByTestId('confirm-delete').click()
    await page.getByTestId('site-deleted').waitFor()
    const dump = await readDb(ext)
    const daily = await readDaily(ext)
    for (const rows of [dump.visits, dump.findings, dump.sites, daily])
      assert.ok(!rows.some((r) => r.site === 'shop.test'), 'no shop.test row is left')
    assert.equal(
      dump.visits.filter((v) => v.site === 'news.test').length,
      before.visits.filter((v) => v.site === 'news.test').length,
      'news.test keeps all its visits',
    )
    assert.ok(dump.sites.some((s) => s.site === 'news.test'))
    assert.ok(daily.some((d) => d.site === 'news.test'))
    await page.close()
  })

  void it('retention removes old rows only, and the settings take effect', async () => {
    const ext = await session.extensionPage()
    const old = Date.now() - 200 * 86_400_000
    const d = new Date(old)
    const oldDay = `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}-${String(d.getDate()).padStart(2, '0')}`
    // Rows as the recorder would have written them 200 days ago.
    await ext.evaluate(`(async () => {
      const db = await new Promise((resolve, reject) => {
        const r = indexedDB.open('tracelight')
        r.onsuccess = () => resolve(r.result)
        r.onerror = () => reject(r.error)
      })
      const tx = db.transaction(['visits', 'findings', 'daily', 'sites'], 'readwrite')
      const evidence = { urls: ['https://old-tracker.test/p'] }
      for (const [id, site] of [[${old * 1000}, 'old.test'], [${old * 1000 + 1}, 'news.test']]) {
        tx.objectStore('visits').put({ id, site, url: 'https://' + site + '/', tabId: 1, startedAt: ${old}, mode: 'standard' })
        tx.objectStore('findings').put({ visitId: id, signal: 'tracker.request', party: 'old-tracker.test', site, company: 'Old Ads', category: 'ad', count: 1, firstAt: ${old}, lastAt: ${old}, evidence, mode: 'standard' })
        tx.objectStore('daily').put({ site, day: '${oldDay}', signal: 'tracker.request', count: 1 })
      }
      tx.objectStore('sites').put({ site: 'old.test', firstSeen: ${old}, lastSeen: ${old}, visits: 1, counts: { 'tracker.request': 1 } })
      await new Promise((resolve, reject) => { tx.oncomplete = resolve; tx.onerror = () => reject(tx.error) })
      db.close()
    })()`)
    const before = await readDb(ext)
    const recentNews = before.visits.filter((v) => v.site === 'news.test' && v.startedAt > old)

    const page = await openDashboard('#/settings')
    await page.getByTestId('retention').waitFor()
    assert.equal(await page.getByTestId('retention').inputValue(), '90')
    assert.match((await page.getByTestId('storage-used').textContent()) ?? '', /uses .*B/)
    await page.screenshot({ path: `${SHOTS}/dashboard-settings-chromium.png`, fullPage: true })
    await page.getByTestId('retention').selectOption('30')
    await poll(
      async () => page.getByTestId('settings-status').textContent(),
      (text) => text === 'Saved.',
      { what: 'the retention setting to be saved' },
    )
    const dump = await readDb(ext)
    const daily = await readDaily(ext)
    assert.ok(!dump.visits.some((v) => v.startedAt === old), 'old visits are gone')
    assert.ok(!dump.findings.some((f) => f.party === 'old-tracker.test'), 'their findings too')
    assert.ok(!daily.some((r) => r.day === oldDay), 'and the old days’ counts')
    assert.ok(!dump.sites.some((s) => s.site === 'old.test'), 'a site with nothing left is gone')
    assert.deepEqual(
      dump.visits
        .filter((v) => v.site === 'news.test')
        .map((v) => v.id)
        .sort(),
      recentNews.map((v) => v.id).sort(),
      'recent visits stay',
    )
    const news = dump.sites.find((s) => s.site === 'news.test')
    assert.equal(news?.visits, recentNews.length, 'the site summary is rebuilt')
    assert.ok(!Object.keys(news?.companies ?? {}).includes('Old Ads'))
    await page.close()
  })

  void it('has no serious or critical accessibility problem in any view, or in the popup', async () => {
    const page = await openDashboard('#/')
    // A request sent earlier, for its own page (the dashboard is an extension page: it may ask).
    const { id } = (await page.evaluate(`chrome.runtime.sendMessage({
      type: 'request.create',
      request: {
        site: 'news.test', company: 'news.test', law: 'gdpr-eu', kind: 'access',
        reference: 'TL-20260131-AXE1', recipient: 'privacy@news.test', subject: 'Access request',
        text: 'Dear Sir or Madam,\\n\\nPlease tell me what you hold about me.', channel: 'copy',
        language: 'en',
      },
    })`)) as { id: number }
    const views: [string, string][] = [
      ['#/?period=30', 'overview'],
      ['#/site/news.test', 'site-page'],
      ['#/company/Google', 'company-page'],
      ['#/graph?period=30', 'graph'],
      ['#/settings', 'settings-page'],
      ['#/search?q=google', 'search-page'],
      ['#/requests', 'requests-page'],
      ['#/requests/new?site=news.test', 'new-request'],
      [`#/requests/${id}`, 'request-view'],
    ]
    const problems: string[] = []
    for (const [hash, testid] of views) {
      await page.goto(dashboardUrl(hash))
      await page.getByTestId(testid).waitFor()
      // Open the evidence too, so it is checked as well.
      const why = page.locator('[data-testid="why-button"]:visible')
      if ((await why.count()) > 0) await why.first().click()
      for (const p of await axeProblems(page)) problems.push(`${hash} ${p}`)
    }
    await page.goto(dashboardUrl('#/'))
    await page.getByTestId('trend-table-toggle').click()
    for (const p of await axeProblems(page)) problems.push(`trend table ${p}`)

    const news = await session.context.newPage()
    await visit(news, `${server.origin('news.test')}/`)
    const tabId = await tabIdOf(await session.extensionPage(), `${server.origin('news.test')}/`)
    const popup = await openPopup(session, tabId)
    await popup.getByTestId('site-name').waitFor()
    for (const p of await axeProblems(popup)) problems.push(`popup ${p}`)
    assert.deepEqual(problems, [])
    await Promise.all([page.close(), news.close(), popup.close()])
  })

  void it('switches language from the settings', async () => {
    const page = await openDashboard('#/settings')
    await page.getByTestId('language').selectOption('de')
    await poll(
      async () => page.locator('h1').textContent(),
      (t) => t === 'Einstellungen und deine Daten',
      { what: 'the German settings page' },
    )
    await page.goto(dashboardUrl('#/?period=30'))
    await page.getByTestId('overview').waitFor()
    assert.equal(await page.locator('h1').textContent(), 'Wer dich verfolgt hat')
    assert.equal(await page.evaluate('document.documentElement.lang'), 'de')
    await page.screenshot({ path: `${SHOTS}/dashboard-overview-de-chromium.png`, fullPage: true })
    // A site's page with a finding's evidence: its labels and the detector's words in German.
    await page.goto(dashboardUrl('#/site/news.test'))
    await page.getByTestId('site-page').waitFor()
    const pixel = page.locator('[data-testid="finding"][data-signal="pixel.facebook"]').last()
    await pixel.getByTestId('why-button').click()
    const evidence = (await pixel.getByTestId('evidence').textContent()) ?? ''
    assert.match(evidence, /Ereignis/)
    assert.match(evidence, /Im Standardmodus aufgezeichnet/)
    assert.match((await page.getByTestId('ask-link').textContent()) ?? '', /Diese Firma/)
    await page.screenshot({ path: `${SHOTS}/dashboard-site-de-chromium.png`, fullPage: true })
    await page.goto(dashboardUrl('#/settings'))
    await page.getByTestId('language').selectOption('')
    await poll(
      async () => page.locator('h1').textContent(),
      (t) => t === 'Settings and your data',
      { what: 'the page to follow the browser’s language again' },
    )
    await page.close()
  })
})
