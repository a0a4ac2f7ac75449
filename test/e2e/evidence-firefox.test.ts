/**
 * Evidence export in real Firefox ESR: browse a fixture site with the built extension, export
 * from the dashboard (the export runs in a worker, as in Chromium), let Firefox save the
 * download into a folder of ours, and verify the files with the same code as
 * `npm run verify`.
 */
import assert from 'node:assert/strict'
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { after, before, describe, it } from 'node:test'
import type { Page } from 'puppeteer-core'
import { launchFirefox, type FirefoxSession } from '../../src/cli/browsers.ts'
import { openEvidenceFile } from '../../src/evidence/bundle.ts'
import type { EvidenceExport } from '../../src/evidence/format.ts'
import { validate } from '../../src/evidence/schema.ts'
import { verifyEvidenceText } from '../../src/evidence/verify.ts'
import { startFixtureServer, type FixtureServer } from '../fixtures/server.ts'
import { NEWS_EXPECTED, poll, readDb, waitForConsentToSettle } from './lib.ts'
import { visitFirefox, warmUpFirefox } from './setup.ts'

let server: FixtureServer
let session: FirefoxSession
let ext: Page
let downloads: string

void before(async () => {
  downloads = mkdtempSync(join(tmpdir(), 'tracelight-evidence-firefox-'))
  server = await startFixtureServer()
  session = await launchFirefox({
    prefs: {
      // Downloads go straight into our folder, without asking.
      'browser.download.folderList': 2,
      'browser.download.dir': downloads,
      'browser.download.useDownloadDir': true,
      'browser.download.always_ask_before_handling_new_types': false,
      'browser.download.start_downloads_in_tmp_dir': false,
      'browser.helperApps.neverAsk.saveToDisk':
        'application/json,application/zip,text/csv,text/html',
    },
  })
  ext = await session.openExtensionPage('src/ui/dashboard/index.html#/settings')
  const page = await warmUpFirefox(session, ext, `${server.origin('news.test')}/article/0`, {
    keep: true,
  })
  await visitFirefox(page, `${server.origin('news.test')}/`)
  await poll(
    () => readDb(ext),
    (d) =>
      d.findings.filter((f) => f.site === 'news.test' && f.signal === 'tracker.request').length >=
      8,
    { what: 'both news visits’ trackers' },
  )
  // A cookie banner refused: the visit's consent timeline goes into the export.
  await visitFirefox(page, `${server.origin('banner.test')}/`)
  await page.waitForSelector('#onetrust-reject-all-handler')
  await new Promise((r) => setTimeout(r, 500))
  await page.click('#onetrust-reject-all-handler')
  await poll(
    () => readDb(ext),
    (d) => d.consent.some((c) => c.site === 'banner.test' && c.adsAllowed === false),
    { what: 'the refusal in the consent timeline' },
  )
  await page.close()
  await waitForConsentToSettle(ext)
})

void after(async () => {
  await session?.close()
  await server?.close()
  if (downloads !== undefined) rmSync(downloads, { recursive: true, force: true })
})

const text = (testid: string) =>
  ext.$eval(`[data-testid="${testid}"]`, (e) => e.textContent ?? '').catch(() => null)

/** Chooses a format, clicks the export button, and waits for the finished download. */
async function exportFrom(format: string): Promise<string> {
  const before = new Set(readdirSync(downloads))
  await ext.select('[data-testid="export-format"]', format)
  await ext.click('[data-testid="export-button"]')
  const name = await poll(
    async () =>
      readdirSync(downloads).find(
        (f) =>
          !before.has(f) && f.endsWith(`.${format}`) && !existsSync(join(downloads, `${f}.part`)),
      ),
    (f) => f !== undefined,
    { what: `the ${format} download`, timeout: 30_000 },
  )
  const status = await poll(
    () => text('export-status'),
    (t) => (t ?? '').startsWith('Saved '),
    { what: 'the export status' },
  )
  assert.match(status ?? '', new RegExp(`^Saved ${name!.replaceAll('.', '\\.')}: `))
  return join(downloads, name!)
}

async function verified(bytes: Uint8Array): Promise<EvidenceExport> {
  const opened = await openEvidenceFile(bytes)
  assert.ok('text' in opened, JSON.stringify(opened))
  assert.deepEqual(opened.problems, [])
  assert.deepEqual(validate(JSON.parse(opened.text)), [])
  const result = await verifyEvidenceText(opened.text)
  assert.ok(result.ok, JSON.stringify(result))
  return result.evidence
}

void describe('Firefox: evidence export', () => {
  void it('exports everything as JSON that verifies and matches the database', async () => {
    await ext.evaluate(`location.hash = '#/'; location.reload()`)
    await ext.waitForSelector('[data-testid="ranked-site"]', { timeout: 10_000 })
    assert.equal(await text('export-button'), 'Export everything')
    const path = await exportFrom('json')
    assert.match(path, /tracelight-evidence-all-\d{4}-\d{2}-\d{2}\.json$/)
    const e = await verified(new Uint8Array(readFileSync(path)))
    assert.equal(e.generator.browser.name, 'Firefox')
    assert.equal(e.version, 3)
    assert.equal(e.redaction, 'masked')
    assert.deepEqual(e.scope, { site: null, company: null, from: null, to: null })
    const dump = await readDb(ext)
    assert.equal(e.counts.visits, dump.visits.length)
    assert.equal(e.counts.findings, dump.findings.length)
    const consent = e.records.flatMap((r) => (r.kind === 'consent' ? [r.data] : []))
    assert.equal(e.counts.consent, dump.consent.length)
    assert.deepEqual(
      consent.map((c) => [c.visitId, c.event, Date.parse(c.at)]),
      [...dump.consent]
        .sort((a, b) => a.visitId - b.visitId || (a.id ?? 0) - (b.id ?? 0))
        .map((c) => [c.visitId, c.event, c.at]),
    )
    assert.ok(consent.some((c) => c.site === 'banner.test' && c.adsAllowed === false))
    const trackers = Object.fromEntries(
      e.records.flatMap((r) =>
        r.kind === 'finding' && r.data.signal === 'tracker.request' && r.data.site === 'news.test'
          ? [[r.data.party, r.data.company]]
          : [],
      ),
    )
    assert.deepEqual(trackers, NEWS_EXPECTED.trackers)
    assert.equal(await text('export-status-head'), e.integrity.head)
  })

  void it('exports a site as the zip, with its SHA256SUMS intact', async () => {
    await ext.evaluate(`location.hash = '#/site/news.test'`)
    await ext.waitForSelector('[data-testid="site-page"]', { timeout: 10_000 })
    const path = await exportFrom('zip')
    const e = await verified(new Uint8Array(readFileSync(path)))
    // Written to disk by the export worker as it grew, as in Chromium.
    const onDisk = (await ext.evaluate(`(async () => {
      const dir = await (await navigator.storage.getDirectory()).getDirectoryHandle('tracelight-exports')
      const out = {}
      for await (const [name, handle] of dir.entries()) out[name] = (await handle.getFile()).size
      return out
    })()`)) as Record<string, number>
    assert.ok(
      Object.entries(onDisk).some(
        ([n, size]) => n.endsWith('-evidence.zip') && size === statSync(path).size,
      ),
      JSON.stringify(onDisk),
    )
    assert.equal(e.scope.site, 'news.test')
    assert.ok(e.records.every((r) => r.data.site === 'news.test'))
    await ext.screenshot({ path: 'test/screenshots/evidence-export-firefox.png', fullPage: true })
  })
})
