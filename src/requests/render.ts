/**
 * Fills a letter: template text + law citations + what was observed. Pure and strict — an
 * unknown or unfilled placeholder throws instead of reaching a letter, and every value that
 * came from a page or a person is cleaned to plain single-line text first.
 */
import { dayOf, longDate, periodText, type Day } from './dates'
import { deadlineFor, type Deadline } from './deadline'
import { FOLLOW_UPS, type KindId, type Law } from './laws'
import type { Observations } from './observe'
import { FAMILY_TEXT, KIND_LABELS, TEMPLATES, type TemplateVar } from './templates'

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
}

export interface Include {
  companies: boolean
  identifiers: boolean
  pixels: boolean
}

export interface DraftInput {
  law: Law
  /** Other laws that may also apply: the letter relies on them too. */
  also?: readonly Law[]
  kind: KindId
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
}

export class DraftError extends Error {}

const MAX_VALUE = 200
const MAX_DETAILS = 2000

/** Plain text from untrusted input: no control or bidi-override characters, no template
 * braces, bounded. Newlines only where `multiline`. */
export function plain(value: string, max = MAX_VALUE, multiline = false): string {
  let s = value.replace(multiline ? /\r\n?/g : /[\r\n]+/g, multiline ? '\n' : ' ')
  // C0/C1 controls (except tab/newline), bidi embeddings/overrides/isolates, zero-width chars.
  s = s.replace(
    // eslint-disable-next-line no-control-regex
    /[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u200b-\u200f\u202a-\u202e\u2066-\u2069\ufeff]/g,
    '',
  )
  s = s.replace(/\{\{|\}\}/g, (m) => m[0] ?? '')
  if (!multiline) s = s.replace(/\s+/g, ' ')
  s = s.trim()
  return s.length > max ? `${s.slice(0, max - 1)}…` : s
}

/** Replaces `{{var}}` in one pass (a value containing braces is never read as a template). */
export function fill(text: string, vars: Partial<Record<TemplateVar, string>>): string {
  return text.replace(/\{\{([^{}]*)\}\}/g, (_, name: string) => {
    const value = vars[name as TemplateVar]
    if (!Object.hasOwn(vars, name) || value === undefined || value === '')
      throw new DraftError(`The letter needs "${name}"`)
    return value
  })
}

/** Names used for an earlier request inside a follow-up letter. */
const KIND_NOUNS: Record<KindId, string> = {
  access: 'request for access to my personal data',
  identifiers: 'request for access to my online identifiers',
  erasure: 'request to erase my personal data',
  rectification: 'request to correct my personal data',
  objection: 'objection to processing and withdrawal of consent',
  'withdraw-consent': 'withdrawal of consent',
  'opt-out-sale': 'request to opt out of sale and sharing',
  'limit-sensitive': 'request to limit the use of sensitive personal information',
  reminder: 'reminder',
  complaint: 'complaint',
}

function observedBlock(obs: Observations, include: Include): string {
  const lines: string[] = []
  const day = (at: number) => longDate(dayOf(at))
  if (include.companies && obs.companies.length > 0) {
    lines.push('Companies my browser sent requests to while I was on the site:')
    for (const c of obs.companies) {
      const range =
        day(c.firstAt) === day(c.lastAt) ? day(c.firstAt) : `${day(c.firstAt)} to ${day(c.lastAt)}`
      lines.push(
        `- ${plain(c.name)} (${c.domains.map((d) => plain(d)).join(', ')}): ${c.requests} ${c.requests === 1 ? 'request' : 'requests'}, ${range}`,
      )
    }
  }
  if (include.identifiers && obs.identifiers.length > 0) {
    lines.push('Identifiers set in my browser:')
    for (const i of obs.identifiers) {
      const value =
        i.valuePrefix === undefined ? '' : `, value beginning "${plain(i.valuePrefix, 40)}"`
      lines.push(`- ${plain(i.company)} (${plain(i.domain)}): "${plain(i.name, 80)}"${value}`)
    }
  }
  if (include.pixels && obs.pixels.length > 0) {
    lines.push('Tracking pixels that reported my visit:')
    for (const p of obs.pixels) {
      const id = p.pixelId === undefined ? '' : `, pixel ID ${plain(p.pixelId, 60)}`
      const events =
        p.events.length === 0 ? '' : `, events: ${p.events.map((e) => plain(e, 60)).join(', ')}`
      lines.push(`- ${plain(p.label)} of ${plain(p.company)} (${plain(p.domain)})${id}${events}`)
    }
  }
  if (lines.length === 0) return ''
  const when =
    obs.firstAt === null || obs.lastAt === null
      ? ''
      : dayOf(obs.firstAt) === dayOf(obs.lastAt)
        ? ` on ${day(obs.firstAt)}`
        : ` between ${day(obs.firstAt)} and ${day(obs.lastAt)}`
  return [
    `What my browser recorded on ${plain(obs.site)}${when} (recorded by the Tracelight browser extension):`,
    ...lines,
  ].join('\n')
}

function identification(input: DraftInput, obs: Observations | null, site: string): string {
  const ids = input.include.identifiers && obs !== null ? obs.identifiers.length : 0
  const gdpr = input.law.family === 'gdpr'
  if (input.kind === 'opt-out-sale' || input.kind === 'limit-sensitive') return ''
  if (ids > 0)
    return gdpr
      ? 'To find the data concerning me, please use the online identifiers your services set in my browser, listed below. Online identifiers are enough to identify a person using an online service (Recital 64), so no further identification should be needed (Articles 11(2) and 12(6)).'
      : 'To match this request to your records, please use the online identifiers your services set in my browser, listed below.'
  return gdpr
    ? `I visited ${site} with this browser. If you need further information to identify me, tell me what you need and why (Article 12(6)); please do not ask for a copy of an identity document unless it is strictly necessary.`
    : `I visited ${site} with this browser. If you need further information to match this request to your records, tell me what you need.`
}

/** Fills the letter for one request. Throws DraftError when something it needs is missing. */
export function renderLetter(input: DraftInput): Letter {
  const { law, kind } = input
  const template = TEMPLATES[law.family][kind]
  const cite = law.cites[kind]
  if (template === undefined || cite === undefined)
    throw new DraftError(`${law.short} has no "${KIND_LABELS[kind].label}" request`)
  const followUp = FOLLOW_UPS.has(kind)
  if (followUp && input.original === undefined)
    throw new DraftError('A follow-up needs the earlier request')
  const deadline = deadlineFor(law, kind, input.today)
  const site = plain(input.site)
  const company = plain(input.company)
  const vars: Partial<Record<TemplateVar, string>> = {
    reference: plain(input.reference, 40),
    today: longDate(input.today),
    company,
    site,
    lawName: law.name,
    cite,
    respondCite: deadline?.cite ?? law.respondCite,
    authority: law.authority,
  }
  if (deadline !== null) {
    vars.period = periodText(deadline.period)
    vars.dueDate = longDate(deadline.due)
  }
  if (input.details !== undefined && input.details.trim() !== '')
    vars.details = plain(input.details, MAX_DETAILS, true)
  if (input.original !== undefined) {
    vars.originalDate = longDate(input.original.sent)
    vars.originalReference = plain(input.original.reference, 40)
    vars.originalDue = longDate(input.original.due)
    vars.originalKind = KIND_NOUNS[input.original.kind]
  }
  if (kind === 'rectification' && vars.details === undefined)
    throw new DraftError('Describe what is wrong and how it should read')

  const family = FAMILY_TEXT[law.family]
  const obs = input.observations
  const parts: string[] = []
  parts.push('Dear Sir or Madam,')
  if (!followUp)
    parts.push(
      company === site
        ? `I am writing to you as a visitor to ${site}.`
        : `I am writing to you about personal data concerning me that your services collected while I visited ${site}.`,
    )
  parts.push(fill(template.body, vars))
  const listed = obs !== null && input.include.companies && obs.companies.length > 0
  if (listed && company === site && (kind === 'access' || kind === 'identifiers'))
    parts.push(
      'In particular, please tell me whether you disclosed personal data concerning me to the companies listed below, whose services my browser contacted while I was on your site, what data, and on what legal basis.',
    )
  const also = (input.also ?? []).filter((l) => l.id !== law.id)
  if (also.length > 0 && !followUp)
    parts.push(
      `Insofar as they apply to you, I also rely on the corresponding provisions of ${also.map((l) => l.name).join(' and ')}.`,
    )
  if (!followUp) {
    const id = identification(input, obs, site)
    if (id !== '') parts.push(id)
  }
  if (deadline !== null) parts.push(fill(family.deadline, vars))
  if (kind !== 'complaint') {
    const confirm = law.confirm
    parts.push(
      confirm !== undefined && !followUp
        ? `${family.receipt.slice(0, -1)} within ${periodText(confirm.period)} (${confirm.cite}).`
        : family.receipt,
    )
  }
  if (obs !== null) {
    const block = observedBlock(obs, input.include)
    if (block !== '') parts.push(block)
  }
  const name = plain(input.sender.name, 120)
  const email = plain(input.sender.email, 120)
  if (name === '') throw new DraftError('Add your name: the letter is signed with it')
  parts.push(['Yours faithfully,', name, email].filter((s) => s !== '').join('\n'))

  const title = template.title
  const subject = `${title} under ${law.short} — ref. ${vars.reference ?? ''}`
  const body = parts.join('\n\n')
  if (/\{\{|\}\}/.test(body) || /\{\{|\}\}/.test(subject))
    throw new DraftError('A placeholder was left unfilled')
  return { subject, body, deadline }
}

/** A reference that is short, readable aloud and unique enough per person: TL-YYYYMMDD-XXXX. */
export function newReference(today: Day, random: () => number = Math.random): string {
  const alphabet = 'ABCDEFGHJKLMNPQRSTUVWXYZ23456789'
  let tail = ''
  for (let i = 0; i < 4; i++) tail += alphabet[Math.floor(random() * alphabet.length)] ?? 'X'
  return `TL-${today.replaceAll('-', '')}-${tail}`
}
