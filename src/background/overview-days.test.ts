import { describe, expect, it } from 'vitest'
import { createOverviewDays, nextMidnight } from './overview-days'

const NOW = new Date(2024, 4, 10, 22, 30).getTime()
const HOUR = 3_600_000

function setup(fail = 0) {
  let clock = NOW
  const refreshed: number[] = []
  const alarms: number[] = []
  let failures = fail
  const days = createOverviewDays({
    refresh: async (now) => {
      refreshed.push(now)
      if (failures > 0) {
        failures -= 1
        throw new Error('disk full')
      }
    },
    now: () => clock,
    wakeAt: async (when) => void alarms.push(when),
  })
  return { days, refreshed, alarms, set: (t: number) => (clock = t) }
}

describe('nextMidnight', () => {
  it('is just after the next local midnight, at any time of day', () => {
    expect(nextMidnight(NOW)).toBe(new Date(2024, 4, 11, 0, 0, 5).getTime())
    expect(nextMidnight(new Date(2024, 4, 11, 0, 0, 1).getTime())).toBe(
      new Date(2024, 4, 12, 0, 0, 5).getTime(),
    )
    expect(nextMidnight(new Date(2024, 11, 31, 23, 59).getTime())).toBe(
      new Date(2025, 0, 1, 0, 0, 5).getTime(),
    )
  })
})

describe('createOverviewDays', () => {
  it('catches up once per day, and sets an alarm for the next one', async () => {
    const { days, refreshed, alarms, set } = setup()
    await days.check()
    await days.check()
    set(NOW + HOUR) // 23:30, the same day
    await days.check()
    expect(refreshed).toEqual([NOW])
    expect(alarms).toEqual([nextMidnight(NOW)])
    set(NOW + 2 * HOUR) // 00:30 the next day
    await days.check()
    expect(refreshed).toEqual([NOW, NOW + 2 * HOUR])
    expect(alarms.at(-1)).toBe(nextMidnight(NOW + 2 * HOUR))
  })

  it('runs one catch-up at a time: checks meanwhile wait for it', async () => {
    const { days, refreshed } = setup()
    const first = days.check()
    const second = days.check()
    expect(second).toBe(first)
    await Promise.all([first, second])
    expect(refreshed).toHaveLength(1)
  })

  it('tries again at the next check after a failure, without an alarm meanwhile', async () => {
    const { days, refreshed, alarms } = setup(1)
    await days.check()
    expect(alarms).toEqual([])
    await days.check()
    expect(refreshed).toHaveLength(2)
    expect(alarms).toEqual([nextMidnight(NOW)])
  })
})
