import { browser } from './browser'

/** Makes sure a repeating alarm exists without resetting its schedule on every worker start. */
export async function ensureAlarm(name: string, periodInMinutes: number): Promise<void> {
  const existing = await browser.alarms.get(name)
  if (existing === undefined)
    await browser.alarms.create(name, { delayInMinutes: 1, periodInMinutes })
}

/** Registers the alarm listener; call synchronously at the top level of the background. */
export function onAlarm(name: string, run: () => void): void {
  browser.alarms.onAlarm.addListener((alarm) => {
    if (alarm.name === name) run()
  })
}

/** A one-off alarm at `when` (ms since the epoch), replacing any of the same name. Browsers may
 * fire it later than asked (Chrome: at least 30 s ahead), never earlier. */
export async function alarmAt(name: string, when: number): Promise<void> {
  await browser.alarms.create(name, { when })
}
