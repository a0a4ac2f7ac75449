/** The dashboard's views as URL hashes, so every view can be bookmarked and reloaded. */
import { SEARCH_TYPES, type SearchType } from './search'

export type Period = '7' | '30' | '90' | 'all'
export const PERIODS: readonly Period[] = ['7', '30', '90', 'all']

export type Route =
  | { view: 'overview'; period: Period; q: string }
  | { view: 'site'; site: string }
  | { view: 'company'; name: string }
  | { view: 'graph'; period: Period; category: string }
  | { view: 'settings' }
  /** Sites, companies and kinds of findings matching `q`, narrowed to one `type`. */
  | { view: 'search'; q: string; type: SearchType }
  /** Data requests (src/ui/requests), which read the rest of the hash themselves. */
  | { view: 'requests'; hash: string }

const DEFAULT_PERIOD: Period = '30'

function decode(part: string): string | null {
  try {
    return decodeURIComponent(part)
  } catch {
    return null
  }
}

const periodOf = (p: string | null): Period =>
  PERIODS.includes(p as Period) ? (p as Period) : DEFAULT_PERIOD

export function parseRoute(hash: string): Route {
  const body = hash.replace(/^#\/?/, '')
  const [path = '', query = ''] = body.split('?', 2)
  const params = new URLSearchParams(query)
  const [head = '', ...rest] = path.split('/')
  const arg = rest.length > 0 ? decode(rest.join('/')) : null
  if (head === 'site' && arg) return { view: 'site', site: arg }
  if (head === 'company' && arg) return { view: 'company', name: arg }
  if (head === 'graph')
    return {
      view: 'graph',
      period: periodOf(params.get('period')),
      category: params.get('category') ?? '',
    }
  if (head === 'settings') return { view: 'settings' }
  if (head === 'search') {
    const type = params.get('type')
    return {
      view: 'search',
      q: params.get('q') ?? '',
      type: SEARCH_TYPES.includes(type as SearchType) ? (type as SearchType) : 'all',
    }
  }
  if (head === 'requests') return { view: 'requests', hash: `#/${body}` }
  return { view: 'overview', period: periodOf(params.get('period')), q: params.get('q') ?? '' }
}

function withQuery(path: string, params: Record<string, string>): string {
  const q = new URLSearchParams(Object.entries(params).filter(([, v]) => v !== '')).toString()
  return q === '' ? path : `${path}?${q}`
}

export function routeHash(route: Route): string {
  switch (route.view) {
    case 'site':
      return `#/site/${encodeURIComponent(route.site)}`
    case 'company':
      return `#/company/${encodeURIComponent(route.name)}`
    case 'graph':
      return withQuery('#/graph', { period: route.period, category: route.category })
    case 'settings':
      return '#/settings'
    case 'search':
      return withQuery('#/search', { q: route.q, type: route.type === 'all' ? '' : route.type })
    case 'requests':
      return route.hash
    case 'overview':
      return withQuery('#/', { period: route.period, q: route.q })
  }
}

export const siteHash = (site: string) => routeHash({ view: 'site', site })
export const companyHash = (name: string) => routeHash({ view: 'company', name })

/** Start of a period, in ms since the epoch (0: all of history). */
export function periodStart(period: Period, now: number): number {
  if (period === 'all') return 0
  const d = new Date(now)
  d.setHours(0, 0, 0, 0)
  d.setDate(d.getDate() - (Number(period) - 1))
  return d.getTime()
}
