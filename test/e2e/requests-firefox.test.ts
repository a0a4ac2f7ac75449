/**
 * The request flow in real Firefox ESR over WebDriver BiDi: a letter drafted for a site
 * Tracelight recorded (in French, so the .eml carries accents and no-break spaces), copied,
 * saved as an .eml — Firefox's preferences send downloads to a folder without asking — and
 * stored with its due date once marked sent.
 */
import assert from 'node:assert/strict'
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { after, before, describe, it } from 'node:test'
import type { Page } from 'puppeteer-core'
import { launchFirefox, type FirefoxSession } from '../../src/cli/browsers.ts'
import type { RequestRow } from '../../src/db/schema.ts'
import { addMonths, dayOf, endOfDay } from '../../src/requests/dates.ts'
import { letterDate } from '../../src/requests/letters/format.ts'
import { startFixtureServer, type FixtureServer } from '../fixtures/server.ts'
import { poll, readDb } from './lib.ts'
import { READ_REQUESTS, readEml } from './requests-lib.ts'
import { visitFirefox, warmUpFirefox } from './setup.ts'

let server: FixtureServer
let session: FirefoxSession
let ext: Page
let downloads = ''

const text = (page: Page, testid: string) =>
  page.$eval(`[data-testid="${testid}"]`, (e) => e.textContent ?? '')

void before(async () => {
  server = await startFixtureServer()
  downloads = mkdtempSync(join(tmpdir(), 'tracelight-downloads-'))
  session = await launchFirefox({
    prefs: {
      'browser.download.folderList': 2,
      'browser.download.dir': downloads,
      'browser.download.useDownloadDir': true,
      'browser.download.always_ask_before_handling_new_types': false,
      'browser.helperApps.neverAsk.saveToDisk': 'message/rfc822',
    },
  })
  ext = await session.openExtensionPage('src/ui/dashboard/index.html')
  const page = await warmUpFirefox(session, ext, `${server.origin('news.test')}/article/0`, {
    keep: true,
  })
  await visitFirefox(page, `${server.origin('news.test')}/`)
  await poll(
    () => readDb(ext),
    (d) => d.findings.some((f) => f.site === 'news.test' && f.company === 'Facebook'),
    { what: 'the news site’s trackers' },
  )
  await page.close()
})

void after(async () => {
  await session?.close()
  await server?.close()
  if (downloads !== '') rmSync(downloads, { recursive: true, force: true })
})

void describe('Firefox: asking a company for your data', () => {
  void it('drafts a letter for a recorded site, saves it as an .eml and stores it with its due date', async () => {
    const page = await session.openExtensionPage(
      'src/ui/dashboard/index.html#/requests/new?site=news.test',
    )
    await page.setViewport({ width: 1100, height: 900 })
    await page.waitForSelector('[data-testid="new-request"]', { timeout: 10_000 })
    await page.select('[data-testid="law"]', 'gdpr-eu')
    await page.select('[data-testid="letter-language"]', 'fr')
    await page.type('[data-testid="sender-name"]', 'Alex Doe')
    await page.type('[data-testid="recipient-email"]', 'privacy@news.test')
    await page.waitForSelector('[data-testid="letter-subject"]')

    const subject = await text(page, 'letter-subject')
    const body = await text(page, 'letter-body')
    const reference = /Réf\. (TL-\d{8}-[A-Z2-9]{4})$/.exec(subject)?.[1] ?? ''
    assert.match(subject, /^Exercice du droit d'accès \(article 15 du RGPD\) – Réf\. TL-/)
    const due = addMonths(dayOf(Date.now()), 1)
    assert.ok(body.includes(`soit au plus tard le ${letterDate(due, 'fr')}`), body)
    assert.match(body, /^- Google \(google-analytics\.com, googletagmanager\.com\)\u00a0: /m)
    assert.match(body, /Madame, Monsieur,[\s\S]*salutations distinguées\.\nAlex Doe$/)

    // Copy: read back by pasting into a field, as a person would.
    await page.click('[data-testid="send-copy"]')
    await page.waitForSelector('[data-testid="notice"]')
    await page.evaluate(
      "(() => { const t = document.createElement('textarea'); t.id = 'paste-here'; document.body.append(t); t.focus() })()",
    )
    await page.keyboard.down('Control')
    await page.keyboard.press('v')
    await page.keyboard.up('Control')
    const pasted = (await page.evaluate("document.getElementById('paste-here').value")) as string
    await page.evaluate("document.getElementById('paste-here').remove()")
    assert.equal(pasted, `${subject}\n\n${body}`)

    // The .eml lands in the download folder and decodes to the letter.
    await page.click('[data-testid="send-eml"]')
    const file = join(downloads, `${reference}.eml`)
    await poll(
      async () => existsSync(file) && !existsSync(`${file}.part`),
      (done) => done,
      { what: 'the .eml download' },
    )
    assert.deepEqual(readEml(readFileSync(file, 'utf8')), {
      to: 'privacy@news.test',
      subject,
      body,
    })
    await page.screenshot({ path: 'test/screenshots/requests-firefox.png', fullPage: true })

    await page.click('[data-testid="mark-sent"]')
    await page.waitForSelector('[data-testid="sent-done"]')
    const rows = await poll(
      async () => (await page.evaluate(READ_REQUESTS)) as RequestRow[],
      (r) => r.some((x) => x.reference === reference),
      { what: 'the request to be stored' },
    )
    const row = rows.find((x) => x.reference === reference)
    assert.equal(row?.law, 'gdpr-eu')
    assert.equal(row?.kind, 'access')
    assert.equal(row?.recipient, 'privacy@news.test')
    assert.equal(row?.text, body)
    assert.equal(row?.dueDay, due)
    assert.equal(row?.dueAt, endOfDay(due))

    // The Requests view lists it with its due date.
    await page.evaluate(`location.hash = '#/requests'`)
    await page.waitForSelector('[data-testid="request-row"]', { timeout: 10_000 })
    assert.equal(await text(page, 'request-due'), letterDate(due, 'en'))
    await page.close()
  })
})
