import { readdirSync, readFileSync } from 'node:fs'
import { i18nOf } from '@/ui/i18n/all'
import ts from 'typescript'
import { describe, expect, it } from 'vitest'
import { CLICK_IDS } from '@/data/click-ids'
import { MATCHING_FIELDS } from '@/data/pixels'
import { detailWord, KNOWN_PHRASES, PHRASE_PATTERNS } from './detail-words'
import { createI18n } from './i18n'
import { en } from './i18n/en'
import { detailLines, signalSummary } from './signals'

const EN = createI18n('en')
const DE = i18nOf('de')

describe('detector words in the reader’s language', () => {
  it.each([
    ['third party', 'ein Drittanbieter'],
    ['until the browser closes', 'bis der Browser geschlossen wird'],
    ['1 day', '1 Tag'],
    ['400 days', '400 Tage'],
    ['2 years', '2 Jahre'],
    ['45 seconds', '45 Sekunden'],
    ['known Google identifier cookie', 'ein bekannter Kennungs-Cookie von Google'],
    ['address parameter gclid', 'in der Adresse, als „gclid“'],
    ['cookie uid sent', 'im Cookie „uid“, mit der Anfrage gesendet'],
    [
      'identifiers seen on 3 or more sites',
      'es hat auf 3 oder mehr Websites Kennungen verarbeitet',
    ],
    ['a1b2… (hash 9f3c2e)', 'a1b2… (Fingerabdruck 9f3c2e)'],
    ['localStorage: _uid = ab12… (32 characters)', 'localStorage: _uid = ab12… (32 Zeichen)'],
    ['gpc-file-missing', 'Die Website hat keine GPC-Datei.'],
  ])('%s', (stored, german) => {
    expect(detailWord(DE, stored)).toBe(german)
    expect(detailWord(EN, stored)).not.toMatch(/[{}]/)
  })

  it.each([
    // Near misses: the detectors' phrases only, never a value that merely looks like one.
    'known',
    'cookie uid',
    '3 days ago',
    'Third Party',
    // Data: names, IDs, addresses and a site's own words stay as they were stored.
    'Purchase',
    'G-TRACEDEMO1',
    'https://news.test/a b',
    '',
  ])('leaves “%s” as it is', (stored) => {
    expect(detailWord(DE, stored)).toBe(stored)
  })

  it('fills a GPC reason with the values stored beside it', () => {
    const detail = { reasons: ['gpc-gpp-not-opted-out'], notOptedOut: ['sale', 'sharing'] }
    expect(signalSummary(DE, 'gpc.ignored', detail)).toBe(
      'Der GPP-String besagt, du hättest nicht widersprochen: Verkauf, Weitergabe',
    )
    expect(detailWord(EN, 'gpc-file-error', { honours: false, status: 503 })).toBe(
      'The site answered with an error (HTTP 503).',
    )
  })

  it('shows a reason stored as a sentence by an older version as it was', () => {
    const old = 'The US Privacy string (1YNN) says you did not opt out of sale'
    expect(signalSummary(DE, 'gpc.ignored', { reasons: [old] })).toBe(old)
    expect(detailLines(DE, { reason: 'The site has no GPC file.' })).toEqual([
      ['Warum es zählt', 'The site has no GPC file.'],
    ])
  })

  it('puts list items and yes/no in words too', () => {
    expect(
      detailLines(DE, { allowed: ['strictly necessary', 'marketing'], partitioned: true }),
    ).toEqual([
      ['Erlaubt', 'unbedingt erforderlich, Marketing'],
      ['Partitioniert (je Website getrennt gespeichert)', 'ja'],
    ])
  })
})

/** The detectors' sources, and the background's that add details. */
const SOURCES = [
  ...readdirSync('src/detect')
    .filter((f) => f.endsWith('.ts') && !f.includes('.test.'))
    .map((f) => `src/detect/${f}`),
  'src/background/traffic.ts',
  'src/background/probes.ts',
  'src/background/input-watch.ts',
]

/** Phrases in those files that are data, not words for people. */
const NOT_WORDS = new Set([
  'Sec-GPC: 1', // the header, as sent
  '7… (7 characters)', // the value part of a stored entry ("localStorage: k = ab12… (32 characters)")
  'too short', // gpc-compare.ts: a verdict it weighs, never stored
])

/** What a template's values are tried with: a number, a name, a cookie's direction. */
const SAMPLES = ['7', 'sent']

/** A template with each of its values filled with each sample: one of them must be known. */
function fillings(t: ts.TemplateExpression): string[] {
  let out = [t.head.text]
  for (const span of t.templateSpans)
    out = out.flatMap((start) => SAMPLES.map((v) => `${start}${v}${span.literal.text}`))
  return out
}

/** Every string a source file holds with words in it; a template as its fillings. */
function phrasesOf(file: string): string[][] {
  const src = ts.createSourceFile(file, readFileSync(file, 'utf8'), ts.ScriptTarget.Latest, true)
  const out: string[][] = []
  const visit = (n: ts.Node): void => {
    const p = n.parent
    // What a detector needs is documentation, not a stored value.
    const documentation =
      p !== undefined && ts.isPropertyAssignment(p) && p.name.getText(src) === 'needs'
    let texts: string[] | null = null
    if (ts.isStringLiteral(n) || ts.isNoSubstitutionTemplateLiteral(n)) texts = [n.text]
    else if (ts.isTemplateExpression(n)) texts = fillings(n)
    const first = texts?.[0]
    if (texts !== null && first !== undefined && !documentation)
      if (/[a-z]{2,}/i.test(first.replaceAll('sent', '')) && / /.test(first)) out.push(texts)
    if (!ts.isTemplateExpression(n)) ts.forEachChild(n, visit)
  }
  visit(src)
  return out
}

/** The keys detail objects are given in those files (object literals named or passed as a
 * detail, `detail.x = …`, and `put(detail, 'x', …)`). */
function detailKeysOf(file: string): string[] {
  const src = ts.createSourceFile(file, readFileSync(file, 'utf8'), ts.ScriptTarget.Latest, true)
  const out: string[] = []
  const props = (o: ts.ObjectLiteralExpression) => {
    for (const p of o.properties)
      if (p.name !== undefined && (ts.isIdentifier(p.name) || ts.isStringLiteral(p.name)))
        out.push(p.name.text)
  }
  const visit = (n: ts.Node): void => {
    if (
      ts.isPropertyAssignment(n) &&
      n.name.getText(src) === 'detail' &&
      ts.isObjectLiteralExpression(n.initializer)
    )
      props(n.initializer)
    if (
      ts.isVariableDeclaration(n) &&
      /detail/i.test(n.name.getText(src)) &&
      n.initializer !== undefined &&
      ts.isObjectLiteralExpression(n.initializer)
    )
      props(n.initializer)
    if (
      ts.isBinaryExpression(n) &&
      n.operatorToken.kind === ts.SyntaxKind.EqualsToken &&
      ts.isPropertyAccessExpression(n.left) &&
      /detail/i.test(n.left.expression.getText(src))
    )
      out.push(n.left.name.text)
    const arg = ts.isCallExpression(n) ? n.arguments[1] : undefined
    if (ts.isCallExpression(n) && n.expression.getText(src) === 'put' && arg !== undefined)
      if (ts.isStringLiteral(arg)) out.push(arg.text)
    ts.forEachChild(n, visit)
  }
  visit(src)
  return out
}

describe('the table keeps up with the detectors', () => {
  it.each(SOURCES)('%s: every phrase it stores is put in words', (file) => {
    const known = (p: string) =>
      NOT_WORDS.has(p) || KNOWN_PHRASES.includes(p) || PHRASE_PATTERNS.some((re) => re.test(p))
    const unknown = phrasesOf(file).filter((texts) => !texts.some(known))
    expect(unknown.map((texts) => texts[0])).toEqual([])
  })

  it('knows a phrase from each file it names', () => {
    const all = SOURCES.flatMap(phrasesOf).flat()
    for (const p of ['third party', 'until the browser closes', 'as typed', 'inline or unknown'])
      expect(all).toContain(p)
    expect(all).toContain('cookie 7 sent')
    expect(all.length).toBeGreaterThan(30)
  })

  it('knows every kind of ID in the click-ID list', () => {
    const kinds = new Set(Object.values(CLICK_IDS).map((p) => p.kind))
    expect(kinds.size).toBeGreaterThan(1)
    expect([...kinds].filter((k) => !KNOWN_PHRASES.includes(k))).toEqual([])
  })

  it('knows every field a pixel’s advanced matching can send', () => {
    const words = new Set(Object.values(MATCHING_FIELDS))
    expect(words.size).toBeGreaterThan(5)
    expect([...words].filter((w) => !KNOWN_PHRASES.includes(w))).toEqual([])
    expect(detailLines(DE, { hashedFields: ['email', 'phone'] })).toEqual([
      [DE.t('detail.hashedFields'), 'E-Mail-Adresse, Telefonnummer'],
    ])
  })

  it('labels every detail key the detectors store', () => {
    const keys = new Set(SOURCES.flatMap(detailKeysOf))
    expect(keys.size).toBeGreaterThan(60)
    expect([...keys].filter((k) => !Object.hasOwn(en, `detail.${k}`))).toEqual([])
  })
})
