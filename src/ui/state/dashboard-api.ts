import type {
  CompanyNameRow,
  ConsentRow,
  FindingRow,
  SitePartyRow,
  SiteRow,
  SiteStatsRow,
  VisitRow,
} from '@/db/schema'
import type { SettingKey, SettingValue } from '@/db/settings'

/** Everything the dashboard reads and asks for. main.tsx backs it with the database and typed
 * messages; tests back it with fixture objects. */
export interface DashboardApi {
  /** Site summaries (the graph). */
  sitesSince(since: number): Promise<SiteRow[]>
  /** The overview's compact per-site rows. */
  statsSince(since: number): Promise<SiteStatsRow[]>
  /** Company names by id, for the stats rows. */
  companyNames(): Promise<CompanyNameRow[]>
  /** Sites that contacted a third-party domain containing the text. */
  sitesWithParty(text: string): Promise<string[]>
  visitCountSince(since: number): Promise<number>
  site(site: string): Promise<SiteRow | undefined>
  /** One site's findings folded over its visits. */
  siteParties(site: string): Promise<SitePartyRow[]>
  /** Up to `limit` visits of a site that started at or before `before`, newest first. */
  visitPage(site: string, before: number, limit: number): Promise<VisitRow[]>
  findingsOfVisits(visitIds: readonly number[]): Promise<FindingRow[]>
  /** One company's site × party rows on every site, at most `limit`. */
  companyParties(name: string, limit: number): Promise<SitePartyRow[]>
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
