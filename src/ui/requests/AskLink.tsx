import { useI18n } from './i18n'

/** Entry point on a site's page: write a request to the site or a company seen on it. */
export function AskLink({ site }: { site: string }) {
  const { t } = useI18n()
  return (
    <p class="ask">
      <a
        class="button"
        href={`#/requests/new?site=${encodeURIComponent(site)}`}
        data-testid="ask-link"
      >
        {t('requests.ask')}
      </a>
      <span class="muted">{t('requests.askHint')}</span>
    </p>
  )
}
