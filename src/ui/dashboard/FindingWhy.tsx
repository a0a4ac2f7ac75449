import { Fragment } from 'preact'
import { useState } from 'preact/hooks'
import type { FindingRow } from '@/db/schema'
import { detailLines } from '@/ui/signals'
import { useDashboard } from './context'
import { findingMeaning, findingTitle } from './words'

/** One finding with its evidence behind a "Why was this flagged?" button. */
export function FindingWhy({
  finding,
  showSite = false,
}: {
  finding: FindingRow
  showSite?: boolean
}) {
  const { i18n } = useDashboard()
  const { t, tn } = i18n
  const [open, setOpen] = useState(false)
  const id = `why-${finding.visitId}-${finding.signal}-${finding.party}`.replace(
    /[^a-z0-9-]/gi,
    '-',
  )
  const details = finding.evidence.details ?? []
  return (
    <li
      class="finding"
      data-testid="finding"
      data-signal={finding.signal}
      data-party={finding.party}
    >
      <div class="company-head">
        <span class="company-name">{findingTitle(i18n, finding)}</span>
        <span class="company-count">{tn('count.times', finding.count)}</span>
      </div>
      <div class="company-meta">
        {showSite
          ? t('finding.onSite', { site: finding.site })
          : (finding.company ?? finding.party)}
        {' · '}
        {i18n.dateTime(finding.firstAt)}
      </div>
      <button
        type="button"
        class="link-button"
        aria-expanded={open}
        aria-controls={id}
        data-testid="why-button"
        onClick={() => setOpen(!open)}
      >
        {open ? t('finding.hide') : t('finding.why')}
      </button>
      {open && (
        <div id={id} class="why" data-testid="evidence">
          <p>{findingMeaning(i18n, finding)}</p>
          {details.map((d, i) => (
            <dl key={i} class="detail">
              {detailLines(i18n, d).map(([k, v]) => (
                <Fragment key={k}>
                  <dt>{k}</dt>
                  <dd>{v}</dd>
                </Fragment>
              ))}
            </dl>
          ))}
          {finding.evidence.urls.length > 0 && (
            <>
              <p>{t('finding.requests')}</p>
              <ul class="evidence">
                {finding.evidence.urls.map((url) => (
                  <li key={url}>
                    <code>{url}</code>
                  </li>
                ))}
              </ul>
            </>
          )}
          <p class="muted">
            {finding.mode === 'evidence' ? t('finding.modeEvidence') : t('finding.modeStandard')}
          </p>
        </div>
      )}
    </li>
  )
}
