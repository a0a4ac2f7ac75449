import { describe, expect, it } from 'vitest'
import {
  comparisonDetail,
  compareWithoutGpc,
  EARLIER_WITHIN_MS,
  MAX_EARLIER,
  type ComparedVisit,
  type GpcVisit,
} from './gpc-compare'
import { gpcIgnored, type VisitFinding } from './gpc-honoured'

const SITE = 'ignores.test'
const DAY = 24 * 60 * 60 * 1000
const NOW = 100 * DAY

/** ID passed to a company's host, `ms` after the page started. */
const sync = (company: string, ms = 500): [VisitFinding, number] => [
  { signal: 'id.sync', party: `${company.toLowerCase()}.com`, company, details: [{}] },
  ms,
]
const pixel = (company: string, details: VisitFinding['details'] = [{ event: 'PageView' }]) =>
  [{ signal: 'pixel.facebook', party: `${company.toLowerCase()}.com`, company, details }, 300] as [
    VisitFinding,
    number,
  ]
const usp = (text: string, party = SITE): [VisitFinding, number] => [
  {
    signal: 'consent.usp',
    party,
    details: [{ source: 'page', optedOut: text[2] === 'Y', usPrivacy: text }],
  },
  200,
]
const gpp = (detail: VisitFinding['details'][number]): [VisitFinding, number] => [
  { signal: 'consent.gpp', party: SITE, details: [detail] },
  200,
]
const gpcSent: [VisitFinding, number] = [
  { signal: 'gpc.sent', party: SITE, details: [{ header: 'Sec-GPC: 1' }] },
  0,
]

let nextId = 1
/** A visit `daysAgo` before NOW with these findings (each first seen `ms` after it started). */
function visit(daysAgo: number, ...found: [VisitFinding, number][]): ComparedVisit {
  const startedAt = NOW - daysAgo * DAY
  return {
    visitId: nextId++,
    startedAt,
    findings: found.map(([f, ms]) => ({ ...f, firstAt: startedAt + ms })),
  }
}

/** The visit that sent GPC, watched for `watchedMs`. */
function withGpc(
  found: [VisitFinding, number][],
  { watchedMs = 20_000, acceptedAds = false } = {},
): GpcVisit {
  const v = visit(0, gpcSent, ...found)
  return { ...v, judgedAt: v.startedAt + watchedMs, acceptedAds }
}

const THREE = ['Google', 'Xandr', 'Criteo']

describe('GPC compared with earlier visits without it', () => {
  it('flags the same companies still getting your ID, naming them and the visits compared', () => {
    const earlier = [1, 2, 3].map((d) => visit(d, ...THREE.map((c) => sync(c))))
    const c = compareWithoutGpc(SITE, withGpc([...THREE, 'PubMatic'].map((c) => sync(c))), earlier)
    expect(c).toMatchObject({
      outcome: 'ignored',
      visits: 3,
      idSync: 'continued',
      sameIdSync: ['Criteo', 'Google', 'Xandr'],
    })
    expect(comparisonDetail(c!)).toEqual({
      comparedVisits: 3,
      sameIdSync: ['Criteo', 'Google', 'Xandr'],
    })
  })

  it('flags ad pixels that keep firing, and the same "not opted out" US Privacy string', () => {
    const earlier = [1, 5].map((d) => visit(d, pixel('Facebook'), usp('1YNN')))
    const c = compareWithoutGpc(SITE, withGpc([pixel('Facebook'), usp('1YNN')]), earlier)
    expect(c).toMatchObject({
      outcome: 'ignored',
      ads: 'continued',
      sameAds: ['Facebook'],
      sameUsPrivacy: '1YNN',
    })
  })

  it('flags the same GPP fields not opted out of', () => {
    const earlier = [1, 2].map((d) => visit(d, gpp({ notOptedOut: ['sharing', 'sale'] })))
    const c = compareWithoutGpc(SITE, withGpc([gpp({ notOptedOut: ['sale', 'sharing'] })]), earlier)
    expect(c).toMatchObject({ outcome: 'ignored', sameGpp: ['sale', 'sharing'] })
  })

  it('counts companies seen on most earlier visits, and flags when most of them go on', () => {
    // Criteo turned up once in three visits: not part of what the site usually does.
    const earlier = [
      visit(1, sync('Google'), sync('Xandr'), sync('Criteo')),
      visit(2, sync('Google'), sync('Xandr')),
      visit(3, sync('Google'), sync('Xandr')),
    ]
    const c = compareWithoutGpc(SITE, withGpc([sync('Google')]), earlier)
    expect(c).toMatchObject({ outcome: 'ignored', sameIdSync: ['Google'] })
  })

  it('says the site honoured GPC when ID passing and pixels stopped, naming who no longer got them', () => {
    const earlier = [1, 2, 3].map((d) => visit(d, sync('Google'), sync('Xandr'), pixel('Facebook')))
    const c = compareWithoutGpc(SITE, withGpc([]), earlier)
    expect(c).toMatchObject({
      outcome: 'honoured',
      idSync: 'stopped',
      ads: 'stopped',
      stoppedIdSync: ['Google', 'Xandr'],
      stoppedAds: ['Facebook'],
    })
    expect(comparisonDetail(c!)).toEqual({
      comparedVisits: 3,
      stoppedIdSync: ['Google', 'Xandr'],
      stoppedAds: ['Facebook'],
    })
  })

  it('says the site honoured GPC when its US Privacy string turned to "opted out"', () => {
    const earlier = [1, 2].map((d) => visit(d, usp('1YNN'), usp('1YNN', 'adnxs.com')))
    const c = compareWithoutGpc(SITE, withGpc([usp('1YYN'), usp('1YYN', 'adnxs.com')]), earlier)
    expect(c).toMatchObject({
      outcome: 'honoured',
      usPrivacyBefore: '1YNN',
      usPrivacyNow: '1YYN',
    })
    expect(gpcIgnored(SITE, withGpc([usp('1YYN')]).findings, false, c)).toBeNull()
  })

  it('says the site honoured GPC when GPP turned to opt-outs', () => {
    const earlier = [1, 2].map((d) => visit(d, gpp({ notOptedOut: ['sale'], optedOut: [] })))
    const c = compareWithoutGpc(
      SITE,
      withGpc([gpp({ optedOut: ['sale', 'sharing'], notOptedOut: [] })]),
      earlier,
    )
    expect(c).toMatchObject({ outcome: 'honoured', gppOptedOutNow: ['sale', 'sharing'] })
  })

  it('does not count pixels sent under Limited Data Use or restricted processing as sharing', () => {
    const earlier = [1, 2].map((d) => visit(d, pixel('Facebook')))
    const ldu = pixel('Facebook', [{ event: 'PageView', limitedDataUse: true }])
    const c = compareWithoutGpc(SITE, withGpc([ldu]), earlier)
    expect(c).toMatchObject({ outcome: 'honoured', ads: 'stopped', stoppedAds: ['Facebook'] })
    const rdp = [
      { signal: 'pixel.google_ads', party: 'google.com', company: 'Google', details: [{}] },
      300,
    ] as [VisitFinding, number]
    const google = [1, 2].map((d) => visit(d, rdp))
    const restrictedNow: [VisitFinding, number] = [
      { ...rdp[0], details: [{ restrictedProcessing: true }] },
      300,
    ]
    expect(compareWithoutGpc(SITE, withGpc([restrictedNow]), google)?.outcome).toBe('honoured')
    // One hit restricted and another not: still sharing.
    const mixed: [VisitFinding, number] = [
      { ...rdp[0], details: [{ restrictedProcessing: true }, {}] },
      300,
    ]
    expect(compareWithoutGpc(SITE, withGpc([mixed]), google)?.outcome).toBe('ignored')
  })

  describe('near misses: no verdict either way', () => {
    it('a different set of companies', () => {
      const earlier = [1, 2, 3].map((d) => visit(d, sync('Google'), sync('Xandr')))
      const c = compareWithoutGpc(SITE, withGpc([sync('Criteo'), sync('PubMatic')]), earlier)
      expect(c).toMatchObject({ outcome: 'unclear', idSync: 'changed', sameIdSync: [] })
      expect(comparisonDetail(c!)).toEqual({ comparedVisits: 3 })
    })

    it('fewer than half of the usual companies', () => {
      const earlier = [1, 2].map((d) => visit(d, ...['A', 'B', 'C', 'D', 'E'].map((c) => sync(c))))
      expect(compareWithoutGpc(SITE, withGpc([sync('A'), sync('B')]), earlier)?.outcome).toBe(
        'unclear',
      )
      // Three of five is most of them.
      const most = withGpc([sync('A'), sync('B'), sync('C')])
      expect(compareWithoutGpc(SITE, most, earlier)?.outcome).toBe('ignored')
    })

    it('too few earlier visits', () => {
      expect(compareWithoutGpc(SITE, withGpc([sync('Google')]), [visit(1, sync('Google'))])).toBe(
        null,
      )
      expect(compareWithoutGpc(SITE, withGpc([sync('Google')]), [])).toBe(null)
    })

    it('earlier visits that sent GPC too are not a baseline', () => {
      const earlier = [1, 2, 3].map((d) => visit(d, gpcSent, sync('Google')))
      expect(compareWithoutGpc(SITE, withGpc([sync('Google')]), earlier)).toBeNull()
      const mixed = [visit(1, gpcSent, sync('Google')), visit(2), visit(3)]
      // Without GPC, Google never got the ID: the one GPC visit that it did is not the usual.
      expect(compareWithoutGpc(SITE, withGpc([sync('Google')]), mixed)).toMatchObject({
        visits: 2,
        idSync: 'new',
        outcome: 'unclear',
      })
    })

    it('earlier visits too old, later or the visit itself are not compared', () => {
      const old = EARLIER_WITHIN_MS / DAY + 1
      const now = withGpc([sync('Google')])
      const earlier = [
        visit(old, sync('Google')),
        visit(old + 1, sync('Google')),
        visit(-1, sync('Google')),
        { ...now, visitId: now.visitId },
      ]
      expect(compareWithoutGpc(SITE, now, earlier)).toBeNull()
    })

    it('a behaviour that stopped, on a visit watched for less time than it took before', () => {
      const earlier = [1, 2].map((d) => visit(d, sync('Google', 8000)))
      const short = compareWithoutGpc(SITE, withGpc([], { watchedMs: 5000 }), earlier)
      expect(short).toMatchObject({ outcome: 'unclear', idSync: 'too short' })
      const long = compareWithoutGpc(SITE, withGpc([], { watchedMs: 9500 }), earlier)
      expect(long?.outcome).toBe('honoured')
    })

    it('ID passing that stopped while new ad pixels started', () => {
      const earlier = [1, 2].map((d) => visit(d, sync('Google')))
      const c = compareWithoutGpc(SITE, withGpc([pixel('Facebook')]), earlier)
      expect(c).toMatchObject({ outcome: 'unclear', idSync: 'stopped', ads: 'new' })
    })

    it('sharing that goes on after the person said yes to ads on the banner', () => {
      const earlier = [1, 2].map((d) => visit(d, sync('Google')))
      const c = compareWithoutGpc(SITE, withGpc([sync('Google')], { acceptedAds: true }), earlier)
      expect(c).toMatchObject({ outcome: 'unclear', idSync: 'continued', sameIdSync: [] })
    })

    it('a US Privacy string still saying "not opted out", yet a different one', () => {
      const earlier = [1, 2].map((d) => visit(d, usp('1YNN')))
      const c = compareWithoutGpc(SITE, withGpc([usp('1NNN')]), earlier)
      expect(c?.outcome).toBe('unclear')
      expect(c?.sameUsPrivacy).toBeUndefined()
    })
  })

  describe('negatives', () => {
    it('nothing shared before nor now', () => {
      const earlier = [1, 2].map((d) => visit(d))
      expect(compareWithoutGpc(SITE, withGpc([]), earlier)).toMatchObject({
        outcome: 'unclear',
        idSync: 'quiet',
        ads: 'quiet',
      })
    })

    it('the site’s own first-party IDs and requests are not sharing', () => {
      const own: [VisitFinding, number] = [{ signal: 'id.sync', party: SITE, details: [{}] }, 100]
      const earlier = [1, 2].map((d) => visit(d, own))
      expect(compareWithoutGpc(SITE, withGpc([own]), earlier)?.outcome).toBe('unclear')
    })

    it('reads at most the latest MAX_EARLIER visits', () => {
      // The latest ten had no sharing; older ones did: the site stopped before GPC was sent.
      const recent = Array.from({ length: MAX_EARLIER }, (_, i) => visit(i + 1))
      const older = Array.from({ length: 15 }, (_, i) => visit(i + 20, sync('Google')))
      const c = compareWithoutGpc(SITE, withGpc([]), [...older, ...recent])
      expect(c).toMatchObject({ visits: MAX_EARLIER, idSync: 'quiet', outcome: 'unclear' })
    })
  })
})

describe('gpc.ignored with the comparison', () => {
  it('puts the unchanged behaviour first among the reasons, with what was compared', () => {
    const earlier = [1, 2, 3].map((d) => visit(d, sync('Google'), sync('Xandr'), usp('1YNN')))
    const now = withGpc([sync('Google'), sync('Xandr'), usp('1YNN')])
    const c = compareWithoutGpc(SITE, now, earlier)
    const detail = gpcIgnored(SITE, now.findings, false, c)
    expect(detail).toEqual({
      reasons: ['gpc-unchanged-without-gpc', 'gpc-usp-not-opted-out'],
      declaredHonours: false,
      saidNotOptedOut: true,
      usPrivacy: '1YNN',
      comparedVisits: 3,
      sameIdSync: ['Google', 'Xandr'],
      sameUsPrivacy: '1YNN',
    })
  })

  it('flags ID passing that goes on unchanged with no declaration and no consent string', () => {
    const earlier = [1, 2].map((d) => visit(d, sync('Google')))
    const now = withGpc([sync('Google')])
    // Without the comparison this visit says nothing against the site.
    expect(gpcIgnored(SITE, now.findings, false)).toBeNull()
    expect(gpcIgnored(SITE, now.findings, false, compareWithoutGpc(SITE, now, earlier))).toEqual({
      reasons: ['gpc-unchanged-without-gpc'],
      declaredHonours: false,
      comparedVisits: 2,
      sameIdSync: ['Google'],
    })
  })

  it('adds nothing when the comparison was honoured or unclear', () => {
    const now = withGpc([sync('Criteo')])
    const earlier = [1, 2].map((d) => visit(d, sync('Google')))
    const c = compareWithoutGpc(SITE, now, earlier)
    expect(c?.outcome).toBe('unclear')
    expect(gpcIgnored(SITE, now.findings, false, c)).toBeNull()
  })
})
