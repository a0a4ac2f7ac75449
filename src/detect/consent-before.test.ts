import { describe, expect, it } from 'vitest'
import { consentBefore, type TrackingRow } from './consent-before'

const row = (over: Partial<TrackingRow>): TrackingRow => ({
  signal: 'tracker.request',
  party: 'google-analytics.com',
  company: 'Google',
  category: 'analytics',
  firstAt: 1_200,
  lastAt: 1_200,
  ...over,
})

const START = 1_000

describe('tracking before consent', () => {
  it('flags trackers that loaded before the answer, with times from the page start', () => {
    const detail = consentBefore(START, { shownAt: 1_500, answeredAt: 4_000, adsAllowed: true }, [
      row({ firstAt: 1_200 }),
      row({ party: 'facebook.com', company: 'Facebook', category: 'social', firstAt: 1_300 }),
      row({ party: 'doubleclick.net', category: 'ad', firstAt: 5_000, lastAt: 5_000 }),
    ])
    expect(detail).toEqual({
      companies: ['Facebook', 'Google'],
      signals: ['tracker.request'],
      answered: true,
      firstAfterMs: 200,
      bannerAfterMs: 500,
      answeredAfterMs: 3_000,
    })
  })

  it('counts everything while the banner is still unanswered', () => {
    const detail = consentBefore(START, { shownAt: 1_100 }, [
      row({
        signal: 'cookie.identifier',
        party: 'hotjar.com',
        company: 'Hotjar',
        category: 'analytics',
        firstAt: 9_000,
      }),
    ])
    expect(detail).toMatchObject({ companies: ['Hotjar'], answered: false, firstAfterMs: 8_000 })
  })

  it('flags ad tracking that went on after a refusal', () => {
    const detail = consentBefore(START, { shownAt: 1_100, answeredAt: 2_000, adsAllowed: false }, [
      row({
        signal: 'pixel.facebook',
        party: 'facebook.com',
        company: 'Facebook',
        firstAt: 2_500,
        lastAt: 2_500,
      }),
      row({ party: 'doubleclick.net', category: 'ad', firstAt: 3_000, lastAt: 6_000 }),
      row({ party: 'google-analytics.com', category: 'analytics', firstAt: 3_000, lastAt: 3_000 }),
    ])
    expect(detail).toMatchObject({ companies: [], afterRefusal: ['Facebook', 'Google'] })
  })

  it('flags ad tracking on a return visit after a refusal kept in the consent cookie', () => {
    const ad = row({ party: 'doubleclick.net', category: 'ad', firstAt: 1_100, lastAt: 1_900 })
    const analytics = row({ firstAt: 1_050 })
    const detail = consentBefore(START, { stored: { adsAllowed: false } }, [ad, analytics])
    expect(detail).toEqual({
      companies: [],
      signals: [],
      answered: false,
      afterRefusal: ['Google'],
      refusedEarlier: true,
    })
  })

  it('stops counting an earlier refusal once the person accepts ads during the visit', () => {
    const rows = [row({ party: 'doubleclick.net', category: 'ad', firstAt: 5_000, lastAt: 6_000 })]
    const timeline = { stored: { adsAllowed: false }, answeredAt: 4_000, adsAllowed: true }
    expect(consentBefore(START, timeline, rows)).toBeNull()
    const early = [row({ party: 'doubleclick.net', category: 'ad', firstAt: 2_000, lastAt: 6_000 })]
    expect(consentBefore(START, timeline, early)).toMatchObject({ afterRefusal: ['Google'] })
  })

  it.each([
    ['no consent banner or API on the page', {}, [row({})]],
    [
      'a return visit where ads were accepted earlier',
      { stored: { adsAllowed: true } },
      [row({ party: 'doubleclick.net', category: 'ad' })],
    ],
    [
      'a return visit after a refusal, with analytics only',
      { stored: { adsAllowed: false } },
      [row({ firstAt: 1_100 })],
    ],
    [
      'tracking only after an accepting answer',
      { shownAt: 1_100, answeredAt: 1_150, adsAllowed: true },
      [row({ firstAt: 1_200 })],
    ],
    [
      'a tag manager and a consent tool before the answer',
      { shownAt: 1_100, answeredAt: 3_000 },
      [
        row({ party: 'googletagmanager.com', category: 'tag-manager' }),
        row({ party: 'onetrust.com', company: 'OneTrust', category: 'consent-provider' }),
        row({ signal: 'thirdparty.request', party: 'cdn.example', category: undefined }),
      ],
    ],
    [
      'analytics after a refusal of ads only',
      { shownAt: 1_100, answeredAt: 1_150, adsAllowed: false },
      [row({ firstAt: 1_200, lastAt: 9_000 })],
    ],
  ])('nothing for %s', (_, consent, rows) => {
    expect(consentBefore(START, consent, rows)).toBeNull()
  })
})
