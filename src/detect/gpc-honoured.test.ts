import { describe, expect, it } from 'vitest'
import { gpcIgnored, sendsGpc, type VisitFinding } from './gpc-honoured'

const SITE = 'shop.test'
const f = (over: Partial<VisitFinding>): VisitFinding => ({
  signal: 'consent.usp',
  party: SITE,
  details: [],
  ...over,
})

describe('GPC on the wire', () => {
  it.each([
    [[{ name: 'Sec-GPC', value: '1' }], true],
    [[{ name: 'sec-gpc', value: ' 1 ' }], true],
    [
      [
        { name: 'Accept', value: '*/*' },
        { name: 'SEC-GPC', value: '1' },
      ],
      true,
    ],
    [[{ name: 'Sec-GPC', value: '0' }], false],
    [[{ name: 'Sec-GPC', value: 'true' }], false],
    [[{ name: 'Sec-GPC' }], false],
    [[{ name: 'X-Sec-GPC', value: '1' }], false],
    [[], false],
    [undefined, false],
  ])('%j → %s', (headers, expected) => {
    expect(sendsGpc(headers)).toBe(expected)
  })
})

describe('GPC ignored', () => {
  it('flags a site that still reports no opt-out of sale, naming the companies told', () => {
    const detail = gpcIgnored(
      SITE,
      [
        f({ details: [{ source: 'page', optedOut: false, usPrivacy: '1YNN' }] }),
        f({
          party: 'doubleclick.net',
          company: 'Google',
          details: [{ optedOut: false, usPrivacy: '1YNN' }],
        }),
      ],
      false,
    )
    expect(detail).toEqual({
      reasons: ['gpc-usp-not-opted-out'],
      usPrivacy: '1YNN',
      declaredHonours: false,
      saidNotOptedOut: true,
      toldNotOptedOut: ['Google'],
    })
  })

  it('flags GPP sections that say no opt-out, and OneTrust not applying GPC', () => {
    const detail = gpcIgnored(
      SITE,
      [
        f({
          signal: 'consent.gpp',
          details: [{ source: 'page', notOptedOut: ['sale', 'sharing'] }],
        }),
        f({
          signal: 'consent.cmp',
          details: [
            { cmp: 'OneTrust', allowed: ['strictly necessary', 'targeting (advertising)'] },
          ],
        }),
      ],
      false,
    )
    expect(detail?.reasons).toEqual(['gpc-gpp-not-opted-out', 'gpc-onetrust-not-applied'])
    expect(detail?.notOptedOut).toEqual(['sale', 'sharing'])
  })

  it('flags ID syncing on a site whose gpc.json says it honours GPC', () => {
    const rows = [f({ signal: 'id.sync', party: 'adnxs.com', company: 'Xandr', details: [{}] })]
    const detail = gpcIgnored(SITE, rows, true)
    expect(detail).toMatchObject({ declaredHonours: true, stillShared: ['Xandr'] })
    // What it did, not what it said.
    expect(detail).not.toHaveProperty('saidNotOptedOut')
    // Without the declaration, ID syncing alone is not proof the signal was ignored.
    expect(gpcIgnored(SITE, rows, false)).toBeNull()
  })

  it.each([
    ['an opted-out US Privacy string', [f({ details: [{ optedOut: true, usPrivacy: '1YYN' }] })]],
    ['GPP with opt-outs made', [f({ signal: 'consent.gpp', details: [{ optedOut: ['sale'] }] })]],
    [
      'OneTrust applying GPC',
      [
        f({
          signal: 'consent.cmp',
          details: [{ cmp: 'OneTrust', gpcApplied: true, allowed: ['targeting (advertising)'] }],
        }),
      ],
    ],
    [
      'OneTrust with advertising off',
      [
        f({
          signal: 'consent.cmp',
          details: [{ cmp: 'OneTrust', allowed: ['strictly necessary'] }],
        }),
      ],
    ],
    ['trackers only', [f({ signal: 'tracker.request', party: 'doubleclick.net', details: [] })]],
    ['nothing', []],
  ])('nothing for %s', (_, rows) => {
    expect(gpcIgnored(SITE, rows, true)).toBeNull()
  })
})
