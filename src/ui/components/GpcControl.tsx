import { useEffect } from 'preact/hooks'
import type { DetailValue } from '@/detect/types'
import type { GpcStore } from '@/ui/state/gpc-store'

export interface GpcControlProps {
  store: GpcStore
  site: string
  /** The site's latest gpc.support detail, when it was checked. */
  support?: Record<string, DetailValue> | undefined
  /** This visit was flagged gpc.ignored: the site still reported no opt-out. */
  ignored?: boolean
}

/** Global Privacy Control: one switch for all sites, one for this site, and what the site says. */
export function GpcControl({ store, site, support, ignored = false }: GpcControlProps) {
  useEffect(() => {
    void store.load()
  }, [store])
  const view = store.view.value
  if (view.kind === 'loading') return null
  const { state, busy, error } = view
  const sentHere = state.enabled && !state.exceptions.includes(site)
  return (
    <section aria-label="Global Privacy Control" class="gpc" data-testid="gpc">
      <h2>Opt out everywhere</h2>
      <label class="check">
        <input
          type="checkbox"
          checked={state.enabled}
          disabled={busy}
          data-testid="gpc-enabled"
          onChange={(e) => void store.setEnabled(e.currentTarget.checked)}
        />
        <span>Ask sites not to sell or share my data</span>
      </label>
      <p class="muted">
        Sends the Global Privacy Control signal with every request. In California, Colorado and
        several other places, sites must treat it as an opt-out of sale and sharing. Tracelight also
        checks whether each site you visit says it honours it.
      </p>
      {state.enabled && (
        <label class="check">
          <input
            type="checkbox"
            checked={sentHere}
            disabled={busy}
            data-testid="gpc-site"
            onChange={(e) => void store.setSent(site, e.currentTarget.checked)}
          />
          <span>Send it to {site}</span>
        </label>
      )}
      {support !== undefined && (
        <p data-testid="gpc-support">
          {support.honours === true
            ? `${site} says it honours this signal.`
            : `${site} does not say it honours this signal. ${String(support.reason ?? '')}`}
        </p>
      )}
      {ignored && (
        <p class="status error" data-testid="gpc-ignored">
          {site} ignored your opt-out signal: it still said you had not opted out of the sale or
          sharing of your data.
        </p>
      )}
      {error !== null && (
        <p class="status error" role="alert">
          {error}
        </p>
      )}
    </section>
  )
}
