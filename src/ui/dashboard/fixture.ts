import type { ConsentRow, DailyRow, FindingRow, SiteRow, VisitRow } from '@/db/schema'
import { SETTINGS } from '@/db/settings'
import { groupVisitsOf, memoryCompanyIds, sitePartiesOf, siteStatsOf } from '@/db/aggregate'
import { localDay } from '@/db/aggregate'
import { namesOfSites, overviewRowsFromStats } from '@/db/overview-aggregate'
import type { DeleteRequest, PendingDeletion } from '@/messages'
import type { DashboardApi, Settings } from '@/ui/state/dashboard-api'

/** The visits and findings a deletion covers, over fixture rows. */
function removed(data: FixtureData, scope: DeleteRequest) {
  const visits = data.visits.filter((v) =>
    scope.kind === 'everything'
      ? true
      : scope.kind === 'site'
        ? v.site === scope.site
        : scope.kind === 'range'
          ? v.startedAt >= scope.from && v.startedAt < scope.to
          : false,
  )
  const ids = new Set(visits.map((v) => v.id))
  const findings = data.findings.filter((f) =>
    scope.kind === 'company' ? (f.company ?? f.party) === scope.name : ids.has(f.visitId),
  )
  return { visits, findings }
}

/** Rows as the recorder stores them, for rendering the dashboard without the extension. */
export interface FixtureData {
  sites: SiteRow[]
  visits: VisitRow[]
  findings: FindingRow[]
  daily: DailyRow[]
  consent?: ConsentRow[]
}

/** A DashboardApi over plain arrays; writes change the arrays, as the background would. */
export function fixtureApi(data: FixtureData, now: number) {
  const settings: Settings = Object.fromEntries(
    Object.entries(SETTINGS).map(([k, v]) => [k, v.default]),
  ) as Settings
  const calls: string[] = []
  let pending: PendingDeletion | null = null
  let undoable: FixtureData | null = null
  let lastId = 0
  const ids = memoryCompanyIds()
  const api: DashboardApi = {
    sitesSince: async (since) => data.sites.filter((s) => s.lastSeen >= since),
    // The aggregates are derived from the rows with the functions the database uses.
    statsSince: async (since) =>
      data.sites
        .filter((s) => s.lastSeen >= since)
        .map((s) =>
          siteStatsOf(
            s,
            data.daily.filter((d) => d.site === s.site),
            ids,
            data.visits.filter((v) => v.site === s.site).map((v) => v.startedAt),
          ),
        ),
    companyNames: async () => ids.rows(),
    overviewRows: async (days, now, shown) => {
      return overviewRowsFromStats(await api.statsSince(0), ids.rows(), days, now, shown)
    },
    companiesOfSites: async (sites, first) => {
      const stats = await api.statsSince(0)
      return namesOfSites(
        sites.map((s) => stats.find((r) => r.site === s)),
        new Map(ids.rows().map((n) => [n.id, n.name])),
        first,
      )
    },
    sitesWithParty: async (text) => {
      const q = text.trim().toLowerCase()
      return q === ''
        ? []
        : [...new Set(data.findings.filter((f) => f.party.includes(q)).map((f) => f.site))]
    },
    site: async (site) => {
      const row = data.sites.find((s) => s.site === site)
      const findings = data.findings.filter((f) => f.site === site)
      return row === undefined ? undefined : { ...row, groupVisits: groupVisitsOf(findings) }
    },
    siteParties: async (site) => sitePartiesOf(data.findings.filter((f) => f.site === site)),
    visitPage: async (site, before, limit) =>
      data.visits
        .filter((v) => v.site === site && v.startedAt <= before)
        .sort((a, b) => b.startedAt - a.startedAt)
        .slice(0, limit),
    findingsOfVisits: async (ids) => data.findings.filter((f) => ids.includes(f.visitId)),
    companyParties: async (name, limit) =>
      sitePartiesOf(data.findings)
        .filter((r) => r.company === name || (r.company === undefined && r.party === name))
        .slice(0, limit),
    consentTimeline: async (site) =>
      (data.consent ?? []).filter((r) => r.site === site).sort((a, b) => b.at - a.at),
    settings: async () => ({ ...settings }),
    async setSetting(key, value) {
      calls.push(`set ${key}=${String(value)}`)
      Object.assign(settings, { [key]: value })
    },
    async deleteSite(site) {
      await api.deleteData({ kind: 'site', site })
    },
    deletionProgress: async () => null,
    previewDeletion: async (scope) => {
      const gone = removed(data, scope)
      return {
        sites: new Set([...gone.visits, ...gone.findings].map((r) => r.site)).size,
        visits: gone.visits.length,
        findings: gone.findings.length,
      }
    },
    async deleteData(scope) {
      calls.push(`delete ${JSON.stringify(scope)}`)
      const summary = await api.previewDeletion(scope)
      undoable = structuredClone(data)
      const gone = removed(data, scope)
      const keep = <T>(rows: T[], out: readonly T[]) => rows.filter((r) => !out.includes(r))
      data.visits = keep(data.visits, gone.visits)
      data.findings = keep(data.findings, gone.findings)
      const goneVisits = new Set(gone.visits.map((v) => v.id))
      if (data.consent !== undefined)
        data.consent = data.consent.filter((c) => !goneVisits.has(c.visitId))
      if (scope.kind === 'site' || scope.kind === 'everything') {
        data.sites = data.sites.filter((s) => scope.kind === 'site' && s.site !== scope.site)
        data.daily = data.daily.filter((d) => scope.kind === 'site' && d.site !== scope.site)
      }
      if (scope.kind === 'company')
        data.sites = data.sites.map((s) => {
          const companies = { ...s.companies }
          delete companies[scope.name]
          return { ...s, companies }
        })
      pending = { id: ++lastId, scope, summary, deadline: now + 10_000 }
      return { pending, now }
    },
    async undoDeletion(id) {
      calls.push(`undo ${id}`)
      if (pending?.id !== id || undoable === null) return 'unknown'
      Object.assign(data, undoable)
      pending = null
      undoable = null
      return 'restored'
    },
    pendingDeletion: async () => ({ pending, now }),
    async setExcluded(site, excluded) {
      calls.push(`${excluded ? 'exclude' : 'include'} ${site}`)
      const list = settings.excludedSites.filter((s) => s !== site)
      settings.excludedSites = excluded ? [...list, site].sort() : list
      return { site, excluded: settings.excludedSites }
    },
    storageUsed: async () => 1_234_567,
    now: () => now,
  }
  return { api, calls, settings }
}

const H = 3_600_000

/** Three sites over two days: news.test (Google, Facebook with a pixel), shop.test (Google),
 * blog.test (no trackers). `now` is noon on the second day. */
export function sampleData(now: number): FixtureData {
  const day1 = now - 24 * H
  const finding = (
    over: Partial<FindingRow> & Pick<FindingRow, 'visitId' | 'site'>,
  ): FindingRow => ({
    signal: 'tracker.request',
    party: 'google-analytics.com',
    company: 'Google',
    category: 'analytics',
    count: 3,
    firstAt: now - H,
    lastAt: now - H,
    evidence: { urls: ['https://www.google-analytics.com/g/collect?tid=G-1&cid=[hidden]'] },
    mode: 'standard',
    ...over,
  })
  const seen = (parties: string[], requests: number, tracker = true, category = 'analytics') => ({
    tracker,
    category,
    parties,
    requests,
    firstAt: day1,
    lastAt: now - H,
  })
  return {
    sites: [
      {
        site: 'news.test',
        firstSeen: day1,
        lastSeen: now - H,
        visits: 2,
        counts: { 'tracker.request': 8, 'pixel.facebook': 1 },
        companies: {
          Google: seen(['google-analytics.com'], 6),
          Facebook: seen(['facebook.com'], 2, true, 'social'),
        },
      },
      {
        site: 'shop.test',
        firstSeen: day1,
        lastSeen: day1,
        visits: 1,
        counts: { 'tracker.request': 2 },
        companies: { Google: { ...seen(['google-analytics.com'], 2), lastAt: day1 } },
      },
      {
        site: 'blog.test',
        firstSeen: now - 2 * H,
        lastSeen: now - 2 * H,
        visits: 1,
        counts: { 'thirdparty.request': 1 },
        companies: { 'fonts.test': seen(['fonts.test'], 1, false, 'unknown') },
      },
    ],
    visits: [
      {
        id: 1,
        site: 'news.test',
        url: 'https://news.test/',
        tabId: 1,
        startedAt: day1,
        mode: 'standard',
      },
      {
        id: 2,
        site: 'news.test',
        url: 'https://news.test/a',
        tabId: 1,
        startedAt: now - H,
        mode: 'standard',
      },
      {
        id: 3,
        site: 'shop.test',
        url: 'https://shop.test/',
        tabId: 1,
        startedAt: day1,
        mode: 'standard',
      },
      {
        id: 4,
        site: 'blog.test',
        url: 'https://blog.test/',
        tabId: 1,
        startedAt: now - 2 * H,
        mode: 'standard',
      },
    ],
    findings: [
      finding({ visitId: 1, site: 'news.test', firstAt: day1, lastAt: day1 }),
      finding({ visitId: 2, site: 'news.test' }),
      finding({
        visitId: 2,
        site: 'news.test',
        party: 'facebook.com',
        company: 'Facebook',
        category: 'social',
        count: 2,
      }),
      finding({
        visitId: 2,
        site: 'news.test',
        signal: 'pixel.facebook',
        party: 'facebook.com',
        company: 'Facebook',
        category: 'social',
        count: 1,
        evidence: {
          urls: ['https://www.facebook.com/tr?id=[hidden]&ev=Purchase'],
          details: [{ event: 'Purchase', pixelId: '123' }],
        },
      }),
      finding({ visitId: 3, site: 'shop.test', count: 2, firstAt: day1, lastAt: day1 }),
      finding({
        visitId: 4,
        site: 'blog.test',
        signal: 'thirdparty.request',
        party: 'fonts.test',
        company: undefined,
        category: undefined,
        count: 1,
      }),
    ],
    consent: [
      {
        visitId: 2,
        site: 'news.test',
        at: now - H + 1_000,
        source: 'page',
        framework: 'tcf',
        event: 'shown',
        state: {},
      },
      {
        visitId: 2,
        site: 'news.test',
        at: now - H + 4_000,
        source: 'page',
        framework: 'tcf',
        event: 'answered',
        adsAllowed: false,
        state: { purposes: ['1'], vendors: 3 },
      },
      {
        visitId: 2,
        site: 'news.test',
        at: now - H + 4_500,
        source: 'cookie',
        framework: 'cmp',
        event: 'choice',
        state: { cmp: 'OneTrust', cookie: 'OptanonConsent' },
      },
      // An earlier visit that sent GPC, where the ID passing of the visits without it stopped.
      {
        visitId: 1,
        site: 'news.test',
        at: day1,
        source: 'wire',
        framework: 'gpc',
        event: 'sent',
        state: { header: 'Sec-GPC: 1' },
      },
      {
        visitId: 1,
        site: 'news.test',
        at: day1 + 20_000,
        source: 'wire',
        framework: 'gpc',
        event: 'compared',
        state: { outcome: 'honoured', comparedVisits: 3, stoppedIdSync: ['Google', 'Xandr'] },
      },
    ],
    daily: [
      { site: 'news.test', day: localDay(day1), signal: 'tracker.request', count: 3 },
      { site: 'news.test', day: localDay(now), signal: 'tracker.request', count: 5 },
      { site: 'news.test', day: localDay(now), signal: 'pixel.facebook', count: 1 },
      { site: 'shop.test', day: localDay(day1), signal: 'tracker.request', count: 2 },
      { site: 'blog.test', day: localDay(now), signal: 'thirdparty.request', count: 1 },
    ],
  }
}
