import type {
  CompanyNameRow,
  ConsentRow,
  DeleteSummary,
  FindingRow,
  SitePartyRow,
  SiteRow,
  SiteStatsRow,
  VisitRow,
} from '@/db/schema'
import type { SettingKey, SettingValue } from '@/db/settings'
import type { OverviewRows } from '@/db/dashboard-read'
import type { DeleteRequest } from '@/messages'
import type { UndoApi } from './undo-store'

/** Everything the dashboard reads and asks for. main.tsx backs it with the database and typed
 * messages; tests back it with fixture objects. */
export interface DashboardApi extends UndoApi {
  /** Site summaries (the graph, the search). */
  sitesSince(since: number): Promise<SiteRow[]>
  /** The overview's compact per-site rows. */
  statsSince(since: number): Promise<SiteStatsRow[]>
  /** The overview of the period of `days` days (0: all) ending at `now`, without a search,
   * from the precomputed rows: the first sites and companies and the totals. Undefined while
   * those rows are not up to date (the overview then sums the compact rows). */
  overviewRows(
    days: number,
    now: number,
    shown: { sites: number; companies: number },
  ): Promise<OverviewRows | undefined>
  /** Tracking companies seen on each of these sites from day `first` on (a day number). */
  companiesOfSites(sites: readonly string[], first: number): Promise<Record<string, string[]>>
  /** Company names by id, for the stats rows. */
  companyNames(): Promise<CompanyNameRow[]>
  /** Sites that contacted a third-party domain containing the text. */
  sitesWithParty(text: string): Promise<string[]>
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

/**
 * A view's read started before the view is rendered (the dashboard opened on it): the view's
 * own first load of the same key takes it instead of starting another. Any load takes it
 * away, so it serves at most once.
 */
export function earlyRead<K>() {
  let early: { key: K; reading: Promise<void> } | null = null
  return {
    start(key: K, reading: Promise<void>): void {
      early = { key, reading }
    },
    take(key: K): Promise<void> | undefined {
      const e = early
      early = null
      return e?.key === key ? e.reading : undefined
    },
  }
}
