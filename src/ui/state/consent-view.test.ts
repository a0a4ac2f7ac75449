import { describe, expect, it } from 'vitest'
import type { ConsentRow } from '@/db/schema'
import { consentVisits } from './consent-view'

const row = (over: Partial<ConsentRow>): ConsentRow => ({
  visitId: 1,
  site: 'news.test',
  at: 1_000,
  source: 'page',
  framework: 'tcf',
  event: 'shown',
  state: {},
  ...over,
})

describe('consent timeline in plain words', () => {
  it('groups by visit, newest first, each visit in time order, each sentence once', () => {
    const visits = consentVisits([
      row({ visitId: 1, at: 1_000 }),
      row({ visitId: 2, at: 9_000, event: 'stored', source: 'cookie', adsAllowed: false }),
      row({ visitId: 1, at: 3_000, event: 'answered', adsAllowed: true }),
      row({ visitId: 1, at: 2_000, event: 'shown', framework: 'gpp' }),
      row({ visitId: 2, at: 9_500, framework: 'gpc', event: 'sent', source: 'wire' }),
    ])
    expect(visits.map((v) => [v.visitId, v.moments.map((m) => m.key)])).toEqual([
      [2, ['consent.storedRefused', 'consent.gpcSent']],
      [1, ['consent.shown', 'consent.answeredAccepted']],
    ])
    expect(visits[0]?.moments.map((m) => m.from)).toEqual([
      'consent.fromCookie',
      'consent.fromRequest',
    ])
  })

  it('names the platform, and leaves out what says nothing to a person', () => {
    const visits = consentVisits([
      row({ framework: 'cmp', event: 'platform', state: { cmp: 'Didomi' } }),
      row({ event: 'loaded' }), // a choice with no verdict on ads
      row({ event: 'something new' }),
    ])
    expect(visits[0]?.moments).toEqual([
      { at: 1_000, key: 'consent.platform', vars: { cmp: 'Didomi' }, from: 'consent.fromPage' },
    ])
    expect(consentVisits([row({ event: 'loaded' })])).toEqual([])
  })

  it('keeps the newest visits only', () => {
    const rows = Array.from({ length: 15 }, (_, i) => row({ visitId: i, at: i }))
    expect(consentVisits(rows, 10).map((v) => v.visitId)).toEqual([
      14, 13, 12, 11, 10, 9, 8, 7, 6, 5,
    ])
  })

  it('says whether the site honoured GPC, compared with earlier visits without it', () => {
    const compared = (outcome: string, visitId: number) =>
      row({
        visitId,
        at: 5_000 + visitId,
        source: 'wire',
        framework: 'gpc',
        event: 'compared',
        state: { outcome, comparedVisits: 2, stoppedIdSync: ['Google'] },
      })
    const visits = consentVisits([
      compared('honoured', 1),
      compared('ignored', 2),
      compared('unclear', 3), // never kept, and says nothing
      row({ visitId: 4, framework: 'tcf', event: 'compared', state: { outcome: 'ignored' } }),
    ])
    expect(visits.map((v) => v.moments.map((m) => [m.key, m.from]))).toEqual([
      [['consent.gpcIgnored', 'consent.fromComparison']],
      [['consent.gpcHonoured', 'consent.fromComparison']],
    ])
    expect(visits[1]?.moments[0]?.gpc).toEqual({
      outcome: 'honoured',
      comparedVisits: 2,
      stoppedIdSync: ['Google'],
    })
  })
})
