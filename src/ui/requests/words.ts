/** Words for request statuses and laws, for people. */
import type { RequestStatus } from '@/db/schema'
import { longDate } from '@/requests/dates'

export const STATUS_LABELS: Record<RequestStatus, string> = {
  sent: 'Sent, waiting for an answer',
  acknowledged: 'They confirmed receipt',
  extended: 'They took more time',
  answered: 'Answered',
  overdue: 'Late: no answer in time',
  closed: 'Closed',
}

/** Button words for recording what happened. */
export const STATUS_ACTIONS: Record<RequestStatus, string> = {
  sent: 'Sent',
  acknowledged: 'They confirmed receipt',
  extended: 'They announced an extension',
  answered: 'They answered',
  overdue: 'Overdue',
  closed: 'Close this request',
}

export function dueText(dueDay: string | undefined): string {
  return dueDay === undefined ? 'No deadline' : longDate(dueDay)
}
