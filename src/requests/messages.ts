/**
 * Messages of the requests feature, declared here and merged into the one protocol in
 * src/messages.ts. Only extension pages may send them (the router's default).
 */
import type { RequestChannel, RequestRow } from '@/db/schema'
import type { Candidate } from './discover'
import { isKindId, isLawId, type KindId, type LawId } from './laws'
import { isLetterLanguage, type LetterLanguage } from './letters/types'
import type { TransitionProblem } from './track'

export interface NewRequest {
  site: string
  company: string
  law: LawId
  kind: KindId
  reference: string
  recipient: string
  subject: string
  text: string
  channel: RequestChannel
  followUpOf?: number
  /** The language the letter was written in, as the person chose it. */
  language?: LetterLanguage
}

/** Why a status change was not recorded; the dashboard puts it in words. */
export type StatusProblem = TransitionProblem | 'missing'

/** Why looking for a privacy contact found nothing, in the dashboard's words. */
export type DiscoverProblem =
  | { code: 'not-visited' }
  | { code: 'unreachable'; origin: string }
  | { code: 'failed'; message: string }

/** Statuses the user records; `sent` comes from creation, `overdue` from the calendar. */
export type UserStatus = 'acknowledged' | 'extended' | 'answered' | 'closed'

export interface ContactInput {
  site: string
  name?: string
  email?: string
  formUrl?: string
  policyUrl?: string
}

export interface RequestMessageMap {
  /** Stores a request the user has just sent; the background computes its due date. */
  'request.create': {
    request: { request: NewRequest }
    response: { id: number; dueDay: string | null }
  }
  /** Records a status change (with an optional note) and returns the updated request. */
  'request.status': {
    request: { id: number; status: UserStatus; note?: string }
    response: { request: RequestRow | null; error: StatusProblem | null }
  }
  /** Marks every request whose deadline passed without an answer as overdue. */
  'requests.refresh': {
    request: Record<never, never>
    response: { overdue: number }
  }
  /** Looks on the site itself (the pages the user visited) for privacy contacts. */
  'contacts.discover': {
    request: { site: string }
    response: { candidates: Candidate[]; policyUrl: string | null; error: DiscoverProblem | null }
  }
  /** Saves the privacy contact the user entered for a site or company. */
  'contact.save': {
    request: { contact: ContactInput }
    response: { ok: boolean }
  }
}

export const LIMITS = {
  short: 200,
  reference: 40,
  subject: 500,
  /** A long letter with a full observation list stays well under this. */
  text: 30_000,
  note: 2_000,
  url: 2_000,
} as const

const CHANNELS: readonly RequestChannel[] = ['mailto', 'copy', 'eml', 'form', 'other']
const USER_STATUSES: readonly UserStatus[] = ['acknowledged', 'extended', 'answered', 'closed']

const str = (v: unknown, max: number, min = 1): v is string =>
  typeof v === 'string' && v.length >= min && v.length <= max
const optStr = (v: unknown, max: number) => v === undefined || str(v, max, 0)
const isId = (v: unknown) => Number.isSafeInteger(v) && (v as number) > 0
const isObject = (v: unknown): v is Record<string, unknown> =>
  typeof v === 'object' && v !== null && !Array.isArray(v)
const isHttpUrl = (v: unknown) => {
  if (v === undefined || v === '') return true
  if (!str(v, LIMITS.url)) return false
  try {
    const u = new URL(v)
    return u.protocol === 'https:' || u.protocol === 'http:'
  } catch {
    return false
  }
}

function isNewRequest(v: unknown): boolean {
  if (!isObject(v)) return false
  return (
    str(v.site, LIMITS.short) &&
    str(v.company, LIMITS.short) &&
    isLawId(v.law) &&
    isKindId(v.kind) &&
    str(v.reference, LIMITS.reference) &&
    str(v.recipient, LIMITS.url, 0) &&
    str(v.subject, LIMITS.subject) &&
    str(v.text, LIMITS.text) &&
    CHANNELS.includes(v.channel as RequestChannel) &&
    (v.followUpOf === undefined || isId(v.followUpOf)) &&
    (v.language === undefined || isLetterLanguage(v.language))
  )
}

function isContact(v: unknown): boolean {
  if (!isObject(v)) return false
  return (
    str(v.site, LIMITS.short) &&
    optStr(v.name, LIMITS.short) &&
    optStr(v.email, LIMITS.short) &&
    isHttpUrl(v.formUrl) &&
    isHttpUrl(v.policyUrl)
  )
}

export const REQUEST_VALIDATORS: {
  [K in keyof RequestMessageMap]: (m: Record<string, unknown>) => boolean
} = {
  'request.create': (m) => isNewRequest(m.request),
  'request.status': (m) =>
    isId(m.id) && USER_STATUSES.includes(m.status as UserStatus) && optStr(m.note, LIMITS.note),
  'requests.refresh': () => true,
  'contacts.discover': (m) => str(m.site, LIMITS.short),
  'contact.save': (m) => isContact(m.contact),
}
