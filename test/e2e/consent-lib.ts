/**
 * Consent timeline scenarios (issue 5), shared by the Chromium and Firefox suites: a stub CMP
 * (test/fixtures/sites/cmp.test/cmp.js) shows its banner, the test clicks Accept or Reject,
 * and `consent.before` must flag the trackers that fired before the answer (or after a
 * refusal) and nothing on the page that waits for Accept.
 */
import assert from 'node:assert/strict'
import { it } from 'node:test'
import type { FindingRow } from '../../src/db/schema.ts'
import { extCall, poll, readDb, sleep } from './lib.ts'
import type { DbDump } from './lib.ts'
import type { ProbeEnv, ProbePage } from './probes-lib.ts'

export interface ConsentEnv extends ProbeEnv {
  /** The popup's "What was sent" rows for the tab showing `url`: [signal, text] in order. */
  popupRows(url: string): Promise<[string, string][]>
  /** The dashboard's site page for `site`: the text of its consent timeline, once shown. */
  siteConsentText(site: string): Promise<string>
}

/** The page a scenario loaded: its URL and when, so visits of earlier scenarios to the same
 * URL are never mistaken for it. */
interface Loaded {
  url: string
  since: number
}

/** Findings of the newest visit to exactly `url` that started after `since`. */
function findingsAt(dump: DbDump, { url, since }: Loaded): FindingRow[] {
  const visit = dump.visits
    .filter((v) => v.url === url && v.startedAt >= since)
    .sort((a, b) => b.startedAt - a.startedAt)[0]
  return visit === undefined ? [] : dump.findings.filter((f) => f.visitId === visit.id)
}

async function load(env: ConsentEnv, path: string, host = 'cmp.test') {
  const url = `${env.server.origin(host)}${path}`
  const since = Date.now()
  const page = await env.page()
  await page.goto(url)
  return { page, at: { url, since } }
}

/** Waits until the visit satisfies `ok`, then returns its findings. */
async function waitFor(
  env: ConsentEnv,
  at: Loaded,
  ok: (f: FindingRow[]) => boolean,
  what: string,
  timeout = 20_000,
): Promise<FindingRow[]> {
  const ext = await env.ext()
  const dump = await poll(
    () => readDb(ext),
    (d) => ok(findingsAt(d, at)),
    { what: `${what} on ${at.url}`, timeout },
  )
  return findingsAt(dump, at)
}

const has = (signal: string, party?: string) => (f: FindingRow[]) =>
  f.some((r) => r.signal === signal && (party === undefined || r.party === party))

/** The page's own CMP reported the answer (consent.tcf read from the page). */
const pageTcf = (f: FindingRow[]) =>
  f.find((r) => r.signal === 'consent.tcf' && r.evidence.details?.[0]?.source === 'page')

/** Trackers fired at load, then Accept: both companies flagged, once, strongest in the popup. */
export async function trackingBeforeAccept(env: ConsentEnv): Promise<void> {
  const { page, at } = await load(env, '/before.html')
  await waitFor(env, at, has('pixel.facebook'), 'the Meta pixel')
  await page.click('#accept')
  const findings = await waitFor(env, at, has('consent.before'), 'consent.before')
  const before = findings.filter((f) => f.signal === 'consent.before')
  assert.equal(before.length, 1)
  assert.equal(before[0]?.party, 'cmp.test')
  assert.equal(before[0]?.count, 1, 'recorded once per visit')
  const detail = before[0]?.evidence.details?.[0] ?? {}
  assert.equal(detail.answered, true)
  assert.deepEqual(detail.companies, ['Facebook', 'Google'])
  assert.ok(Array.isArray(detail.signals) && detail.signals.includes('pixel.facebook'))
  assert.equal(typeof detail.bannerAfterMs, 'number')
  assert.ok(Number(detail.answeredAfterMs) >= Number(detail.firstAfterMs))
  assert.equal(detail.afterRefusal, undefined, 'accepted: nothing counts after the answer')
  const tcf = pageTcf(findings)?.evidence.details?.[0]
  assert.equal(tcf?.event, 'useractioncomplete')
  assert.equal(tcf?.adsRefused, false)
  assert.equal(tcf?.cmp, 300)
  // The stub's GPP and USP APIs were read too (one finding each, from the page).
  const gpp = findings.filter((f) => f.signal === 'consent.gpp')
  assert.equal(gpp.length, 1)
  assert.equal(gpp[0]?.count, 1)
  assert.deepEqual(gpp[0]?.evidence.details?.[0], {
    source: 'page',
    event: 'cmpDisplayStatus:hidden',
    sections: ['usnat'],
    optedOut: [],
    notOptedOut: ['sale', 'sharing', 'targeted advertising'],
  })
  assert.deepEqual(findings.find((f) => f.signal === 'consent.usp')?.evidence.details?.[0], {
    source: 'page',
    event: 'getUSPData',
    optedOut: false,
    usPrivacy: '1YNN',
  })
  // Nothing more is recorded for the visit later (one verdict per visit).
  await sleep(4000)
  const again = findingsAt(await readDb(await env.ext()), at)
  assert.equal(again.filter((f) => f.signal === 'consent.before')[0]?.count, 1)

  const rows = await env.popupRows(at.url)
  assert.equal(rows[0]?.[0], 'consent.before', `strongest first: ${JSON.stringify(rows)}`)
  assert.match(
    rows[0]?.[1] ?? '',
    /Tracking before you answered the cookie banner.*on\s*cmp\.test.*Before you answered the cookie banner, 2 companies had already loaded/,
  )
  await page.close()
}

/** Trackers fired at load, then Reject: flagged, and the pixel that fired after it too. */
export async function trackingAfterRefusal(env: ConsentEnv): Promise<void> {
  const { page, at } = await load(env, '/before.html')
  await waitFor(env, at, has('pixel.facebook'), 'the Meta pixel')
  await page.click('#reject')
  const findings = await waitFor(env, at, has('consent.before'), 'consent.before')
  const detail = findings.find((f) => f.signal === 'consent.before')?.evidence.details?.[0] ?? {}
  assert.equal(detail.answered, true)
  assert.deepEqual(detail.companies, ['Facebook', 'Google'])
  assert.deepEqual(detail.afterRefusal, ['Facebook'])
  assert.equal(pageTcf(findings)?.evidence.details?.[0]?.adsRefused, true)
  assert.deepEqual(
    findings.find((f) => f.signal === 'consent.gpp')?.evidence.details?.[0]?.optedOut,
    ['sale', 'sharing', 'targeted advertising'],
  )
  const rows = await env.popupRows(at.url)
  assert.match(rows[0]?.[1] ?? '', /1 company still tracked you after you refused/)
  await page.close()
}

/** Trackers only after Accept: the answer is recorded, nothing is flagged. */
export async function trackingOnlyAfterAccept(env: ConsentEnv): Promise<void> {
  const { page, at } = await load(env, '/after.html')
  // The banner event must reach the background first, as it would for a person reading it.
  await sleep(1500)
  await page.click('#accept')
  await waitFor(
    env,
    at,
    (f) => has('pixel.facebook')(f) && pageTcf(f) !== undefined,
    'the answer and the Meta pixel after it',
  )
  // The verdict comes a few seconds after the answer (settle time): wait past it.
  await sleep(5000)
  const findings = findingsAt(await readDb(await env.ext()), at)
  assert.ok(has('tracker.request')(findings), 'the trackers after Accept were recorded')
  assert.equal(findings.filter((f) => f.signal === 'consent.before').length, 0)
  await page.close()
}

/** No CMP on the page: trackers are recorded, no consent finding of any kind. */
export async function noConsentTool(env: ConsentEnv): Promise<void> {
  const { page, at } = await load(env, '/none.html')
  await waitFor(env, at, has('tracker.request'), 'the analytics request')
  await sleep(4000)
  const findings = findingsAt(await readDb(await env.ext()), at)
  assert.deepEqual(
    findings.filter((f) => f.signal.startsWith('consent.')).map((f) => f.signal),
    [],
  )
  await page.close()
}

/** The banner left unanswered: judged when the person leaves the page. */
export async function unansweredBanner(env: ConsentEnv): Promise<void> {
  const { page, at } = await load(env, '/before.html')
  await waitFor(env, at, has('pixel.facebook'), 'the Meta pixel')
  await sleep(1000) // the banner event reaches the background
  await page.goto(`${env.server.origin('cmp.test')}/none.html`)
  const findings = await waitFor(env, at, has('consent.before'), 'consent.before')
  const detail = findings.find((f) => f.signal === 'consent.before')?.evidence.details?.[0] ?? {}
  assert.equal(detail.answered, false)
  assert.deepEqual(detail.companies, ['Facebook', 'Google'])
  assert.equal(detail.answeredAfterMs, undefined)
  await page.close()
}

/** A consent API that throws, hands over objects with getters, or floods: the page works, no
 * page code of ours runs (no getter, no toString), nothing is recorded. */
export async function hostileConsentApi(env: ConsentEnv): Promise<void> {
  const { page, at } = await load(env, '/hostile.html')
  await waitFor(env, at, has('tracker.request'), 'the analytics request')
  await sleep(4000)
  assert.equal(await page.evaluate<boolean>('window.__ok === true'), true)
  assert.equal(await page.evaluate<string>('String(window.__touched)'), 'undefined')
  const findings = findingsAt(await readDb(await env.ext()), at)
  assert.deepEqual(
    findings.filter((f) => f.signal.startsWith('consent.')).map((f) => f.signal),
    [],
  )
  await page.close()
}

const detailsOf = (f: FindingRow[], signal: string) =>
  f.filter((r) => r.signal === signal).flatMap((r) => r.evidence.details ?? [])

/**
 * A OneTrust-style banner with no IAB API (banner.test, script from cdn.cookielaw.org): the
 * platform is named from its script host, its page object and its cookie; Reject is read from
 * the cookie; the pixel that fires anyway is flagged, and on the next visit the refusal kept in
 * the cookie makes the same pixel count as tracking after a refusal from the first moment.
 */
export async function cookieBannerWithoutApi(env: ConsentEnv): Promise<void> {
  const first = await load(env, '/', 'banner.test')
  await waitFor(
    env,
    first.at,
    (f) =>
      has('pixel.facebook')(f) &&
      detailsOf(f, 'consent.cmp').some((d) => d.pageObject) &&
      detailsOf(f, 'consent.cmp').some((d) => d.banner === 'shown'),
    'the Meta pixel, the consent platform and its banner',
  )
  await sleep(500)
  await first.page.click('#onetrust-reject-all-handler')
  const findings = await waitFor(env, first.at, has('consent.before'), 'consent.before')
  const cmp = detailsOf(findings, 'consent.cmp')
  assert.ok(
    cmp.every((d) => d.cmp === 'OneTrust'),
    JSON.stringify(cmp),
  )
  assert.ok(
    cmp.some((d) => d.host === 'cdn.cookielaw.org'),
    'named from its script host',
  )
  assert.ok(
    cmp.some((d) => d.pageObject === 'window.OneTrust'),
    'named from its page object',
  )
  const refusal = cmp.find(
    (d) => d.cookie === 'OptanonConsent' && Array.isArray(d.refused) && d.refused.length > 0,
  )
  assert.ok(refusal, `the refusal read from the cookie: ${JSON.stringify(cmp)}`)
  assert.deepEqual(refusal.refused, ['performance', 'functional', 'targeting (advertising)'])
  assert.ok(
    cmp.some((d) => d.banner === 'shown'),
    'its banner seen on screen',
  )
  const detail = findings.find((f) => f.signal === 'consent.before')?.evidence.details?.[0] ?? {}
  assert.equal(detail.answered, true)
  assert.deepEqual(detail.companies, ['Facebook'])
  assert.deepEqual(detail.afterRefusal, ['Facebook'])
  assert.equal(typeof detail.bannerAfterMs, 'number', 'when the banner appeared')

  // Next visit: no banner, the refusal is in the cookie from the start; the pixel still fires.
  const second = await load(env, '/', 'banner.test')
  await waitFor(env, second.at, has('pixel.facebook'), 'the Meta pixel on the return visit')
  await sleep(1000)
  await second.page.goto(`${env.server.origin('cmp.test')}/none.html`)
  const again = await waitFor(env, second.at, has('consent.before'), 'consent.before, return visit')
  const d2 = again.find((f) => f.signal === 'consent.before')?.evidence.details?.[0] ?? {}
  assert.equal(d2.refusedEarlier, true)
  assert.deepEqual(d2.afterRefusal, ['Facebook'])
  assert.deepEqual(d2.companies, [])
  // The consent table holds both visits' timelines: the answer read from the cookie on the
  // first, the refusal already saved on the second.
  const dump = await readDb(await env.ext())
  const timeline = (at: Loaded) => {
    const visit = dump.visits.find((v) => v.url === at.url && v.startedAt >= at.since)
    return dump.consent
      .filter((r) => r.visitId === visit?.id)
      .map((r) => `${r.source} ${r.framework} ${r.event} ${String(r.adsAllowed)}`)
  }
  const firstTimeline = timeline(first.at)
  assert.ok(firstTimeline.includes('page cmp platform undefined'), firstTimeline.join('; '))
  assert.ok(firstTimeline.includes('cookie cmp answered false'), firstTimeline.join('; '))
  const secondTimeline = timeline(second.at)
  assert.ok(secondTimeline.includes('cookie cmp stored false'), secondTimeline.join('; '))
  await first.page.close()
  await second.page.close()
}

/**
 * Global Privacy Control honoured or ignored: with GPC on, honours.test answers the signal
 * (US Privacy 1YYN) and ignores.test does not (1YNN, though its gpc.json says it honours GPC).
 * Both visits record gpc.sent from the header seen on the wire; only ignores.test gets
 * gpc.ignored, naming the ad company it told "not opted out".
 */
export async function gpcHonouredOrIgnored(env: ConsentEnv): Promise<void> {
  const ext = await env.ext()
  const gpcSet = (change: object) =>
    extCall(ext, `ext.runtime.sendMessage(${JSON.stringify({ type: 'gpc.set', ...change })})`)
  await gpcSet({ enabled: true })
  try {
    const visits: Loaded[] = []
    const pages: ProbePage[] = []
    for (const host of ['honours.test', 'ignores.test']) {
      const { page, at } = await load(env, '/', host)
      await waitFor(
        env,
        at,
        (f) => has('gpc.sent')(f) && has('consent.usp')(f) && has('gpc.support')(f),
        'gpc.sent, the US Privacy string and the gpc.json check',
      )
      visits.push(at)
      pages.push(page)
    }
    const [honours, ignores] = visits as [Loaded, Loaded]
    // The honouring visit ends (judged at once); the other is judged while it stays open.
    await pages[0]?.goto(`${env.server.origin('cmp.test')}/none.html`)
    const bad = await waitFor(env, ignores, has('gpc.ignored'), 'gpc.ignored', 45_000)
    const sent = detailsOf(bad, 'gpc.sent')[0]
    assert.deepEqual(sent, { header: 'Sec-GPC: 1', sentBy: 'Tracelight' })
    const rows = await env.popupRows(ignores.url)
    assert.ok(
      rows.some(
        ([signal, text]) => signal === 'gpc.ignored' && /ignored your opt-out signal/.test(text),
      ),
      JSON.stringify(rows),
    )
    const ignored = detailsOf(bad, 'gpc.ignored')[0] ?? {}
    assert.equal(ignored.declaredHonours, true)
    assert.ok(Array.isArray(ignored.toldNotOptedOut) && ignored.toldNotOptedOut.length === 1)
    assert.ok(Array.isArray(ignored.reasons) && ignored.reasons.includes('gpc-usp-not-opted-out'))
    assert.equal(ignored.usPrivacy, '1YNN')
    await sleep(2000)
    const good = findingsAt(await readDb(ext), honours)
    assert.ok(has('gpc.sent')(good))
    assert.equal(has('gpc.ignored')(good), false, 'the honouring site is not flagged')
    assert.ok(detailsOf(good, 'consent.usp').every((d) => d.optedOut === true))
    for (const page of pages) await page.close()
  } finally {
    await gpcSet({ enabled: false })
  }
}

/**
 * GPC compared with the site's earlier visits without it. Two visits to each site with GPC off:
 * honours.test and ignores.test both pass Xandr's ID on to Google and report US Privacy 1YNN.
 * Then one visit each with GPC on: ignores.test keeps both up and is flagged, naming the
 * visits compared and what went on unchanged; honours.test stops the ID passing and reports
 * 1YYN, and its site page says in plain words that it honoured the signal.
 */
export async function gpcComparedWithEarlierVisits(env: ConsentEnv): Promise<void> {
  const ext = await env.ext()
  const gpcSet = (change: object) =>
    extCall(ext, `ext.runtime.sendMessage(${JSON.stringify({ type: 'gpc.set', ...change })})`)
  const away = `${env.server.origin('cmp.test')}/none.html`
  const hosts = ['honours.test', 'ignores.test'] as const
  await gpcSet({ enabled: false })
  for (let round = 0; round < 2; round++) {
    for (const host of hosts) {
      const { page, at } = await load(env, '/', host)
      const found = await waitFor(
        env,
        at,
        (f) => has('id.sync')(f) && has('consent.usp')(f),
        'the ID passed to Google and the US Privacy string, without GPC',
      )
      assert.equal(has('gpc.sent')(found), false, 'GPC is off')
      await page.close()
    }
  }
  await gpcSet({ enabled: true })
  try {
    const sent = (f: FindingRow[]) => has('gpc.sent')(f) && has('consent.usp')(f)
    const first = await load(env, '/', 'honours.test')
    const honours = first.at
    await waitFor(env, honours, sent, 'gpc.sent and the US Privacy string')
    // Watched for longer than the ID passing took without GPC, then left: judged at once.
    await sleep(3000)
    await first.page.goto(away)
    await first.page.close()
    // Judged while it stays open (the popup reads the tab's visit).
    const second = await load(env, '/', 'ignores.test')
    const ignores = second.at
    const bad = await waitFor(
      env,
      ignores,
      (f) => detailsOf(f, 'gpc.ignored').some((d) => d.comparedVisits !== undefined),
      'gpc.ignored from the comparison',
      45_000,
    )
    const ignored = detailsOf(bad, 'gpc.ignored')[0] ?? {}
    assert.equal(ignored.comparedVisits, 2, JSON.stringify(ignored))
    assert.deepEqual(ignored.sameIdSync, ['Google'])
    assert.equal(ignored.sameUsPrivacy, '1YNN')
    // The reason is a code; the popup says it in words (below).
    assert.equal((ignored.reasons as string[])[0], 'gpc-unchanged-without-gpc')
    const rows = await env.popupRows(ignores.url)
    const row = rows.find(([signal]) => signal === 'gpc.ignored')
    assert.match(
      row?.[1] ?? '',
      /Without GPC on 2 earlier visits, and with GPC now, this company got your ID from another company: Google\./,
      JSON.stringify(rows),
    )
    await second.page.close()

    const dump = await poll(
      () => readDb(ext),
      (d) => timelineOf(d, honours).some((r) => r.event === 'compared'),
      { what: 'the comparison in the honouring visit’s timeline', timeout: 20_000 },
    )
    assert.equal(has('gpc.ignored')(findingsAt(dump, honours)), false, 'not flagged')
    const compared = timelineOf(dump, honours).find((r) => r.event === 'compared')
    assert.deepEqual(compared?.state, {
      outcome: 'honoured',
      comparedVisits: 2,
      stoppedIdSync: ['Google'],
      usPrivacyBefore: '1YNN',
      usPrivacyNow: '1YYN',
    })
    const text = await env.siteConsentText('honours.test')
    assert.match(
      text,
      /The site honoured your opt-out signal\. On 2 earlier visits without GPC, this company got your ID from another company: Google\. With GPC, it did not\. Without GPC, the site said you had not opted out of the sale of your data \(1YNN\); with GPC, it said you had \(1YYN\)\./,
    )
  } finally {
    await gpcSet({ enabled: false })
  }
}

/** The consent table rows of the newest visit to exactly `url` since `since`. */
function timelineOf(dump: DbDump, { url, since }: Loaded) {
  const visit = dump.visits
    .filter((v) => v.url === url && v.startedAt >= since)
    .sort((a, b) => b.startedAt - a.startedAt)[0]
  return dump.consent.filter((r) => r.visitId === visit?.id)
}

/** cmp.js's refusal (tcString of no purposes, no vendors, CMP 300). */
const REJECT_TC = 'CQuf10AQuf10AEsABBENCWFgAAAAAAAAAAYgAAAAAAAA.IAAA.YAAAAAAAAAAA'

/**
 * The IAB locator frames (cmp.test/locator.html): the page's CMP also answers other frames'
 * postMessage calls. A cross-site ad frame with no __tcfapi of its own reads the consent that
 * way and passes the refusal on to an ad company; an embedded widget runs a consent tool of
 * its own that accepts everything; two frames never ask. Tracelight reads the page's own CMP
 * in the top frame — where the standard puts the interface next to the locator — once, and
 * makes no locator call of its own in any frame (the CMP's log holds the ad frame's calls
 * only); the widget's consent tool is not taken for the site's; and what the ad frame learnt
 * through the locator is still seen, on the ad request that carried it.
 */
export async function consentThroughLocator(env: ConsentEnv): Promise<void> {
  const { page, at } = await load(env, '/locator.html')
  const FRAME_CALLS = ['frame-gpp', 'frame-tcf-listen', 'frame-tcf-ping', 'frame-usp']
  await poll(
    () => page.evaluate<string>('JSON.stringify(window.__adFrameAnswers || [])'),
    (answered) => answered === JSON.stringify(FRAME_CALLS),
    { what: 'the ad frame’s four calls answered through the locator', timeout: 15_000 },
  )
  await waitFor(env, at, (f) => has('consent.usp')(f), 'the page’s US Privacy string')
  await sleep(1000) // the banner event reaches the background
  await page.click('#reject')
  const findings = await waitFor(
    env,
    at,
    (f) => pageTcf(f) !== undefined && has('consent.tcf', 'adnxs.com')(f),
    'the refusal, read from the page and passed on by the ad frame',
  )
  // The ad frame read the refusal through the locator and sent it to the ad company.
  assert.ok(
    env.server.requests.some(
      (r) => r.host === 'ib.adnxs.com' && r.path.includes(`gdpr_consent=${REJECT_TC}`),
    ),
    'the ad request carried the refusal',
  )
  assert.equal(
    detailsOf(findings, 'consent.tcf').find((d) => d.source === undefined)?.adsRefused,
    true,
    'the consent passed to the ad company is recorded',
  )
  // The page's consent is its top frame's: one reading per string, none from the widget.
  const fromPage = (signal: string) =>
    detailsOf(findings, signal).filter((d) => d.source === 'page')
  assert.deepEqual(
    fromPage('consent.tcf').map((d) => [d.event, d.adsRefused]),
    [['useractioncomplete', true]],
  )
  assert.deepEqual(
    fromPage('consent.usp').map((d) => d.usPrivacy),
    ['1YNN'],
    'not the widget’s 1NNN',
  )
  const dump = await readDb(await env.ext())
  const timeline = timelineOf(dump, at).map((r) => `${r.source} ${r.framework} ${r.event}`)
  assert.ok(timeline.includes('page tcf shown'), timeline.join('; '))
  assert.ok(
    timeline.some((t) => /^page (?:tcf|gpp) answered$/.test(t)),
    timeline.join('; '),
  )
  // Every call the CMP received through the locator came from the ad frame's own script.
  const calls = JSON.parse(
    await page.evaluate<string>('JSON.stringify(window.__locatorCalls)'),
  ) as { callId: string; origin: string }[]
  assert.deepEqual(calls.map((c) => c.callId).sort(), FRAME_CALLS)
  const adOrigin = env.server.origin('securepubads.g.doubleclick.net')
  assert.ok(
    calls.every((c) => c.origin === adOrigin),
    JSON.stringify(calls),
  )
  await page.close()
}

/** The scenarios both browsers run alike, as tests of the current suite. */
export function sharedConsentTests(env: ConsentEnv): void {
  void it('flags trackers that fired before Accept, once, first in the popup', async () => {
    await trackingBeforeAccept(env)
  })

  void it('flags trackers before Reject and the pixel that kept going after it', async () => {
    await trackingAfterRefusal(env)
  })

  void it('flags nothing when trackers wait for Accept', async () => {
    await trackingOnlyAfterAccept(env)
  })

  void it('records no consent finding on a page without a consent tool', async () => {
    await noConsentTool(env)
  })

  void it('flags trackers under a banner left unanswered when the person leaves', async () => {
    await unansweredBanner(env)
  })

  void it('survives a consent API that throws, lies or floods, and records nothing from it', async () => {
    await hostileConsentApi(env)
  })

  void it('reads a banner without a consent API from its cookies, and a refusal kept from an earlier visit', async () => {
    await cookieBannerWithoutApi(env)
  })

  void it('records the GPC signal sent, and flags the site that ignored it', async () => {
    await gpcHonouredOrIgnored(env)
  })

  void it('reads the page’s consent in its top frame when other frames use the locator, and makes no locator call itself', async () => {
    await consentThroughLocator(env)
  })

  void it('compares GPC with earlier visits without it: same ID passing flagged, stopped ID passing shown as honoured', async () => {
    await gpcComparedWithEarlierVisits(env)
  })
}
