/** Step 2's helpers: where the suggested contact came from, and looking on the site for one. */
import type { DraftStore } from './draft-store'
import { useI18n } from './i18n'

export function RecipientSource({ store }: { store: DraftStore }) {
  const { t } = useI18n()
  if (store.kind.value === 'complaint')
    return <>{t('requests.complaintAbout', { company: store.company.value })}</>
  const r = store.suggested.value
  if (r === null)
    return (
      <>
        {store.company.value === store.site.value
          ? t('requests.noContactSite')
          : t('requests.noContactCompany')}
      </>
    )
  const o = r.origin
  return (
    <>
      {o.kind === 'user'
        ? t('requests.fromUser')
        : o.kind === 'found'
          ? t('requests.fromFound', { where: o.where })
          : t('requests.fromBundled', { name: o.company })}
      {r.source !== undefined && (
        <>
          {' '}
          (
          <a href={r.source} target="_blank" rel="noreferrer" data-testid="recipient-check">
            {t('requests.checkIt')}
          </a>
          )
        </>
      )}
    </>
  )
}

export function Discover({ store }: { store: DraftStore }) {
  const { t } = useI18n()
  const d = store.discovery.value
  const site = store.site.value
  if (d.kind === 'idle')
    return (
      <p>
        <button
          type="button"
          class="link-button"
          data-testid="discover"
          onClick={() => void store.discover()}
        >
          {t('requests.discover', { site })}
        </button>{' '}
        <span class="muted">{t('requests.discoverHint')}</span>
      </p>
    )
  if (d.kind === 'looking') return <p class="muted">{t('requests.discovering', { site })}</p>
  return (
    <div class="found" data-testid="discovered">
      {d.error !== null && (
        <p class="muted" data-testid="discover-error">
          {d.error.code === 'not-visited'
            ? t('requests.discoverError.notVisited', { site })
            : d.error.code === 'unreachable'
              ? t('requests.discoverError.unreachable', { origin: d.error.origin })
              : t('requests.discoverError.failed', { message: d.error.message })}
        </p>
      )}
      {d.candidates.length === 0 ? (
        <p class="muted">
          {d.policyUrl === null ? t('requests.discoverNone') : t('requests.discoverNoneTry')}
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
                {t(`requests.foundIn.${c.how}`)} <code>{c.url}</code>
              </span>
            </li>
          ))}
        </ul>
      )}
      {d.policyUrl !== null && (
        <p class="muted">
          {t('requests.policy')}{' '}
          <a href={d.policyUrl} target="_blank" rel="noreferrer">
            {d.policyUrl}
          </a>
        </p>
      )}
    </div>
  )
}
