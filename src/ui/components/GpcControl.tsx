import { useEffect } from 'preact/hooks'
import type { DetailValue } from '@/detect/types'
import { detailWord } from '@/ui/detail-words'
import type { I18n } from '@/ui/i18n'
import type { GpcStore } from '@/ui/state/gpc-store'

export interface GpcControlProps {
  store: GpcStore
  site: string
  /** The site's latest gpc.support detail, when it was checked. */
  support?: Record<string, DetailValue> | undefined
  /** This visit's gpc.ignored detail, when it was flagged. */
  ignored?: Record<string, DetailValue> | undefined
  i18n: I18n
}

/** Global Privacy Control: one switch for all sites, one for this site, and what the site says. */
export function GpcControl({ store, site, support, ignored, i18n }: GpcControlProps) {
  const { t } = i18n
  useEffect(() => {
    void store.load()
  }, [store])
  const view = store.view.value
  if (view.kind === 'loading') return null
  const { state, busy, error } = view
  const sentHere = state.enabled && !state.exceptions.includes(site)
  return (
    <section aria-label={t('gpc.label')} class="gpc" data-testid="gpc">
      <h2>{t('gpc.title')}</h2>
      <label class="check">
        <input
          type="checkbox"
          checked={state.enabled}
          disabled={busy}
          data-testid="gpc-enabled"
          onChange={(e) => void store.setEnabled(e.currentTarget.checked)}
        />
        <span>{t('gpc.enable')}</span>
      </label>
      <p class="muted">{t('gpc.hint')}</p>
      {state.enabled && (
        <label class="check">
          <input
            type="checkbox"
            checked={sentHere}
            disabled={busy}
            data-testid="gpc-site"
            onChange={(e) => void store.setSent(site, e.currentTarget.checked)}
          />
          <span>{t('gpc.site', { site })}</span>
        </label>
      )}
      {support !== undefined && (
        <p data-testid="gpc-support">
          {support.honours === true
            ? t('gpc.honours', { site })
            : typeof support.reason === 'string'
              ? t('gpc.notHonoursBecause', {
                  site,
                  reason: detailWord(i18n, support.reason, support),
                })
              : t('gpc.notHonours', { site })}
        </p>
      )}
      {ignored !== undefined && (
        <p class="status error" data-testid="gpc-ignored">
          {t(ignoredKey(ignored), { site })}
        </p>
      )}
      {error !== null && (
        <p class="status error" role="alert" data-testid="gpc-error">
          {t(error === 'read' ? 'gpc.readError' : 'gpc.changeError')}
        </p>
      )}
    </section>
  )
}

/** Why the site counts as ignoring the signal: what it said, or what it kept doing. */
function ignoredKey(detail: Record<string, DetailValue>) {
  if (detail.saidNotOptedOut === true) return 'gpc.ignoredHere'
  if (Array.isArray(detail.sameIdSync) || Array.isArray(detail.sameAds)) return 'gpc.ignoredSharing'
  if (Array.isArray(detail.stillShared)) return 'gpc.ignoredDeclared'
  return 'gpc.ignoredHere'
}
