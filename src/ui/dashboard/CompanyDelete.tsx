import type { ComponentChildren } from 'preact'
import { useEffect } from 'preact/hooks'
import { summaryWords } from '@/ui/deletion-words'
import { useDashboard } from './context'
import { DeleteFlowView } from './DeleteFlowView'

/** The company page's "your data" section: what is given as `children` (its export), then
 * "delete what Tracelight recorded about it": its findings on every site, with the site
 * summaries adjusted; the visits stay. */
export function CompanyDelete({ name, children }: { name: string; children?: ComponentChildren }) {
  const { companyDelete: flow, company, i18n } = useDashboard()
  const { t } = i18n
  const done = flow.state.value.kind === 'done'
  useEffect(() => flow.reset(), [flow, name])
  // Once deleted, the page shows what is left (nothing, until an undo).
  useEffect(() => {
    if (done) void company.load(name)
  }, [done, company, name])
  return (
    <section class="data-zone" aria-labelledby="company-manage">
      <h2 id="company-manage">{t('company.manageTitle')}</h2>
      {children}
      <DeleteFlowView
        flow={flow}
        label={t('company.delete', { name })}
        testid="delete-company"
        ask={() => ({ kind: 'company', name })}
        question={(summary) => t('company.deleteConfirm', { name, ...summaryWords(i18n, summary) })}
        done={t('company.deleted', { name })}
      />
    </section>
  )
}
