import { Fragment } from 'preact'
import { useState } from 'preact/hooks'
import type { FindingRow } from '@/db/schema'
import { formatTimeRange, plural } from '@/ui/labels'
import { detailLines, signalMeaning, signalSummary, signalTitle, signalWho } from '@/ui/signals'

export function SignalRow({ finding }: { finding: FindingRow }) {
  const [open, setOpen] = useState(false)
  const id = `sig-${finding.signal}-${finding.party}`.replace(/[^a-z0-9-]/gi, '-')
  const details = finding.evidence.details ?? []
  const summary = signalSummary(finding.signal, details[0])
  return (
    <li class="company" data-testid="signal-row" data-signal={finding.signal}>
      <div class="company-head">
        <span class="company-name">{signalTitle(finding.signal)}</span>
        <span class="company-count">{plural(finding.count, 'time', 'times')}</span>
      </div>
      <div class="company-meta">
        {signalWho(finding.signal, details[0])}{' '}
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
          ? 'Hide details'
          : signalWho(finding.signal) === 'to'
            ? 'What was sent?'
            : 'What did it do?'}
      </button>
      {open && (
        <div id={id} class="why">
          <p>{signalMeaning(finding.signal)}</p>
          <p class="muted" data-testid="signal-time">
            Seen {formatTimeRange(finding.firstAt, finding.lastAt)}
          </p>
          {details.map((d, i) => (
            <dl key={i} class="detail">
              {detailLines(d).map(([k, v]) => (
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
