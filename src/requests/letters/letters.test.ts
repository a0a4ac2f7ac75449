import { describe, expect, it } from 'vitest'
import type { FindingRow } from '@/db/schema'
import { FOLLOW_UPS, kindsOf, LAWS, lawById, type KindId, type Law, type LawId } from '../laws'
import { observe } from '../observe'
import { renderLetter, type DraftInput } from '../render'
import { TEMPLATE_VARS } from '../templates'
import { letterDate, letterNumber } from './format'
import {
  defaultLetterLanguage,
  languageOfLetter,
  LETTER_LANGUAGES,
  LETTER_PACKS,
  letterLanguages,
} from './index'
import type { LetterLanguage } from './types'

const law = (id: LawId): Law => {
  const l = lawById(id)
  if (l === undefined) throw new Error(id)
  return l
}

const vars = (text: string) => [...text.matchAll(/\{\{([^{}]*)\}\}/g)].map((m) => m[1] ?? '')
const varSet = (...texts: (string | undefined)[]) =>
  [...new Set(texts.flatMap((t) => (t === undefined ? [] : vars(t))))].sort()

/** Every string of a nested object, by its path. */
function strings(value: unknown, path = ''): [string, string][] {
  if (typeof value === 'string') return [[path, value]]
  if (value === null || typeof value !== 'object') return []
  return Object.entries(value).flatMap(([k, v]) => strings(v, path === '' ? k : `${path}.${k}`))
}

const OTHERS = LETTER_LANGUAGES.filter((l) => l !== 'en')
const en = LETTER_PACKS.en

describe('every translation has exactly the placeholders of the English letter', () => {
  it.each(OTHERS)('%s: kind templates (subject line included)', (language) => {
    const pack = LETTER_PACKS[language]
    for (const [family, kinds] of Object.entries(pack.templates))
      for (const [kind, t] of Object.entries(kinds ?? {})) {
        const ref = en.templates[family as keyof typeof en.templates]?.[kind as KindId]
        expect(ref, `${language} ${family} ${kind} has no English original`).toBeDefined()
        // The law's short name may sit in the title or in the subject pattern: compare both.
        const mine = varSet(pack.phrases.subject, t.title, t.body)
        const theirs = varSet(en.phrases.subject, ref?.title, ref?.body)
        expect(mine, `${language} ${family} ${kind}`).toEqual(theirs)
        for (const v of vars(t.title + t.body))
          expect(TEMPLATE_VARS as readonly string[], `${language} ${kind}`).toContain(v)
      }
  })
  it.each(OTHERS)('%s: lines shared by a family of laws', (language) => {
    const pack = LETTER_PACKS[language]
    for (const [family, text] of Object.entries(pack.families)) {
      const ref = en.families[family as keyof typeof en.families]
      for (const [key, value] of strings(text))
        expect(varSet(value), `${language} ${family} ${key}`).toEqual(
          varSet(strings(ref).find(([k]) => k === key)?.[1]),
        )
    }
  })
  it.each(OTHERS)('%s: fixed phrases', (language) => {
    const theirs = new Map(strings(en.phrases))
    // The subject pattern is checked with the kinds' titles; pixel names are optional.
    const skip = (k: string) => k === 'subject' || k.startsWith('pixelLabels')
    const mine = strings(LETTER_PACKS[language].phrases).filter(([k]) => !skip(k))
    expect(mine.map(([k]) => k).sort()).toEqual([...theirs.keys()].filter((k) => !skip(k)).sort())
    for (const [key, value] of mine) {
      expect(value.trim(), `${language} ${key}`).not.toBe('')
      expect(varSet(value), `${language} ${key}`).toEqual(varSet(theirs.get(key)))
    }
  })
})

describe('a language covers a law completely or not at all', () => {
  for (const language of LETTER_LANGUAGES) {
    const pack = LETTER_PACKS[language]
    it(`${language}: every law it covers has every kind, its citations and its lines`, () => {
      for (const [id, text] of Object.entries(pack.laws)) {
        const l = law(id as LawId)
        expect(Object.keys(text?.cites ?? {}).sort(), `${language} ${id}`).toEqual(
          kindsOf(l).sort(),
        )
        for (const k of kindsOf(l))
          expect(pack.templates[l.family]?.[k], `${language} ${id} ${k}`).toBeDefined()
        const family = pack.families[l.family]
        expect(family, `${language} ${l.family}`).toBeDefined()
        expect(Object.keys(text?.respondByKindCite ?? {}).sort()).toEqual(
          Object.keys(l.respondByKind ?? {}).sort(),
        )
        expect(text?.confirmCite !== undefined, `${language} ${id} confirm`).toBe(
          l.confirm !== undefined,
        )
        if (l.confirm !== undefined) expect(family?.receiptWithin).toBeDefined()
        for (const s of [text?.name, text?.short, text?.respondCite, text?.authority])
          expect(s?.trim() ?? '', `${language} ${id}`).not.toBe('')
      }
    })
    it(`${language}: names every law, for "I also rely on"`, () => {
      for (const l of LAWS) expect(pack.names[l.id]?.trim() ?? '', l.id).not.toBe('')
      expect(new Set(Object.values(pack.names)).size).toBe(LAWS.length)
    })
  }
})

describe('which languages each letter exists in', () => {
  const GDPR_KINDS: KindId[] = [
    'access',
    'identifiers',
    'erasure',
    'objection',
    'withdraw-consent',
    'rectification',
    'reminder',
    'complaint',
  ]
  it.each(['gdpr-eu', 'gdpr-uk'] as const)(
    '%s: every kind in English, German, French, Spanish',
    (id) => {
      expect(kindsOf(law(id)).sort()).toEqual([...GDPR_KINDS].sort())
      for (const k of GDPR_KINDS)
        expect(letterLanguages(law(id), k)).toEqual(['en', 'de', 'fr', 'es'])
    },
  )
  const US = LAWS.filter((l) => l.family === 'us')
  it.each(US.map((l) => l.id))('%s: every kind in English and Spanish', (id) => {
    for (const k of kindsOf(law(id))) expect(letterLanguages(law(id), k)).toEqual(['en', 'es'])
    for (const k of ['access', 'erasure', 'opt-out-sale', 'reminder', 'complaint'] as const)
      expect(kindsOf(law(id))).toContain(k)
  })
  it('California also in Spanish: limiting sensitive data', () => {
    expect(letterLanguages(law('ccpa'), 'limit-sensitive')).toEqual(['en', 'es'])
  })
  it('LGPD in Portuguese as well', () => {
    for (const k of kindsOf(law('lgpd')))
      expect(letterLanguages(law('lgpd'), k)).toEqual(['en', 'pt'])
  })
  it('offers no language for a kind the law does not have', () => {
    expect(letterLanguages(law('gdpr-eu'), 'opt-out-sale')).toEqual([])
    expect(letterLanguages(law('pipeda'), 'erasure')).toEqual([])
  })
  // Every (law, kind) the request flow offers — first requests and follow-ups alike.
  const offered = LAWS.flatMap((l) => kindsOf(l).map((k) => [l.id, k] as const))
  it.each(offered)('%s %s can be written, at least in English', (id, kind) => {
    const langs = letterLanguages(law(id), kind)
    expect(langs.length).toBeGreaterThan(0)
    expect(langs).toContain('en')
  })
})

describe('the suggested language', () => {
  it.each([
    ['gdpr-eu', 'access', ['de-DE', 'en'], 'de'],
    ['gdpr-eu', 'access', ['fr-BE'], 'fr'],
    ['gdpr-uk', 'erasure', ['es_ES'], 'es'],
    ['gdpr-eu', 'access', ['it-IT', 'de'], 'de'],
    ['gdpr-eu', 'access', ['it-IT'], 'en'],
    ['ccpa', 'access', ['de-DE'], 'en'],
    ['ccpa', 'opt-out-sale', ['es-US'], 'es'],
    ['us-tx', 'erasure', ['es-MX', 'en-US'], 'es'],
    ['lgpd', 'access', ['pt-BR'], 'pt'],
    ['lgpd', 'access', ['ja'], 'pt'],
    ['lgpd', 'access', ['en-GB'], 'en'],
    ['quebec', 'access', ['fr-CA'], 'en'],
    ['pipeda', 'access', [], 'en'],
  ] as const)('%s %s for %j: %s', (id, kind, preferred, expected) => {
    expect(defaultLetterLanguage(law(id), kind, preferred)).toBe(expected)
  })
})

describe('dates and numbers written for the letter’s language', () => {
  it.each([
    ['en', '31 January 2026', '1 March 2026'],
    ['de', '31. Januar 2026', '1. März 2026'],
    ['fr', '31 janvier 2026', '1er mars 2026'],
    ['es', '31 de enero de 2026', '1 de marzo de 2026'],
    ['pt', '31 de janeiro de 2026', '1º de março de 2026'],
  ] as const)('%s: %s, %s', (language, jan31, mar1) => {
    expect(letterDate('2026-01-31', language)).toBe(jan31)
    expect(letterDate('2026-03-01', language)).toBe(mar1)
    expect(LETTER_PACKS[language].date('2026-03-01')).toBe(mar1)
  })
  it('rejects what is not a day', () => {
    expect(() => letterDate('2026-13-01', 'de')).toThrow(/calendar day/)
    expect(() => letterDate('31.01.2026', 'fr')).toThrow(/calendar day/)
  })
  it('groups digits the language’s way', () => {
    expect(letterNumber(1234, 'en')).toBe('1,234')
    expect(letterNumber(1234, 'de')).toBe('1.234')
    expect(letterNumber(1234, 'fr').replace(/\s/g, ' ')).toBe('1 234')
  })
})

// --- Rendering every letter in every language it exists in ---

const T1 = new Date(2026, 2, 3, 10, 0).getTime()
const T2 = new Date(2026, 2, 5, 18, 30).getTime()
const row = (over: Partial<FindingRow>): FindingRow => ({
  visitId: 1,
  signal: 'tracker.request',
  party: 'google-analytics.com',
  site: 'news.test',
  company: 'Google',
  count: 1234,
  firstAt: T1,
  lastAt: T2,
  evidence: { urls: [] },
  mode: 'standard',
  ...over,
})
const OBS = observe('news.test', [
  row({}),
  row({ party: 'facebook.net', company: 'Facebook', count: 1, lastAt: T1 }),
  row({
    signal: 'cookie.identifier',
    evidence: { urls: [], details: [{ name: '_ga', valuePrefix: 'GA1.1.4711' }, { name: '_gid' }] },
  }),
  row({
    signal: 'pixel.google_ads',
    party: 'googleadservices.com',
    evidence: { urls: [], details: [{ event: 'conversion', pixelId: 'AW-123' }] },
  }),
])
const original = {
  reference: 'TL-20260101-WXYZ',
  kind: 'access' as const,
  sent: '2026-01-01',
  due: '2026-02-01',
  subject: 'Data subject access request under GDPR — ref. TL-20260101-WXYZ',
  text: 'Dear Sir or Madam,\n\nPlease tell me what you hold.',
}
const input = (l: Law, kind: KindId, language: LetterLanguage, over: Partial<DraftInput> = {}) =>
  ({
    law: l,
    kind,
    language,
    reference: 'TL-20260301-ABCD',
    today: '2026-03-01',
    company: 'news.test',
    site: 'news.test',
    sender: { name: 'Alex Doe', email: 'alex@example.org' },
    observations: OBS,
    include: { companies: true, identifiers: true, pixels: true },
    ...(kind === 'rectification' ? { details: 'Mein Name ist Alex Doe, nicht Alex Roe.' } : {}),
    ...(FOLLOW_UPS.has(kind) ? { original } : {}),
    ...over,
  }) satisfies DraftInput

/** English words that would betray an untranslated part of a letter. */
const ENGLISH = /\b(Dear|Under|Please|request|recorded|browser|Yours|value beginning|events)\b/

const cases = LAWS.flatMap((l) =>
  kindsOf(l).flatMap((k) => letterLanguages(l, k).map((lang) => [lang, l.id, k] as const)),
)

describe('every letter renders in every language it exists in', () => {
  it.each(cases)('%s %s %s', (language, id, kind) => {
    const l = law(id)
    const pack = LETTER_PACKS[language]
    for (const observations of [OBS, null]) {
      const letter = renderLetter(input(l, kind, language, { observations }))
      const all = `${letter.subject}\n${letter.body}`
      expect(all).not.toMatch(/\{\{|\}\}|undefined|null|NaN|\[object/)
      expect(letter.language).toBe(language)
      expect(letter.subject).toContain('TL-20260301-ABCD')
      expect(letter.body.startsWith(`${pack.phrases.salutation}\n\n`)).toBe(true)
      expect(letter.body).toContain(`${pack.phrases.closing}\nAlex Doe\nalex@example.org`)
      expect(letter.body).toContain(pack.laws[id]?.cites[kind] ?? 'no cite')
      expect(languageOfLetter(letter.body)).toBe(language)
      // (The complaint quotes the earlier request as sent, here in English.)
      if (language !== 'en')
        expect(all.replace(original.subject, '').replace(original.text, '')).not.toMatch(ENGLISH)
      if (FOLLOW_UPS.has(kind)) {
        expect(letter.deadline).toBeNull()
        expect(letter.body).toContain('TL-20260101-WXYZ')
        expect(letter.body).toContain(pack.date('2026-02-01'))
        expect(letter.body).toContain(pack.phrases.kindNouns.access)
      } else {
        expect(letter.deadline).not.toBeNull()
        // The deadline date, written the letter's way, and the request for a receipt.
        expect(letter.body).toContain(pack.date(letter.deadline?.due ?? ''))
        expect(letter.body).toContain(letter.respondCite)
        const family = pack.families[l.family]
        expect(
          letter.body.includes(family?.receipt ?? '?') ||
            letter.body.includes((family?.receiptWithin ?? '?').split('{{')[0] ?? '?'),
        ).toBe(true)
      }
      if (observations === OBS) {
        const o = pack.phrases.observed
        expect(letter.body).toContain(o.identifiers)
        expect(letter.body).toContain(o.pixels)
        expect(letter.body).toContain(`${letterNumber(1234, language)} `)
        expect(letter.body).toContain(pack.date('2026-03-03'))
      }
    }
  })
})

describe('letters in other languages', () => {
  it('German: Auskunft nach Art. 15 DSGVO, with the deadline and the observations in German', () => {
    const letter = renderLetter(input(law('gdpr-eu'), 'access', 'de', { today: '2026-01-31' }))
    expect(letter.subject).toBe(
      'Antrag auf Auskunft nach Art. 15 DSGVO – Referenz TL-20260301-ABCD',
    )
    expect(letter.body).toContain(
      'Gestützt auf Art. 15 Abs. 1 lit. a bis h, Abs. 2 und 3 der Verordnung (EU) 2016/679 (Datenschutz-Grundverordnung, DSGVO)',
    )
    expect(letter.body).toContain(
      'spätestens aber innerhalb eines Monats nach Eingang dieses Schreibens, also bis zum 28. Februar 2026 (Art. 12 Abs. 3 DSGVO)',
    )
    expect(letter.body).toContain('Bitte bestätigen Sie mir den Eingang dieses Schreibens.')
    expect(letter.body).toContain(
      '- Google (google-analytics.com): 1.234 Anfragen, vom 3. März 2026 bis zum 5. März 2026',
    )
    expect(letter.body).toContain(
      '- Google (google-analytics.com): „_ga“, Wert beginnt mit „GA1.1.4711“',
    )
    expect(letter.body).toContain(
      '- Google-Ads-Conversion-Tag von Google (googleadservices.com), Pixel-ID AW-123, Ereignisse: conversion',
    )
    expect(letter.body).toContain(
      'Was mein Browser zwischen dem 3. März 2026 und dem 5. März 2026 auf news.test aufgezeichnet hat',
    )
    expect(letter.body).toContain('\n\nMit freundlichen Grüßen\nAlex Doe')
  })
  it('German: the paragraph after the salutation goes on in lower case', () => {
    for (const kind of ['access', 'reminder', 'complaint'] as const) {
      const body = renderLetter(input(law('gdpr-eu'), kind, 'de')).body
      const second = body.split('\n\n')[1] ?? ''
      expect(second[0], kind).toBe(second[0]?.toLowerCase())
    }
  })
  it('German: Löschung nach Art. 17, and the other laws it relies on named in German', () => {
    const letter = renderLetter(
      input(law('gdpr-eu'), 'erasure', 'de', { also: [law('gdpr-uk'), law('ccpa')] }),
    )
    expect(letter.subject).toMatch(/^Antrag auf Löschung nach Art\. 17 DSGVO – Referenz /)
    expect(letter.body).toContain(
      'die entsprechenden Bestimmungen der UK General Data Protection Regulation (UK GDPR) und des Data Protection Act 2018 und des California Consumer Privacy Act',
    )
  })
  it('French: droit d’accès (article 15 du RGPD), with French typography', () => {
    const letter = renderLetter(input(law('gdpr-eu'), 'access', 'fr'))
    expect(letter.subject).toBe(
      "Exercice du droit d'accès (article 15 du RGPD) – Réf. TL-20260301-ABCD",
    )
    expect(letter.body).toContain(
      "Sur le fondement de l'article 15, paragraphe 1, points a) à h), et paragraphes 2 et 3 du règlement (UE) 2016/679",
    )
    expect(letter.body).toContain(
      'soit au plus tard le 1er avril 2026 (article 12, paragraphe 3, du RGPD)',
    )
    expect(letter.body).toContain('« _ga »'.replace(/ /g, '\u00a0'))
    // No ordinary space before ; : ? ! or inside « » — French sets a no-break space there.
    expect(letter.body).not.toMatch(/ [;:?!»]|« /)
  })
  it('Spanish: derecho de acceso (artículo 15 del RGPD)', () => {
    const letter = renderLetter(input(law('gdpr-eu'), 'access', 'es'))
    expect(letter.subject).toBe(
      'Ejercicio del derecho de acceso (artículo 15 del RGPD) – Ref. TL-20260301-ABCD',
    )
    expect(letter.body).toContain(
      'Al amparo del artículo 15, apartado 1, letras a) a h), y apartados 2 y 3 del Reglamento (UE) 2016/679',
    )
    expect(letter.body).toContain(
      'a más tardar el 1 de abril de 2026 (artículo 12, apartado 3, del RGPD)',
    )
    expect(letter.body).toContain('1234 peticiones')
  })
  it('Spanish under California law: opt-out in 15 business days, receipt in 10', () => {
    const letter = renderLetter(
      input(law('ccpa'), 'opt-out-sale', 'es', { today: '2026-11-30', company: 'Google' }),
    )
    expect(letter.body).toContain(
      'a más tardar el 21 de diciembre de 2026 (sección 7026(f) del Reglamento de la CCPA)',
    )
    expect(letter.body).toContain(
      'en el plazo de 10 días hábiles (sección 7021(a) del Reglamento de la CCPA)',
    )
    expect(letter.body).toContain('no requiere la verificación de mi identidad')
  })
  it('a complaint carries the earlier request as it was sent', () => {
    const letter = renderLetter(input(law('gdpr-eu'), 'complaint', 'de', { company: 'Facebook' }))
    expect(letter.body).toContain(
      'Mein Antrag vom 1. Januar 2026 (Referenz TL-20260101-WXYZ) im Wortlaut:',
    )
    expect(letter.body).toContain(`${original.subject}\n\n${original.text}`)
    const without = renderLetter(
      input(law('gdpr-eu'), 'complaint', 'de', { original: { ...original, text: ' ' } }),
    )
    expect(without.body).not.toContain('im Wortlaut')
  })
  it('refuses a language the letter does not exist in', () => {
    expect(() => renderLetter(input(law('ccpa'), 'access', 'de'))).toThrow(/no Deutsch letter/)
    expect(() => renderLetter(input(law('gdpr-eu'), 'access', 'pt'))).toThrow(/no Português letter/)
  })
  it('recognises a stored letter’s language, and not a rewritten one', () => {
    expect(languageOfLetter('Señoras y señores:\n\nMe dirijo…')).toBe('es')
    expect(languageOfLetter('Hello,\n\nI want my data.')).toBeNull()
    expect(languageOfLetter('')).toBeNull()
  })
})
