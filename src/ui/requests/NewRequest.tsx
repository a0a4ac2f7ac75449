import { useEffect } from 'preact/hooks'
import { LAWS, lawById, type KindId, type LawId } from '@/requests/laws'
import { LETTER_PACKS, type LetterLanguage } from '@/requests/letters'
import { letterDate } from '@/requests/letters/format'
import { MAILTO_LIMIT } from '@/requests/send'
import type { MessageKey } from '@/ui/i18n/en'
import type { DraftStore } from './draft-store'
import { kindExplain, kindLabel, lawWords, useI18n } from './i18n'
import { Discover, RecipientSource } from './Recipient'

const ALSO_CHOICES: LawId[] = ['gdpr-eu', 'gdpr-uk', 'ccpa', 'lgpd', 'pipeda']

export interface NewRequestProps {
  store: DraftStore
  site: string
  company?: string
  followUp?: number
  kind?: string
}

export function NewRequest({ store, site, company, followUp, kind }: NewRequestProps) {
  const i18n = useI18n()
  const { t } = i18n
  useEffect(() => {
    void store.load({
      site,
      ...(company === undefined ? {} : { company }),
      ...(followUp === undefined ? {} : { followUp }),
      ...(kind === undefined ? {} : { kind }),
    })
  }, [store, site, company, followUp, kind])
  const state = store.state.value
  if (state.kind === 'loading') return <p class="status">{t('common.loading')}</p>
  if (state.kind === 'error')
    return (
      <p class="status error" role="alert">
        {t('requests.prepareError', { message: state.message })}
      </p>
    )
  const law = store.lawInfo.value
  const words = law === undefined ? null : lawWords(i18n, law)
  const result = store.letter.value
  const sent = store.sent.value
  const inc = store.include.value
  const obs = store.observations.value
  const languages = store.languages.value
  const only = languages.length === 1 ? languages[0] : undefined
  return (
    <article class="requests" data-testid="new-request">
      <h1>{t('requests.newTitle', { company: store.company.value })}</h1>
      <p class="muted">{t('requests.newIntro')}</p>

      <section class="step">
        <h2>{t('requests.step1')}</h2>
        <label class="field">
          <span>{t('requests.law')}</span>
          <select
            data-testid="law"
            value={store.law.value}
            onChange={(e) => store.chooseLaw(e.currentTarget.value as LawId)}
          >
            {LAWS.map((l) => {
              const w = lawWords(i18n, l)
              return (
                <option key={l.id} value={l.id}>
                  {t('requests.lawOption', { short: w.short, region: w.region })}
                </option>
              )
            })}
          </select>
        </label>
        {words !== null && (
          <p class="explain" data-testid="law-explain">
            {words.explain} {words.verify !== null && <em>{words.verify}</em>}
          </p>
        )}
        <fieldset class="also">
          <legend>{t('requests.also')}</legend>
          {ALSO_CHOICES.filter((id) => id !== store.law.value).map((id) => {
            const l = lawById(id)
            return (
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
                {l === undefined ? id : lawWords(i18n, l).short}
              </label>
            )
          })}
        </fieldset>
        <fieldset class="kinds" data-testid="kinds">
          <legend>{t('requests.kinds')}</legend>
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
                <strong>{kindLabel(t, k)}</strong>
                <span class="muted"> — {kindExplain(t, k)}</span>
              </span>
            </label>
          ))}
        </fieldset>
        {store.kind.value === 'rectification' && (
          <label class="field">
            <span>{t('requests.details')}</span>
            <textarea
              rows={3}
              value={store.details.value}
              onInput={(e) => (store.details.value = e.currentTarget.value)}
            />
          </label>
        )}
        {languages.length > 0 && (
          <div class="row">
            <label class="field narrow">
              <span>{t('requests.letterLanguage')}</span>
              <select
                data-testid="letter-language"
                value={store.language.value}
                disabled={only !== undefined}
                onChange={(e) => store.chooseLanguage(e.currentTarget.value as LetterLanguage)}
              >
                {languages.map((l) => (
                  <option key={l} value={l} lang={l}>
                    {LETTER_PACKS[l].name}
                  </option>
                ))}
              </select>
            </label>
            <p class="muted" data-testid="letter-language-hint">
              {only === undefined
                ? t('requests.letterLanguageHint')
                : t('requests.letterLanguageOnly', { language: LETTER_PACKS[only].name })}
            </p>
          </div>
        )}
      </section>

      <section class="step">
        <h2>{t('requests.step2')}</h2>
        <label class="field">
          <span>{t('requests.company')}</span>
          <select
            data-testid="company"
            value={store.company.value}
            onChange={(e) => void store.chooseCompany(e.currentTarget.value)}
          >
            {store.companies.value.map((c, i) => (
              <option key={c.name} value={c.name}>
                {i === 0
                  ? t('requests.companySite', { name: c.name })
                  : t('requests.companySeen', { name: c.name, site: store.site.value })}
              </option>
            ))}
          </select>
        </label>
        {store.kind.value === 'complaint' && (
          <p class="explain" data-testid="complaint-to">
            {t('requests.complaintTo', {
              authority: words?.authority ?? '',
              company: store.company.value,
            })}
          </p>
        )}
        <p class="muted" data-testid="recipient-source">
          <RecipientSource store={store} />
        </p>
        {store.company.value === store.site.value && <Discover store={store} />}
        <div class="row">
          <label class="field">
            <span>{t('requests.email')}</span>
            <input
              type="email"
              data-testid="recipient-email"
              value={store.email.value}
              onInput={(e) => (store.email.value = e.currentTarget.value)}
            />
          </label>
          <label class="field">
            <span>{t('requests.form')}</span>
            <input
              type="url"
              value={store.formUrl.value}
              onInput={(e) => (store.formUrl.value = e.currentTarget.value)}
            />
          </label>
          <button type="button" class="link-button" onClick={() => void store.saveContact()}>
            {t('requests.remember', { company: store.company.value })}
          </button>
        </div>
        <div class="row">
          <label class="field">
            <span>{t('requests.senderName')}</span>
            <input
              data-testid="sender-name"
              value={store.senderName.value}
              onInput={(e) => (store.senderName.value = e.currentTarget.value)}
            />
          </label>
          <label class="field">
            <span>{t('requests.senderEmail')}</span>
            <input
              type="email"
              data-testid="sender-email"
              value={store.senderEmail.value}
              onInput={(e) => (store.senderEmail.value = e.currentTarget.value)}
            />
          </label>
        </div>
        <fieldset class="include">
          <legend>{t('requests.attach', { site: store.site.value })}</legend>
          {(
            [
              ['companies', t('requests.attachCompanies', { n: obs?.companies.length ?? 0 })],
              ['identifiers', t('requests.attachIdentifiers', { n: obs?.identifiers.length ?? 0 })],
              ['pixels', t('requests.attachPixels', { n: obs?.pixels.length ?? 0 })],
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
        <h2>{t('requests.step3')}</h2>
        <p class="legal-note" data-testid="not-legal-advice">
          {t('requests.notLegalAdvice')}
        </p>
        {'error' in result ? (
          <p class="status" role="status" data-testid="letter-missing">
            {t(`requests.problem.${result.problem}` as MessageKey)}
          </p>
        ) : (
          <>
            <p data-testid="due">
              {result.letter.deadline === null
                ? t('requests.noNewDeadline')
                : t('requests.dueIfToday', {
                    date: letterDate(result.letter.deadline.due, i18n.language),
                    cite: result.letter.respondCite,
                  })}
              {result.letter.deadline?.period.unit === 'business-days' &&
                ` ${t('requests.businessDays')}`}
            </p>
            <div class="letter" data-testid="letter" lang={result.letter.language}>
              <p class="subject" data-testid="letter-subject">
                {result.letter.subject}
              </p>
              <pre data-testid="letter-body">{result.letter.body}</pre>
            </div>
            <div class="actions">
              <button type="button" data-testid="send-mailto" onClick={() => void store.openMail()}>
                {store.mailto.value === null
                  ? t('requests.sendMailtoCopy')
                  : t('requests.sendMailto')}
              </button>
              <button type="button" data-testid="send-copy" onClick={() => void store.copy()}>
                {t('requests.sendCopy')}
              </button>
              <button type="button" data-testid="send-eml" onClick={() => store.download()}>
                {t('requests.sendEml')}
              </button>
              {store.formUrl.value !== '' && (
                <button type="button" data-testid="send-form" onClick={() => void store.openForm()}>
                  {t('requests.sendForm')}
                </button>
              )}
            </div>
            {store.mailto.value === null && (
              <p class="muted">{t('requests.tooLong', { n: MAILTO_LIMIT })}</p>
            )}
            {store.notice.value !== '' && (
              <p class="notice" role="status" data-testid="notice">
                {t(`requests.notice.${store.notice.value}`, { company: store.company.value })}
              </p>
            )}
            {sent === null ? (
              <div class="sent-box">
                <p>{t('requests.sentPrompt')}</p>
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
                  {t('requests.markSent')}
                </button>
              </div>
            ) : (
              <p class="notice" data-testid="sent-done">
                {sent.dueDay === null
                  ? t('requests.recorded')
                  : t('requests.recordedDue', {
                      date: letterDate(sent.dueDay, i18n.language),
                    })}{' '}
                <a href={`#/requests/${sent.id}`} data-testid="sent-link">
                  {t('requests.follow')}
                </a>
              </p>
            )}
          </>
        )}
      </section>
    </article>
  )
}
