import { useEffect } from 'preact/hooks'
import type { CompanyGroup } from '@/ui/state/group'
import type { PopupStore } from '@/ui/state/popup-store'
import { plural } from '@/ui/labels'
import { CompanyRow } from '@/ui/components/CompanyRow'
import { GpcControl } from '@/ui/components/GpcControl'
import { SignalRow } from '@/ui/components/SignalRow'
import type { GpcStore } from '@/ui/state/gpc-store'
import { decodedFindings } from '@/ui/signals'

export interface PopupProps {
  store: PopupStore
  gpc: GpcStore
  /** Where the site's history page lives (an extension URL). */
  siteHref(site: string): string
}

function Section({
  title,
  groups,
  testid,
}: {
  title: string
  groups: CompanyGroup[]
  testid: string
}) {
  if (groups.length === 0) return null
  return (
    <section aria-label={title}>
      <h2>{title}</h2>
      <ul class="companies" data-testid={testid}>
        {groups.map((g) => (
          <CompanyRow key={g.name} group={g} />
        ))}
      </ul>
    </section>
  )
}

export function Popup({ store, gpc, siteHref }: PopupProps) {
  useEffect(() => {
    void store.start()
  }, [store])
  const state = store.state.value
  const summary = store.summary.value
  const decoded = state.kind === 'ready' ? decodedFindings(state.findings) : []

  return (
    <main class="popup" aria-busy={state.kind === 'loading'}>
      <header class="brand">
        <span class="logo" aria-hidden="true" />
        <span>Tracelight</span>
      </header>
      {state.kind === 'loading' && (
        <p class="status" data-testid="state-loading">
          Loading…
        </p>
      )}
      {state.kind === 'internal' && (
        <p class="status" data-testid="state-internal">
          This is a browser or extension page. Tracelight only looks at websites.
        </p>
      )}
      {state.kind === 'not-recorded' && (
        <p class="status" data-testid="state-not-recorded">
          Tracelight has not seen this page load. Reload the page to see which companies it
          contacts.
        </p>
      )}
      {state.kind === 'error' && (
        <div class="status error" role="alert" data-testid="state-error">
          <p>Tracelight could not read what it stored.</p>
          <p class="muted">{state.message}</p>
          <button type="button" onClick={() => void store.load()}>
            Try again
          </button>
        </div>
      )}
      {state.kind === 'ready' && summary !== null && (
        <>
          <h1 class="site" data-testid="site-name">
            {state.visit.site}
          </h1>
          {state.storageError !== null && (
            <p class="status error" role="alert" data-testid="storage-error">
              Recent findings could not be saved: {state.storageError}
            </p>
          )}
          <p class="totals" data-testid="totals">
            <strong data-testid="tracker-count">{summary.trackerCompanies}</strong>{' '}
            {summary.trackerCompanies === 1 ? 'tracking company' : 'tracking companies'} ·{' '}
            <strong data-testid="thirdparty-count">{summary.thirdParties}</strong>{' '}
            {summary.thirdParties === 1 ? 'third-party domain' : 'third-party domains'} contacted
          </p>
          {summary.trackers.length === 0 && summary.others.length === 0 && (
            <p class="status" data-testid="state-empty">
              No other companies were contacted by this page so far.
            </p>
          )}
          {decoded.length > 0 && (
            <section aria-label="What was sent">
              <h2>What was sent</h2>
              <ul class="companies" data-testid="signals">
                {decoded.map((f) => (
                  <SignalRow key={`${f.signal} ${f.party}`} finding={f} />
                ))}
              </ul>
            </section>
          )}
          <Section title="Tracking companies" groups={summary.trackers} testid="trackers" />
          <Section title="Other third parties" groups={summary.others} testid="others" />
          <GpcControl
            store={gpc}
            site={state.visit.site}
            support={state.findings
              .find((f) => f.signal === 'gpc.support')
              ?.evidence.details?.at(-1)}
            ignored={state.findings.some((f) => f.signal === 'gpc.ignored')}
          />
          <p class="ask">
            <a
              href={`${siteHref(state.visit.site).split('#')[0] ?? ''}#/requests/new?site=${encodeURIComponent(state.visit.site)}`}
              target="_blank"
              rel="noreferrer"
              data-testid="popup-ask"
            >
              Ask this site what it holds about you
            </a>
          </p>
          <footer>
            <a
              href={siteHref(state.visit.site)}
              target="_blank"
              rel="noreferrer"
              data-testid="site-link"
            >
              History of {state.visit.site}
            </a>
            <span class="muted">
              {plural(
                summary.trackers.reduce((n, g) => n + g.requests, 0),
                'tracking request',
                'tracking requests',
              )}
            </span>
          </footer>
        </>
      )}
    </main>
  )
}
