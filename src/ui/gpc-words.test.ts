import { describe, expect, it } from 'vitest'
import { i18nOf } from '@/ui/i18n/all'
import { comparisonDetail, compareWithoutGpc } from '@/detect/gpc-compare'
import { createI18n } from '@/ui/i18n'
import { gpcComparisonSentences } from './gpc-words'

const en = createI18n('en')

describe('GPC comparison in plain words', () => {
  it('says what went on unchanged, naming the companies and the visits compared', () => {
    expect(
      gpcComparisonSentences(en, {
        comparedVisits: 3,
        sameIdSync: ['Criteo', 'Google', 'PubMatic', 'Xandr'],
        sameAds: ['Facebook'],
        sameUsPrivacy: '1YNN',
        sameGppNotOptedOut: ['sale', 'sharing'],
      }),
    ).toEqual([
      'Without GPC on 3 earlier visits, and with GPC now, these 4 companies got your ID from other companies: Criteo, Google, PubMatic, Xandr.',
      'Without GPC on 3 earlier visits, and with GPC now, the site sent data about your visit to this ad company: Facebook.',
      'Without GPC on 3 earlier visits, and with GPC now, the site said you had not opted out of the sale of your data (1YNN).',
      'Without GPC on 3 earlier visits, and with GPC now, the site said you had not opted out of: sale, sharing.',
    ])
  })

  it('says what stopped with GPC', () => {
    expect(
      gpcComparisonSentences(en, {
        comparedVisits: 2,
        stoppedIdSync: ['Google'],
        stoppedAds: ['Facebook', 'TikTok'],
        usPrivacyBefore: '1YNN',
        usPrivacyNow: '1YYN',
        gppOptedOutNow: ['sale'],
      }),
    ).toEqual([
      'On 2 earlier visits without GPC, this company got your ID from another company: Google. With GPC, it did not.',
      'On 2 earlier visits without GPC, the site sent data about your visit to these 2 ad companies: Facebook, TikTok. With GPC, it sent them nothing.',
      'Without GPC, the site said you had not opted out of the sale of your data (1YNN); with GPC, it said you had (1YYN).',
      'With GPC, the site said you had opted out of: sale.',
    ])
  })

  it('words a real comparison in every language, with the verb agreeing with the count', () => {
    const DAY = 86_400_000
    const sync = (company: string, startedAt: number) => ({
      signal: 'id.sync' as const,
      party: `${company}.com`,
      company,
      firstAt: startedAt + 100,
      details: [{}],
    })
    const earlier = [1, 2].map((d) => ({
      visitId: d,
      startedAt: 10 * DAY - d * DAY,
      findings: [sync('Google', 10 * DAY - d * DAY)],
    }))
    const c = compareWithoutGpc(
      'x.test',
      {
        visitId: 9,
        startedAt: 10 * DAY,
        findings: [sync('Google', 10 * DAY)],
        judgedAt: 10 * DAY + 20_000,
        acceptedAds: false,
      },
      earlier,
    )
    const detail = comparisonDetail(c!)
    expect(gpcComparisonSentences(i18nOf('de'), detail)).toEqual([
      'Ohne GPC bei 2 früheren Besuchen und jetzt mit GPC bekam dieses Unternehmen deine Kennung von einem anderen Unternehmen: Google.',
    ])
    expect(gpcComparisonSentences(i18nOf('fr'), detail)[0]).toMatch(
      /^Sans GPC \(2 visites précédentes\) comme maintenant avec GPC, cette entreprise a reçu/,
    )
    expect(gpcComparisonSentences(i18nOf('es'), detail)[0]).toMatch(
      /^Sin GPC \(2 visitas anteriores\) y ahora con GPC, esta empresa recibió tu ID/,
    )
  })

  it.each([
    ['no comparison', { reasons: ['x'] }],
    ['a count that is not one', { comparedVisits: 'three', sameIdSync: ['Google'] }],
    ['zero visits', { comparedVisits: 0, sameIdSync: ['Google'] }],
    ['a comparison with nothing to say', { comparedVisits: 3 }],
    ['empty lists', { comparedVisits: 3, sameIdSync: [], stoppedAds: [] }],
    ['half of a US Privacy change', { comparedVisits: 3, usPrivacyBefore: '1YNN' }],
  ])('nothing for %s', (_, detail) => {
    expect(gpcComparisonSentences(en, detail)).toEqual([])
  })
})
