import { dayAt } from '@/db/overview-aggregate'

export interface OverviewDaysDeps {
  /** Brings the overview's ranking rows up to the day of `now` (`refreshRanks`). */
  refresh(now: number): Promise<void>
  now(): number
  /** Wakes the worker at `when` (an alarm), to catch up with the next day. */
  wakeAt(when: number): Promise<void>
}

/** Just after the next local midnight: the first moment of the next calendar day, plus a few
 * seconds (alarms are never early, but a clock is never exact either). */
export function nextMidnight(now: number): number {
  const d = new Date(now)
  d.setHours(24, 0, 5, 0)
  return d.getTime()
}

/**
 * Keeps the overview's ranking rows current as days pass (DESIGN.md §9): each period ends
 * today, so at each new day some rows are computed again. Runs at the worker's start, at an
 * alarm after midnight, and when something is written on a day not yet caught up with; one
 * catch-up at a time, and a failed one is tried again at the next occasion.
 */
export function createOverviewDays(deps: OverviewDaysDeps) {
  let doneDay: number | null = null
  let running: Promise<void> | null = null

  async function run(): Promise<void> {
    const now = deps.now()
    await deps.refresh(now)
    doneDay = dayAt(now)
    await deps.wakeAt(nextMidnight(now))
  }

  /** Catches up if the day changed since the last catch-up (resolves once it is done). */
  function check(): Promise<void> {
    if (running !== null) return running
    if (doneDay === dayAt(deps.now())) return Promise.resolve()
    running = run()
      .catch(() => undefined) // tried again at the next write, alarm or start
      .finally(() => {
        running = null
      })
    return running
  }

  return { check }
}
