import type { EntityTuple, TrackerData } from '@/data/compile-trackers'
import { hostOf, siteOfHost } from './host'

/** third-party-web categories that make a third party a tracker (DESIGN.md §0). */
export const TRACKING_CATEGORIES: ReadonlySet<string> = new Set([
  'ad',
  'analytics',
  'social',
  'marketing',
  'customer-success',
  'tag-manager',
])

export interface HostInfo {
  host: string
  site: string
  /** Entity from the tracker list, or undefined when the host is not listed. */
  entity: EntityTuple | undefined
  /** The entity owns the site itself. False for customers' sites under a platform's private
   * suffix (alice.github.io is listed under GitHub's `*.github.io` but is not GitHub's). */
  owned: boolean
}

export type Relation = 'first-party' | 'same-company' | 'third-party'

export interface Classification {
  info: HostInfo
  relation: Relation
  /** A third party in a tracking category. */
  tracker: boolean
}

export interface Classifier {
  hostInfo(host: string): HostInfo
  /** Relation of a request URL to the page's site; null when the URL has no network host. */
  classify(requestUrl: string, pageSite: string): Classification | null
}

/**
 * Request classification, built once from the compiled list. Parsing dominates the cost, so
 * each origin's and each host's result is cached (bounded: cleared when full, which a browsing
 * session almost never reaches).
 */
export function createClassifier(data: TrackerData, cacheLimit = 50_000): Classifier {
  const exact = new Map(Object.entries(data.exact))
  const suffix = new Map(Object.entries(data.suffix))
  const cache = new Map<string, HostInfo>()

  /** Entity index and the listed domain that matched, walking from the host to its parents. */
  function lookup(host: string): [number, string] | undefined {
    const own = exact.get(host) ?? suffix.get(host)
    if (own !== undefined) return [own, host]
    for (let dot = host.indexOf('.'); dot >= 0; dot = host.indexOf('.', dot + 1)) {
      const parent = host.slice(dot + 1)
      const index = suffix.get(parent)
      if (index !== undefined) return [index, parent]
    }
    return undefined
  }

  function hostInfo(host: string): HostInfo {
    let info = cache.get(host)
    if (info === undefined) {
      if (cache.size >= cacheLimit) cache.clear()
      const site = siteOfHost(host)
      const match = lookup(host)
      info = {
        host,
        site,
        entity: match === undefined ? undefined : data.entities[match[0]],
        owned: match !== undefined && match[1].length >= site.length,
      }
      cache.set(host, info)
    }
    return info
  }

  /** Per origin text: parsing the host costs more than the lookup itself, and a page's
   * requests go to the same few origins over and over. */
  const byOrigin = new Map<string, { info: HostInfo; tracking: boolean } | null>()

  function classify(requestUrl: string, pageSite: string): Classification | null {
    const schemeEnd = requestUrl.indexOf('://')
    if (schemeEnd <= 0 || schemeEnd > 5) return null
    // Browsers hand out canonical URLs where a path follows the authority, so the text up to
    // the first '/' after the scheme holds the whole authority: the same key is the same host.
    // Unusual URLs only make longer keys, which stay correct.
    let end = requestUrl.indexOf('/', schemeEnd + 3)
    if (end < 0) end = requestUrl.length
    const origin = requestUrl.slice(0, end)
    let entry = byOrigin.get(origin)
    if (entry === undefined) {
      const host = hostOf(requestUrl)
      if (host === null) entry = null
      else {
        const info = hostInfo(host)
        entry = {
          info,
          tracking: info.entity !== undefined && TRACKING_CATEGORIES.has(info.entity[2]),
        }
      }
      if (byOrigin.size >= cacheLimit) byOrigin.clear()
      byOrigin.set(origin, entry)
    }
    if (entry === null) return null
    const info = entry.info
    if (info.site === pageSite) return { info, relation: 'first-party', tracker: false }
    if (info.owned) {
      const page = hostInfo(pageSite)
      if (page.owned && info.entity?.[1] === page.entity?.[1]) {
        return { info, relation: 'same-company', tracker: false }
      }
    }
    return { info, relation: 'third-party', tracker: entry.tracking }
  }

  return { hostInfo, classify }
}
