import type { ConsentRow, DailyRow, FindingRow, SiteRow, VisitRow } from '@/db/schema'
import type { SettingKey, SettingValue } from '@/db/settings'

/** Everything the dashboard reads and asks for. main.tsx backs it with the database and typed
 * messages; tests back it with fixture objects. */
export interface DashboardApi {
  sitesSince(since: number): Promise<SiteRow[]>
  dailySince(since: number): Promise<DailyRow[]>
  visitCountSince(since: number): Promise<number>
  site(site: string): Promise<SiteRow | undefined>
  visits(site: string): Promise<VisitRow[]>
  siteFindings(site: string): Promise<FindingRow[]>
  partyFindings(parties: readonly string[], limit: number): Promise<FindingRow[]>
  /** The site's consent timeline, newest first (at most a few hundred moments). */
  consentTimeline(site: string): Promise<ConsentRow[]>
  settings(): Promise<Settings>
  setSetting<K extends SettingKey>(key: K, value: SettingValue<K>): Promise<void>
  deleteSite(site: string): Promise<void>
  deleteAll(): Promise<void>
  storageUsed(): Promise<number | null>
  now(): number
}

export type Settings = { [K in SettingKey]: SettingValue<K> }

export type Loadable<T> =
  { kind: 'loading' } | { kind: 'ready'; value: T } | { kind: 'error'; message: string }

export const errorText = (e: unknown) => (e instanceof Error ? e.message : String(e))
