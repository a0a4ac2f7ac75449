import { describe, expect, it } from 'vitest'
import type { FindingRow } from '@/db/schema'
import { longDate } from './dates'
import { kindsOf, LAWS, lawById, FOLLOW_UPS, type Law, type LawId } from './laws'
import { observe, forCompany, type Observations } from './observe'
import { DraftError, fill, newReference, plain, renderLetter, type DraftInput } from './render'

const law = (id: LawId): Law => {
  const l = lawById(id)
  if (l === undefined) throw new Error(id)
  return l
}

const T1 = new Date(2026, 2, 3, 10, 0).getTime()
const T2 = new Date(2026, 2, 5, 18, 30).getTime()

const row = (over: Partial<FindingRow>): FindingRow => ({
  visitId: 1,
  signal: 'tracker.request',
  party: 'google-analytics.com',
  site: 'news.test',
  company: 'Google',
  count: 3,
  firstAt: T1,
  lastAt: T2,
  evidence: { urls: [] },
  mode: 'standard',
  ...over,
})

const FINDINGS: FindingRow[] = [
  row({}),
  row({ party: 'googletagmanager.com', count: 1 }),
  row({ party: 'facebook.net', company: 'Facebook', count: 2, lastAt: T1 }),
  row({ party: 'unknown-widgets.test', company: undefined, signal: 'thirdparty.request' }),
  row({ party: 'cdn.news.test', company: undefined, sameCompany: true }),
  row({
    signal: 'cookie.identifier',
    evidence: { urls: [], details: [{ name: '_ga', valuePrefix: 'GA1.1.4711' }, { name: '_gid' }] },
  }),
  row({
    signal: 'pixel.facebook',
    party: 'facebook.com',
    company: 'Facebook',
    evidence: {
      urls: [],
      details: [
        { event: 'PageView', pixelId: '1234567890' },
        { event: 'ViewContent', pixelId: '1234567890' },
      ],
    },
  }),
  row({ site: 'other.test', company: 'Criteo', party: 'criteo.com' }),
]

const OBS = observe('news.test', FINDINGS)

const base = (over: Partial<DraftInput> = {}): DraftInput => ({
  law: law('gdpr-eu'),
  kind: 'access',
  reference: 'TL-20260305-ABCD',
  today: '2026-01-31',
  company: 'news.test',
  site: 'news.test',
  sender: { name: 'Alex Doe', email: 'alex@example.org' },
  observations: OBS,
  include: { companies: true, identifiers: true, pixels: true },
  ...over,
})

const original = {
  reference: 'TL-20260101-WXYZ',
  kind: 'access' as const,
  sent: '2026-01-01',
  due: '2026-02-01',
}

describe('observe', () => {
  it('collects companies, identifiers and pixels of one site only', () => {
    expect(OBS.companies.map((c) => [c.name, c.domains, c.requests])).toEqual([
      ['Facebook', ['facebook.net'], 2],
      ['Google', ['google-analytics.com', 'googletagmanager.com'], 4],
    ])
    expect(OBS.identifiers).toEqual([
      { company: 'Google', domain: 'google-analytics.com', name: '_ga', valuePrefix: 'GA1.1.4711' },
      { company: 'Google', domain: 'google-analytics.com', name: '_gid' },
    ])
    expect(OBS.pixels).toEqual([
      {
        signal: 'pixel.facebook',
        company: 'Facebook',
        domain: 'facebook.com',
        label: 'Meta Pixel',
        pixelId: '1234567890',
        events: ['PageView', 'ViewContent'],
      },
    ])
    expect(OBS.firstAt).toBe(T1)
    expect(OBS.lastAt).toBe(T2)
  })
  it('narrows to one company, or keeps all for an unknown one', () => {
    const fb = forCompany(OBS, 'Facebook')
    expect(fb.companies.map((c) => c.name)).toEqual(['Facebook'])
    expect(fb.identifiers).toEqual([])
    expect(fb.pixels).toHaveLength(1)
    expect(forCompany(OBS, 'news.test')).toBe(OBS)
  })
  it('is empty for a site with nothing recorded', () => {
    const none = observe('quiet.test', FINDINGS)
    expect(none).toEqual({
      site: 'quiet.test',
      companies: [],
      identifiers: [],
      pixels: [],
      firstAt: null,
      lastAt: null,
    })
  })
})

describe('every letter renders, with and without observations', () => {
  const cases = LAWS.flatMap((l) => kindsOf(l).map((k) => [l.id, k] as const))
  it.each(cases)('%s %s', (id, kind) => {
    const l = law(id)
    const extra: Partial<DraftInput> = {
      law: l,
      kind,
      ...(kind === 'rectification'
        ? { details: 'My email address is alex@example.org, not alex@example.com.' }
        : {}),
      ...(FOLLOW_UPS.has(kind) ? { original } : {}),
    }
    for (const observations of [OBS, null, observe('quiet.test', [])]) {
      const letter = renderLetter(base({ ...extra, observations }))
      const all = letter.subject + letter.body
      expect(all).not.toMatch(/\{\{|\}\}|undefined|null|NaN/)
      expect(letter.subject).toContain('TL-20260305-ABCD')
      expect(letter.subject).toContain(l.short)
      expect(letter.body).toContain(l.cites[kind] ?? 'missing cite')
      expect(letter.body).toContain('Alex Doe')
      if (FOLLOW_UPS.has(kind)) {
        expect(letter.deadline).toBeNull()
        expect(letter.body).toContain('TL-20260101-WXYZ')
        expect(letter.body).toContain('1 February 2026')
      } else {
        expect(letter.deadline).not.toBeNull()
        expect(letter.body).toContain(`by ${longDate(letter.deadline?.due ?? 'none')}`)
        expect(letter.body).toMatch(/received this request/)
      }
      if (observations === OBS) {
        expect(letter.body).toContain(
          'Google (google-analytics.com, googletagmanager.com): 4 requests, 3 March 2026 to 5 March 2026',
        )
        expect(letter.body).toContain('Facebook (facebook.net): 2 requests, 3 March 2026')
        expect(letter.body).toContain('"_ga", value beginning "GA1.1.4711"')
        expect(letter.body).toContain(
          'Meta Pixel of Facebook (facebook.com), pixel ID 1234567890, events: PageView, ViewContent',
        )
      } else {
        expect(letter.body).not.toContain('What my browser recorded')
      }
    }
  })
})

describe('renderLetter', () => {
  it('states the GDPR deadline with month-end clamping and cites Art. 12(3)', () => {
    const letter = renderLetter(base())
    expect(letter.deadline?.due).toBe('2026-02-28')
    expect(letter.body).toContain(
      'within 1 month of receiving this request, that is by 28 February 2026 (Article 12(3))',
    )
    expect(letter.body).toContain('free of charge (Article 12(5))')
    expect(letter.subject).toBe('Data subject access request under GDPR — ref. TL-20260305-ABCD')
    expect(letter.body).toContain('Recital 64')
    expect(letter.body).toContain(
      'whether you disclosed personal data concerning me to the companies listed below',
    )
  })
  it('asks California companies to confirm within 10 business days and opt-outs need no ID', () => {
    const letter = renderLetter(
      base({ law: law('ccpa'), kind: 'opt-out-sale', today: '2026-11-30' }),
    )
    expect(letter.body).toContain('within 10 business days (CCPA Regulations §7021(a))')
    expect(letter.body).toContain('that is by 21 December 2026 (CCPA Regulations §7026(f))')
    expect(letter.body).toContain('does not require verification of my identity')
    expect(letter.body).not.toContain('use the online identifiers')
  })
  it('leaves out what the user chose not to include', () => {
    const letter = renderLetter(
      base({ include: { companies: true, identifiers: false, pixels: false } }),
    )
    expect(letter.body).toContain('Google (google-analytics.com')
    expect(letter.body).not.toContain('_ga')
    expect(letter.body).not.toContain('Meta Pixel')
    expect(letter.body).toContain('If you need further information to identify me')
    const nothing = renderLetter(
      base({ include: { companies: false, identifiers: false, pixels: false } }),
    )
    expect(nothing.body).not.toContain('What my browser recorded')
  })
  it('says when several laws apply', () => {
    const letter = renderLetter(base({ also: [law('gdpr-uk'), law('gdpr-eu')] }))
    expect(letter.body).toContain(
      'I also rely on the corresponding provisions of the UK General Data Protection Regulation',
    )
    expect(letter.body.match(/I also rely/g)).toHaveLength(1)
  })
  it('refuses letters that would be incomplete', () => {
    expect(() => renderLetter(base({ kind: 'rectification' }))).toThrow(DraftError)
    expect(() => renderLetter(base({ kind: 'rectification', details: '   ' }))).toThrow(/Describe/)
    expect(() => renderLetter(base({ kind: 'reminder' }))).toThrow(/earlier request/)
    expect(() => renderLetter(base({ kind: 'opt-out-sale' }))).toThrow(/GDPR has no/)
    expect(() => renderLetter(base({ law: law('pipeda'), kind: 'erasure' }))).toThrow(DraftError)
    expect(() => renderLetter(base({ sender: { name: ' ', email: '' } }))).toThrow(/name/)
  })
  it('addresses a tracking company about the site, with only its own observations', () => {
    const letter = renderLetter(
      base({ company: 'Facebook', observations: forCompany(OBS, 'Facebook') }),
    )
    expect(letter.body.startsWith('Dear Sir or Madam,')).toBe(true)
    expect(letter.body).not.toContain('In particular')
    expect(letter.body).toContain('your services collected while I visited news.test')
    expect(letter.body).not.toContain('Google')
  })
  it('addresses the complaint to the authority and names the company', () => {
    const letter = renderLetter(base({ kind: 'complaint', company: 'Facebook', original }))
    expect(letter.body.startsWith('Dear Sir or Madam,')).toBe(true)
    expect(letter.body).toContain('against Facebook')
    expect(letter.body).toContain('Article 78(2)')
    expect(letter.body).not.toContain('confirm that you have received')
  })
})

describe('hostile strings stay plain text', () => {
  const evil = 'Evil {{senderName}} Corp\r\nBcc: victim@example.org\u202e<script>alert(1)</script>'
  it('never re-reads a value as a template, nor lets it add lines or reorder text', () => {
    const obs: Observations = observe('news.test', [
      row({ company: evil, party: 'evil.test' }),
      row({
        signal: 'cookie.identifier',
        company: evil,
        party: 'evil.test',
        evidence: { urls: [], details: [{ name: '}}{{x', valuePrefix: '\u0000abc\n' }] },
      }),
    ])
    const letter = renderLetter(
      base({
        company: evil,
        site: 'news.test\nX-Evil: 1',
        observations: obs,
        reference: 'R{{today}}',
      }),
    )
    const all = letter.subject + '\n' + letter.body
    expect(all).not.toMatch(/\{\{|\}\}/)
    expect(all.includes('\u202e') || all.includes('\u0000')).toBe(false)
    expect(all).not.toMatch(/^Bcc:/m)
    expect(all).not.toMatch(/^X-Evil/m)
    expect(letter.body).toContain(
      'Evil {senderName} Corp Bcc: victim@example.org<script>alert(1)</script>',
    )
    expect(letter.subject).toContain('R{today}')
  })
  it('plain() bounds, trims and keeps newlines only when asked', () => {
    expect(plain('a\nb')).toBe('a b')
    expect(plain('a\r\nb', 10, true)).toBe('a\nb')
    expect(plain('x'.repeat(300))).toHaveLength(200)
    expect(plain('\u200bhi\u2066')).toBe('hi')
  })
  it('fill() throws on unknown or missing variables', () => {
    expect(() => fill('{{nope}}', {})).toThrow(DraftError)
    expect(() => fill('{{site}}', { site: '' })).toThrow(DraftError)
    expect(fill('{{site}}/{{site}}', { site: 'a' })).toBe('a/a')
  })
})

describe('references', () => {
  it('are dated and readable', () => {
    expect(newReference('2026-03-05', () => 0)).toBe('TL-20260305-AAAA')
    expect(newReference('2026-03-05')).toMatch(/^TL-20260305-[A-Z2-9]{4}$/)
  })
})
