/**
 * The shape of one language's letters. `{{name}}` marks a value the renderer fills; a language
 * either covers a law completely (every kind the law offers) or not at all, so the chooser can
 * offer exactly the languages a letter exists in.
 */
import type { Day } from '../dates'
import type { Family, KindId, LawId, Period } from '../laws'

export type LetterLanguage = 'en' | 'de' | 'fr' | 'es' | 'pt'

export const LETTER_LANGUAGES: readonly LetterLanguage[] = ['en', 'de', 'fr', 'es', 'pt']

export function isLetterLanguage(value: unknown): value is LetterLanguage {
  return typeof value === 'string' && (LETTER_LANGUAGES as readonly string[]).includes(value)
}

export interface KindText {
  /** Subject line title; may use `{{short}}` (the law's short name). */
  title: string
  /** Paragraphs of the request itself. */
  body: string
}

/** A law as one language cites it. */
export interface LawText {
  /** Full name, in the grammatical form the pack's templates put it in (see each pack). */
  name: string
  /** Short name for the subject line. */
  short: string
  /** The provision each kind cites: exactly the kinds the law offers. */
  cites: Partial<Record<KindId, string>>
  /** Provision that sets the time to respond. */
  respondCite: string
  /** Shorter clocks for some kinds (California opt-outs), as cited. */
  respondByKindCite?: Partial<Record<KindId, string>>
  /** Provision for the confirmation of receipt, where the law sets one. */
  confirmCite?: string
  /** Where to complain, in the form the reminder and complaint put it in. */
  authority: string
}

/** Lines a family of laws shares in one language. */
export interface FamilyText {
  /** Time to answer: uses period, dueDate and respondCite. */
  deadline: string
  /** Asked in every letter but the complaint. */
  receipt: string
  /** The same ask with the law's own period ({{confirmPeriod}}, {{confirmCite}}). */
  receiptWithin?: string
  /** How to find the person, when identifiers are attached. */
  identifyIds: string
  /** How to find the person without identifiers ({{site}}). */
  identifyNone: string
}

/** Fixed phrases of every letter in one language. */
export interface Phrases {
  salutation: string
  closing: string
  /** Uses title, short and reference. */
  subject: string
  /** First paragraph when writing to the site itself ({{site}}). */
  introSite: string
  /** First paragraph when writing to a company seen on the site ({{site}}). */
  introCompany: string
  /** Asked of a site whose page contacted the companies listed. */
  disclosedTo: string
  /** Other laws the letter relies on ({{laws}}). */
  alsoRely: string
  /** Word joining the last two of a list. */
  and: string
  /** The original request, copied into a complaint ({{originalDate}}, {{originalReference}}). */
  originalCopy: string
  observed: {
    /** {{site}}, {{day}}. */
    headerOn: string
    /** {{site}}, {{from}}, {{to}}. */
    headerBetween: string
    /** {{site}}. */
    header: string
    companies: string
    /** {{name}}, {{domains}}, {{requests}}, {{when}}. */
    companyLine: string
    /** {{n}}: singular and plural. */
    requestOne: string
    requestOther: string
    /** {{day}}. */
    onDay: string
    /** {{from}}, {{to}}. */
    dayRange: string
    identifiers: string
    /** {{company}}, {{domain}}, {{name}}. */
    identifierLine: string
    /** {{prefix}}, appended to an identifier line. */
    identifierValue: string
    pixels: string
    /** {{label}}, {{company}}, {{domain}}. */
    pixelLine: string
    /** {{id}}. */
    pixelId: string
    /** {{events}}. */
    pixelEvents: string
  }
  /** Pixel names by signal, where the language has its own. */
  pixelLabels: Partial<Record<string, string>>
  /** An earlier request named inside a follow-up, with its article ("a request for …"). */
  kindNouns: Record<KindId, string>
}

export interface LetterPack {
  language: LetterLanguage
  /** The language named in itself. */
  name: string
  phrases: Phrases
  families: Partial<Record<Family, FamilyText>>
  templates: Partial<Record<Family, Partial<Record<KindId, KindText>>>>
  /** Laws this language covers, with every kind they offer. */
  laws: Partial<Record<LawId, LawText>>
  /** Every law's full name, for "I also rely on …" (same grammatical form as `laws`). */
  names: Record<LawId, string>
  date(day: Day): string
  period(period: Period): string
}
