import type { SettingRow, TracelightDb } from './schema'

/** Every setting, declared once with its default. Bump `version` when a default's meaning changes. */
export const SETTINGS = {
  /** Record full URLs and values instead of masked ones (DESIGN.md §0). */
  evidenceMode: { default: false as boolean, version: 1 },
  /** Days of history to keep; 0 keeps everything. */
  retentionDays: { default: 90 as number, version: 1 },
  /** Send Global Privacy Control (off until the person turns it on). */
  gpcEnabled: { default: false as boolean, version: 1 },
  /** Sites GPC is not sent to. */
  gpcExceptions: { default: [] as string[], version: 1 },
  /** While true, nothing new is stored (the badge still counts the current page). */
  recordingPaused: { default: false as boolean, version: 1 },
  /** Sites nothing is recorded on (registrable domains), as the person chose. */
  excludedSites: { default: [] as string[], version: 1 },
  /** Language of popup and dashboard ('en', 'de', 'fr', 'es'); '' follows the browser. */
  language: { default: '' as string, version: 1 },
} as const

export type SettingKey = keyof typeof SETTINGS
export type SettingValue<K extends SettingKey> = (typeof SETTINGS)[K]['default']

/** Every setting's value. */
export type AllSettings = { [K in SettingKey]: SettingValue<K> }

/** A setting's stored value, or its default when none is stored or it has the wrong type. */
export function settingValue<K extends SettingKey>(
  key: K,
  row: SettingRow | undefined,
): SettingValue<K> {
  const fallback = SETTINGS[key].default
  return row !== undefined &&
    typeof row.value === typeof fallback &&
    Array.isArray(row.value) === Array.isArray(fallback)
    ? (row.value as SettingValue<K>)
    : fallback
}

export async function readSetting<K extends SettingKey>(
  db: TracelightDb,
  key: K,
): Promise<SettingValue<K>> {
  return settingValue(key, await db.settings.get(key))
}

export async function writeSetting<K extends SettingKey>(
  db: TracelightDb,
  key: K,
  value: SettingValue<K>,
): Promise<void> {
  await db.settings.put({ key, value })
}
