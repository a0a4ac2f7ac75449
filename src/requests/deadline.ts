/** When a company must answer, per law and kind (LEGAL.md "Deadlines"). */
import { addPeriod, type Day } from './dates'
import { FOLLOW_UPS, type KindId, type Law, type Period } from './laws'

export interface Deadline {
  /** Last day to answer. */
  due: Day
  period: Period
  /** Provision that sets it. */
  cite: string
  /** Whether the due date includes the extension the company announced. */
  extended: boolean
}

/**
 * The due date of a request sent on `sent`. With an extension the total runs from the same
 * start (GDPR: "extended by two further months" — 1 + 2 months from receipt, so Jan 31 gives
 * Apr 30, not Apr 28). Follow-ups (reminder, complaint) set no deadline of their own: null.
 */
export function deadlineFor(law: Law, kind: KindId, sent: Day, extended = false): Deadline | null {
  if (FOLLOW_UPS.has(kind)) return null
  const special = law.respondByKind?.[kind]
  const period = special?.period ?? law.respond
  const cite = special?.cite ?? law.respondCite
  const extension = special === undefined ? law.extension : undefined
  if (extended && extension !== undefined) {
    if (extension.unit !== period.unit) throw new Error(`Mixed units in ${law.id}`)
    const total = { unit: period.unit, amount: period.amount + extension.amount } as Period
    return { due: addPeriod(sent, total), period: total, cite, extended: true }
  }
  return { due: addPeriod(sent, period), period, cite, extended: false }
}

/** Whether the law lets the company extend this kind of request. */
export function canExtend(law: Law, kind: KindId): boolean {
  return (
    !FOLLOW_UPS.has(kind) && law.extension !== undefined && law.respondByKind?.[kind] === undefined
  )
}
