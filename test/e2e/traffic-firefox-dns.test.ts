/**
 * CNAME cloaking found by DNS in real Firefox: a local DNS-over-HTTPS resolver (test/fixtures/
 * doh.ts) answers f7ds.recipes.test with a CNAME to recipes.eulerian.net, as a site using
 * Eulerian's first-party collection would; the extension's dns.resolve(host, ['canonical_name'])
 * sees it.
 */
import assert from 'node:assert/strict'
import { after, before, describe, it } from 'node:test'
import { launchFirefox, type FirefoxSession } from '../../src/cli/browsers.ts'
import { startDohServer, type DohServer } from '../fixtures/doh.ts'
import { startFixtureServer, type FixtureServer } from '../fixtures/server.ts'
import { findingsOf, poll, readDb, visitOf } from './lib.ts'

let server: FixtureServer
let doh: DohServer
let session: FirefoxSession

void before(async () => {
  server = await startFixtureServer()
  doh = await startDohServer({ 'f7ds.recipes.test': 'recipes.eulerian.net' })
  session = await launchFirefox({
    prefs: {
      // Resolve through the local DoH server only, instead of forcing every name to loopback.
      'network.dns.forceResolve': '',
      'network.trr.mode': 3,
      'network.trr.uri': doh.url,
      'network.trr.allow-rfc1918': true,
      'network.trr.confirmationNS': 'skip',
      'network.trr.excluded-domains': '',
      'network.trr.builtin-excluded-domains': '',
      'network.dns.disableIPv6': true,
      'doh-rollout.disable-heuristics': true,
    },
  })
})

void after(async () => {
  await session?.close()
  await doh?.close()
  await server?.close()
})

void describe('Firefox: CNAME cloaking by DNS', () => {
  void it('reports a first-party subdomain whose canonical name is Eulerian', async () => {
    const ext = await session.openExtensionPage('src/ui/dashboard/index.html')
    const page = await session.browser.newPage()
    const url = `${server.origin('recipes.test')}/`
    const dump = await poll(
      async () => {
        await page.goto(url, { waitUntil: 'networkidle0' })
        return readDb(ext)
      },
      (d) =>
        findingsOf(d, visitOf(d, url)?.id ?? -1).some(
          (f) =>
            f.signal === 'cname.cloaked' &&
            (f.evidence.details ?? []).some((x) => x.method === 'dns'),
        ),
      { timeout: 30_000, interval: 1_000, what: 'a cname.cloaked finding by DNS' },
    )
    const finding = findingsOf(dump, visitOf(dump, url)?.id ?? -1).find(
      (f) => f.signal === 'cname.cloaked',
    )
    const byDns = finding?.evidence.details?.find((x) => x.method === 'dns')
    assert.deepEqual(byDns, {
      host: 'f7ds.recipes.test',
      canonicalName: 'recipes.eulerian.net',
      service: 'Eulerian',
      method: 'dns',
    })
    assert.ok(doh.queries.includes('f7ds.recipes.test'))
    await page.close()
  })
})
