/** Rows the database tests write (not part of the extension). */
import type { VisitRow } from './schema'
import type { FindingDelta } from './write'

/** A visit of `site`'s front page that started at `at`. */
export const visitAt = (id: number, site: string, at: number): VisitRow => ({
  id,
  site,
  url: `https://${site}/`,
  tabId: 1,
  startedAt: at,
  mode: 'standard',
})

/** Two requests to the tracker `party` on `site` at `at`; `over` changes any field. */
export const trackerAt = (
  visitId: number,
  site: string,
  at: number,
  party: string,
  over: Partial<FindingDelta> = {},
): FindingDelta => ({
  visitId,
  signal: 'tracker.request',
  party,
  site,
  count: 2,
  firstAt: at,
  lastAt: at,
  urls: [`https://${party}/x`],
  mode: 'standard',
  ...over,
})

/** `trackerAt` that names the company of each party in `companies`, with the category
 * `category` gives; parties not in it stay unnamed. */
export const companyTrackerAt =
  (companies: Readonly<Record<string, string>>, category: (party: string) => string) =>
  (
    visitId: number,
    site: string,
    at: number,
    party: string,
    over: Partial<FindingDelta> = {},
  ): FindingDelta =>
    trackerAt(visitId, site, at, party, {
      ...(companies[party] !== undefined && {
        company: companies[party],
        category: category(party),
      }),
      ...over,
    })
