import { signal } from '@preact/signals'
import { errorText, type DashboardApi, type Loadable } from './dashboard-api'
import { buildCompany, type CompanyView } from './company'

/** Site × party rows read for one company page; enough to describe it, bounded for speed. */
export const COMPANY_ROWS_LIMIT = 20_000

export function createCompanyStore(api: DashboardApi) {
  /** The last company asked for, and what is known of it. */
  const current = signal<{ name: string; state: Loadable<CompanyView | null> } | null>(null)

  async function load(name: string): Promise<void> {
    current.value = { name, state: { kind: 'loading' } }
    let state: Loadable<CompanyView | null>
    try {
      const rows = await api.companyParties(name, COMPANY_ROWS_LIMIT)
      state = { kind: 'ready', value: buildCompany(name, rows, rows.length >= COMPANY_ROWS_LIMIT) }
    } catch (e) {
      state = { kind: 'error', message: errorText(e) }
    }
    // A read that ends after another company was asked for is dropped.
    if (current.value?.name === name) current.value = { name, state }
  }

  /** What is known of `name`: loading until its own read ends, never the company shown before
   * (the page renders once with its new name before its effect asks for the rows). */
  function stateOf(name: string): Loadable<CompanyView | null> {
    const c = current.value
    return c !== null && c.name === name ? c.state : { kind: 'loading' }
  }
  return { stateOf, load }
}

export type CompanyStore = ReturnType<typeof createCompanyStore>
