import { useState } from 'preact/hooks'
import type { CompanyGroup } from '@/ui/state/group'
import { categoriesLabel, formatTimeRange, plural } from '@/ui/labels'

export function CompanyRow({ group }: { group: CompanyGroup }) {
  const [open, setOpen] = useState(false)
  const detailsId = `why-${group.name.replace(/[^a-z0-9]/gi, '-')}-${group.tracker ? 't' : 'o'}`
  return (
    <li class="company" data-testid="company-row" data-company={group.name}>
      <div class="company-head">
        <span class="company-name" data-testid="company-name">
          {group.name}
        </span>
        <span class="company-count" data-testid="company-requests">
          {plural(group.requests, 'request', 'requests')}
        </span>
      </div>
      <div class="company-meta">
        <span class={`category cat-${group.category}`} data-testid="company-category">
          {categoriesLabel(group.categories)}
        </span>
        {group.sameCompany && <span class="note"> · same owner as this site</span>}
        <span class="muted">
          {' · '}
          {formatTimeRange(group.firstAt, group.lastAt)}
        </span>
      </div>
      <button
        type="button"
        class="link-button"
        aria-expanded={open}
        aria-controls={detailsId}
        onClick={() => setOpen(!open)}
      >
        {open ? 'Hide details' : 'Why is this listed?'}
      </button>
      {open && (
        <div id={detailsId} class="why">
          <p>
            This page contacted {group.parties.join(', ')}
            {group.known
              ? `, which our bundled list (third-party-web) assigns to ${group.name} (${categoriesLabel(group.categories).toLowerCase()}).`
              : ', a domain that is not the site itself and is in none of our lists.'}
          </p>
          {group.evidence.length > 0 && (
            <ul class="evidence">
              {group.evidence.map((url) => (
                <li key={url}>
                  <code>{url}</code>
                </li>
              ))}
            </ul>
          )}
        </div>
      )}
    </li>
  )
}
