import type { DailyRow, DeleteSummary, FindingRow, SiteRow, VisitRow } from '@/db/schema'
import type { SettingKey, SettingValue } from '@/db/settings'
import type { DeleteRequest } from '@/messages'
import type { UndoApi } from './undo-store'

/** Everything the dashboard reads and asks for. main.tsx backs it with the database and typed
 * messages; tests back it with fixture objects. */
export interface DashboardApi extends UndoApi {
  sitesSince(since: number): Promise<SiteRow[]>
  dailySince(since: number): Promise<DailyRow[]>
  visitCountSince(since: number): Promise<number>
  site(site: string): Promise<SiteRow | undefined>
  visits(site: string): Promise<VisitRow[]>
  siteFindings(site: string): Promise<FindingRow[]>
  partyFindings(parties: readonly string[], limit: number): Promise<FindingRow[]>
  settings(): Promise<Settings>
  setSetting<K extends SettingKey>(key: K, value: SettingValue<K>): Promise<void>
  /** The site page's deletion; the dashboard's stores send it through the undo store. */
  deleteSite(site: string): Promise<void>
  /** How much a deletion would remove, for its confirmation. */
  previewDeletion(scope: DeleteRequest): Promise<DeleteSummary>
  /** What the deletion now running has removed so far (null: none running). */
  deletionProgress(): Promise<DeleteSummary | null>
  /** Stops (or resumes) recording a site; answers with the site as stored and the list. */
  setExcluded(site: string, excluded: boolean): Promise<{ site: string; excluded: string[] }>
  storageUsed(): Promise<number | null>
  now(): number
}

export type Settings = { [K in SettingKey]: SettingValue<K> }

export type Loadable<T> =
  { kind: 'loading' } | { kind: 'ready'; value: T } | { kind: 'error'; message: string }

export const errorText = (e: unknown) => (e instanceof Error ? e.message : String(e))
