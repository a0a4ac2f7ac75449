/**
 * A request's life after it was sent: status changes with their history, extensions that move
 * the due date, and the overdue state once the due date passed. Pure: takes and returns rows.
 */
import type { RequestRow, RequestStatus } from '@/db/schema'
import { dayOf, endOfDay } from './dates'
import { canExtend, deadlineFor } from './deadline'
import { isKindId, lawById } from './laws'

const NEXT: Record<RequestStatus, readonly RequestStatus[]> = {
  sent: ['acknowledged', 'extended', 'answered', 'overdue', 'closed'],
  acknowledged: ['extended', 'answered', 'overdue', 'closed'],
  extended: ['acknowledged', 'answered', 'overdue', 'closed'],
  overdue: ['acknowledged', 'extended', 'answered', 'closed'],
  answered: ['closed'],
  closed: [],
}

/** Statuses the user can choose next (overdue comes from the calendar, not a button). */
export function nextStatuses(row: RequestRow): RequestStatus[] {
  return NEXT[row.status].filter((s) => s !== 'overdue' && (s !== 'extended' || extendable(row)))
}

export function extendable(row: RequestRow): boolean {
  const law = lawById(row.law)
  return !row.extension && law !== undefined && isKindId(row.kind) && canExtend(law, row.kind)
}

/** Whether the answer is late: still waiting and past the end of the due day. */
export function isOverdue(row: RequestRow, now: number): boolean {
  return (
    row.dueAt !== undefined &&
    now > row.dueAt &&
    (row.status === 'sent' || row.status === 'acknowledged' || row.status === 'extended')
  )
}

/** Why a status change was refused; the dashboard puts it in words. */
export type TransitionProblem = 'not-allowed' | 'cannot-extend' | 'no-deadline' | 'not-late'

export class TransitionError extends Error {
  constructor(
    readonly problem: TransitionProblem,
    message: string,
  ) {
    super(message)
  }
}

/** The row after a status change at `at`. Throws when the change makes no sense. */
export function transition(
  row: RequestRow,
  status: RequestStatus,
  at: number,
  note?: string,
): RequestRow {
  if (!NEXT[row.status].includes(status))
    throw new TransitionError(
      'not-allowed',
      `A request that is ${row.status} cannot become ${status}`,
    )
  const event = note === undefined || note === '' ? { status, at } : { status, at, note }
  const out: RequestRow = { ...row, status, history: [...row.history, event] }
  if (status === 'extended') {
    const law = lawById(row.law)
    if (!extendable(row) || law === undefined || !isKindId(row.kind) || row.sentAt === undefined)
      throw new TransitionError('cannot-extend', 'This request cannot be extended')
    const deadline = deadlineFor(law, row.kind, dayOf(row.sentAt), true)
    if (deadline === null) throw new TransitionError('no-deadline', 'This request has no deadline')
    out.extension = true
    out.dueDay = deadline.due
    out.dueAt = endOfDay(deadline.due)
  }
  if (status === 'overdue' && (row.dueAt === undefined || at <= row.dueAt))
    throw new TransitionError('not-late', 'The deadline has not passed yet')
  return out
}

/** Rows that became overdue by `now`, with an `overdue` event dated just after the due day. */
export function markOverdue(rows: readonly RequestRow[], now: number): RequestRow[] {
  return rows
    .filter((r) => isOverdue(r, now))
    .map((r) => transition(r, 'overdue', (r.dueAt ?? now) + 1))
}
