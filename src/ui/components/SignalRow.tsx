import { Fragment } from 'preact'
import { useState } from 'preact/hooks'
import type { FindingRow } from '@/db/schema'
import type { I18n } from '@/ui/i18n'
import { formatTimeRange } from '@/ui/labels'
import {
  detailLines,
  signalMeaning,
  signalSummary,
  signalTitle,
  signalWho,
  signalWhoKind,
} from '@/ui/signals'

export function SignalRow({ finding, i18n }: { finding: FindingRow; i18n: I18n }) {
  const { t, tn } = i18n
  const [open, setOpen] = useState(false)
  const id = `sig-${finding.signal}-${finding.party}`.replace(/[^a-z0-9-]/gi, '-')
  const details = finding.evidence.details ?? []
  const summary = signalSummary(i18n, finding.signal, details[0])
  return (
    <li class="company" data-testid="signal-row" data-signal={finding.signal}>
      <div class="company-head">
        <span class="company-name">{signalTitle(i18n, finding.signal)}</span>
        <span class="company-count">{tn('count.times', finding.count)}</span>
      </div>
      <div class="company-meta">
        {signalWho(i18n, finding.signal, details[0])}{' '}
        <span data-testid="signal-party">{finding.company ?? finding.party}</span>
        {summary !== undefined && <span data-testid="signal-event"> · {summary}</span>}
      </div>
      <button
        type="button"
        class="link-button"
        aria-expanded={open}
        aria-controls={id}
        onClick={() => setOpen(!open)}
      >
        {open
          ? t('row.hide')
          : signalWhoKind(finding.signal) === 'to'
            ? t('row.whatSent')
            : t('row.whatDid')}
      </button>
      {open && (
        <div id={id} class="why">
          <p>{signalMeaning(i18n, finding.signal)}</p>
          <p class="muted" data-testid="signal-time">
            {t('row.seen', { when: formatTimeRange(i18n, finding.firstAt, finding.lastAt) })}
          </p>
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
            <ul class="evidence">
              {finding.evidence.urls.map((url) => (
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
