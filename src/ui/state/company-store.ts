import { signal } from '@preact/signals'
import { errorText, type DashboardApi, type Loadable } from './dashboard-api'
import { buildCompany, type CompanyView } from './company'

/** Site × party rows read for one company page; enough to describe it, bounded for speed. */
export const COMPANY_ROWS_LIMIT = 20_000

export function createCompanyStore(api: DashboardApi) {
  const state = signal<Loadable<CompanyView | null>>({ kind: 'loading' })

  async function load(name: string): Promise<void> {
    state.value = { kind: 'loading' }
    try {
      const rows = await api.companyParties(name, COMPANY_ROWS_LIMIT)
      state.value = {
        kind: 'ready',
        value: buildCompany(name, rows, rows.length >= COMPANY_ROWS_LIMIT),
      }
    } catch (e) {
      state.value = { kind: 'error', message: errorText(e) }
    }
  }
  return { state, load }
}

export type CompanyStore = ReturnType<typeof createCompanyStore>
