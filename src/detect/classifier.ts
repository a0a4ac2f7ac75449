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
 * Request classification, built once from the compiled list. Parsing the site of a host
 * dominates the cost, so each host's result is cached (bounded: cleared when full, which a
 * browsing session almost never reaches).
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

  function classify(requestUrl: string, pageSite: string): Classification | null {
    const host = hostOf(requestUrl)
    if (host === null) return null
    const info = hostInfo(host)
    if (info.site === pageSite) return { info, relation: 'first-party', tracker: false }
    const page = hostInfo(pageSite)
    if (info.owned && page.owned && info.entity?.[1] === page.entity?.[1]) {
      return { info, relation: 'same-company', tracker: false }
    }
    const tracker = info.entity !== undefined && TRACKING_CATEGORIES.has(info.entity[2])
    return { info, relation: 'third-party', tracker }
  }

  return { hostInfo, classify }
}
