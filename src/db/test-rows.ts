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
