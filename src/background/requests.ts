/**
 * Background side of requests: the only writer of the `requests` and `contacts` tables. Due
 * dates are computed here from the law, never taken from the page that asks.
 */
import { siteVisits } from '@/db/read'
import { addRequest, dueBefore, getRequest, putContact, putRequests } from '@/db/requests'
import type { FetchedPage } from '@/platform/fetch-page'
import { policyLinks, rankCandidates } from '@/requests/discover'
import type { RequestRow, TracelightDb } from '@/db/schema'
import { readSetting } from '@/db/settings'
import { dayOf, endOfDay } from '@/requests/dates'
import { deadlineFor } from '@/requests/deadline'
import { isKindId, lawById } from '@/requests/laws'
import { letterDate } from '@/requests/letters/format'
import type { RequestMessageMap } from '@/requests/messages'
import { cleanAddress } from '@/requests/send'
import { markOverdue, transition, TransitionError } from '@/requests/track'
import { formatLocale, LANGUAGES, pickLanguage, type I18n, type Language } from '@/ui/i18n'
import { i18nOf } from '@/ui/i18n/all'

/** Records every request that passed its deadline unanswered; returns those just marked. */
export async function refreshOverdue(db: TracelightDb, at: number): Promise<RequestRow[]> {
  const late = markOverdue(await dueBefore(db, at), at)
  if (late.length > 0) await putRequests(db, late)
  return late
}

/** The words of notifications: Tracelight's language setting, else the browser's. */
export async function noticeWords(db: TracelightDb, browser: readonly string[]): Promise<I18n> {
  const chosen = await readSetting(db, 'language')
  const language: Language = Object.hasOwn(LANGUAGES, chosen)
    ? (chosen as Language)
    : pickLanguage(browser)
  return i18nOf(language, formatLocale(language, browser))
}

/** What a notification says about a late request, in plain words. */
export function lateNotice(row: RequestRow, i18n: I18n): { title: string; message: string } {
  const { t } = i18n
  const kind = isKindId(row.kind) ? t(`requests.kind.${row.kind}`) : row.kind
  const vars = { kind, reference: row.reference }
  return {
    title: t('requests.notice.lateTitle', { company: row.company }),
    message:
      row.dueDay === undefined
        ? t('requests.notice.late', vars)
        : t('requests.notice.lateOn', { ...vars, date: letterDate(row.dueDay, i18n.language) }),
  }
}

type RequestHandlers = {
  [K in keyof RequestMessageMap]: (
    message: RequestMessageMap[K]['request'],
  ) => Promise<RequestMessageMap[K]['response']>
}

export function createRequestHandlers(deps: {
  db: TracelightDb
  now: () => number
  fetchPage: (url: string) => Promise<FetchedPage | null>
}): RequestHandlers {
  const { db, now, fetchPage } = deps

  return {
    'request.create': async ({ request }) => {
      const law = lawById(request.law)
      if (law === undefined) throw new Error('Unknown law')
      const sentAt = now()
      const deadline = deadlineFor(law, request.kind, dayOf(sentAt))
      const row: RequestRow = {
        site: request.site,
        company: request.company,
        law: request.law,
        kind: request.kind,
        reference: request.reference,
        recipient: request.recipient,
        subject: request.subject,
        text: request.text,
        createdAt: sentAt,
        sentAt,
        channel: request.channel,
        extension: false,
        status: 'sent',
        history: [{ status: 'sent', at: sentAt }],
        ...(deadline === null ? {} : { dueDay: deadline.due, dueAt: endOfDay(deadline.due) }),
        ...(request.followUpOf === undefined ? {} : { followUpOf: request.followUpOf }),
        ...(request.language === undefined ? {} : { language: request.language }),
      }
      const id = await addRequest(db, row)
      return { id, dueDay: deadline?.due ?? null }
    },

    'request.status': async ({ id, status, note }) => {
      const row = await getRequest(db, id)
      if (row === undefined) return { request: null, error: 'missing' }
      try {
        const next = transition(row, status, now(), note)
        await putRequests(db, [next])
        return { request: next, error: null }
      } catch (e) {
        if (e instanceof TransitionError) return { request: row, error: e.problem }
        throw e
      }
    },

    'contacts.discover': async ({ site }) => {
      // Only where the user has been: the origin of their latest visit to this site.
      const [visit] = await siteVisits(db, site, 1)
      if (visit === undefined)
        return {
          candidates: [],
          policyUrl: null,
          error: { code: 'not-visited' },
        }
      const origin = new URL(visit.url).origin
      const home = await fetchPage(`${origin}/`)
      const links = home === null ? [] : policyLinks(home.html, home.url)
      const pages = [
        ...(home === null ? [] : [home]),
        ...(await Promise.all(links.slice(0, 2).map((u) => fetchPage(u)))).filter(
          (p): p is FetchedPage => p !== null,
        ),
      ]
      const txt = await fetchPage(`${origin}/.well-known/privacy.txt`)
      if (txt !== null && !/<html/i.test(txt.html)) pages.push(txt)
      const candidates = rankCandidates(pages)
      return {
        candidates,
        policyUrl: links[0] ?? null,
        error: home === null ? { code: 'unreachable', origin } : null,
      }
    },

    'requests.refresh': async () => ({ overdue: (await refreshOverdue(db, now())).length }),

    'contact.save': async ({ contact }) => {
      const email = contact.email === undefined ? '' : cleanAddress(contact.email)
      await putContact(db, {
        site: contact.site,
        ...(contact.name === undefined || contact.name === '' ? {} : { name: contact.name }),
        ...(email === '' ? {} : { email }),
        ...(contact.formUrl === undefined || contact.formUrl === ''
          ? {}
          : { formUrl: contact.formUrl }),
        ...(contact.policyUrl === undefined || contact.policyUrl === ''
          ? {}
          : { policyUrl: contact.policyUrl }),
        source: 'user',
        foundAt: now(),
      })
      return { ok: true }
    },
  }
}
