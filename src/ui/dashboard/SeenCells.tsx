import { useDashboard } from './context'

/** The last four column heads of a table of contacts between sites and a company. */
export function SeenHeads() {
  const { t } = useDashboard().i18n
  return (
    <>
      <th scope="col">{t('site.domains')}</th>
      <th scope="col" class="num">
        {t('site.requests')}
      </th>
      <th scope="col">{t('site.firstSeen')}</th>
      <th scope="col">{t('site.lastSeen')}</th>
    </>
  )
}

/** Their cells: the domains contacted, how many requests, first and last seen. Used by the
 * site page's companies and the company page's sites. */
export function SeenCells({
  parties,
  requests,
  firstAt,
  lastAt,
}: {
  parties: readonly string[]
  requests: number
  firstAt: number
  lastAt: number
}) {
  const { i18n } = useDashboard()
  return (
    <>
      <td>{parties.join(i18n.t('value.listSeparator'))}</td>
      <td class="num">{i18n.num(requests)}</td>
      <td class="when">{i18n.dateTime(firstAt)}</td>
      <td class="when">{i18n.dateTime(lastAt)}</td>
    </>
  )
}
