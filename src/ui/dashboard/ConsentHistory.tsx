import { useEffect } from 'preact/hooks'
import { detailWord } from '@/ui/detail-words'
import { gpcComparisonSentences } from '@/ui/gpc-words'
import { useDashboard } from './context'

/** "Your consent on this site": banner shown, your answer, what the site kept, GPC sent and
 * whether the site honoured it compared with earlier visits without it. */
export function ConsentHistory({ site }: { site: string }) {
  const { consent, i18n } = useDashboard()
  const { t } = i18n
  useEffect(() => {
    void consent.load(site)
  }, [consent, site])
  const state = consent.state.value
  if (state.kind === 'error')
    return <p class="status error">{t('common.readError', { message: state.message })}</p>
  const visits = consent.visits.value
  // A platform's name is its own, except the open-source one, which is described.
  const platformNamed = (vars: Record<string, string>) =>
    vars.cmp === undefined ? vars : { ...vars, cmp: detailWord(i18n, vars.cmp) }
  if (visits.length === 0) return null
  return (
    <section aria-labelledby="consent-title" data-testid="consent-history">
      <h2 id="consent-title">{t('consent.title')}</h2>
      <p class="muted">{t('consent.hint')}</p>
      <ol class="timeline">
        {visits.map((v) => (
          <li key={v.visitId} data-testid="consent-visit">
            <strong>{i18n.dateTime(v.moments[0]?.at ?? 0)}</strong>
            <ul class="consent-moments">
              {v.moments.map((m) => (
                <li key={`${m.key}-${m.at}`} data-testid="consent-moment" data-key={m.key}>
                  <span class="muted">{i18n.time(m.at)}</span> {t(m.key, platformNamed(m.vars))}{' '}
                  {m.gpc !== undefined && `${gpcComparisonSentences(i18n, m.gpc).join(' ')} `}
                  <span class="muted">({t(m.from)})</span>
                </li>
              ))}
            </ul>
          </li>
        ))}
      </ol>
    </section>
  )
}
