/**
 * Managing the recorded history in real Chromium: delete a company's records across sites and
 * undo it, a deletion surviving a stopped service worker, deleting a date range, excluded
 * sites and the pause switch (nothing recorded), the popup's "Don't record this site", the
 * popup in a German browser, and search. Checks the extension's real IndexedDB; runs axe on
 * the new views; screenshots go to test/screenshots/.
 */
import assert from 'node:assert/strict'
import { readFileSync } from 'node:fs'
import { createRequire } from 'node:module'
import { after, before, describe, it } from 'node:test'
import type { Page } from 'playwright-core'
import { launchChromium, type ChromiumSession } from '../../src/cli/browsers.ts'
import type { DailyRow, FindingRow, SiteRow } from '../../src/db/schema.ts'
import { startFixtureServer, type FixtureServer } from '../fixtures/server.ts'
import { extCall, poll, readDb, readStore, sleep, tabIdOf } from './lib.ts'
import { openPopup, visitChromium, warmUpChromium } from './setup.ts'

const AXE = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8')
const SHOTS = 'test/screenshots'
const UNDO_MS = 10_000

let server: FixtureServer
let session: ChromiumSession
const visit = visitChromium

interface AxeViolation {
  id: string
  impact: string | null
  help: string
  nodes: { target: string[] }[]
}

/** axe-core's serious and critical violations in the page as it is now. */
async function axeProblems(page: Page, where: string): Promise<string[]> {
  await page.evaluate(AXE)
  const violations = (await page.evaluate(
    `axe.run(document, { resultTypes: ['violations'] }).then((r) => r.violations)`,
  )) as AxeViolation[]
  return violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map(
      (v) =>
        `${where}: ${v.impact} ${v.id}: ${v.help} (${v.nodes.map((n) => n.target.join(' ')).join(', ')})`,
    )
}

/** The history tables in a comparable form (a company's domains carry no order). */
async function history(page: Page) {
  const dump = await readDb(page)
  const key = (f: FindingRow) => `${f.visitId} ${f.signal} ${f.party}`
  const sites = dump.sites
    .map((s: SiteRow) => ({
      ...s,
      companies: Object.fromEntries(
        Object.entries(s.companies ?? {})
          .map(([k, c]) => [k, { ...c, parties: [...c.parties].sort() }] as const)
          .sort(([a], [b]) => a.localeCompare(b)),
      ),
    }))
    .sort((a, b) => a.site.localeCompare(b.site))
  const daily = (await readStore<DailyRow>(page, 'daily'))
    .map((d) => `${d.site} ${d.day} ${d.signal} ${d.count}`)
    .sort()
  const parties = (await readStore<FindingRow & { visits: number }>(page, 'siteParties'))
    .map((p) => `${p.site} ${p.signal} ${p.party} ${p.company ?? '-'} ${p.count} ${p.visits}`)
    .sort()
  return {
    visits: dump.visits.map((v) => v.id).sort(),
    findings: [...dump.findings].sort((a, b) => key(a).localeCompare(key(b))),
    sites,
    daily,
    parties,
  }
}

function dashboardUrl(hash = '#/'): string {
  return `chrome-extension://${session.extensionId}/src/ui/dashboard/index.html${hash}`
}

async function openDashboard(hash = '#/'): Promise<Page> {
  const page = await session.context.newPage()
  await page.setViewportSize({ width: 1200, height: 900 })
  await page.goto(dashboardUrl(hash))
  return page
}

const send = (page: Page, message: object) =>
  extCall<unknown>(page, `ext.runtime.sendMessage(${JSON.stringify(message)})`)

/** The excluded sites as stored. */
const excludedSites = async (page: Page) =>
  (await readStore<{ key: string; value: unknown }>(page, 'settings')).find(
    (r) => r.key === 'excludedSites',
  )?.value ?? []

/** Waits until no deletion is pending (the last one became final or was undone). */
async function settled(ext: Page): Promise<void> {
  await poll(
    async () => (await readStore(ext, 'pendingDeletions')).length,
    (n) => n === 0,
    { what: 'the pending deletion to be settled', timeout: UNDO_MS + 20_000, interval: 500 },
  )
}

void before(async () => {
  server = await startFixtureServer()
  session = await launchChromium()
  const page = await warmUpChromium(session, `${server.origin('news.test')}/article/0`, {
    keep: true,
  })
  for (const site of ['news.test', 'shop.test', 'recipes.test', 'garden.test'])
    await visit(page, `${server.origin(site)}/`)
  const ext = await session.extensionPage()
  await poll(
    () => readDb(ext),
    (d) =>
      ['news.test', 'recipes.test', 'garden.test'].every((site) =>
        d.findings.some((f) => f.site === site && f.party === 'unknown-widgets.test'),
      ) && d.findings.some((f) => f.site === 'recipes.test' && f.company === 'Google'),
    { what: 'the fixture sites’ findings', timeout: 30_000 },
  )
  await page.close()
})

void after(async () => {
  await session?.close()
  await server?.close()
})

void describe('Chromium: managing your data', () => {
  void it('deletes a company’s records on every site after saying how many, and Undo puts them back', async () => {
    const ext = await session.extensionPage()
    const before = await history(ext)
    const google = before.findings.filter((f) => (f.company ?? f.party) === 'Google')
    const googleSites = new Set(google.map((f) => f.site))
    assert.ok(googleSites.size >= 2, `Google on ${[...googleSites].join(', ')}`)
    const others = before.findings.filter((f) => (f.company ?? f.party) !== 'Google')
    assert.ok(others.some((f) => f.company === 'Facebook'))

    const page = await openDashboard('#/company/Google')
    await page.getByTestId('delete-company-button').click()
    const question = page.locator('#delete-company-question')
    await question.waitFor()
    assert.equal(
      await question.textContent(),
      `Delete ${google.length} findings of Google on ${googleSites.size} sites? Your visits stay; only what Google did is removed. Nothing changes at Google itself. You can undo it for a few seconds afterwards.`,
    )
    // The question has the focus, on Cancel.
    assert.equal(await page.evaluate('document.activeElement.textContent'), 'Cancel')
    await page.screenshot({
      path: `${SHOTS}/dashboard-delete-company-chromium.png`,
      fullPage: true,
    })
    const problems = await axeProblems(page, 'company delete question')

    await page.getByTestId('delete-company-confirm').click()
    await page.getByTestId('undo').waitFor()
    await page.getByTestId('company-deleted').waitFor()
    assert.equal(
      await page.getByTestId('undo-status').textContent(),
      `Deleted ${google.length} findings of Google on ${googleSites.size} sites. You can undo this for 10 seconds.`,
    )
    // The focus is on Undo, reachable at once from the keyboard.
    assert.equal(await page.evaluate('document.activeElement.dataset.testid'), 'undo')
    const gone = await history(ext)
    assert.deepEqual(gone.findings, others, 'only Google’s findings are gone')
    assert.deepEqual(gone.visits, before.visits, 'every visit stays')
    assert.deepEqual(
      gone.parties,
      before.parties.filter((p) => !p.includes(' Google ')),
      'its site × party rows go, the others stay',
    )
    for (const s of gone.sites) {
      assert.ok(!Object.keys(s.companies).includes('Google'), `${s.site} no longer lists Google`)
      const counts: Record<string, number> = {}
      for (const f of gone.findings.filter((x) => x.site === s.site))
        counts[f.signal] = (counts[f.signal] ?? 0) + f.count
      assert.deepEqual(s.counts, counts, `${s.site}'s counts match its findings`)
    }
    const trash = await readStore<{ findings?: unknown[] }>(ext, 'trash')
    assert.equal(
      trash.reduce((n, chunk) => n + (chunk.findings?.length ?? 0), 0),
      google.length,
      'the trash holds exactly what went',
    )
    await page.screenshot({ path: `${SHOTS}/dashboard-undo-chromium.png` })
    problems.push(...(await axeProblems(page, 'undo bar')))

    await page.keyboard.press('Enter')
    await poll(
      async () => page.getByTestId('undo-status').textContent(),
      (t) => t === 'Restored: everything that was deleted is back.',
      { what: 'the undo to be confirmed' },
    )
    assert.deepEqual(await history(ext), before, 'everything is back as it was')
    assert.equal((await readStore(ext, 'trash')).length, 0)
    await page.getByTestId('company-page').waitFor()
    assert.equal(await page.getByTestId('company-title').textContent(), 'Google')
    assert.deepEqual(problems, [])
    await page.close()
  })

  void it('makes a deletion final on time, even when the worker was stopped in its undo window', async () => {
    const ext = await session.extensionPage()
    const cdpPage = await session.context.newPage()
    const cdp = await session.context.newCDPSession(cdpPage)
    const status = new Map<string, string>()
    cdp.on('ServiceWorker.workerVersionUpdated', (e) => {
      for (const v of e.versions)
        if (v.scriptURL.includes(session.extensionId)) status.set(v.versionId, v.runningStatus)
    })
    await cdp.send('ServiceWorker.enable')
    const stopWorker = async () => {
      await cdp.send('ServiceWorker.stopAllWorkers')
      await poll(
        async () => [...status.values()],
        (v) => v.length > 0 && v.every((x) => x === 'stopped'),
        { what: 'the worker to stop' },
      )
    }

    // Stopped, then woken within the window: the deletion can still be undone.
    const before = await history(ext)
    const first = (await send(ext, {
      type: 'data.delete',
      scope: { kind: 'site', site: 'garden.test' },
    })) as { pending: { id: number } }
    await stopWorker()
    const pending = (await send(ext, { type: 'data.pending' })) as {
      pending: { id: number } | null
    }
    assert.equal(pending.pending?.id, first.pending.id, 'still undoable after a restart')
    assert.deepEqual(await send(ext, { type: 'data.undo', id: first.pending.id }), {
      result: 'restored',
    })
    assert.deepEqual(await history(ext), before)

    // Stopped, and woken only after the deadline: the next start makes it final.
    const second = (await send(ext, {
      type: 'data.delete',
      scope: { kind: 'site', site: 'garden.test' },
    })) as { pending: { id: number; deadline: number } }
    await stopWorker()
    await sleep(UNDO_MS + 500)
    assert.deepEqual(await send(ext, { type: 'data.undo', id: second.pending.id }), {
      result: 'unknown',
    })
    await settled(ext)
    const after = await history(ext)
    assert.equal((await readStore(ext, 'trash')).length, 0, 'the trash is emptied')
    assert.ok(!after.sites.some((s) => s.site === 'garden.test'), 'and garden.test stays deleted')
    assert.ok(!after.findings.some((f) => f.site === 'garden.test'))
    await cdp.detach()
    await cdpPage.close()
  })

  void it('deletes a date range: the visits that started on those days, nothing else', async () => {
    const ext = await session.extensionPage()
    await settled(ext)
    // Two visits as the recorder would have written them 10 days ago.
    const old = Date.now() - 10 * 86_400_000
    const d = new Date(old)
    const day = `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}-${String(d.getDate()).padStart(2, '0')}`
    await ext.evaluate(`(async () => {
      const db = await new Promise((resolve, reject) => {
        const r = indexedDB.open('tracelight')
        r.onsuccess = () => resolve(r.result)
        r.onerror = () => reject(r.error)
      })
      const tx = db.transaction(['visits', 'findings', 'daily', 'sites'], 'readwrite')
      for (const [id, site] of [[${old * 1000}, 'old.test'], [${old * 1000 + 1}, 'news.test']]) {
        tx.objectStore('visits').put({ id, site, url: 'https://' + site + '/', tabId: 1, startedAt: ${old}, mode: 'standard' })
        tx.objectStore('findings').put({ visitId: id, signal: 'tracker.request', party: 'old-tracker.test', site, company: 'Old Ads', category: 'ad', count: 1, firstAt: ${old}, lastAt: ${old}, evidence: { urls: [] }, mode: 'standard' })
        tx.objectStore('daily').put({ site, day: '${day}', signal: 'tracker.request', count: 1 })
      }
      tx.objectStore('sites').put({ site: 'old.test', firstSeen: ${old}, lastSeen: ${old}, visits: 1, counts: { 'tracker.request': 1 } })
      const news = await new Promise((r) => { const q = tx.objectStore('sites').get('news.test'); q.onsuccess = () => r(q.result) })
      news.visits += 1
      news.counts['tracker.request'] = (news.counts['tracker.request'] || 0) + 1
      news.firstSeen = ${old}
      tx.objectStore('sites').put(news)
      await new Promise((resolve, reject) => { tx.oncomplete = resolve; tx.onerror = () => reject(tx.error) })
      db.close()
    })()`)
    const before = await history(ext)

    const page = await openDashboard('#/settings')
    await page.getByTestId('range-from').fill(day)
    await page.getByTestId('range-to').fill(day)
    await page.getByTestId('delete-range-button').click()
    const question = page.locator('#delete-range-question')
    await question.waitFor()
    assert.match(
      (await question.textContent()) ?? '',
      /^Delete 2 visits and 2 findings on 2 sites, all from \w{3} \d+, \d{4}\? /,
    )
    await page.screenshot({ path: `${SHOTS}/dashboard-delete-range-chromium.png`, fullPage: true })
    const problems = await axeProblems(page, 'range question')
    await page.getByTestId('delete-range-confirm').click()
    await page.getByTestId('undo').waitFor()

    const after = await history(ext)
    assert.deepEqual(
      after.visits,
      before.visits.filter((id) => id !== old * 1000 && id !== old * 1000 + 1),
    )
    assert.ok(!after.findings.some((f) => f.party === 'old-tracker.test'))
    assert.ok(!after.sites.some((s) => s.site === 'old.test'), 'a site with nothing left goes')
    const news = after.sites.find((s) => s.site === 'news.test')
    const newsBefore = before.sites.find((s) => s.site === 'news.test')
    assert.equal(news?.visits, (newsBefore?.visits ?? 0) - 1)
    assert.ok((news?.firstSeen ?? 0) > old, 'news.test starts at its first remaining visit')
    assert.ok(!after.daily.some((r) => r.includes(` ${day} `)), 'the day’s counts are gone')
    assert.deepEqual(
      after.findings.filter((f) => f.site !== 'old.test' && f.visitId !== old * 1000 + 1),
      before.findings.filter((f) => f.site !== 'old.test' && f.visitId !== old * 1000 + 1),
      'every other finding stays',
    )
    assert.deepEqual(problems, [])
    await page.close()
  })

  void it('records nothing on an excluded site, nor anything while paused', async () => {
    const ext = await session.extensionPage()
    await settled(ext)
    const settings = await openDashboard('#/settings')
    await settings.getByTestId('exclude-input').fill('https://www.shop.test/basket')
    await settings.getByTestId('exclude-delete').check()
    await settings.getByTestId('exclude-add').click()
    await settings.getByTestId('excluded-site').first().waitFor()
    assert.deepEqual(
      await settings
        .getByTestId('excluded-site')
        .evaluateAll((rows) => rows.map((r) => r.getAttribute('data-site'))),
      ['shop.test'],
    )
    await settings.getByTestId('undo').waitFor()
    await settings.screenshot({ path: `${SHOTS}/dashboard-excluded-chromium.png`, fullPage: true })
    const problems = await axeProblems(settings, 'settings with an excluded site')
    assert.ok(!(await readDb(ext)).findings.some((f) => f.site === 'shop.test'), 'its history went')

    const page = await session.context.newPage()
    const since = Date.now()
    await visit(page, `${server.origin('shop.test')}/`)
    // A site that is recorded, visited afterwards: once it is stored, shop.test would be too.
    await visit(page, `${server.origin('news.test')}/`)
    const dump = await poll(
      () => readDb(ext),
      (d) => d.visits.some((v) => v.site === 'news.test' && v.startedAt >= since),
      { what: 'the news.test visit after the excluded one' },
    )
    assert.deepEqual(
      dump.visits.filter((v) => v.site === 'shop.test'),
      [],
      'no visit of the excluded site',
    )
    assert.deepEqual(
      dump.findings.filter((f) => f.site === 'shop.test'),
      [],
    )

    // The popup on the excluded site says so, and can record it again.
    await visit(page, `${server.origin('shop.test')}/`)
    const popup = await openPopup(session, await tabIdOf(ext, `${server.origin('shop.test')}/`))
    await popup.getByTestId('state-excluded').waitFor()
    await popup.screenshot({ path: `${SHOTS}/popup-excluded-chromium.png` })
    problems.push(...(await axeProblems(popup, 'popup on an excluded site')))
    await popup.getByTestId('include-site').click()
    await popup.getByTestId('exclude-site').waitFor()
    assert.deepEqual(await excludedSites(ext), [])
    await popup.close()
    const again = Date.now()
    await visit(page, `${server.origin('shop.test')}/`)
    await poll(
      () => readDb(ext),
      (d) => d.visits.some((v) => v.site === 'shop.test' && v.startedAt >= again),
      { what: 'shop.test to be recorded again' },
    )

    // Paused: the same gate keeps everything out.
    await settings.reload()
    await settings.getByTestId('pause').check()
    await poll(
      async () => settings.getByTestId('settings-status').textContent(),
      (t) => t === 'Saved.',
      { what: 'the pause to be saved' },
    )
    const paused = Date.now()
    await visit(page, `${server.origin('recipes.test')}/?paused`)
    await sleep(1000)
    const popupPaused = await openPopup(
      session,
      await tabIdOf(ext, `${server.origin('recipes.test')}/?paused`),
    )
    await popupPaused.getByTestId('state-paused').waitFor()
    await popupPaused.getByTestId('resume').click()
    await popupPaused.getByTestId('state-paused').waitFor({ state: 'detached' })
    await popupPaused.close()
    await visit(page, `${server.origin('garden.test')}/?after-pause`)
    const afterPause = await poll(
      () => readDb(ext),
      (d) => d.visits.some((v) => v.url.includes('garden.test') && v.startedAt >= paused),
      { what: 'the visit after the pause to be recorded' },
    )
    assert.ok(
      !afterPause.visits.some((v) => v.url.includes('?paused')),
      'nothing of the paused visit',
    )
    assert.deepEqual(problems, [])
    await Promise.all([page.close(), settings.close()])
  })

  void it('the popup stops recording the site it is on, keeping its history', async () => {
    const ext = await session.extensionPage()
    const page = await session.context.newPage()
    await visit(page, `${server.origin('news.test')}/`)
    const popup = await openPopup(session, await tabIdOf(ext, `${server.origin('news.test')}/`))
    await popup.getByTestId('exclude-site').click()
    await popup.getByRole('alertdialog').waitFor()
    await popup.screenshot({ path: `${SHOTS}/popup-exclude-question-chromium.png` })
    const problems = await axeProblems(popup, 'popup exclude question')
    const kept = (await readDb(ext)).visits.filter((v) => v.site === 'news.test').length
    await popup.getByTestId('exclude-keep').click()
    await popup.getByTestId('state-excluded').waitFor()
    assert.deepEqual(await excludedSites(ext), ['news.test'])
    assert.equal((await readDb(ext)).visits.filter((v) => v.site === 'news.test').length, kept)
    await popup.getByTestId('include-site').click()
    await popup.getByTestId('tracker-count').waitFor()
    assert.deepEqual(problems, [])
    await Promise.all([popup.close(), page.close()])
  })

  void it('shows the popup in German to a German browser, findings included', async () => {
    const ext = await session.extensionPage()
    const page = await session.context.newPage()
    await visit(page, `${server.origin('news.test')}/`)
    const tabId = await tabIdOf(ext, `${server.origin('news.test')}/`)
    const popup = await session.context.newPage()
    await popup.setViewportSize({ width: 360, height: 700 })
    const cdp = await session.context.newCDPSession(popup)
    await cdp.send('Emulation.setLocaleOverride', { locale: 'de-DE' })
    await cdp.send('Emulation.setUserAgentOverride', {
      userAgent: (await popup.evaluate('navigator.userAgent')) as string,
      acceptLanguage: 'de-DE,de',
    })
    await popup.goto(
      `chrome-extension://${session.extensionId}/src/ui/popup/index.html?tab=${tabId}`,
    )
    await popup.getByTestId('signals').waitFor()
    await popup.getByTestId('gpc').waitFor()
    assert.equal(await popup.evaluate('document.documentElement.lang'), 'de')
    assert.match(
      (await popup.getByTestId('totals').textContent()) ?? '',
      /^\d+ Tracking-Unternehmen · \d+ Drittanbieter-Domains? kontaktiert$/,
    )
    const headings = await popup.locator('h2').allTextContents()
    assert.ok(headings.includes('Was gesendet wurde'), headings.join(' | '))
    assert.ok(headings.includes('Tracking-Unternehmen'), headings.join(' | '))
    assert.ok(headings.includes('Überall widersprechen'), headings.join(' | '))
    const pixel = popup.locator('[data-testid="signal-row"][data-signal="pixel.facebook"]')
    assert.equal(await pixel.locator('.company-name').textContent(), 'Meta-Pixel')
    await pixel.getByRole('button').click()
    assert.match((await pixel.locator('.why').textContent()) ?? '', /Teilt Meta mit/)
    const body = (await popup.locator('body').textContent()) ?? ''
    for (const english of ['What was sent', 'Tracking companies', 'History of', 'Opt out'])
      assert.ok(!body.includes(english), `no “${english}” in: ${body}`)
    await popup.screenshot({ path: `${SHOTS}/popup-de-chromium.png`, fullPage: true })
    assert.deepEqual(await axeProblems(popup, 'German popup'), [])
    await cdp.detach()
    await Promise.all([popup.close(), page.close()])
  })

  void it('finds sites, companies and findings from the header, in a view that reloads', async () => {
    const page = await openDashboard('#/')
    await page.getByTestId('overview').waitFor()
    await page.getByTestId('header-search').fill('pixel')
    await page.getByTestId('search-page').waitFor()
    await page.getByTestId('search-signal').first().waitFor()
    assert.match(page.url(), /#\/search\?q=pixel$/)
    const signals = await page
      .getByTestId('search-signal')
      .evaluateAll((rows) => rows.map((r) => r.getAttribute('data-signal')))
    assert.ok(signals.includes('pixel.facebook'), String(signals))
    await page.getByTestId('search-type').selectOption('companies')
    await page.getByTestId('header-search').fill('google')
    await page.getByTestId('search-company').first().waitFor()
    assert.match(page.url(), /#\/search\?q=google&type=companies$/)
    await page.reload()
    await page.getByTestId('search-company').first().waitFor()
    assert.equal(await page.getByTestId('header-search').inputValue(), 'google')
    assert.equal(await page.getByTestId('search-signal').count(), 0)
    await page.screenshot({ path: `${SHOTS}/dashboard-search-chromium.png`, fullPage: true })
    const problems = await axeProblems(page, 'search')
    await page.locator('[data-testid="search-company"][data-company="Google"] a').click()
    await page.getByTestId('company-page').waitFor()
    assert.deepEqual(problems, [])
    await page.close()
  })
})
