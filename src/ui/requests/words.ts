/** Words for request statuses and due dates, in the dashboard's language. */
import type { RequestStatus } from '@/db/schema'
import { dayOf } from '@/requests/dates'
import type { IcsWords } from '@/requests/ics'
import { isKindId } from '@/requests/laws'
import { letterDate } from '@/requests/letters/format'
import type { UserStatus } from '@/requests/messages'
import type { I18n } from '@/ui/i18n'

export function statusLabel(t: I18n['t'], status: RequestStatus): string {
  return t(`requests.status.${status}`)
}

/** Button words for recording what happened. */
export function statusAction(t: I18n['t'], status: UserStatus): string {
  return t(`requests.action.${status}`)
}

/** A due day in full ("28 February 2026", "28. Februar 2026"), or that there is none. */
export function dueText(i18n: I18n, dueDay: string | undefined): string {
  return dueDay === undefined ? i18n.t('requests.noDeadline') : letterDate(dueDay, i18n.language)
}

/** The calendar file's words, in the dashboard's language. */
export function icsWords(i18n: I18n): IcsWords {
  const { t } = i18n
  return {
    summary: (r) => t('requests.ics.summary', { company: r.company, reference: r.reference }),
    description: (r) => {
      const vars = {
        kind: isKindId(r.kind) ? t(`requests.kind.${r.kind}`) : r.kind,
        recipient: r.recipient || r.company,
      }
      return r.sentAt === undefined
        ? t('requests.ics.description', vars)
        : t('requests.ics.descriptionSent', {
            ...vars,
            date: letterDate(dayOf(r.sentAt), i18n.language),
          })
    },
  }
}
