/**
 * Cookies, ID syncing, personalization, cloaked and learned trackers in real Chromium: with
 * third-party cookies blocked (Chromium's default) and, in a second profile, allowed.
 */
import assert from 'node:assert/strict'
import { after, before, describe, it } from 'node:test'
import { launchChromium, type ChromiumSession } from '../../src/cli/browsers.ts'
import type { FindingRow } from '../../src/db/schema.ts'
import { startFixtureServer, type FixtureServer } from '../fixtures/server.ts'
import { findingsOf, poll, readDb, tabIdOf, visitOf, type DbDump } from './lib.ts'
import { openPopup, visitChromium, warmUpChromium } from './setup.ts'

let server: FixtureServer
let session: ChromiumSession

const SYNC_ID = '8214477201866311231'

const visit = visitChromium

/** Loads `url` until its visit is stored with findings matching `done` (TOOLCHAIN.md: the
 * extension's first second after install can miss events). */
async function visitUntil(
  s: ChromiumSession,
  url: string,
  done: (findings: FindingRow[]) => boolean,
  what: string,
): Promise<{ dump: DbDump; findings: FindingRow[] }> {
  const page = await s.context.newPage()
  await visit(page, url)
  const ext = await s.extensionPage()
  const dump = await poll(
    () => readDb(ext),
    (d) => {
      const v = visitOf(d, url)
      return v !== undefined && done(findingsOf(d, v.id))
    },
    { what, timeout: 15_000 },
  )
  const v = visitOf(dump, url)
  assert.ok(v)
  return { dump, findings: findingsOf(dump, v.id) }
}

const has = (signal: string, party: string) => (fs: FindingRow[]) =>
  fs.some((f) => f.signal === signal && f.party === party)
const find = (fs: FindingRow[], signal: string, party: string) =>
  fs.find((f) => f.signal === signal && f.party === party)

void before(async () => {
  server = await startFixtureServer()
  session = await launchChromium()
  await warmUpChromium(session, `${server.origin('clean.test')}/`)
})

void after(async () => {
  await session?.close()
  await server?.close()
})

void describe('Chromium (third-party cookies blocked): what was set and sent', () => {
  const recipes = () => `${server.origin('recipes.test')}/`

  void it('finds identifier cookies, the sync chain, Optimizely and Adobe’s cloaked subdomain', async () => {
    const { findings } = await visitUntil(
      session,
      recipes(),
      (fs) =>
        has('id.sync', 'doubleclick.net')(fs) &&
        has('cookie.identifier', 'recipes.test')(fs) &&
        has('personalization', 'optimizely.com')(fs),
      'the recipes findings',
    )
    const uuid2 = find(findings, 'cookie.identifier', 'adnxs.com')
    assert.ok(uuid2, 'uuid2 set by Xandr is an identifier, though the browser blocks it')
    assert.equal(uuid2.company, 'AppNexus')
    const d = uuid2.evidence.details?.[0]
    assert.equal(d?.name, 'uuid2')
    assert.equal(d?.party, 'third party')
    assert.equal(d?.direction, 'set')
    assert.equal(d?.lifetime, '90 days')
    assert.match(String(d?.value), /^8214… \(hash [0-9a-f]{14}\)$/)
    assert.ok(has('cookie.thirdparty', 'adnxs.com')(findings))

    const firstParty = find(findings, 'cookie.identifier', 'recipes.test')
    const names = (firstParty?.evidence.details ?? []).map((x) => x.name).sort()
    assert.deepEqual(names, ['_ga', 'optimizelyEndUserId'], 'lang=en is not an identifier')

    const sync = find(findings, 'id.sync', 'doubleclick.net')
    assert.deepEqual(sync?.evidence.details?.[0], {
      from: ['adnxs.com'],
      to: 'doubleclick.net',
      howTheyHadIt: 'cookie uuid2 set',
      howItArrived: 'address parameter google_hm',
      value: d?.value,
    })
    assert.ok(!JSON.stringify(findings).includes(SYNC_ID), 'the id itself is never stored')

    assert.deepEqual(find(findings, 'personalization', 'optimizely.com')?.evidence.details?.[0], {
      vendor: 'Optimizely',
      host: 'cdn.optimizely.com',
      what: 'loads its script',
    })
    const cname = find(findings, 'cname.cloaked', 'recipes.test')
    assert.equal(cname?.company, 'Adobe Experience Cloud')
    assert.equal(cname?.evidence.details?.[0]?.method, 'alias list')
    assert.equal(cname?.evidence.details?.[0]?.host, 'smetrics.recipes.test')
  })

  void it('finds no third-party identifier on a site with first-party cookies and a CDN', async () => {
    const url = `${server.origin('clean.test')}/`
    const { findings } = await visitUntil(
      session,
      url,
      has('cookie.thirdparty', 'jsdelivr.net'),
      'the CDN’s cookie',
    )
    // The CDN's 30-minute __cf_bm cookie was seen, and is not an identifier.
    assert.deepEqual(find(findings, 'cookie.thirdparty', 'jsdelivr.net')?.evidence.details, [
      { direction: 'set', names: ['__cf_bm'] },
    ])
    await new Promise((r) => setTimeout(r, 600)) // the first-party fetch's Cookie header
    const dump = await readDb(await session.extensionPage())
    const all = findingsOf(dump, visitOf(dump, url)?.id ?? -1)
    assert.deepEqual(
      all.filter((f) => f.signal.startsWith('cookie.identifier') || f.signal === 'id.sync'),
      [],
      'lang=en, consent=yes, theme=dark, a timestamp and layout=compact are not identifiers',
    )
  })

  void it('learns the unlisted widget host after a third site, with the sites as evidence', async () => {
    await visitUntil(
      session,
      `${server.origin('garden.test')}/`,
      has('cookie.identifier', 'unknown-widgets.test'),
      'garden',
    )
    const { findings } = await visitUntil(
      session,
      `${server.origin('travel.test')}/`,
      has('thirdparty.learned', 'unknown-widgets.test'),
      'the learned third party',
    )
    const learned = find(findings, 'thirdparty.learned', 'unknown-widgets.test')
    const sites = learned?.evidence.details?.[0]?.sites as string[]
    assert.deepEqual([...sites].sort(), ['garden.test', 'recipes.test', 'travel.test'])
    const widget = find(findings, 'cookie.identifier', 'unknown-widgets.test')
    assert.equal(widget?.evidence.details?.[0]?.partitioned, true, 'a CHIPS cookie')
  })

  void it('sees a partitioned (CHIPS) cookie sent back, though third-party cookies are blocked', async () => {
    const url = `${server.origin('garden.test')}/`
    const { findings } = await visitUntil(
      session,
      url,
      (fs) =>
        (find(fs, 'cookie.identifier', 'unknown-widgets.test')?.evidence.details ?? []).some(
          (x) => x.direction === 'sent',
        ),
      'the partitioned widget cookie sent back',
    )
    const sent = find(
      findings,
      'cookie.identifier',
      'unknown-widgets.test',
    )?.evidence.details?.find((x) => x.direction === 'sent')
    assert.equal(sent?.name, 'wid')
    assert.equal(sent?.reason, 'random-looking value sent to a third party')
  })

  void it('explains the findings in the popup', async () => {
    const page = await session.context.newPage()
    await visit(page, recipes())
    const ext = await session.extensionPage()
    const tabId = await tabIdOf(ext, recipes())
    await poll(
      () => readDb(ext),
      (d) => has('id.sync', 'doubleclick.net')(findingsOf(d, visitOf(d, recipes())?.id ?? -1)),
      { what: 'the sync finding' },
    )
    const popup = await openPopup(session, tabId, null)
    await popup.getByTestId('signals').waitFor()
    const row = popup.locator('[data-testid="signal-row"][data-signal="id.sync"]')
    assert.match((await row.textContent()) ?? '', /Your ID was shared between companies/)
    await row.getByRole('button', { name: 'What was sent?' }).click()
    const why = (await row.locator('.why').textContent()) ?? ''
    assert.match(why, /Held first by\s*adnxs\.com/)
    assert.match(why, /Passed to\s*doubleclick\.net/)
    const cookieRow = popup
      .locator('[data-testid="signal-row"][data-signal="cookie.identifier"]')
      .first()
    await cookieRow.getByRole('button', { name: 'What was sent?' }).click()
    assert.match((await cookieRow.locator('.why').textContent()) ?? '', /Kept for/)
    for (const signal of ['personalization', 'cname.cloaked', 'cookie.thirdparty'])
      assert.equal((await popup.locator(`[data-signal="${signal}"]`).count()) > 0, true, signal)
    await popup.screenshot({ path: 'test/screenshots/popup-traffic-chromium.png', fullPage: true })
    await popup.close()
    await page.close()
  })
})

void describe('Chromium (third-party cookies allowed)', () => {
  let allowed: ChromiumSession
  before(async () => {
    allowed = await launchChromium({ thirdPartyCookies: true })
    await warmUpChromium(allowed, `${server.origin('clean.test')}/`)
  })
  after(async () => {
    await allowed?.close()
  })

  void it('sees the stored ad cookie sent back to its third party', async () => {
    const url = `${server.origin('recipes.test')}/`
    await visitUntil(allowed, url, has('cookie.identifier', 'adnxs.com'), 'the first visit')
    const { findings } = await visitUntil(
      allowed,
      url,
      (fs) =>
        (find(fs, 'cookie.identifier', 'adnxs.com')?.evidence.details ?? []).some(
          (x) => x.direction === 'sent',
        ),
      'uuid2 sent back to Xandr',
    )
    const sent = find(findings, 'cookie.identifier', 'adnxs.com')?.evidence.details?.find(
      (x) => x.direction === 'sent',
    )
    assert.equal(sent?.name, 'uuid2')
    assert.equal(sent?.lifetime, 'unknown (sent)')
  })
})
