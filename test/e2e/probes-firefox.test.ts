/**
 * Script probes (issue 3) in real Firefox ESR over WebDriver BiDi: the same scenarios as
 * probes-chromium.test.ts. Headless Firefox here has no WebGL (getContext('webgl') is null),
 * so fingerprint.webgl is checked in Chromium only.
 */
import assert from 'node:assert/strict'
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { after, before, describe, it } from 'node:test'
import puppeteer, { type Page } from 'puppeteer-core'
import { findBrowser, launchFirefox, type FirefoxSession } from '../../src/cli/browsers.ts'
import { startFixtureServer, type FixtureServer } from '../fixtures/server.ts'
import { tabIdOf } from './lib.ts'
import { warmUpFirefox } from './setup.ts'
import * as probes from './probes-lib.ts'

let server: FixtureServer
let session: FirefoxSession
let ext: Page

function driver(page: Page): probes.ProbePage {
  return {
    goto: async (url) => {
      await page.goto(url, { waitUntil: 'load' })
    },
    type: (selector, text) => page.type(selector, text, { delay: 25 }),
    click: (selector) => page.click(selector),
    mouse: (x, y) => page.mouse.move(x, y),
    evaluate: <T>(expression: string) => page.evaluate(expression) as Promise<T>,
    close: () => page.close(),
  }
}

const env: probes.ProbeEnv = {
  get server() {
    return server
  },
  ext: async () => ext,
  page: async () => driver(await session.browser.newPage()),
}

void before(async () => {
  server = await startFixtureServer()
  session = await launchFirefox()
  ext = await session.openExtensionPage('src/ui/dashboard/index.html')
  await warmUpFirefox(session, ext, `${server.origin('news.test')}/article/0`, {
    load: async (page, url) => {
      await page.goto(url, { waitUntil: 'load' })
    },
  })
})

void after(async () => {
  await session?.close()
  await server?.close()
})

void describe('Firefox: what scripts do in the page', () => {
  probes.sharedProbeTests(env, false)

  void it('leaves results unchanged: canvas, audio and how the functions look', async () => {
    const ours = await probes.comparison(await env.page(), env)
    const profile = mkdtempSync(join(tmpdir(), 'tracelight-bare-firefox-'))
    const bare = await puppeteer.launch({
      browser: 'firefox',
      executablePath: findBrowser('firefox'),
      headless: true,
      acceptInsecureCerts: true,
      userDataDir: profile,
      extraPrefsFirefox: { 'network.dns.forceResolve': '127.0.0.1' },
      env: { ...process.env, MOZ_REMOTE_SETTINGS_DEVTOOLS: '1' },
      defaultViewport: null,
    })
    try {
      const theirs = await probes.comparison(driver(await bare.newPage()), env)
      assert.ok(Array.isArray(ours.pngChunks) && ours.pngChunks.length >= 3, 'the canvas was read')
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
    const page = await session.browser.newPage()
    const since = Date.now()
    await page.goto(url, { waitUntil: 'load' })
    await probes.waitForScriptFindings(env, url, ['fingerprint.canvas_font'], since)
    const tabId = await tabIdOf(ext, url)
    const selector = '[data-testid="signal-row"][data-signal="fingerprint.canvas_font"]'
    // The popup reads the tab's visit once when it opens; under load it may open before the
    // findings are flushed, so reopen it rather than wait on a stale view.
    let text = ''
    for (let attempt = 0; attempt < 3 && text === ''; attempt++) {
      const popup = await session.openExtensionPage(`src/ui/popup/index.html?tab=${tabId}`)
      await popup.setViewport({ width: 360, height: 700 })
      try {
        await popup.waitForSelector(selector, { timeout: 10_000 })
        text = await popup.$eval(selector, (el) => el.textContent ?? '')
      } catch {
        const body = await popup.evaluate('document.body.innerText')
        console.log(`popup attempt ${attempt + 1} for tab ${tabId}:`, String(body).slice(0, 500))
      }
      await popup.close()
    }
    assert.match(text, /Font fingerprinting.*by a script from\s*fpscripts\.test/)
    await page.close()
  })
})
