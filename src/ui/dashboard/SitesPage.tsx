import { useEffect } from 'preact/hooks'
import type { SitesStore } from '@/ui/state/site-store'
import { EvidenceCheck } from '@/ui/components/EvidenceCheck'
import { ExportButton } from '@/ui/components/ExportButton'
import { formatDateTime } from '@/ui/labels'

export function SitesPage({ store }: { store: SitesStore }) {
  useEffect(() => {
    void store.load()
  }, [store])
  const state = store.state.value
  if (state.kind === 'loading') return <p class="status">Loading…</p>
  if (state.kind === 'error')
    return (
      <p class="status error" role="alert">
        Could not read your history: {state.message}
      </p>
    )
  return (
    <article data-testid="sites-page">
      <h1>Sites you visited</h1>
      <ExportButton site={null} />
      <EvidenceCheck />
      {state.sites.length === 0 ? (
        <p class="status">Nothing recorded yet. Browse a few sites, then come back here.</p>
      ) : (
        <table>
          <thead>
            <tr>
              <th scope="col">Site</th>
              <th scope="col" class="num">
                Visits
              </th>
              <th scope="col" class="num">
                Tracking requests
              </th>
              <th scope="col" class="num">
                Other third-party requests
              </th>
              <th scope="col">Last visit</th>
            </tr>
          </thead>
          <tbody>
            {state.sites.map((s) => (
              <tr key={s.site} data-testid="sites-row">
                <td>
                  <a href={`#/site/${encodeURIComponent(s.site)}`}>{s.site}</a>
                </td>
                <td class="num">{s.visits.toLocaleString()}</td>
                <td class="num">{(s.counts['tracker.request'] ?? 0).toLocaleString()}</td>
                <td class="num">{(s.counts['thirdparty.request'] ?? 0).toLocaleString()}</td>
                <td>{formatDateTime(s.lastSeen)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </article>
  )
}
