import { useState } from 'preact/hooks'
import type { CompanyGroup } from '@/ui/state/group'
import { companyHash } from '@/ui/state/route'
import { useDashboard } from './context'
import { SeenCells, SeenHeads } from './SeenCells'
import { categoriesLabel } from '@/ui/labels'
import { signalName } from './words'

/** Companies listed at first on a site page; the rest on request (a site can contact
 * hundreds, and each row is a dozen elements to lay out). */
export const SHOWN_COMPANIES = 30

/** The site page's table of the companies (and unlisted domains) a site contacted. */
export function SiteCompanies({
  groups,
  actions,
}: {
  groups: CompanyGroup[]
  /** What each company did besides requests: signal → count, by company name. */
  actions: ReadonlyMap<string, ReadonlyMap<string, number>>
}) {
  const { i18n } = useDashboard()
  const { t, tn, num } = i18n
  const [all, setAll] = useState(false)
  const shown = all ? groups : groups.slice(0, SHOWN_COMPANIES)
  return (
    <>
      {groups.length === 0 ? (
        <p class="status">{t('site.noCompanies')}</p>
      ) : (
        <div class="scroll">
          <table data-testid="site-companies">
            <thead>
              <tr>
                <th scope="col">{t('site.company')}</th>
                <th scope="col">{t('site.whatItIs')}</th>
                <th scope="col">{t('site.whatItDid')}</th>
                <SeenHeads />
              </tr>
            </thead>
            <tbody>
              {shown.map((g) => {
                const did = [...(actions.get(g.name) ?? new Map<string, number>()).entries()]
                return (
                  <tr
                    key={`${g.tracker}-${g.name}`}
                    data-testid="site-company"
                    data-company={g.name}
                  >
                    <td class="name">
                      <a href={companyHash(g.name)}>{g.name}</a>
                      {g.tracker && <span class="muted"> · {t('site.tracker')}</span>}
                    </td>
                    <td>{categoriesLabel(i18n, g.categories)}</td>
                    <td>
                      {tn('site.requestsOn', g.requests, {
                        visits: tn('site.visitCount', g.visits),
                      })}
                      {did.map(([signal, n]) => (
                        <div key={signal}>
                          {signalName(i18n, signal)} ({num(n)})
                        </div>
                      ))}
                    </td>
                    <SeenCells {...g} />
                  </tr>
                )
              })}
            </tbody>
          </table>
        </div>
      )}
      {shown.length < groups.length && (
        <p class="muted" data-testid="more-companies">
          {t('site.moreCompanies', { shown: shown.length, total: groups.length })}{' '}
          <button type="button" data-testid="all-companies" onClick={() => setAll(true)}>
            {t('site.allCompanies')}
          </button>
        </p>
      )}
    </>
  )
}
