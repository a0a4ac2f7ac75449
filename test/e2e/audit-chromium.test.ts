/**
 * `npm run audit` against the fixture server, run as a person would run it: its own Chromium
 * with the built extension, `--resolve` mapping the fixtures' real host names to this machine.
 * Checks the zip verifies, the summary counts match the fixtures, following links and typing
 * canaries do what they say, and errors are one clear line with a non-zero exit.
 */
import assert from 'node:assert/strict'
import { execFile } from 'node:child_process'
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { after, before, describe, it } from 'node:test'
import { openEvidenceFile } from '../../src/evidence/bundle.ts'
import type { EvidenceExport, FindingData } from '../../src/evidence/format.ts'
import type { SiteSummary } from '../../src/evidence/summary.ts'
import { validate } from '../../src/evidence/schema.ts'
import { verifyEvidenceText } from '../../src/evidence/verify.ts'
import { startFixtureServer, type FixtureServer } from '../fixtures/server.ts'
import { NEWS_EXPECTED } from './lib.ts'

let server: FixtureServer
let work: string
const RULES = 'MAP * 127.0.0.1, EXCLUDE localhost'

/** Runs the audit command; resolves with its exit code and output. */
function audit(args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  return new Promise((resolve) => {
    execFile(
      'npx',
      ['tsx', 'src/cli/audit.ts', ...args],
      { timeout: 240_000 },
      (error, stdout, stderr) => {
        const code = error === null ? 0 : typeof error.code === 'number' ? error.code : -1
        resolve({ code, stdout, stderr })
      },
    )
  })
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

const findings = (e: EvidenceExport): FindingData[] =>
  e.records.flatMap((r) => (r.kind === 'finding' ? [r.data] : []))

interface Summary {
  zip: string
  head: string
  canaries: { email: string; text: string } | null
  pages: { url: string; from?: string; ok: boolean; fieldsTyped?: number }[]
  failures: string[]
  sites: SiteSummary[]
}

void before(async () => {
  work = mkdtempSync(join(tmpdir(), 'tracelight-audit-e2e-'))
  server = await startFixtureServer()
})

void after(async () => {
  await server?.close()
  if (work !== undefined) rmSync(work, { recursive: true, force: true })
})

void describe('npm run audit', () => {
  void it('audits the fixture sites into a zip whose findings match the fixtures', async () => {
    const out = join(work, 'plain')
    const r = await audit([
      '--out',
      out,
      '--resolve',
      RULES,
      '--json',
      `${server.origin('news.test')}/`,
      `${server.origin('shop.test')}/`,
    ])
    assert.equal(r.code, 0, r.stderr)
    assert.match(r.stderr, /\[1\/2\] https:\/\/news\.test:\d+\/: done/)
    assert.match(r.stderr, /\[2\/2\] https:\/\/shop\.test:\d+\/: done/)
    const result = JSON.parse(r.stdout) as Summary
    const e = await openZip(result.zip)
    assert.equal(e.integrity.head, result.head)
    assert.equal(e.generator.name, 'Tracelight')
    assert.equal(e.redaction, 'masked')
    const trackers = Object.fromEntries(
      findings(e)
        .filter((f) => f.site === 'news.test' && f.signal === 'tracker.request')
        .map((f) => [f.party, f.company]),
    )
    assert.deepEqual(trackers, NEWS_EXPECTED.trackers)
    const news = result.sites.find((s) => s.site === 'news.test')
    assert.deepEqual(news?.trackers, ['Facebook', 'Google'])
    assert.deepEqual(news?.thirdParties, NEWS_EXPECTED.others)
    assert.equal(news?.visits, 1)
    const shop = result.sites.find((s) => s.site === 'shop.test')
    assert.ok(shop !== undefined && shop.pixels > 0, JSON.stringify(shop))
    assert.equal(result.canaries, null)
  })

  void it('follows same-site links and types canaries without submitting, from a URL list', async () => {
    const out = join(work, 'canaries')
    const list = join(work, 'urls.txt')
    const news = `${server.origin('news.test')}/`
    const signup = `${server.origin('signup.test')}/`
    writeFileSync(list, `# fixture sites\n${news}\n${signup}  # a newsletter form\n`)
    const r = await audit([
      '--out',
      out,
      '--resolve',
      RULES,
      '--follow',
      '2',
      '--type-canaries',
      '--json',
      '--urls',
      list,
    ])
    assert.equal(r.code, 0, r.stderr)
    const result = JSON.parse(r.stdout) as Summary
    assert.match(result.canaries?.email ?? '', /^tracelight\.canary\.[0-9a-f]{10}@example\.com$/)
    assert.match(result.canaries?.text ?? '', /^Tracelight canary [0-9a-f]{10}$/)

    // One progress line per URL and per followed link; the first two distinct article links
    // of the front page, in page order (the "Front page" link is the page itself).
    const article = (n: number) => `${server.origin('news.test')}/article/${n}`
    assert.match(r.stderr, /\[1\/2\] https:\/\/news\.test:\d+\/: done, typed into 0 fields/)
    assert.ok(r.stderr.includes(`[1/2] link 1/2 ${article(1)}: done`), r.stderr)
    assert.ok(r.stderr.includes(`[1/2] link 2/2 ${article(2)}: done`), r.stderr)
    assert.match(r.stderr, /\[2\/2\] https:\/\/signup\.test:\d+\/: done, typed into 1 field\b/)
    assert.deepEqual(
      result.pages.map((p) => [p.url, p.from ?? null, p.ok]),
      [
        [news, null, true],
        [article(1), news, true],
        [article(2), news, true],
        [signup, null, true],
      ],
    )

    const e = await openZip(result.zip)
    const visited = e.records.flatMap((r) => (r.kind === 'visit' ? [r.data.url] : []))
    for (const url of [news, article(1), article(2), signup]) assert.ok(visited.includes(url), url)
    assert.equal(result.sites.find((s) => s.site === 'news.test')?.visits, 3)

    // The lead-capture script sent the typed canary, in clear and hashed: Tracelight saw
    // both, and the summary counts them.
    const sent = findings(e).filter((f) => f.signal === 'input.exfiltration')
    assert.deepEqual(sent.map((f) => f.party).sort(), ['exfil.test', 'hashes.test'])
    assert.equal(result.sites.find((s) => s.site === 'signup.test')?.inputExfiltration, 2)
    // Nothing was submitted, and the typed value itself is nowhere in the evidence.
    assert.ok(!visited.some((u) => u.includes('/thanks')), 'the form was not submitted')
    assert.ok(!JSON.stringify(e).includes(result.canaries!.email), 'the canary is not stored')
  })

  void it('exits non-zero with one clear line for an unreachable host, a bad address or no browser', async () => {
    const unreachable = await audit([
      '--out',
      join(work, 'none'),
      '--resolve',
      'MAP *.test 127.0.0.1',
      'https://nowhere.invalid/',
    ])
    assert.equal(unreachable.code, 1)
    assert.match(unreachable.stderr, /nowhere\.invalid\/: the host name could not be found/)
    assert.doesNotMatch(unreachable.stderr, /\n\s+at /, 'no stack trace')

    const bad = await audit(['ftp://news.test/'])
    assert.equal(bad.code, 2)
    assert.equal(
      bad.stderr.trim(),
      '"ftp://news.test/" is not an http or https address. See npm run audit -- --help.',
    )
    const option = await audit(['--follow', 'many', 'https://news.test/'])
    assert.equal(option.code, 2)
    assert.equal(option.stderr.trim().split('\n').length, 1)

    const browser = await audit(['--browser', '/nonexistent/chromium', 'https://news.test/'])
    assert.equal(browser.code, 2)
    assert.equal(
      browser.stderr.trim(),
      'No browser at /nonexistent/chromium (missing or not executable). Give the path to a Chromium with --browser.',
    )

    const help = await audit(['--help'])
    assert.equal(help.code, 0)
    for (const option of [
      '--out',
      '--urls',
      '--follow',
      '--type-canaries',
      '--resolve',
      '--browser',
      '--timeout',
      '--headful',
      '--json',
    ])
      assert.ok(help.stdout.includes(`  ${option}`), option)
  })
})
