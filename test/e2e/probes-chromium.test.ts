/**
 * Script probes (issue 3) in real Chromium: fingerprinting, storage identifiers, session
 * recording and typed-input exfiltration found on fixture pages and attributed to their
 * scripts; clean pages stay clean; wrapped APIs give the same results as without the
 * extension; a hostile page cannot break or misdirect it; the popup explains the findings.
 */
import assert from 'node:assert/strict'
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { after, before, describe, it } from 'node:test'
import { chromium, type Page } from 'playwright-core'
import {
  chromiumArgs,
  findBrowser,
  launchChromium,
  type ChromiumSession,
} from '../../src/cli/browsers.ts'
import { startFixtureServer, type FixtureServer } from '../fixtures/server.ts'
import { tabIdOf } from './lib.ts'
import { openPopup, warmUpChromium } from './setup.ts'
import * as probes from './probes-lib.ts'

let server: FixtureServer
let session: ChromiumSession

function driver(page: Page): probes.ProbePage {
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

const env: probes.ProbeEnv = {
  get server() {
    return server
  },
  ext: () => session.extensionPage(),
  page: async () => driver(await session.context.newPage()),
}

void before(async () => {
  server = await startFixtureServer()
  session = await launchChromium()
  await warmUpChromium(session, `${server.origin('news.test')}/article/0`, {
    load: async (page, url) => {
      await page.goto(url, { waitUntil: 'load' })
    },
  })
})

void after(async () => {
  await session?.close()
  await server?.close()
})

void describe('Chromium: what scripts do in the page', () => {
  probes.sharedProbeTests(env, true)

  void it('leaves results unchanged: canvas, WebGL, audio and how the functions look', async () => {
    const ours = await probes.comparison(await env.page(), env)
    const profile = mkdtempSync(join(tmpdir(), 'tracelight-bare-'))
    const bare = await chromium.launchPersistentContext(profile, {
      executablePath: findBrowser('chromium'),
      headless: true,
      viewport: { width: 1200, height: 800 }, // as launchChromium: screen.width is compared
      args: chromiumArgs('/nonexistent', 'MAP * 127.0.0.1, EXCLUDE localhost').filter(
        (a) => !a.includes('extension'),
      ),
    })
    try {
      const theirs = await probes.comparison(driver(await bare.newPage()), env)
      assert.ok(Array.isArray(ours.pngChunks) && ours.pngChunks.length >= 3, 'the canvas was read')
      assert.ok(Array.isArray(ours.webgl), 'WebGL ran')
      assert.deepEqual(ours, theirs)
    } finally {
      await bare.close()
      rmSync(profile, { recursive: true, force: true })
    }
  })

  void it('survives a hostile page and records nothing for a site it names', async () => {
    await probes.hostile(env)
  })

  void it('explains the findings in the popup in plain words', async () => {
    const url = `${server.origin('fp.test')}/`
    const page = await session.context.newPage()
    const since = Date.now()
    await page.goto(url, { waitUntil: 'load' })
    await probes.waitForScriptFindings(env, url, ['fingerprint.canvas', 'fingerprint.webgl'], since)
    const tabId = await tabIdOf(await session.extensionPage(), url)
    const popup = await openPopup(session, tabId, { width: 360, height: 700 })
    const row = popup.locator('[data-testid="signal-row"][data-signal="fingerprint.webgl"]')
    await row.waitFor()
    assert.match(
      (await row.textContent()) ?? '',
      /Graphics card fingerprinting.*by a script from\s*fpscripts\.test/,
    )
    await row.getByRole('button', { name: 'What did it do?' }).click()
    const why = (await row.textContent()) ?? ''
    assert.match(why, /Read your graphics card’s make and model/)
    assert.match(why, /Script.*fpscripts\.test.*webgl\.js/)
    await popup.screenshot({ path: 'test/screenshots/popup-probes-chromium.png', fullPage: true })
    await popup.close()
    // The site page lists them too, over all visits.
    const site = await session.context.newPage()
    await site.goto(
      `chrome-extension://${session.extensionId}/src/ui/dashboard/index.html#/site/fp.test`,
    )
    const list = site.getByTestId('site-decoded')
    await list.waitFor()
    const signals = await list
      .locator('[data-testid="finding"]')
      .evaluateAll((rows) => rows.map((r) => r.getAttribute('data-signal')))
    assert.ok(
      signals.includes('fingerprint.canvas') && signals.includes('fingerprint.audio'),
      String(signals),
    )
    await site.close()
    await page.close()
  })
})
