/**
 * Scenarios for the script probes (issue 3), shared by the Chromium and Firefox suites: each
 * browser's test file supplies pages through this small driver, so both run the same checks.
 */
import { it } from 'node:test'
import assert from 'node:assert/strict'
import type { FindingRow } from '../../src/db/schema.ts'
import type { FixtureServer } from '../fixtures/server.ts'
import { poll, readDb, type DbDump } from './lib.ts'
import type { Evaluator } from '../../src/cli/inspect.ts'

export interface ProbePage {
  goto(url: string): Promise<void>
  type(selector: string, text: string): Promise<void>
  click(selector: string): Promise<void>
  mouse(x: number, y: number): Promise<void>
  evaluate<T>(expression: string): Promise<T>
  close(): Promise<void>
}

export interface ProbeEnv {
  server: FixtureServer
  ext: () => Promise<Evaluator>
  page: () => Promise<ProbePage>
}

export const SCRIPT_SIGNALS = new Set([
  'fingerprint.canvas',
  'fingerprint.canvas_font',
  'fingerprint.webgl',
  'fingerprint.audio',
  'fingerprint.webrtc',
  'fingerprint.navigator',
  'storage.identifier',
  'session.recording',
  'input.exfiltration',
])

/** Findings of the latest visit to exactly `url`. */
/** Findings of the latest visit to `url` (started at `since` or later, when given). */
export function findingsAt(dump: DbDump, url: string, since = 0): FindingRow[] {
  const visit = dump.visits
    .filter((v) => v.url === url && v.startedAt >= since)
    .sort((a, b) => b.startedAt - a.startedAt)[0]
  return visit === undefined ? [] : dump.findings.filter((f) => f.visitId === visit.id)
}

/** `signal party script` for each script finding, sorted: one line per finding. */
export function scriptFindings(findings: readonly FindingRow[], port: number): string[] {
  return findings
    .filter((f) => SCRIPT_SIGNALS.has(f.signal))
    .map((f) => {
      const script = f.evidence.details?.[0]?.script
      const name = Array.isArray(script) ? script.join(',') : (script ?? '-')
      return `${f.signal} ${f.party} ${String(name).replace(`:${port}`, '')}`
    })
    .sort()
}

/** Waits until the visit to `url` has at least `signals` script findings, then returns them. */
export async function waitForScriptFindings(
  env: ProbeEnv,
  url: string,
  signals: readonly string[],
  /** Only a visit that started then or later counts (an earlier visit may have them all). */
  since = 0,
): Promise<FindingRow[]> {
  const ext = await env.ext()
  const dump = await poll(
    () => readDb(ext),
    (d) => {
      const have = new Set(findingsAt(d, url, since).map((f) => f.signal))
      return signals.every((s) => have.has(s as FindingRow['signal']))
    },
    { what: `${signals.join(', ')} on ${url}`, timeout: 20_000 },
  )
  return findingsAt(dump, url, since)
}

/** The hand-written fingerprinting page: every technique, each attributed to its script. */
export async function handWritten(env: ProbeEnv, webgl: boolean): Promise<FindingRow[]> {
  const url = `${env.server.origin('fp.test')}/`
  const page = await env.page()
  await page.goto(url)
  const expected = [
    'fingerprint.audio',
    'fingerprint.canvas',
    'fingerprint.canvas_font',
    'fingerprint.navigator',
    'fingerprint.webrtc',
    'storage.identifier',
    ...(webgl ? ['fingerprint.webgl'] : []),
  ]
  const findings = await waitForScriptFindings(env, url, expected)
  await page.close()
  const port = env.server.httpsPort
  const lines = scriptFindings(findings, port)
  const want = [
    'fingerprint.audio fpscripts.test https://fpscripts.test/audio.js',
    // The first inline script of the page: found only if the probes ran before it.
    'fingerprint.canvas fp.test https://fp.test/',
    'fingerprint.canvas_font fpscripts.test https://fpscripts.test/fonts.js',
    'fingerprint.navigator fpscripts.test https://fpscripts.test/device.js',
    'fingerprint.webrtc fpscripts.test https://fpscripts.test/webrtc.js',
    'storage.identifier fpscripts.test https://fpscripts.test/store.js',
    ...(webgl ? ['fingerprint.webgl fpscripts.test https://fpscripts.test/webgl.js'] : []),
  ].sort()
  assert.deepEqual(lines, want)
  const stored = findings.find((f) => f.signal === 'storage.identifier')?.evidence.details?.[0]
  assert.deepEqual(stored?.stored, [
    'localStorage: _fp_uid = a1B2… (24 characters)',
    'cookie: _fp_vid = 5f0c… (36 characters)',
  ])
  const canvas = findings.find((f) => f.signal === 'fingerprint.canvas')?.evidence.details?.[0]
  assert.equal(canvas?.readBack, 'toDataURL 240x60')
  return findings
}

/** FingerprintJS 3.4.2 from npm, served locally under its CDN's name. */
export async function fingerprintJs(env: ProbeEnv, webgl: boolean): Promise<void> {
  const url = `${env.server.origin('fp.test')}/fingerprintjs.html`
  const page = await env.page()
  await page.goto(url)
  const signals = [
    'fingerprint.canvas',
    'fingerprint.audio',
    'fingerprint.navigator',
    ...(webgl ? ['fingerprint.webgl'] : []),
  ]
  const findings = await waitForScriptFindings(env, url, signals)
  const title = await page.evaluate<string>('document.title')
  assert.match(title, /^visitor [0-9a-f]{32}$/, 'the library still works under the probes')
  await page.close()
  for (const signal of signals) {
    const f = findings.find((x) => x.signal === signal)
    assert.equal(f?.party, 'openfpcdn.io', signal)
    assert.match(String(f?.evidence.details?.[0]?.script), /openfpcdn\.io.*fp\.umd\.min\.js$/)
  }
}

/** Clean pages: a chart, an emoji probe, a game, one language read, a normal form and a
 * first-party search box. Nothing from the script signals may be recorded. */
export async function cleanPage(env: ProbeEnv): Promise<void> {
  const url = `${env.server.origin('calm.test')}/`
  const page = await env.page()
  await page.goto(url)
  await page.type('[data-testid="email"]', 'jane.doe@example.com')
  await page.type('[data-testid="search"]', 'red running shoes')
  await page.evaluate('document.querySelector("[data-testid=password]").value = "hunter2hunter2"')
  await new Promise((r) => setTimeout(r, 1500))
  const ext = await env.ext()
  // The visit is recorded, and the probes' batches have had time to arrive (≤ 0.5 s).
  const dump = await poll(
    () => readDb(ext),
    (d) => d.visits.some((v) => v.url === url),
    { what: 'the clean page visit' },
  )
  await page.close()
  assert.deepEqual(scriptFindings(findingsAt(dump, url), env.server.httpsPort), [])
}

export async function sessionRecorder(env: ProbeEnv): Promise<void> {
  const url = `${env.server.origin('replay.test')}/`
  const page = await env.page()
  await page.goto(url)
  await page.type('[data-testid="name"]', 'Jane')
  await page.mouse(40, 40)
  await page.mouse(80, 120)
  const findings = await waitForScriptFindings(env, url, ['session.recording'])
  await page.close()
  const f = findings.find((x) => x.signal === 'session.recording')
  assert.equal(f?.party, 'unknown-widgets.test')
  assert.equal(f?.evidence.details?.[0]?.how, 'records the page as you use it')
  // The shop loads Hotjar: recognised from the vendor list, named with its company.
  const shop = `${env.server.origin('shop.test')}/`
  const p2 = await env.page()
  await p2.goto(shop)
  const shopFindings = await waitForScriptFindings(env, shop, ['session.recording'])
  await p2.close()
  const hotjar = shopFindings.find((x) => x.signal === 'session.recording')
  assert.equal(hotjar?.company, 'Hotjar')
  assert.equal(hotjar?.evidence.details?.[0]?.vendor, 'Hotjar')
}

export async function typedEmail(env: ProbeEnv): Promise<void> {
  const url = `${env.server.origin('signup.test')}/`
  const page = await env.page()
  await page.goto(url)
  await page.type('[data-testid="email"]', 'jane.doe@example.com')
  const findings = await waitForScriptFindings(env, url, ['input.exfiltration'])
  await page.close()
  const sent = Object.fromEntries(
    findings
      .filter((f) => f.signal === 'input.exfiltration')
      .map((f) => [f.party, f.evidence.details?.[0]?.sentAs]),
  )
  assert.deepEqual(sent, { 'exfil.test': ['as typed'], 'hashes.test': ['SHA-256 hash'] })
  const poster = findings.find((f) => f.party === 'exfil.test')?.evidence.details?.[0]?.script
  assert.deepEqual(
    poster,
    [`${env.server.origin('static.unknown-widgets.test')}/leadgrab.js`],
    'the script that posted it is named',
  )
  const all = JSON.stringify(findings)
  assert.ok(!all.includes('jane.doe'), 'the typed value itself is never stored')
}

/** PNG chunks of a data URL, minus Firefox's `deBG` chunk: Firefox 140 appends one whose
 * content differs between browser instances, with or without any extension. */
function pngChunks(dataUrl: string): string[] {
  const png = Buffer.from(dataUrl.replace(/^data:image\/png;base64,/, ''), 'base64')
  const chunks: string[] = []
  for (let at = 8; at + 8 <= png.length;) {
    const length = png.readUInt32BE(at)
    const type = png.toString('latin1', at + 4, at + 8)
    if (type !== 'deBG') chunks.push(png.subarray(at, at + 12 + length).toString('base64'))
    at += 12 + length
  }
  return chunks
}

/** Runs compare.html and returns what it computed. */
export async function comparison(page: ProbePage, env: ProbeEnv): Promise<Record<string, unknown>> {
  await page.goto(`${env.server.origin('calm.test')}/compare.html`)
  const out = JSON.parse(await page.evaluate<string>('window.comparison')) as Record<
    string,
    unknown
  >
  await page.close()
  if (typeof out.dataUrl === 'string') out.pngChunks = pngChunks(out.dataUrl)
  delete out.dataUrl
  return out
}

/** A hostile page; then the extension must still work on the next page, and nothing may be
 * recorded for a site the page named. */
export async function hostile(env: ProbeEnv): Promise<void> {
  const url = `${env.server.origin('calm.test')}/hostile.html`
  const page = await env.page()
  await page.goto(url)
  await new Promise((r) => setTimeout(r, 800)) // past the probes' batching window
  assert.equal(
    await page.evaluate<number>('window.hostileDone()'),
    0,
    'a forged port hears nothing',
  )
  const next = `${env.server.origin('fp.test')}/`
  await page.goto(next)
  await waitForScriptFindings(env, next, ['fingerprint.canvas', 'fingerprint.audio'])
  await page.close()
  const dump = await readDb(await env.ext())
  assert.ok(!JSON.stringify(dump).includes('victim.example'), 'nothing names the forged site')
  for (const f of findingsAt(dump, url)) assert.equal(f.site, 'calm.test')
}

/** The scenarios both browsers run alike, as tests of the current suite. Headless Firefox
 * here has no WebGL, so `webgl` says whether fingerprint.webgl is expected. */
export function sharedProbeTests(env: ProbeEnv, webgl: boolean): void {
  const what = webgl ? 'canvas, font, WebGL, audio' : 'canvas, font, audio'
  void it(`finds ${what}, WebRTC, device and storage fingerprinting, each by its script`, async () => {
    await handWritten(env, webgl)
  })

  void it('finds a real fingerprinting library (FingerprintJS 3.4.2 from npm)', async () => {
    await fingerprintJs(env, webgl)
  })

  void it('finds nothing on clean pages: chart, emoji probe, game, language read, form, search box', async () => {
    await cleanPage(env)
  })

  void it('finds a session recorder by its behaviour and Hotjar by the vendor list', async () => {
    await sessionRecorder(env)
  })

  void it('finds a typed e-mail sent before submit, plain and hashed, without keeping it', async () => {
    await typedEmail(env)
  })
}
