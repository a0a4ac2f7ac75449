/**
 * Evidence export in real Chromium: browse the fixture sites with the built extension, export
 * from the dashboard (capturing the real download) everything, a site, a company and a
 * period, masked or as full evidence; verify the files, detect tampering in the CLI and in
 * the dashboard, open the HTML report, and import into a fresh profile. The audit command
 * has its own file (audit-chromium.test.ts).
 */
import assert from 'node:assert/strict'
import { execFile } from 'node:child_process'
import { mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { after, before, describe, it } from 'node:test'
import { strFromU8, unzipSync } from 'fflate'
import type { Page } from 'playwright-core'
import { launchChromium, type ChromiumSession } from '../../src/cli/browsers.ts'
import { openEvidenceFile } from '../../src/evidence/bundle.ts'
import type { EvidenceExport, FindingData } from '../../src/evidence/format.ts'
import { validate } from '../../src/evidence/schema.ts'
import { verifyEvidenceText } from '../../src/evidence/verify.ts'
import { startFixtureServer, type FixtureServer } from '../fixtures/server.ts'
import { NEWS_EXPECTED, poll, readDb, waitForConsentToSettle } from './lib.ts'
import { READ_REQUESTS } from './requests-lib.ts'
import { visitChromium, warmUpChromium } from './setup.ts'

let server: FixtureServer
let session: ChromiumSession
let work: string

const visit = visitChromium

/** Runs a Node-side command of this repository; resolves with its exit code and output. */
function run(args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  return new Promise((resolve) => {
    execFile('npx', ['tsx', ...args], { timeout: 180_000 }, (error, stdout, stderr) => {
      const code = error === null ? 0 : typeof error.code === 'number' ? error.code : -1
      resolve({ code, stdout, stderr })
    })
  })
}

async function dashboard(hash: string): Promise<Page> {
  const page = await session.context.newPage()
  await page.goto(`chrome-extension://${session.extensionId}/src/ui/dashboard/index.html${hash}`)
  return page
}

/** Clicks the export button and returns the saved file's path and suggested name. */
async function exportFrom(page: Page, format: string): Promise<{ path: string; name: string }> {
  await page.getByTestId('export-format').selectOption(format)
  const [download] = await Promise.all([
    page.waitForEvent('download'),
    page.getByTestId('export-button').click(),
  ])
  const path = join(work, download.suggestedFilename())
  await download.saveAs(path)
  return { path, name: download.suggestedFilename() }
}

async function openZip(path: string): Promise<EvidenceExport> {
  const opened = await openEvidenceFile(new Uint8Array(readFileSync(path)))
  assert.ok('text' in opened, JSON.stringify(opened))
  assert.deepEqual(opened.problems, [])
  assert.deepEqual(validate(JSON.parse(opened.text)), [])
  const result = await verifyEvidenceText(opened.text)
  assert.ok(result.ok, JSON.stringify(result))
  return result.evidence
}

/** In an extension page: the files the export worker wrote to disk (name → size). */
const EXPORT_FILES = `(async () => {
  const root = await navigator.storage.getDirectory()
  const dir = await root.getDirectoryHandle('tracelight-exports').catch(() => null)
  const out = {}
  if (dir !== null) for await (const [name, handle] of dir.entries()) out[name] = (await handle.getFile()).size
  return out
})()`

const findings = (e: EvidenceExport): FindingData[] =>
  e.records.flatMap((r) => (r.kind === 'finding' ? [r.data] : []))

void before(async () => {
  work = mkdtempSync(join(tmpdir(), 'tracelight-evidence-e2e-'))
  server = await startFixtureServer()
  session = await launchChromium()
  const page = await warmUpChromium(session, `${server.origin('news.test')}/article/0`, {
    keep: true,
  })
  const ext = await session.extensionPage()
  await visit(page, `${server.origin('news.test')}/`)
  await visit(page, `${server.origin('shop.test')}/`)
  await poll(
    () => readDb(ext),
    (d) =>
      d.findings.some((f) => f.party === 'google-analytics.com') &&
      d.findings.some((f) => f.site === 'shop.test'),
    { what: 'the news and shop findings to be stored' },
  )
  await page.close()
})

void after(async () => {
  await session?.close()
  await server?.close()
  if (work !== undefined) rmSync(work, { recursive: true, force: true })
})

void describe('Chromium: evidence export', () => {
  void it('exports one site from its page as a zip that verifies and matches the database', async () => {
    const page = await dashboard('#/site/news.test')
    await page.getByTestId('site-page').waitFor()
    assert.equal(await page.getByTestId('export-button').textContent(), 'Export this site')
    const { path, name } = await exportFrom(page, 'zip')
    assert.match(name, /^tracelight-evidence-news\.test-\d{4}-\d{2}-\d{2}\.zip$/)
    const status = page.getByTestId('export-status')
    await status.waitFor()
    assert.match(
      (await status.textContent()) ?? '',
      new RegExp(`Saved ${name.replaceAll('.', '\\.')}: 1 site, \\d+ visits, \\d+ findings`),
    )

    const e = await openZip(path)
    // The zip was written to disk by the export worker, not gathered in memory; the CSV it
    // held meanwhile is gone.
    const onDisk = (await page.evaluate(EXPORT_FILES)) as Record<string, number>
    const zips = Object.entries(onDisk).filter(([n]) => n.endsWith('-evidence.zip'))
    assert.deepEqual(
      zips.map(([, size]) => size),
      [statSync(path).size],
      JSON.stringify(onDisk),
    )
    assert.ok(!Object.keys(onDisk).some((n) => n.endsWith('findings.csv')), 'no CSV left')
    assert.equal(e.scope.site, 'news.test')
    assert.equal(e.generator.browser.name, 'Chromium')
    assert.deepEqual(e.recording.modes, ['standard'])
    assert.ok(e.records.every((r) => r.data.site === 'news.test'))
    const dump = await readDb(await session.extensionPage())
    assert.equal(e.counts.findings, dump.findings.filter((f) => f.site === 'news.test').length)
    assert.equal(e.counts.visits, dump.visits.filter((v) => v.site === 'news.test').length)
    const trackers = Object.fromEntries(
      findings(e)
        .filter((f) => f.signal === 'tracker.request')
        .map((f) => [f.party, f.company]),
    )
    assert.deepEqual(trackers, NEWS_EXPECTED.trackers)
    const ga = findings(e).find((f) => f.party === 'google-analytics.com')
    assert.ok(
      ga?.evidence.urls.some((u) => u.includes('cid=[hidden]')),
      'identifiers stay masked',
    )
    assert.equal(await page.getByTestId('export-status-head').textContent(), e.integrity.head)
    await page.close()
  })

  void it('exports everything; the verify command passes it and names a tampered record', async () => {
    const page = await dashboard('#/')
    await page.getByTestId('overview').waitFor()
    assert.equal(await page.getByTestId('export-button').textContent(), 'Export everything')
    const { path } = await exportFrom(page, 'zip')
    const e = await openZip(path)
    const sites = e.records.filter((r) => r.kind === 'site').map((r) => r.data.site)
    assert.ok(sites.includes('news.test') && sites.includes('shop.test'), sites.join(', '))

    const ok = await run(['src/cli/verify.ts', path])
    assert.equal(ok.code, 0, ok.stderr)
    assert.match(
      ok.stdout,
      new RegExp(`: OK\\n.*\\n  all sites; values masked\\n  chain head ${e.integrity.head}`),
    )

    const tampered = structuredClone(e)
    const index = tampered.records.findIndex(
      (r) => r.kind === 'finding' && r.data.party === 'facebook.net',
    )
    const record = tampered.records[index]
    assert.ok(record?.kind === 'finding')
    record.data.count += 1
    const bad = join(work, 'tampered.json')
    writeFileSync(bad, JSON.stringify(tampered))
    const failed = await run(['src/cli/verify.ts', bad])
    assert.equal(failed.code, 1)
    assert.match(
      failed.stderr,
      new RegExp(
        `Record ${index + 1} \\(finding tracker\\.request → facebook\\.net on visit \\d+\\) was changed after export`,
      ),
    )

    // The dashboard's check says the same, and an intact file passes there too.
    await page.getByTestId('evidence-file').setInputFiles(bad)
    const status = page.getByTestId('evidence-check-status')
    await poll(
      () => status.getAttribute('data-state'),
      (s) => s === 'failed',
      { what: 'the check to fail' },
    )
    assert.match(
      (await page.getByTestId('evidence-check-status-problems').textContent()) ?? '',
      // In the page's words, naming the record as the command line does.
      new RegExp(
        `Record ${index + 1} \\(finding tracker\\.request → facebook\\.net on visit \\d+\\) was changed after export`,
      ),
    )
    await page.getByTestId('evidence-file').setInputFiles(path)
    await poll(
      () => status.getAttribute('data-state'),
      (s) => s === 'done',
      { what: 'the check to pass' },
    )
    assert.equal(
      await page.getByTestId('evidence-check-status-head').textContent(),
      e.integrity.head,
    )
    await page.close()
  })

  void it('writes an HTML report that reads offline, runs no script, and prints', async () => {
    const page = await dashboard('#/')
    await page.getByTestId('overview').waitFor()
    const { path } = await exportFrom(page, 'zip')
    await page.close()
    const files = unzipSync(new Uint8Array(readFileSync(path)))
    const html = join(work, 'report.html')
    writeFileSync(html, files['report.html']!)
    const report = await session.context.newPage()
    await report.goto(`file://${html}`)
    const summary = await report
      .getByTestId('report-summary')
      .locator('tbody tr')
      .evaluateAll((rows) => rows.map((r) => (r as HTMLElement).innerText.split('\t').slice(0, 3)))
    const news = summary.find((r) => r[0] === 'news.test')
    assert.equal(news?.[2], 'Facebook, Google')
    assert.equal(await report.locator('script').count(), 0)
    const head = JSON.parse(strFromU8(files['evidence.json']!)) as EvidenceExport
    assert.equal(await report.getByTestId('report-head').textContent(), head.integrity.head)
    await report.screenshot({
      path: 'test/screenshots/evidence-report-chromium.png',
      fullPage: true,
    })
    const pdf = await report.pdf().catch(() => null)
    if (pdf !== null) assert.ok(pdf.length > 1000, 'the report prints')
    await report.close()
  })
})

/** Today as a date input writes it (local time). */
const today = () => {
  const d = new Date()
  const pad = (n: number) => String(n).padStart(2, '0')
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}`
}

void describe('Chromium: what an export covers, and what it reveals', () => {
  void it('exports one company for a period from the company page', async () => {
    const page = await dashboard('#/company/Google')
    await page.getByTestId('company-page').waitFor()
    assert.equal(await page.getByTestId('export-button').textContent(), 'Export this company')
    await page.locator('[data-testid="export-options"] > summary').click()
    await page.getByTestId('export-from').fill(today())
    await page.getByTestId('export-to').fill(today())
    const { path, name } = await exportFrom(page, 'json')
    assert.match(
      name,
      /^tracelight-evidence-company-Google-(\d{4}-\d{2}-\d{2})-to-\1-\d{4}-\d{2}-\d{2}\.json$/,
    )
    const text = readFileSync(path, 'utf8')
    assert.deepEqual(validate(JSON.parse(text)), [])
    const verified = await verifyEvidenceText(text)
    assert.ok(verified.ok, JSON.stringify(verified))
    const e = verified.evidence
    assert.equal(e.scope.company, 'Google')
    assert.equal(e.scope.site, null)
    const start = new Date(`${today()}T00:00:00`).getTime()
    assert.equal(e.scope.from, new Date(start).toISOString())
    assert.ok(e.scope.to !== null && Date.parse(e.scope.to) > start)
    const dump = await readDb(await session.extensionPage())
    const google = dump.findings.filter((f) => f.company === 'Google')
    assert.equal(e.counts.findings, google.length)
    assert.ok(findings(e).every((f) => f.company === 'Google'))
    const visitIds = new Set(google.map((f) => f.visitId))
    assert.deepEqual(
      e.records.flatMap((r) => (r.kind === 'visit' ? [r.data.id] : [])).sort(),
      [...visitIds].sort(),
    )

    // A period with no visits gives an empty, still verifiable, file.
    await page.getByTestId('export-from').fill('2001-01-01')
    await page.getByTestId('export-to').fill('2001-01-31')
    const empty = await exportFrom(page, 'json')
    const none = await verifyEvidenceText(readFileSync(empty.path, 'utf8'))
    assert.ok(none.ok)
    assert.deepEqual(none.evidence.counts, {
      sites: 0,
      visits: 0,
      findings: 0,
      consent: 0,
      requests: 0,
    })
    // A period that ends before it starts is refused in words.
    await page.getByTestId('export-from').fill('2001-02-01')
    await page.getByTestId('export-button').click()
    await page.locator('[data-testid="export-status"][data-state="failed"]').waitFor()
    assert.equal(
      await page.getByTestId('export-status').textContent(),
      'The period ends before it starts.',
    )
    await page.close()
  })

  void it('masks what evidence mode recorded unless full evidence is chosen, and says so', async () => {
    // The setting is a controlled checkbox: it shows the new state once the background saved it.
    const settings = await dashboard('#/settings')
    await settings.getByTestId('settings-page').waitFor()
    await settings.getByTestId('evidence-mode').click()
    await poll(
      () => settings.getByTestId('evidence-mode').isChecked(),
      (on) => on,
      { what: 'evidence mode to be saved' },
    )
    await settings.close()
    const secret = 'Zq81Lm27Xp64Rt93'
    const browse = await session.context.newPage()
    const url = `${server.origin('news.test')}/article/7?session=${secret}`
    await visit(browse, url)
    const ext = await session.extensionPage()
    await poll(
      () => readDb(ext),
      (d) => d.visits.some((v) => v.url === url),
      { what: 'the evidence-mode visit to be stored with its full address' },
    )
    await browse.close()

    const page = await dashboard('#/site/news.test')
    await page.getByTestId('site-page').waitFor()
    const masked = await exportFrom(page, 'json')
    const m = await verifyEvidenceText(readFileSync(masked.path, 'utf8'))
    assert.ok(m.ok)
    assert.equal(m.evidence.redaction, 'masked')
    assert.equal(m.evidence.recording.evidenceMode, true)
    assert.deepEqual(m.evidence.recording.modes, ['standard'])
    assert.ok(!readFileSync(masked.path, 'utf8').includes(secret), 'the identifier is masked')
    assert.equal(
      await page.getByTestId('export-redaction').getAttribute('data-redaction'),
      'masked',
    )

    await page.locator('[data-testid="export-options"] > summary').click()
    await page.getByTestId('export-full').check()
    assert.match(
      (await page.getByTestId('export-full-hint').textContent()) ?? '',
      /can identify you and the accounts you use/,
    )
    // The page's data section, with the export's options and the warning.
    await page
      .locator('section.data-zone')
      .screenshot({ path: 'test/screenshots/evidence-export-full-chromium.png' })
    const full = await exportFrom(page, 'zip')
    const f = await openZip(full.path)
    assert.equal(f.redaction, 'none')
    assert.deepEqual(f.recording.modes, ['evidence', 'standard'])
    assert.ok(
      f.records.some((r) => r.kind === 'visit' && r.data.url === url),
      'the full address is in',
    )
    assert.match(
      (await page.getByTestId('export-redaction').textContent()) ?? '',
      /full evidence: complete addresses and values/,
    )
    const report = strFromU8(unzipSync(new Uint8Array(readFileSync(full.path)))['report.html']!)
    assert.match(report, /<strong>Full evidence\.<\/strong>/)
    await page.close()

    const back = await dashboard('#/settings')
    await back.getByTestId('settings-page').waitFor()
    await poll(
      () => back.getByTestId('evidence-mode').isChecked(),
      (on) => on,
      { what: 'the settings to show evidence mode on' },
    )
    await back.getByTestId('evidence-mode').click()
    await poll(
      () => back.getByTestId('evidence-mode').isChecked(),
      (on) => !on,
      { what: 'evidence mode to be turned off again' },
    )
    await back.close()
  })

  void it('carries the consent timeline and the requests made; letters only with full evidence', async () => {
    // A banner refused on banner.test…
    const browse = await session.context.newPage()
    await visit(browse, `${server.origin('banner.test')}/`)
    await browse.locator('#onetrust-banner-sdk').waitFor()
    await browse.waitForTimeout(500)
    await browse.click('#onetrust-reject-all-handler')
    const ext = await session.extensionPage()
    const dump = await poll(
      () => readDb(ext),
      (d) => d.consent.some((c) => c.site === 'banner.test' && c.adsAllowed === false),
      { what: 'the refusal to be stored in the consent timeline' },
    )
    await browse.close()
    await waitForConsentToSettle(ext)

    // …and an access request to news.test, made and marked as sent in the Requests page.
    const form = await dashboard('#/requests/new?site=news.test')
    await form.getByTestId('new-request').waitFor()
    await form.getByTestId('law').selectOption('gdpr-eu')
    await form.getByTestId('kind-access').check()
    await form.getByTestId('sender-name').fill('Ada Example')
    await form.getByTestId('sender-email').fill('ada@example.org')
    await form.getByTestId('recipient-email').fill('privacy@news.test')
    await form.getByTestId('mark-sent').click()
    await form.getByTestId('sent-done').waitFor()
    const stored = await poll(
      async () => (await form.evaluate(READ_REQUESTS)) as { reference: string; text: string }[],
      (r) => r.length === 1,
      { what: 'the request to be stored' },
    )
    await form.close()

    const page = await dashboard('#/')
    await page.getByTestId('overview').waitFor()
    const masked = await openZip((await exportFrom(page, 'zip')).path)
    const consent = masked.records.flatMap((r) => (r.kind === 'consent' ? [r.data] : []))
    const inDb = (await readDb(ext)).consent
    assert.equal(masked.counts.consent, inDb.length)
    assert.deepEqual(
      consent.map((c) => [c.visitId, c.framework, c.event, Date.parse(c.at)]),
      [...inDb]
        .sort((a, b) => a.visitId - b.visitId || (a.id ?? 0) - (b.id ?? 0))
        .map((c) => [c.visitId, c.framework, c.event, c.at]),
    )
    assert.ok(
      consent.some((c) => c.site === 'banner.test' && c.adsAllowed === false),
      JSON.stringify(consent.filter((c) => c.site === 'banner.test')),
    )
    assert.ok(dump.consent.length <= inDb.length)
    const requests = masked.records.flatMap((r) => (r.kind === 'request' ? [r.data] : []))
    assert.equal(requests.length, 1)
    assert.equal(requests[0]?.reference, stored[0]?.reference)
    assert.equal(requests[0]?.status, 'sent')
    assert.equal(requests[0]?.text, undefined)
    const zipText = JSON.stringify(masked)
    assert.ok(!zipText.includes('ada@example.org'), 'the letter stays out of a masked export')

    await page.locator('[data-testid="export-options"] > summary').click()
    await page.getByTestId('export-full').check()
    const full = await verifyEvidenceText(
      readFileSync((await exportFrom(page, 'json')).path, 'utf8'),
    )
    assert.ok(full.ok)
    const letter = full.evidence.records.find((r) => r.kind === 'request')
    assert.ok(letter?.kind === 'request')
    assert.equal(letter.data.text, stored[0]?.text)
    assert.match(letter.data.text ?? '', /Ada Example/)
    await page.getByTestId('export-full').uncheck()

    // The report names the refusal in words.
    const report = await exportFrom(page, 'html')
    const view = await session.context.newPage()
    await view.goto(`file://${report.path}`)
    const timeline = await view.getByTestId('report-consent').allTextContents()
    assert.ok(
      timeline.some((t) => t.includes('no to personalised ads')),
      timeline.join('\n'),
    )
    assert.match(
      (await view.getByTestId('report-requests').textContent()) ?? '',
      new RegExp(`${stored[0]?.reference}`),
    )
    await view.close()
    await page.close()
  })
})

void describe('Chromium: evidence import', () => {
  void it('imports an export into a fresh profile: same records, no duplicates, tampered files refused', async () => {
    const page = await dashboard('#/')
    await page.getByTestId('overview').waitFor()
    const { path } = await exportFrom(page, 'zip')
    await page.close()
    const original = await openZip(path)
    // Requests are not moved by a masked file (it leaves their letters out).
    const kept = (e: EvidenceExport) =>
      e.records
        .filter((r) => r.kind !== 'site' && r.kind !== 'request')
        .map((r) => r.digest)
        .sort()

    const fresh = await launchChromium()
    try {
      const ext = await fresh.extensionPage()
      assert.equal((await readDb(ext)).visits.length, 0)
      const board = await fresh.context.newPage()
      await board.goto(`chrome-extension://${fresh.extensionId}/src/ui/dashboard/index.html#/`)
      await board.getByTestId('overview').waitFor()
      const status = board.getByTestId('evidence-import-status')
      const importFile = async (file: string) => {
        await board.getByTestId('evidence-file').setInputFiles(file)
        await board.getByTestId('evidence-import').click()
        await poll(
          () => status.getAttribute('data-state'),
          (s) => s === 'done' || s === 'failed',
          {
            what: 'the import to finish',
          },
        )
        return (await status.textContent()) ?? ''
      }

      const added = await importFile(path)
      assert.match(
        added,
        new RegExp(
          `^Added ${original.counts.visits} visits and ${original.counts.findings} findings from `,
        ),
      )
      assert.match(added, /1 request was not added: this file leaves its letter out\./)
      const dump = await readDb(ext)
      assert.equal(dump.visits.length, original.counts.visits)
      assert.equal(dump.findings.length, original.counts.findings)
      assert.equal(dump.consent.length, original.counts.consent)

      // Exported again from the new browser, every visit and finding is byte-for-byte the same.
      await board.reload()
      await board.getByTestId('overview').waitFor()
      assert.deepEqual(
        (
          await Promise.all(
            (await board.getByTestId('ranked-site').all()).map((row) =>
              row.getAttribute('data-site'),
            ),
          )
        ).sort(),
        original.records
          .filter((r) => r.kind === 'site')
          .map((r) => r.data.site)
          .sort(),
      )
      const again = await exportFrom(board, 'json')
      const reexported = await verifyEvidenceText(readFileSync(again.path, 'utf8'))
      assert.ok(reexported.ok)
      assert.deepEqual(kept(reexported.evidence), kept(original))

      assert.match(
        await importFile(path),
        new RegExp(
          `^Added 0 visits and 0 findings .* ${original.counts.visits} visits were already here`,
        ),
      )
      assert.equal((await readDb(ext)).findings.length, original.counts.findings)

      const tampered = structuredClone(original)
      const visit = tampered.records.find((r) => r.kind === 'visit')
      assert.ok(visit?.kind === 'visit')
      visit.data.url = 'https://news.test/forged'
      const bad = join(work, 'forged.json')
      writeFileSync(bad, JSON.stringify(tampered))
      await board.getByTestId('evidence-file').setInputFiles(bad)
      await poll(
        () => board.getByTestId('evidence-check-status').getAttribute('data-state'),
        (s) => s === 'failed',
        { what: 'the forged file to be refused' },
      )
      assert.equal(await board.getByTestId('evidence-import').count(), 0, 'no import offered')
      assert.equal((await readDb(ext)).visits.length, original.counts.visits)
    } finally {
      await fresh.close()
    }
  })
})
