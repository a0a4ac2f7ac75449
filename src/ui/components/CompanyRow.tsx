import { useState } from 'preact/hooks'
import type { I18n } from '@/ui/i18n'
import type { CompanyGroup } from '@/ui/state/group'
import { categoriesLabel, formatTimeRange } from '@/ui/labels'

export function CompanyRow({ group, i18n }: { group: CompanyGroup; i18n: I18n }) {
  const { t, tn } = i18n
  const [open, setOpen] = useState(false)
  const detailsId = `why-${group.name.replace(/[^a-z0-9]/gi, '-')}-${group.tracker ? 't' : 'o'}`
  const categories = categoriesLabel(i18n, group.categories)
  const parties = group.parties.join(t('value.listSeparator'))
  return (
    <li class="company" data-testid="company-row" data-company={group.name}>
      <div class="company-head">
        <span class="company-name" data-testid="company-name">
          {group.name}
        </span>
        <span class="company-count" data-testid="company-requests">
          {tn('row.requests', group.requests)}
        </span>
      </div>
      <div class="company-meta">
        <span class={`category cat-${group.category}`} data-testid="company-category">
          {categories}
        </span>
        {group.sameCompany && <span class="note"> · {t('row.sameOwner')}</span>}
        <span class="muted">
          {' · '}
          {formatTimeRange(i18n, group.firstAt, group.lastAt)}
        </span>
      </div>
      <button
        type="button"
        class="link-button"
        aria-expanded={open}
        aria-controls={detailsId}
        onClick={() => setOpen(!open)}
      >
        {open ? t('row.hide') : t('row.why')}
      </button>
      {open && (
        <div id={detailsId} class="why">
          <p>
            {group.known
              ? t('row.whyKnown', {
                  parties,
                  name: group.name,
                  categories: categories.toLocaleLowerCase(i18n.language),
                })
              : t('row.whyUnknown', { parties })}
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
