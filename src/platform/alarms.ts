import { browser } from './browser'

/** Creates a repeating alarm unless it already exists (re-creating would restart its clock
 * each time the worker wakes, and it might then never fire). */
export async function ensureAlarm(name: string, periodInMinutes: number): Promise<void> {
  const existing = await browser.alarms.get(name)
  if (existing === undefined)
    await browser.alarms.create(name, { periodInMinutes, delayInMinutes: 1 })
}

/** Registers the alarm listener; call synchronously at the top level of the background. */
export function onAlarm(name: string, handle: () => void): void {
  browser.alarms.onAlarm.addListener((alarm) => {
    if (alarm.name === name) handle()
  })
}
