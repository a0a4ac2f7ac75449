/**
 * Requests in real Chromium with the built extension: from a site visited with trackers to a
 * GDPR access letter naming them, marked sent, stored with the law's due date, followed through
 * its status history, and — with the page's clock moved past the deadline — a reminder draft.
 * On the way, with Tracelight set to German, the same letter in German, saved as an .eml.
 */
import assert from 'node:assert/strict'
import { readFile } from 'node:fs/promises'
import { after, before, describe, it } from 'node:test'
import type { Page } from 'playwright-core'
import { launchChromium, type ChromiumSession } from '../../src/cli/browsers.ts'
import type { RequestRow } from '../../src/db/schema.ts'
import { addMonths, dayOf, endOfDay, longDate } from '../../src/requests/dates.ts'
import { letterDate } from '../../src/requests/letters/format.ts'
import { mailtoUrl } from '../../src/requests/send.ts'
import { startFixtureServer, type FixtureServer } from '../fixtures/server.ts'
import { extCall, poll, readDb, tabIdOf, visitOf, findingsOf } from './lib.ts'
import { READ_REQUESTS, readEml } from './requests-lib.ts'
import { openPopup, visitChromium } from './setup.ts'

let server: FixtureServer
let session: ChromiumSession

const readRequests = async (page: Page) => (await page.evaluate(READ_REQUESTS)) as RequestRow[]

const visit = visitChromium

void before(async () => {
  server = await startFixtureServer()
  session = await launchChromium()
  // Warm-up (TOOLCHAIN.md): repeat the visit until the extension has recorded its trackers.
  const page = await session.context.newPage()
  const ext = await session.extensionPage()
  const front = `${server.origin('news.test')}/`
  await poll(
    async () => {
      await visit(page, front)
      return readDb(ext)
    },
    (d) => {
      const v = visitOf(d, front)
      return v !== undefined && findingsOf(d, v.id).some((f) => f.company === 'Facebook')
    },
    { timeout: 30_000, interval: 500, what: 'the news.test trackers to be recorded' },
  )
  await page.close()
})

void after(async () => {
  await session?.close()
  await server?.close()
})

void describe('Chromium: asking a company for your data', () => {
  let requestId = 0
  let reference = ''

  void it('writes a GDPR access letter naming the companies seen, and stores it when sent', async () => {
    const base = `chrome-extension://${session.extensionId}/src/ui/dashboard/index.html`
    const page = await session.context.newPage()
    await page.setViewportSize({ width: 1100, height: 900 })
    // The site page offers it…
    await page.goto(`${base}#/site/news.test`)
    assert.equal(
      await page.getByTestId('ask-link').getAttribute('href'),
      '#/requests/new?site=news.test',
    )
    // …and so does the popup, where the flow starts here.
    const front = `${server.origin('news.test')}/`
    const tab = await session.context.newPage()
    await visit(tab, front)
    const tabId = await tabIdOf(await session.extensionPage(), front)
    const popup = await openPopup(session, tabId, null)
    const ask = popup.getByTestId('popup-ask')
    assert.equal(await ask.textContent(), 'Ask this site what it holds about you')
    const href = (await ask.getAttribute('href')) ?? ''
    await popup.close()
    await tab.close()
    await page.goto(href)
    await page.getByTestId('new-request').waitFor()
    assert.match(page.url(), /#\/requests\/new\?site=news\.test$/)

    await page.getByTestId('law').selectOption('gdpr-eu')
    assert.match((await page.getByTestId('law-explain').textContent()) ?? '', /one month/)
    await page.getByTestId('kind-access').check()
    // Without a name the letter is not offered: it would be unsigned.
    assert.match((await page.getByTestId('letter-missing').textContent()) ?? '', /Add your name/)
    await page.getByTestId('sender-name').fill('Alex Doe')
    await page.getByTestId('sender-email').fill('alex@example.org')
    // Looking on the site finds the policy page and ranks its data protection addresses first.
    await page.getByTestId('discover').click()
    await page.getByTestId('discovered').waitFor({ timeout: 20_000 })
    const found = await page.getByTestId('candidate').allTextContents()
    assert.deepEqual(found, ['dpo@news.test', 'datenschutz@news.test', 'press@news.test'])
    await page.getByTestId('candidate').first().click()
    assert.equal(await page.getByTestId('recipient-email').inputValue(), 'dpo@news.test')
    await page.getByTestId('recipient-email').fill('privacy@news.test')

    const subject = (await page.getByTestId('letter-subject').textContent()) ?? ''
    const body = (await page.getByTestId('letter-body').textContent()) ?? ''
    reference = /ref\. (TL-\d{8}-[A-Z2-9]{4})$/.exec(subject)?.[1] ?? ''
    assert.ok(reference !== '', subject)
    assert.match(subject, /^Data subject access request under GDPR — ref\. /)
    assert.match(
      body,
      /Under Article 15\(1\)\(a\)-\(h\), 15\(2\) and 15\(3\) of the General Data Protection Regulation/,
    )
    assert.match(body, /^- Google \(google-analytics\.com, googletagmanager\.com\): \d+ requests?/m)
    assert.match(
      body,
      /^- Facebook \(facebook\.(com|net)(, facebook\.(com|net))?\): \d+ requests?/m,
    )
    assert.match(body, /Meta Pixel of Facebook/)
    const today = dayOf(Date.now())
    const due = addMonths(today, 1)
    assert.ok(body.includes(`that is by ${longDate(due)} (Article 12(3))`), body)
    assert.ok(body.includes('Alex Doe\nalex@example.org'))
    assert.ok(!/\{\{|\}\}|undefined/.test(body))
    assert.match(
      (await page.getByTestId('not-legal-advice').textContent()) ?? '',
      /not legal advice/,
    )

    // Unticking the companies takes them out of the letter.
    await page.getByTestId('include-companies').uncheck()
    assert.ok(!((await page.getByTestId('letter-body').textContent()) ?? '').includes('- Google ('))
    await page.getByTestId('include-companies').check()

    // "Copy" puts subject and letter on the clipboard. The browser allows that only to the
    // page in front, as a person's click on it would be (the popup's tab was opened since).
    await page.bringToFront()
    await page.getByTestId('send-copy').click()
    await page.getByText('Copied. Paste it into an email or the company’s form.').waitFor()
    // Read it back the way a person does: paste into a text field (test-only, in the page).
    await page.evaluate(
      "(() => { const t = document.createElement('textarea'); t.id = 'paste-here'; document.body.append(t); t.focus() })()",
    )
    await page.keyboard.press('ControlOrMeta+V')
    const clip = await page.locator('#paste-here').inputValue()
    await page.evaluate("document.getElementById('paste-here').remove()")
    assert.equal(clip, `${subject}\n\n${body}`)

    // The mail link carries the encoded letter (too long ones fall back to copy).
    const expectMailto = mailtoUrl('privacy@news.test', subject, body)
    assert.equal(
      await page.getByTestId('send-mailto').textContent(),
      expectMailto === null ? 'Copy and open your mail app' : 'Open in your mail app',
    )

    await page.screenshot({ path: 'test/screenshots/requests-chromium.png', fullPage: true })

    await page.getByTestId('mark-sent').click()
    await page.getByTestId('sent-done').waitFor()
    const rows = await poll(
      () => readRequests(page),
      (r) => r.length === 1,
      {
        what: 'the request to be stored',
      },
    )
    const row = rows[0]
    assert.ok(row?.id !== undefined)
    requestId = row.id
    assert.equal(row.site, 'news.test')
    assert.equal(row.company, 'news.test')
    assert.equal(row.law, 'gdpr-eu')
    assert.equal(row.kind, 'access')
    assert.equal(row.reference, reference)
    assert.equal(row.recipient, 'privacy@news.test')
    assert.equal(row.channel, 'mailto')
    assert.equal(row.subject, subject)
    assert.equal(row.text, body)
    assert.equal(row.dueDay, due)
    assert.equal(row.dueAt, endOfDay(due))
    assert.equal(row.status, 'sent')
    assert.deepEqual(
      row.history.map((e) => e.status),
      ['sent'],
    )
    assert.match(
      (await page.getByTestId('sent-done').textContent()) ?? '',
      new RegExp(longDate(due)),
    )
    await page.close()
  })

  void it('lists the request and records what happens to it', async () => {
    const base = `chrome-extension://${session.extensionId}/src/ui/dashboard/index.html`
    const page = await session.context.newPage()
    await page.goto(`${base}#/requests`)
    await page.getByTestId('requests-table').waitFor()
    assert.equal(await page.getByTestId('request-row').count(), 1)
    assert.equal(
      await page.getByTestId('request-status').textContent(),
      'Sent, waiting for an answer',
    )

    await page.getByRole('link', { name: 'news.test' }).click()
    await page.getByTestId('request-view').waitFor()
    await page.getByTestId('status-note').fill('Auto-reply with a ticket number')
    await page.getByTestId('status-acknowledged').click()
    await page.getByText('They confirmed receipt', { exact: false }).first().waitFor()
    await poll(
      () => readRequests(page),
      (r) => r[0]?.status === 'acknowledged',
      { what: 'the acknowledged status' },
    )
    await page.getByTestId('status-extended').click()
    const rows = await poll(
      () => readRequests(page),
      (r) => r[0]?.status === 'extended',
      {
        what: 'the extension',
      },
    )
    const row = rows[0]
    assert.deepEqual(
      row?.history.map((e) => [e.status, e.note]),
      [
        ['sent', undefined],
        ['acknowledged', 'Auto-reply with a ticket number'],
        ['extended', undefined],
      ],
    )
    const sent = dayOf(row?.sentAt ?? 0)
    assert.equal(row?.dueDay, addMonths(sent, 3), 'GDPR: one month plus two more')
    assert.equal(row?.extension, true)
    await page.getByTestId('history').locator('li').nth(2).waitFor()
    assert.equal(await page.getByTestId('view-due').textContent(), longDate(addMonths(sent, 3)))
    assert.equal(await page.getByTestId('status-extended').count(), 0, 'only one extension')
    await page.close()
  })

  void it('writes the letter in German when Tracelight speaks German, and saves it as an .eml', async () => {
    const base = `chrome-extension://${session.extensionId}/src/ui/dashboard/index.html`
    const page = await session.context.newPage()
    await page.setViewportSize({ width: 1100, height: 900 })
    await page.goto(`${base}#/settings`)
    await page.getByTestId('language').selectOption('de')
    await poll(
      () => page.getByTestId('settings-status').textContent(),
      (t) => t === 'Gespeichert.' || t === 'Saved.',
      { what: 'the language setting to be saved' },
    )
    await page.goto(`${base}#/requests/new?site=news.test`)
    await page.getByTestId('new-request').waitFor()
    // The page speaks German; under the GDPR the letter is suggested in German too.
    assert.equal(await page.locator('h1').textContent(), 'news.test nach deinen Daten fragen')
    await page.getByTestId('law').selectOption('gdpr-eu')
    await page.getByTestId('kind-access').check()
    assert.equal(await page.getByTestId('letter-language').inputValue(), 'de')
    assert.deepEqual(
      await page
        .getByTestId('letter-language')
        .locator('option')
        .evaluateAll((os) => os.map((o) => (o as HTMLOptionElement).value)),
      ['en', 'de', 'fr', 'es'],
    )
    assert.match(
      (await page.getByTestId('not-legal-advice').textContent()) ?? '',
      /keine Rechtsberatung/,
    )
    await page.getByTestId('sender-name').fill('Alex Doe')
    await page.getByTestId('recipient-email').fill('datenschutz@news.test')

    const subject = (await page.getByTestId('letter-subject').textContent()) ?? ''
    const body = (await page.getByTestId('letter-body').textContent()) ?? ''
    const reference = /Referenz (TL-\d{8}-[A-Z2-9]{4})$/.exec(subject)?.[1] ?? ''
    assert.match(subject, /^Antrag auf Auskunft nach Art\. 15 DSGVO – Referenz TL-/)
    assert.ok(body.startsWith('Sehr geehrte Damen und Herren,\n\nich wende mich an Sie'), body)
    assert.match(
      body,
      /Gestützt auf Art\. 15 Abs\. 1 lit\. a bis h, Abs\. 2 und 3 der Verordnung \(EU\) 2016\/679 \(Datenschutz-Grundverordnung, DSGVO\)/,
    )
    const due = addMonths(dayOf(Date.now()), 1)
    assert.ok(body.includes(`also bis zum ${letterDate(due, 'de')} (Art. 12 Abs. 3 DSGVO)`), body)
    assert.match(body, /Bitte bestätigen Sie mir den Eingang dieses Schreibens\./)
    assert.match(body, /^Was mein Browser (am|zwischen dem) .* auf news\.test aufgezeichnet hat/m)
    assert.match(
      body,
      /^- Google \(google-analytics\.com, googletagmanager\.com\): \d+ Anfragen?, /m,
    )
    assert.match(body, /Meta Pixel von Facebook/)
    assert.ok(body.endsWith('Mit freundlichen Grüßen\nAlex Doe'), body)
    assert.match(
      (await page.getByTestId('due').textContent()) ?? '',
      new RegExp(`bis zum ${letterDate(due, 'de')}`),
    )

    // The .eml a mail program opens carries the German letter intact.
    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page.getByTestId('send-eml').click(),
    ])
    assert.equal(download.suggestedFilename(), `${reference}.eml`)
    const eml = readEml(await readFile((await download.path()) ?? '', 'utf8'))
    assert.deepEqual(eml, { to: 'datenschutz@news.test', subject, body })
    assert.match((await page.getByTestId('notice').textContent()) ?? '', /E-Mail-Entwurf/)
    await page.screenshot({ path: 'test/screenshots/requests-chromium-de.png', fullPage: true })

    await page.getByTestId('mark-sent').click()
    await page.getByTestId('sent-done').waitFor()
    const rows = await poll(
      () => readRequests(page),
      (r) => r.some((x) => x.reference === reference),
      { what: 'the German request to be stored' },
    )
    const row = rows.find((x) => x.reference === reference)
    assert.equal(row?.subject, subject)
    assert.equal(row?.text, body)
    assert.equal(row?.dueDay, due)
    assert.match(
      (await page.getByTestId('sent-done').textContent()) ?? '',
      new RegExp(`Antwort fällig bis zum ${letterDate(due, 'de')}`),
    )
    // Back to the browser's language for the tests that follow.
    await page.goto(`${base}#/settings`)
    await page.getByTestId('language').selectOption('')
    await poll(
      () => page.getByTestId('settings-status').textContent(),
      (t) => t === 'Saved.',
      { what: 'the language setting to be reset' },
    )
    await page.close()
  })

  void it('keeps a deadline alarm so late answers are noticed while Tracelight is closed', async () => {
    const ext = await session.extensionPage()
    const alarm = await poll(
      () =>
        extCall<{ periodInMinutes?: number } | undefined>(
          ext,
          "ext.alarms.get('requests.deadlines')",
        ),
      (a) => a !== undefined && a !== null,
      { what: 'the deadline alarm' },
    )
    assert.equal(alarm?.periodInMinutes, 360)
  })

  void it('past the deadline, shows it late and drafts the reminder', async () => {
    const base = `chrome-extension://${session.extensionId}/src/ui/dashboard/index.html`
    const page = await session.context.newPage()
    // The page's clock only: four months on, the extended deadline has passed.
    await page.clock.install({ time: Date.now() + 125 * 86_400_000 })
    await page.goto(`${base}#/requests/${requestId}`)
    await page.getByTestId('late-box').waitFor()
    assert.equal(await page.getByTestId('view-status').textContent(), 'Late: no answer in time')
    await page.getByTestId('draft-reminder').click()
    await page.getByTestId('new-request').waitFor()
    assert.ok(await page.getByTestId('kind-reminder').isChecked())
    await page.getByTestId('sender-name').fill('Alex Doe')
    const body = (await page.getByTestId('letter-body').textContent()) ?? ''
    assert.ok(body.includes(`reference ${reference}`), body)
    assert.match(body, /I have not received a complete answer/)
    assert.match(
      body,
      /lodge a complaint with the data protection supervisory authority \(Article 77\)/,
    )
    assert.match(
      (await page.getByTestId('letter-subject').textContent()) ?? '',
      /^Reminder: unanswered request under GDPR/,
    )
    await page.close()
  })
})
