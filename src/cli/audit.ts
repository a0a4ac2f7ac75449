/**
 * `npm run audit -- [options] URL...`: visits each URL in a fresh headless Chromium with the
 * built Tracelight, as a person would (load, wait, scroll; consent banners are never clicked,
 * so what happens before consent is what gets recorded), then writes the evidence zip from
 * the extension's own database and prints a summary per site. The same extension and the same
 * export code as the dashboard's, so what it finds is what users see.
 */
import { spawnSync } from 'node:child_process'
import { accessSync, constants, existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs'
import { join, resolve } from 'node:path'
import type { Page } from 'playwright-core'
import manifest from '../../manifest.json' with { type: 'json' }
import { SETTINGS } from '../db/settings.ts'
import { buildBundle } from '../evidence/bundle.ts'
import { browserFromUserAgent, buildEvidence } from '../evidence/format.ts'
import { summarizeSites, type SiteSummary } from '../evidence/summary.ts'
import { launchChromium, MissingBrowserError } from './browsers.ts'
import { readDb, type Evaluator } from './inspect.ts'

const USAGE = `Usage: npm run audit -- [options] URL...

Visits each URL in a fresh headless Chromium with Tracelight (load, wait for the network to
settle, scroll; consent banners are never clicked), then writes a tamper-evident evidence zip
(evidence.json, findings.csv, report.html, SHA256SUMS) and prints a summary per site.

Options:
  --out DIR         folder for the zip (default: the current folder)
  --urls FILE       read more URLs from FILE, one per line (# starts a comment)
  --resolve RULES   Chromium host resolver rules, e.g. "MAP * 127.0.0.1, EXCLUDE localhost"
                    to audit local copies of sites under their real names
  --browser PATH    the Chromium to use (default: CHROMIUM_PATH, then /usr/bin/chromium)
  --timeout MS      how long one page may take to load (default 30000)
  --headful         show the browser window
  --json            print the summary as JSON on stdout (progress goes to stderr)

Exit status: 0 when every URL was audited, 1 when some could not be loaded (the zip still
holds the others), 2 on a usage error or when the browser cannot start.`

class UsageError extends Error {}

interface Options {
  out: string
  urls: string[]
  resolve: string | undefined
  browser: string | undefined
  timeout: number
  headful: boolean
  json: boolean
}

function parseArgs(argv: string[]): Options | 'help' {
  const o: Options = {
    out: '.',
    urls: [],
    resolve: undefined,
    browser: undefined,
    timeout: 30_000,
    headful: false,
    json: false,
  }
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i]!
    const value = () => {
      const v = argv[++i]
      if (v === undefined) throw new UsageError(`${arg} needs a value.`)
      return v
    }
    if (arg === '--help' || arg === '-h') return 'help'
    else if (arg === '--out') o.out = value()
    else if (arg === '--resolve') o.resolve = value()
    else if (arg === '--browser') o.browser = value()
    else if (arg === '--headful') o.headful = true
    else if (arg === '--json') o.json = true
    else if (arg === '--timeout') {
      o.timeout = Number(value())
      if (!Number.isInteger(o.timeout) || o.timeout < 1000)
        throw new UsageError('--timeout takes a number of milliseconds, at least 1000.')
    } else if (arg === '--urls') {
      const file = value()
      let text: string
      try {
        text = readFileSync(file, 'utf8')
      } catch {
        throw new UsageError(`Cannot read the URL list ${file}.`)
      }
      o.urls.push(
        ...text
          .split('\n')
          .map((l) => l.replace(/#.*/, '').trim())
          .filter((l) => l !== ''),
      )
    } else if (arg.startsWith('--')) throw new UsageError(`Unknown option ${arg}.`)
    else o.urls.push(arg)
  }
  if (o.urls.length === 0) throw new UsageError('Give at least one URL to audit.')
  for (const url of o.urls) {
    let parsed: URL
    try {
      parsed = new URL(url)
    } catch {
      throw new UsageError(
        `"${url}" is not a web address. Write it in full, e.g. https://example.com/.`,
      )
    }
    if (parsed.protocol !== 'http:' && parsed.protocol !== 'https:')
      throw new UsageError(`"${url}" is not an http or https address.`)
  }
  return o
}

/** Chromium's network error codes, in words. */
function loadError(error: unknown, timeout: number): string {
  const text = error instanceof Error ? error.message : String(error)
  const code = /net::(ERR_[A-Z_]+)/.exec(text)?.[1]
  const words: Record<string, string> = {
    ERR_NAME_NOT_RESOLVED: 'the host name could not be found',
    ERR_CONNECTION_REFUSED: 'nothing answered at that address (connection refused)',
    ERR_CONNECTION_TIMED_OUT: 'the connection timed out',
    ERR_ADDRESS_UNREACHABLE: 'the address cannot be reached',
    ERR_INTERNET_DISCONNECTED: 'this machine is offline',
    ERR_CONNECTION_RESET: 'the connection was reset',
    ERR_SSL_PROTOCOL_ERROR: 'the secure connection failed',
    ERR_UNSAFE_PORT: 'browsers refuse to connect to that port',
  }
  if (code !== undefined) return `${words[code] ?? 'it could not be loaded'} (${code})`
  if (/Timeout/i.test(text)) return `it did not load within ${timeout} ms`
  return text.split('\n')[0] ?? text
}

const SCROLL = `(async () => {
  for (let i = 0; i < 20; i++) {
    const before = window.scrollY
    window.scrollBy(0, Math.max(200, window.innerHeight * 0.8))
    await new Promise((r) => setTimeout(r, 200))
    if (window.scrollY === before) break
  }
})()`

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms))

async function visitedUrls(ext: Evaluator): Promise<string[]> {
  return (await readDb(ext)).visits.map((v) => v.url)
}

/** Loads, lets the network settle, scrolls to the end and back as a reader would. */
async function visit(page: Page, url: string, timeout: number): Promise<void> {
  await page.goto(url, { waitUntil: 'load', timeout })
  await page
    .waitForLoadState('networkidle', { timeout: Math.min(timeout, 10_000) })
    .catch(() => undefined)
  await page.evaluate(SCROLL).catch(() => undefined)
  await page.waitForLoadState('networkidle', { timeout: 5_000 }).catch(() => undefined)
  await sleep(500)
}

function table(rows: SiteSummary[]): string {
  const header = [
    'Site',
    'Visits',
    'Tracking companies',
    'Other third parties',
    'Fingerprinting',
    'Identifiers',
    'Ad pixels',
    'Click ids',
    'Before consent',
  ]
  const body = rows.map((s) => [
    s.site,
    String(s.visits),
    s.trackers.length === 0 ? '—' : `${s.trackers.length}: ${s.trackers.join(', ')}`,
    String(s.thirdParties.length),
    String(s.fingerprinting),
    String(s.identifiers),
    String(s.pixels),
    String(s.linkDecoration),
    String(s.beforeConsent),
  ])
  const widths = header.map((h, i) => Math.max(h.length, ...body.map((r) => r[i]!.length)))
  const line = (r: string[]) =>
    r
      .map((c, i) => c.padEnd(widths[i]!))
      .join('  ')
      .trimEnd()
  return [line(header), ...body.map(line)].join('\n')
}

async function main(argv: string[]): Promise<number> {
  let options: Options | 'help'
  try {
    options = parseArgs(argv)
  } catch (e) {
    if (!(e instanceof UsageError)) throw e
    console.error(`${e.message}\n\n${USAGE}`)
    return 2
  }
  if (options === 'help') {
    console.log(USAGE)
    return 0
  }
  const o = options
  const log = (line: string) => (o.json ? console.error(line) : console.log(line))
  if (o.browser !== undefined) {
    try {
      accessSync(o.browser, constants.X_OK)
    } catch {
      console.error(
        `No browser at ${o.browser} (missing or not executable). Give the path to a Chromium with --browser.`,
      )
      return 2
    }
    process.env.CHROMIUM_PATH = resolve(o.browser)
  }
  if (!existsSync(join('dist', 'chrome', 'manifest.json'))) {
    log('Building Tracelight…')
    const build = spawnSync('npm', ['run', '--silent', 'build'], {
      stdio: ['ignore', 'ignore', 'inherit'],
    })
    if (build.status !== 0) {
      console.error('The build failed (see above).')
      return 2
    }
  }
  // No rules means real DNS; Chromium accepts an empty rule list.
  const session = await launchChromium({ headless: !o.headful, hostRules: o.resolve ?? '' })
  const failures: string[] = []
  try {
    const ext = await session.extensionPage()
    // On a fresh profile the worker appears before it receives webRequest events
    // (TOOLCHAIN.md, "Readiness"); a page loaded at once may go unrecorded.
    await sleep(1500)
    const page = await session.context.newPage()
    for (const [i, url] of o.urls.entries()) {
      const prefix = `[${i + 1}/${o.urls.length}] ${url}`
      try {
        const before = (await visitedUrls(ext)).length
        await visit(page, url, o.timeout)
        // If the extension was not yet listening, load the page once more.
        if ((await visitedUrls(ext)).length === before) await visit(page, url, o.timeout)
        log(`${prefix}: done`)
      } catch (e) {
        const reason = loadError(e, o.timeout)
        failures.push(`${url}: ${reason}`)
        log(`${prefix}: could not be audited: ${reason}`)
      }
    }
    await page.close()
    // The recorder flushes within 250 ms (DESIGN.md §0).
    await sleep(600)
    if (failures.length === o.urls.length) {
      console.error('\nNo URL could be audited, so no evidence file was written:')
      for (const f of failures) console.error(`  ${f}`)
      return 1
    }
    const dump = await readDb(ext)
    const userAgent = String(await ext.evaluate('navigator.userAgent'))
    const evidence = await buildEvidence({
      ...dump,
      settings: {
        evidenceMode: SETTINGS.evidenceMode.default,
        retentionDays: SETTINGS.retentionDays.default,
      },
      generator: {
        name: manifest.name,
        version: manifest.version,
        browser: browserFromUserAgent(userAgent),
      },
    })
    mkdirSync(o.out, { recursive: true })
    const stamp = evidence.createdAt.replace(/[-:]/g, '').replace(/\.\d+Z$/, 'Z')
    const zip = join(o.out, `tracelight-audit-${stamp}.zip`)
    writeFileSync(zip, await buildBundle(evidence))
    const summary = summarizeSites(evidence)
    if (o.json) {
      console.log(
        JSON.stringify({ zip, head: evidence.integrity.head, failures, sites: summary }, null, 2),
      )
    } else {
      console.log(`\n${summary.length === 0 ? 'Nothing was recorded.' : table(summary)}\n`)
      console.log(`Evidence: ${zip}`)
      console.log(`Chain head: ${evidence.integrity.head}`)
      console.log(`Check it with: npm run verify -- ${zip}`)
    }
    if (failures.length > 0) {
      console.error(`\n${failures.length} of ${o.urls.length} URLs could not be audited:`)
      for (const f of failures) console.error(`  ${f}`)
      return 1
    }
    return 0
  } finally {
    await session.close()
  }
}

main(process.argv.slice(2)).then(
  (code) => process.exit(code),
  (error: unknown) => {
    if (error instanceof MissingBrowserError) console.error(error.message)
    else
      console.error(`The audit failed: ${error instanceof Error ? error.message : String(error)}`)
    process.exit(2)
  },
)
