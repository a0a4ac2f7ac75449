import { GPC_JSON_LIMIT, GPC_RECHECK_MS, gpcSupport, type GpcResponse } from '@/detect/gpc'
import { nextGpcState, type GpcChange, type GpcState } from '@/messages'
import type { Observation } from './recorder'
import type { TabVisit } from './tab-state'

export interface GpcDeps {
  load(): Promise<GpcState>
  save(state: GpcState): Promise<void>
  /** Makes the browser send (or stop sending) the signal, minus the excepted sites. */
  apply(state: GpcState): Promise<void>
  /** When the site's gpc.json was last checked, from stored gpc.support findings. */
  lastChecked(site: string): Promise<number | undefined>
  fetchText(url: string, limit: number): Promise<GpcResponse>
  record(observation: Observation): void
  mode(): Observation['mode']
  now(): number
}

/**
 * Global Privacy Control: off until the person turns it on. While on, the browser sends the
 * signal everywhere except the excepted sites, and each visited site's declaration
 * (/.well-known/gpc.json) is checked once a week — the only request Tracelight makes itself.
 */
export function createGpc(deps: GpcDeps) {
  let state: GpcState = { enabled: false, exceptions: [] }
  const checking = new Set<string>()

  async function check(visit: TabVisit): Promise<void> {
    const last = await deps.lastChecked(visit.site)
    if (last !== undefined && deps.now() - last < GPC_RECHECK_MS) return
    const url = new URL('/.well-known/gpc.json', visit.url).href
    let response: GpcResponse
    try {
      response = await deps.fetchText(url, GPC_JSON_LIMIT)
    } catch {
      // Offline, refused or timed out: nothing is known, so nothing is recorded; next visit retries.
      return
    }
    deps.record({
      visitId: visit.visitId,
      site: visit.site,
      signal: 'gpc.support',
      party: visit.site,
      at: deps.now(),
      url,
      detail: gpcSupport(response),
      mode: deps.mode(),
    })
  }

  return {
    async start(): Promise<void> {
      state = await deps.load()
      await deps.apply(state)
    },

    state: (): GpcState => state,

    async set(change: GpcChange): Promise<GpcState> {
      const next = nextGpcState(state, change)
      await deps.save(next)
      await deps.apply(next)
      state = next
      return state
    },

    visitStarted(visit: TabVisit): void {
      if (!state.enabled || state.exceptions.includes(visit.site)) return
      if (checking.has(visit.site) || !/^https?:/.test(visit.url)) return
      checking.add(visit.site)
      void check(visit)
        .catch(() => undefined)
        .finally(() => checking.delete(visit.site))
    },
  }
}

export type Gpc = ReturnType<typeof createGpc>
