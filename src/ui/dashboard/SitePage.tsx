import { useEffect } from 'preact/hooks'
import type { SiteStore } from '@/ui/state/site-store'
import { categoriesLabel, formatDateTime, plural } from '@/ui/labels'
import { AskLink } from '@/ui/requests/AskLink'

export function SitePage({ store, site }: { store: SiteStore; site: string }) {
  useEffect(() => {
    void store.load(site)
  }, [store, site])
  const state = store.state.value
  const summary = store.summary.value

  if (state.kind === 'loading') return <p class="status">Loading…</p>
  if (state.kind === 'error')
    return (
      <p class="status error" role="alert">
        Could not read the history of {site}: {state.message}
      </p>
    )
  if (state.kind === 'unknown')
    return (
      <p class="status" data-testid="site-unknown">
        Tracelight has nothing recorded for {state.site}.
      </p>
    )
  if (summary === null) return null
  const { site: row, visits } = state
  const groups = [...summary.trackers, ...summary.others]
  return (
    <article data-testid="site-page">
      <h1 data-testid="site-title">{row.site}</h1>
      <AskLink site={row.site} />
      <div class="facts">
        <div>
          <strong data-testid="site-visits">{row.visits.toLocaleString()}</strong>
          {row.visits === 1 ? 'visit' : 'visits'}
        </div>
        <div>
          <strong data-testid="site-trackers">{summary.trackerCompanies}</strong>
          tracking {summary.trackerCompanies === 1 ? 'company' : 'companies'}
        </div>
        <div>
          <strong>{summary.thirdParties}</strong>
          third-party {summary.thirdParties === 1 ? 'domain' : 'domains'}
        </div>
        <div>
          <strong>{formatDateTime(row.firstSeen)}</strong>first seen
        </div>
        <div>
          <strong>{formatDateTime(row.lastSeen)}</strong>last seen
        </div>
      </div>

      <h2>Companies contacted from this site</h2>
      {groups.length === 0 ? (
        <p class="status">No third party has been contacted from this site.</p>
      ) : (
        <table data-testid="site-companies">
          <thead>
            <tr>
              <th scope="col">Company or domain</th>
              <th scope="col">What it does</th>
              <th scope="col">Domains</th>
              <th scope="col" class="num">
                Requests
              </th>
              <th scope="col" class="num">
                Visits
              </th>
              <th scope="col">First seen</th>
              <th scope="col">Last seen</th>
            </tr>
          </thead>
          <tbody>
            {groups.map((g) => (
              <tr key={`${g.tracker}-${g.name}`} data-testid="site-company" data-company={g.name}>
                <td>
                  <strong>{g.name}</strong>
                  {g.tracker && <span class="muted"> · tracker</span>}
                  <details>
                    <summary>Why is this listed?</summary>
                    <p class="muted">
                      {g.known
                        ? `Requests went to ${g.parties.join(', ')}, which third-party-web assigns to ${g.name}.`
                        : `Requests went to ${g.parties.join(', ')}, a domain other than the site itself.`}
                    </p>
                    <ul class="evidence">
                      {g.evidence.map((url) => (
                        <li key={url}>
                          <code>{url}</code>
                        </li>
                      ))}
                    </ul>
                  </details>
                </td>
                <td>{categoriesLabel(g.categories)}</td>
                <td>{g.parties.join(', ')}</td>
                <td class="num">{g.requests.toLocaleString()}</td>
                <td class="num">{g.visits.toLocaleString()}</td>
                <td>{formatDateTime(g.firstAt)}</td>
                <td>{formatDateTime(g.lastAt)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}

      <h2>Recent visits</h2>
      <table data-testid="site-visit-list">
        <thead>
          <tr>
            <th scope="col">When</th>
            <th scope="col">Page</th>
            <th scope="col" class="num">
              Tracking companies
            </th>
          </tr>
        </thead>
        <tbody>
          {visits.map((v) => (
            <tr key={v.id}>
              <td>{formatDateTime(v.startedAt)}</td>
              <td>
                <code>{v.url}</code>
              </td>
              <td class="num">{store.trackersByVisit.value.get(v.id)?.size ?? 0}</td>
            </tr>
          ))}
        </tbody>
      </table>
      {row.visits > visits.length && (
        <p class="muted">
          Showing the latest {plural(visits.length, 'visit', 'visits')} of{' '}
          {row.visits.toLocaleString()}.
        </p>
      )}
    </article>
  )
}
