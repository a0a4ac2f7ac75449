import { describe, expect, it } from 'vitest'
import { i18nOf } from '@/ui/i18n/all'
import type { SiteRow } from '@/db/schema'
import { createI18n } from '@/ui/i18n'
import { signalTitle } from '@/ui/signals'
import { fold, searchHistory } from './search'

const seen = (parties: string[], tracker = true, category = 'analytics') => ({
  tracker,
  category,
  parties,
  requests: 1,
  firstAt: 1,
  lastAt: 2,
})

const SITES: SiteRow[] = [
  {
    site: 'news.test',
    firstSeen: 1,
    lastSeen: 10,
    visits: 2,
    counts: { 'tracker.request': 8, 'fingerprint.canvas': 2, 'pixel.facebook': 1 },
    companies: {
      Google: seen(['google-analytics.com', 'doubleclick.net']),
      Facebook: seen(['facebook.net'], true, 'social'),
      'widgets.test': seen(['widgets.test'], false, 'unknown'),
    },
  },
  {
    site: 'shop.test',
    firstSeen: 1,
    lastSeen: 20,
    visits: 1,
    counts: { 'tracker.request': 2, 'fingerprint.canvas': 5 },
    companies: { Google: seen(['google-analytics.com']) },
  },
  { site: 'googleblog.test', firstSeen: 1, lastSeen: 5, visits: 1, counts: {} },
]

const en = createI18n('en')
const de = i18nOf('de')
const names =
  (i18n = en) =>
  (signal: string) =>
    signalTitle(i18n, signal)

describe('searchHistory', () => {
  it('finds sites by name and companies by name, most tracking first', () => {
    const r = searchHistory(SITES, 'google', names())
    expect(r.sites.map((s) => s.site)).toEqual(['googleblog.test'])
    expect(r.companies).toEqual([
      { name: 'Google', category: 'analytics', tracker: true, sites: 2, via: [] },
    ])
    expect(r.signals).toEqual([])
  })

  it('finds a company through one of its domains, and says which', () => {
    const r = searchHistory(SITES, 'doubleclick', names())
    expect(r.companies.map((c) => [c.name, c.via])).toEqual([['Google', ['doubleclick.net']]])
  })

  it('finds kinds of findings by their name in the page’s language, and where they were seen', () => {
    const r = searchHistory(SITES, 'canvas', names())
    expect(r.signals).toEqual([
      {
        signal: 'fingerprint.canvas',
        name: 'Canvas fingerprinting',
        count: 7,
        sites: ['shop.test', 'news.test'],
      },
    ])
    expect(searchHistory(SITES, 'pixel', names(de)).signals.map((s) => s.name)).toEqual([
      'Meta-Pixel',
    ])
    // Every word must match, in any order, accents and case ignored.
    expect(searchHistory(SITES, 'FINGERPRINTING canvas', names()).signals).toHaveLength(1)
    expect(searchHistory(SITES, 'canvas audio', names()).signals).toHaveLength(0)
  })

  it('does not offer "who was contacted" as a finding, and finds nothing for blank queries', () => {
    expect(searchHistory(SITES, 'request', names()).signals).toEqual([])
    expect(searchHistory(SITES, '   ', names())).toEqual({ sites: [], companies: [], signals: [] })
  })

  it('matches nothing it should not', () => {
    expect(searchHistory(SITES, 'zzz', names())).toEqual({
      sites: [],
      companies: [],
      signals: [],
    })
  })
})

describe('fold', () => {
  it('ignores case and accents', () => {
    expect(fold('Empreinte de l’Appareil')).toBe('empreinte de l’appareil')
    expect(fold('Übersicht')).toBe('ubersicht')
  })
})
