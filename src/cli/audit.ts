/**
 * `npm run audit -- [options] URL...`: visits each URL in a fresh headless Chromium with the
 * built Tracelight, as a person would (load, wait for the network to settle, scroll;
 * optionally type canary values into text and e-mail fields without submitting, and follow a
 * few same-site links; consent banners are never clicked, so what happens before consent is
 * what gets recorded), then writes the evidence zip from the extension's own database and
 * prints a summary per site. The same extension and the same export code as the
 * dashboard's, so what it finds is what users see.
 */
import { spawnSync } from 'node:child_process'
import { randomBytes } from 'node:crypto'
import { accessSync, constants, existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs'
import { join, resolve } from 'node:path'
import { fileURLToPath } from 'node:url'
import type { Page } from 'playwright-core'
import manifest from '../../manifest.json' with { type: 'json' }
import { SETTINGS } from '../db/settings.ts'
import { siteOfUrl } from '../detect/host.ts'
import { exportFiles } from '../evidence/export.ts'
import { browserFromUserAgent, type EvidenceRecord } from '../evidence/format.ts'
import { EVERYTHING } from '../evidence/scope.ts'
import type { RecordSink } from '../evidence/seal.ts'
import { memorySource } from '../evidence/source.ts'
import { SummaryBuilder, type SiteSummary } from '../evidence/summary.ts'
import { launchChromium, MissingBrowserError } from './browsers.ts'
import { readDb, type Evaluator } from './inspect.ts'

export const USAGE = `Usage: npm run audit -- [options] URL...

Visits each URL in a fresh headless Chromium with Tracelight: loads it, waits for the
network to settle, scrolls to the end; consent banners are never clicked. Then writes a
tamper-evident evidence zip (evidence.json, findings.csv, report.html, SHA256SUMS) and
prints a summary per site.

Options:
  --out DIR          folder for the zip (default: the current folder)
  --urls FILE        read more URLs from FILE, one per line (# starts a comment)
  --follow N         also visit up to N links per URL to pages of the same site: the first
                     N distinct ones in page order, so the same page gives the same choice
  --type-canaries    type a canary e-mail address and text into the page's e-mail and text
                     fields, key by key, without submitting; the values are printed in the
                     summary, so findings of typed input being sent can be matched to them
  --resolve RULES    Chromium host resolver rules, e.g. "MAP * 127.0.0.1, EXCLUDE localhost"
                     to audit local copies of sites under their real names
  --browser PATH     the Chromium to use (default: CHROMIUM_PATH, then /usr/bin/chromium)
  --timeout MS       how long one page may take to load, and the longest wait for its
                     network to settle (default 30000)
  --headful          show the browser window
  --json             print the summary as JSON on stdout (progress goes to stderr)
  --help             show this help

Exit status: 0 when every URL was audited, 1 when some could not be loaded (the zip still
holds the others), 2 on a usage error or when the browser cannot start.`

export class UsageError extends Error {}

export interface Options {
  out: string
  urls: string[]
  resolve: string | undefined
  browser: string | undefined
  timeout: number
  follow: number
  typeCanaries: boolean
  headful: boolean
  json: boolean
}

/** Most links followed per URL. */
const MAX_FOLLOW = 50

export function parseArgs(argv: readonly string[]): Options | 'help' {
  const o: Options = {
    out: '.',
    urls: [],
    resolve: undefined,
    browser: undefined,
    timeout: 30_000,
    follow: 0,
    typeCanaries: false,
    headful: false,
    json: false,
  }
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i]!
    const value = () => {
      const v = argv[++i]
      if (v === undefined || v.startsWith('--')) throw new UsageError(`${arg} needs a value.`)
      return v
    }
    if (arg === '--help' || arg === '-h') return 'help'
    else if (arg === '--out') o.out = value()
    else if (arg === '--resolve') o.resolve = value()
    else if (arg === '--browser') o.browser = value()
    else if (arg === '--headful') o.headful = true
    else if (arg === '--json') o.json = true
    else if (arg === '--type-canaries') o.typeCanaries = true
    else if (arg === '--timeout') {
      o.timeout = Number(value())
      if (!Number.isInteger(o.timeout) || o.timeout < 1000)
        throw new UsageError('--timeout takes a number of milliseconds, at least 1000.')
    } else if (arg === '--follow') {
      o.follow = Number(value())
      if (!Number.isInteger(o.follow) || o.follow < 0 || o.follow > MAX_FOLLOW)
        throw new UsageError(`--follow takes a number of links from 0 to ${MAX_FOLLOW}.`)
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

/** Addresses of files rather than pages: not worth a visit. */
const NOT_A_PAGE =
  /\.(?:pdf|zip|gz|tgz|rar|7z|exe|dmg|msi|apk|iso|jpe?g|png|gif|webp|avif|svg|ico|mp[34]|m4a|mov|avi|webm|ogg|wav|docx?|xlsx?|pptx?|odt|ods|csv|json|xml|rss|atom)$/i

/**
 * The links to follow from a page: same site (registrable domain) as the page, http or https,
 * not the page itself, not a file, not already taken; the first `n` distinct ones in the
 * order given (page order). Fragments are dropped: #section is the same page.
 */
export function chooseLinks(
  pageUrl: string,
  hrefs: readonly string[],
  n: number,
  taken: ReadonlySet<string> = new Set(),
): string[] {
  const site = siteOfUrl(pageUrl)
  const self = withoutFragment(pageUrl)
  const out: string[] = []
  for (const href of hrefs) {
    if (out.length >= n) break
    let url: URL
    try {
      url = new URL(href, pageUrl)
    } catch {
      continue
    }
    if (url.protocol !== 'http:' && url.protocol !== 'https:') continue
    url.hash = ''
    const text = url.href
    if (text === self || taken.has(text) || out.includes(text)) continue
    if (site === null || siteOfUrl(text) !== site) continue
    if (NOT_A_PAGE.test(url.pathname)) continue
    out.push(text)
  }
  return out
}

function withoutFragment(url: string): string {
  try {
    const u = new URL(url)
    u.hash = ''
    return u.href
  } catch {
    return url
  }
}

export interface Canaries {
  email: string
  text: string
}

/** Values no page could have known: unique to this audit, so a finding that carries one
 * can only come from typing. */
export function makeCanaries(random: string = randomBytes(5).toString('hex')): Canaries {
  return {
    email: `tracelight.canary.${random}@example.com`,
    text: `Tracelight canary ${random}`,
  }
}

/** Chromium's network error codes, in words. */
export function loadError(error: unknown, timeout: number): string {
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
    ERR_CERT_AUTHORITY_INVALID: 'its certificate is not trusted',
    ERR_UNSAFE_PORT: 'browsers refuse to connect to that port',
    ERR_ABORTED: 'the browser stopped loading it (a download, or a page that went away)',
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

/** Every link of the page, in page order (frames excluded). */
const LINKS = `Array.from(document.querySelectorAll('a[href]'), (a) => a.href)`

/** Submitting is what a person does last; an audit never does. Forms stay put even if a
 * page tries to submit on Enter or on change. */
const NO_SUBMIT = `window.addEventListener('submit', (e) => e.preventDefault(), true)`

/** Fields a person types into: e-mail, text-like inputs and text areas, visible and
 * editable (never passwords). */
const FIELDS =
  'input[type=email], input[type=text], input[type=search], input[type=tel], input[type=url], input:not([type]), textarea'

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms))

async function settle(page: Page, timeout: number): Promise<void> {
  await page.waitForLoadState('networkidle', { timeout }).catch(() => undefined)
}

/** Types the canaries key by key into up to 20 fields, then leaves the last one (Tab). */
async function typeCanaries(page: Page, canaries: Canaries, timeout: number): Promise<number> {
  await page.evaluate(NO_SUBMIT).catch(() => undefined)
  const fields = page.locator(FIELDS)
  let typed = 0
  const count = Math.min(await fields.count(), 20)
  for (let i = 0; i < count; i++) {
    const field = fields.nth(i)
    try {
      if (!(await field.isVisible()) || !(await field.isEditable())) continue
      const type = (await field.getAttribute('type'))?.toLowerCase()
      await field.focus({ timeout: 2000 })
      await field.pressSequentially(type === 'email' ? canaries.email : canaries.text, {
        delay: 15,
        timeout: 10_000,
      })
      await page.keyboard.press('Tab')
      typed += 1
    } catch {
      // A field that went away or cannot take focus: the others still get typed into.
    }
  }
  // Typed values are shared after a pause in typing, and pages often send them late.
  if (typed > 0) {
    await sleep(1000)
    await settle(page, timeout)
  }
  return typed
}

export interface PageResult {
  url: string
  /** The URL whose link led here, for followed pages. */
  from?: string
  ok: boolean
  reason?: string
  fieldsTyped?: number
}

/** Loads, lets the network settle, scrolls to the end as a reader would. */
async function visit(page: Page, url: string, o: Options, canaries: Canaries | null) {
  await page.goto(url, { waitUntil: 'load', timeout: o.timeout })
  await settle(page, o.timeout)
  await page.evaluate(SCROLL).catch(() => undefined)
  await settle(page, Math.min(o.timeout, 10_000))
  const fieldsTyped = canaries === null ? 0 : await typeCanaries(page, canaries, o.timeout)
  await sleep(500)
  return { fieldsTyped }
}

export function summaryTable(rows: readonly SiteSummary[]): string {
  const header = [
    'Site',
    'Visits',
    'Tracking companies',
    'Other third parties',
    'Fingerprinting',
    'Identifiers',
    'Ad pixels',
    'Click ids',
    'Typed input sent',
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
    String(s.inputExfiltration),
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

/** The per-site summary, computed from the records as they are sealed into the zip. */
class SummarySink implements RecordSink {
  readonly builder = new SummaryBuilder()
  begin(): void {}
  record(r: EvidenceRecord): void {
    if (r.kind === 'visit') this.builder.visit(r.data)
    else if (r.kind === 'finding') this.builder.finding(r.data)
  }
  end(): void {}
}

async function main(argv: string[]): Promise<number> {
  let options: Options | 'help'
  try {
    options = parseArgs(argv)
  } catch (e) {
    if (!(e instanceof UsageError)) throw e
    console.error(`${e.message} See npm run audit -- --help.`)
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
  const canaries = o.typeCanaries ? makeCanaries() : null
  if (canaries !== null) log(`Canaries: e-mail ${canaries.email}, text "${canaries.text}"`)
  // No rules means real DNS; Chromium accepts an empty rule list.
  const session = await launchChromium({ headless: !o.headful, hostRules: o.resolve ?? '' })
  const pages: PageResult[] = []
  try {
    const ext = await session.extensionPage()
    // On a fresh profile the worker appears before it receives webRequest events
    // (TOOLCHAIN.md, "Readiness"); a page loaded at once may go unrecorded.
    await sleep(1500)
    const visits = async () => (await readDb(ext as Evaluator)).visits.length
    const page = await session.context.newPage()
    const audited = new Set<string>()
    const auditOne = async (url: string, prefix: string, from?: string): Promise<boolean> => {
      audited.add(withoutFragment(url))
      try {
        const before = await visits()
        let result = await visit(page, url, o, canaries)
        // If the extension was not yet listening, load the page once more.
        if ((await visits()) === before) result = await visit(page, url, o, canaries)
        const typed =
          canaries === null
            ? ''
            : `, typed into ${result.fieldsTyped} field${result.fieldsTyped === 1 ? '' : 's'}`
        log(`${prefix}: done${typed}`)
        pages.push({
          url,
          ...(from !== undefined && { from }),
          ok: true,
          ...(canaries !== null && { fieldsTyped: result.fieldsTyped }),
        })
        return true
      } catch (e) {
        const reason = loadError(e, o.timeout)
        log(`${prefix}: could not be audited: ${reason}`)
        pages.push({ url, ...(from !== undefined && { from }), ok: false, reason })
        return false
      }
    }
    for (const [i, url] of o.urls.entries()) {
      const prefix = `[${i + 1}/${o.urls.length}]`
      if (!(await auditOne(url, `${prefix} ${url}`)) || o.follow === 0) continue
      const hrefs = ((await page.evaluate(LINKS).catch(() => [])) as unknown[]).filter(
        (h): h is string => typeof h === 'string',
      )
      const links = chooseLinks(page.url(), hrefs, o.follow, audited)
      if (links.length === 0) log(`${prefix} no same-site link to follow on ${url}`)
      for (const [j, link] of links.entries())
        await auditOne(link, `${prefix} link ${j + 1}/${links.length} ${link}`, url)
    }
    await page.close()
    // The recorder flushes within 250 ms (DESIGN.md §0).
    await sleep(600)
    const failures = pages.filter((p) => !p.ok)
    if (failures.length === pages.length) {
      console.error('\nNo URL could be audited, so no evidence file was written:')
      for (const f of failures) console.error(`  ${f.url}: ${f.reason}`)
      return 1
    }
    const dump = await readDb(ext as Evaluator)
    const userAgent = String(await ext.evaluate('navigator.userAgent'))
    let summary = new SummarySink()
    const result = await exportFiles(
      () => memorySource(dump, EVERYTHING),
      () => ({
        generator: {
          // The manifest's name is a locale key (__MSG_extName__); short_name is the plain name.
          name: manifest.short_name,
          version: manifest.version,
          browser: browserFromUserAgent(userAgent),
        },
        scope: EVERYTHING,
        redaction: 'masked',
        settings: {
          evidenceMode: SETTINGS.evidenceMode.default,
          retentionDays: SETTINGS.retentionDays.default,
          gpc: SETTINGS.gpcEnabled.default,
        },
        now: Date.now(),
      }),
      'zip',
      {},
      { sinks: () => [(summary = new SummarySink())] },
    )
    mkdirSync(o.out, { recursive: true })
    const stamp = result.header.createdAt.replace(/[-:]/g, '').replace(/\.\d+Z$/, 'Z')
    const zip = join(o.out, `tracelight-audit-${stamp}.zip`)
    writeFileSync(zip, new Uint8Array(await result.blob.arrayBuffer()))
    const sites = summary.builder.result()
    if (o.json) {
      console.log(
        JSON.stringify(
          {
            zip,
            head: result.integrity.head,
            canaries,
            pages,
            failures: failures.map((f) => `${f.url}: ${f.reason}`),
            sites,
          },
          null,
          2,
        ),
      )
    } else {
      console.log(`\n${sites.length === 0 ? 'Nothing was recorded.' : summaryTable(sites)}\n`)
      if (canaries !== null)
        console.log(`Canaries typed: e-mail ${canaries.email}, text "${canaries.text}"`)
      console.log(`Evidence: ${zip}`)
      console.log(`Chain head: ${result.integrity.head}`)
      console.log(`Check it with: npm run verify -- ${zip}`)
    }
    if (failures.length > 0) {
      console.error(`\n${failures.length} of ${pages.length} pages could not be audited:`)
      for (const f of failures) console.error(`  ${f.url}: ${f.reason}`)
      return 1
    }
    return 0
  } finally {
    await session.close()
  }
}

const direct =
  process.argv[1] !== undefined && resolve(process.argv[1]) === fileURLToPath(import.meta.url)
if (direct)
  main(process.argv.slice(2)).then(
    (code) => process.exit(code),
    (error: unknown) => {
      if (error instanceof MissingBrowserError) console.error(error.message)
      else {
        const text = error instanceof Error ? error.message : String(error)
        console.error(`The audit failed: ${text.split('\n')[0]}`)
      }
      process.exit(2)
    },
  )
