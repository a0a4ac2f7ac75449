/** Words for request statuses and due dates, in the dashboard's language. */
import type { RequestStatus } from '@/db/schema'
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
