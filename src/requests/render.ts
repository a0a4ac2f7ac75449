/**
 * Fills a letter: template text + law citations + what was observed, in the letter's language.
 * Pure and strict — an unknown or unfilled placeholder throws instead of reaching a letter, and
 * every value that came from a page or a person is cleaned to plain text first.
 */
import type { Day } from './dates'
import { deadlineFor, type Deadline } from './deadline'
import { FOLLOW_UPS, type KindId, type Law } from './laws'
import { LETTER_PACKS, type LetterLanguage } from './letters'
import { joinList } from './letters/format'
import { observedBlock, type Include } from './observed-text'
import type { Observations } from './observe'
import { DraftError, fill, plain } from './plain'
import type { TemplateVar } from './templates'

export { DraftError, fill, plain, type DraftProblem } from './plain'
export type { Include } from './observed-text'

export interface SenderInfo {
  name: string
  email: string
}

/** The earlier request a reminder or complaint follows up. */
export interface Original {
  reference: string
  kind: KindId
  sent: Day
  due: Day
  /** The letter as it was sent: a complaint attaches it. */
  subject?: string
  text?: string
}

export interface DraftInput {
  law: Law
  /** Other laws that may also apply: the letter relies on them too. */
  also?: readonly Law[]
  kind: KindId
  /** Language of the letter (English when not given). */
  language?: LetterLanguage
  reference: string
  /** Date written on the letter, and from which the deadline runs. */
  today: Day
  /** Who the request is about: the company's name (or the site's, for its operator). */
  company: string
  site: string
  sender: SenderInfo
  /** What to correct (rectification only). */
  details?: string
  original?: Original
  observations: Observations | null
  include: Include
}

export interface Letter {
  subject: string
  body: string
  deadline: Deadline | null
  language: LetterLanguage
  /** The provision setting the deadline, as the letter cites it. */
  respondCite: string
}

const MAX_DETAILS = 2000
/** A stored letter copied into a complaint: room is left for the rest, as a stored request is
 * at most 30,000 characters (messages.ts LIMITS). */
const MAX_ORIGINAL = 12_000

/** Fills the letter for one request. Throws DraftError when something it needs is missing. */
export function renderLetter(input: DraftInput): Letter {
  const { law, kind } = input
  const language = input.language ?? 'en'
  if (law.cites[kind] === undefined)
    throw new DraftError('no-kind', `${law.short} has no "${kind}" request`)
  const pack = LETTER_PACKS[language]
  const text = pack.laws[law.id]
  const template = pack.templates[law.family]?.[kind]
  const family = pack.families[law.family]
  const cite = text?.cites[kind]
  if (text === undefined || template === undefined || family === undefined || cite === undefined)
    throw new DraftError('no-language', `There is no ${pack.name} letter for this request`)
  const followUp = FOLLOW_UPS.has(kind)
  if (followUp && input.original === undefined)
    throw new DraftError('needs-original', 'A follow-up needs the earlier request')
  const deadline = deadlineFor(law, kind, input.today)
  const site = plain(input.site)
  const company = plain(input.company)
  const respondCite =
    law.respondByKind?.[kind] === undefined
      ? text.respondCite
      : (text.respondByKindCite?.[kind] ?? text.respondCite)
  const vars: Partial<Record<TemplateVar, string>> = {
    reference: plain(input.reference, 40),
    company,
    site,
    lawName: text.name,
    short: text.short,
    cite,
    respondCite,
    authority: text.authority,
  }
  if (deadline !== null) {
    vars.period = pack.period(deadline.period)
    vars.dueDate = pack.date(deadline.due)
  }
  if (law.confirm !== undefined && text.confirmCite !== undefined) {
    vars.confirmPeriod = pack.period(law.confirm.period)
    vars.confirmCite = text.confirmCite
  }
  if (input.details !== undefined && input.details.trim() !== '')
    vars.details = plain(input.details, MAX_DETAILS, true)
  const original = input.original
  if (original !== undefined) {
    vars.originalDate = pack.date(original.sent)
    vars.originalReference = plain(original.reference, 40)
    vars.originalDue = pack.date(original.due)
    vars.originalKind = pack.phrases.kindNouns[original.kind]
  }
  if (kind === 'rectification' && vars.details === undefined)
    throw new DraftError('needs-details', 'Describe what is wrong and how it should read')

  const p = pack.phrases
  const obs = input.observations
  const parts: string[] = [p.salutation]
  if (!followUp) parts.push(fill(company === site ? p.introSite : p.introCompany, { site }))
  parts.push(fill(template.body, vars))
  const listed = obs !== null && input.include.companies && obs.companies.length > 0
  if (listed && company === site && (kind === 'access' || kind === 'identifiers'))
    parts.push(p.disclosedTo)
  const also = (input.also ?? []).filter((l) => l.id !== law.id)
  if (also.length > 0 && !followUp)
    parts.push(
      fill(p.alsoRely, {
        laws: joinList(
          also.map((l) => pack.names[l.id]),
          p.and,
        ),
      }),
    )
  if (!followUp && kind !== 'opt-out-sale' && kind !== 'limit-sensitive') {
    const ids = input.include.identifiers && obs !== null && obs.identifiers.length > 0
    parts.push(ids ? family.identifyIds : fill(family.identifyNone, { site }))
  }
  if (deadline !== null) parts.push(fill(family.deadline, vars))
  if (kind !== 'complaint')
    parts.push(
      vars.confirmPeriod !== undefined && family.receiptWithin !== undefined && !followUp
        ? fill(family.receiptWithin, vars)
        : family.receipt,
    )
  if (kind === 'complaint' && original?.text !== undefined && original.text.trim() !== '') {
    parts.push(fill(p.originalCopy, vars))
    const subject = plain(original.subject ?? '', 500)
    const copy = plain(original.text, MAX_ORIGINAL, true)
    parts.push(subject === '' ? copy : `${subject}\n\n${copy}`)
  }
  if (obs !== null) {
    const block = observedBlock(obs, input.include, pack)
    if (block !== '') parts.push(block)
  }
  const name = plain(input.sender.name, 120)
  const email = plain(input.sender.email, 120)
  if (name === '') throw new DraftError('needs-name', 'Add your name: the letter is signed with it')
  parts.push([p.closing, name, email].filter((s) => s !== '').join('\n'))

  const subject = fill(p.subject, {
    title: fill(template.title, vars),
    short: text.short,
    reference: vars.reference ?? '',
  })
  const body = parts.join('\n\n')
  if (/\{\{|\}\}/.test(body) || /\{\{|\}\}/.test(subject))
    throw new DraftError('unfilled', 'A placeholder was left unfilled')
  return { subject, body, deadline, language, respondCite }
}

/** A reference that is short, readable aloud and unique enough per person: TL-YYYYMMDD-XXXX. */
export function newReference(today: Day, random: () => number = Math.random): string {
  const alphabet = 'ABCDEFGHJKLMNPQRSTUVWXYZ23456789'
  let tail = ''
  for (let i = 0; i < 4; i++) tail += alphabet[Math.floor(random() * alphabet.length)] ?? 'X'
  return `TL-${today.replaceAll('-', '')}-${tail}`
}
