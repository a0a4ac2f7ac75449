import { useEffect } from 'preact/hooks'
import { LAWS, type KindId, type LawId } from '@/requests/laws'
import { KIND_LABELS } from '@/requests/templates'
import { longDate } from '@/requests/dates'
import { MAILTO_LIMIT } from '@/requests/send'
import type { DraftStore } from './draft-store'

const ALSO_CHOICES: LawId[] = ['gdpr-eu', 'gdpr-uk', 'ccpa', 'lgpd', 'pipeda']

export interface NewRequestProps {
  store: DraftStore
  site: string
  company?: string
  followUp?: number
  kind?: string
}

export function NewRequest({ store, site, company, followUp, kind }: NewRequestProps) {
  useEffect(() => {
    void store.load({
      site,
      ...(company === undefined ? {} : { company }),
      ...(followUp === undefined ? {} : { followUp }),
      ...(kind === undefined ? {} : { kind }),
    })
  }, [store, site, company, followUp, kind])
  const state = store.state.value
  if (state.kind === 'loading') return <p class="status">Loading…</p>
  if (state.kind === 'error')
    return (
      <p class="status error" role="alert">
        Could not prepare the request: {state.message}
      </p>
    )
  const law = store.lawInfo.value
  const result = store.letter.value
  const sent = store.sent.value
  const inc = store.include.value
  const obs = store.observations.value
  return (
    <article class="requests" data-testid="new-request">
      <h1>Ask {store.company.value} about your data</h1>
      <p class="muted">
        Tracelight writes the letter; you send it from your own email. Nothing is sent for you.
      </p>

      <section class="step">
        <h2>1. What do you want to ask?</h2>
        <label class="field">
          <span>Law that protects you</span>
          <select
            data-testid="law"
            value={store.law.value}
            onChange={(e) => store.chooseLaw(e.currentTarget.value as LawId)}
          >
            {LAWS.map((l) => (
              <option key={l.id} value={l.id}>
                {l.short} — {l.region}
              </option>
            ))}
          </select>
        </label>
        {law !== undefined && (
          <p class="explain" data-testid="law-explain">
            {law.explain} {law.verify !== undefined && <em>{law.verify}</em>}
          </p>
        )}
        <fieldset class="also">
          <legend>Other laws that may apply too (the letter will say so)</legend>
          {ALSO_CHOICES.filter((id) => id !== store.law.value).map((id) => (
            <label key={id}>
              <input
                type="checkbox"
                checked={store.also.value.includes(id)}
                onChange={(e) => {
                  const on = e.currentTarget.checked
                  store.also.value = on
                    ? [...store.also.value, id]
                    : store.also.value.filter((a) => a !== id)
                }}
              />{' '}
              {LAWS.find((l) => l.id === id)?.short}
            </label>
          ))}
        </fieldset>
        <fieldset class="kinds" data-testid="kinds">
          <legend>Request</legend>
          {store.kinds.value.map((k: KindId) => (
            <label key={k} class="kind">
              <input
                type="radio"
                name="kind"
                value={k}
                data-testid={`kind-${k}`}
                checked={store.kind.value === k}
                onChange={() => (store.kind.value = k)}
              />
              <span>
                <strong>{KIND_LABELS[k].label}</strong>
                <span class="muted"> — {KIND_LABELS[k].explain}</span>
              </span>
            </label>
          ))}
        </fieldset>
        {store.kind.value === 'rectification' && (
          <label class="field">
            <span>What is wrong, and how should it read?</span>
            <textarea
              rows={3}
              value={store.details.value}
              onInput={(e) => (store.details.value = e.currentTarget.value)}
            />
          </label>
        )}
      </section>

      <section class="step">
        <h2>2. To whom?</h2>
        <label class="field">
          <span>Company</span>
          <select
            data-testid="company"
            value={store.company.value}
            onChange={(e) => void store.chooseCompany(e.currentTarget.value)}
          >
            {store.companies.value.map((c, i) => (
              <option key={c.name} value={c.name}>
                {i === 0
                  ? `${c.name} (the site itself)`
                  : `${c.name} (seen on ${store.site.value})`}
              </option>
            ))}
          </select>
        </label>
        {store.kind.value === 'complaint' && (
          <p class="explain" data-testid="complaint-to">
            A complaint goes to {law?.authority ?? 'the authority'}, not to {store.company.value}.
            Most authorities take complaints through a form on their website: paste the letter
            there, or type the authority’s address below.
          </p>
        )}
        <p class="muted" data-testid="recipient-source">
          {store.kind.value === 'complaint' ? (
            `The company the complaint is about: ${store.company.value}.`
          ) : store.suggested.value === null ? (
            store.company.value === store.site.value ? (
              'Tracelight’s list has no privacy contact for this site: let it look on the site, or type the address or form link from its privacy policy.'
            ) : (
              'Tracelight’s list has no privacy contact for this company: look for “privacy” or “data protection” at the bottom of its website, and type the address or form link here.'
            )
          ) : (
            <>
              {store.suggested.value.from}
              {store.suggested.value.source !== undefined && (
                <>
                  {' '}
                  (
                  <a href={store.suggested.value.source} target="_blank" rel="noreferrer">
                    check it
                  </a>
                  )
                </>
              )}
            </>
          )}
        </p>
        {store.company.value === store.site.value && <Discover store={store} />}
        <div class="row">
          <label class="field">
            <span>Privacy email address</span>
            <input
              type="email"
              data-testid="recipient-email"
              value={store.email.value}
              onInput={(e) => (store.email.value = e.currentTarget.value)}
            />
          </label>
          <label class="field">
            <span>Or their web form</span>
            <input
              type="url"
              value={store.formUrl.value}
              onInput={(e) => (store.formUrl.value = e.currentTarget.value)}
            />
          </label>
          <button type="button" class="link-button" onClick={() => void store.saveContact()}>
            Remember for {store.company.value}
          </button>
        </div>
        <div class="row">
          <label class="field">
            <span>Your name (signs the letter)</span>
            <input
              data-testid="sender-name"
              value={store.senderName.value}
              onInput={(e) => (store.senderName.value = e.currentTarget.value)}
            />
          </label>
          <label class="field">
            <span>Your email for the answer</span>
            <input
              type="email"
              data-testid="sender-email"
              value={store.senderEmail.value}
              onInput={(e) => (store.senderEmail.value = e.currentTarget.value)}
            />
          </label>
        </div>
        <fieldset class="include">
          <legend>Attach what Tracelight saw on {store.site.value}</legend>
          {(
            [
              ['companies', `Companies contacted (${obs?.companies.length ?? 0})`],
              ['identifiers', `Identifiers set in your browser (${obs?.identifiers.length ?? 0})`],
              ['pixels', `Tracking pixels (${obs?.pixels.length ?? 0})`],
            ] as const
          ).map(([key, label]) => (
            <label key={key}>
              <input
                type="checkbox"
                data-testid={`include-${key}`}
                checked={inc[key]}
                onChange={(e) => (store.include.value = { ...inc, [key]: e.currentTarget.checked })}
              />{' '}
              {label}
            </label>
          ))}
        </fieldset>
      </section>

      <section class="step">
        <h2>3. Review and send</h2>
        <p class="legal-note" data-testid="not-legal-advice">
          This is not legal advice. The letter follows the law as we understand it; check it fits
          your situation before you send it.
        </p>
        {'error' in result ? (
          <p class="status" role="status" data-testid="letter-missing">
            {result.error}.
          </p>
        ) : (
          <>
            <p data-testid="due">
              {result.letter.deadline === null
                ? 'This follow-up sets no new deadline.'
                : `If you send it today, the answer is due by ${longDate(result.letter.deadline.due)} (${result.letter.deadline.cite}).${result.letter.deadline.period.unit === 'business-days' ? ' Business days are Monday to Friday; public holidays are not taken into account, so the real deadline may be a little later.' : ''}`}
            </p>
            <div class="letter" data-testid="letter">
              <p class="subject" data-testid="letter-subject">
                {result.letter.subject}
              </p>
              <pre data-testid="letter-body">{result.letter.body}</pre>
            </div>
            <div class="actions">
              <button type="button" data-testid="send-mailto" onClick={() => void store.openMail()}>
                {store.mailto.value === null
                  ? 'Copy and open your mail app'
                  : 'Open in your mail app'}
              </button>
              <button type="button" data-testid="send-copy" onClick={() => void store.copy()}>
                Copy the letter
              </button>
              <button type="button" data-testid="send-eml" onClick={() => store.download()}>
                Download as email (.eml)
              </button>
              {store.formUrl.value !== '' && (
                <button type="button" data-testid="send-form" onClick={() => void store.openForm()}>
                  Copy and open their web form
                </button>
              )}
            </div>
            {store.mailto.value === null && (
              <p class="muted">
                This letter is longer than a mail link can carry ({MAILTO_LIMIT} characters), so the
                mail button copies it for you to paste.
              </p>
            )}
            {store.notice.value !== '' && (
              <p class="notice" role="status">
                {store.notice.value}
              </p>
            )}
            {sent === null ? (
              <div class="sent-box">
                <p>Once you have sent it, record it so Tracelight can watch the deadline.</p>
                <button
                  type="button"
                  data-testid="mark-sent"
                  onClick={() =>
                    void store.markSent(
                      store.email.value !== ''
                        ? 'mailto'
                        : store.formUrl.value !== ''
                          ? 'form'
                          : 'copy',
                    )
                  }
                >
                  I sent it
                </button>
              </div>
            ) : (
              <p class="notice" data-testid="sent-done">
                Recorded. {sent.dueDay === null ? '' : `Answer due by ${longDate(sent.dueDay)}. `}
                <a href={`#/requests/${sent.id}`} data-testid="sent-link">
                  Follow this request
                </a>
              </p>
            )}
          </>
        )}
      </section>
    </article>
  )
}

function Discover({ store }: { store: DraftStore }) {
  const d = store.discovery.value
  if (d.kind === 'idle')
    return (
      <p>
        <button
          type="button"
          class="link-button"
          data-testid="discover"
          onClick={() => void store.discover()}
        >
          Look for a privacy contact on {store.site.value}
        </button>{' '}
        <span class="muted">(reads its home page and privacy policy, without your cookies)</span>
      </p>
    )
  if (d.kind === 'looking') return <p class="muted">Looking on {store.site.value}…</p>
  return (
    <div class="found" data-testid="discovered">
      {d.error !== null && <p class="muted">{d.error}</p>}
      {d.candidates.length === 0 ? (
        <p class="muted">
          No email address found on its pages
          {d.policyUrl === null ? '' : ': try its privacy policy'}.
        </p>
      ) : (
        <ul>
          {d.candidates.map((c) => (
            <li key={c.email}>
              <button
                type="button"
                class="link-button"
                data-testid="candidate"
                onClick={() => (store.email.value = c.email)}
              >
                {c.email}
              </button>{' '}
              <span class="muted">
                found in {c.how} of <code>{c.url}</code>
              </span>
            </li>
          ))}
        </ul>
      )}
      {d.policyUrl !== null && (
        <p class="muted">
          Privacy policy:{' '}
          <a href={d.policyUrl} target="_blank" rel="noreferrer">
            {d.policyUrl}
          </a>
        </p>
      )}
    </div>
  )
}
