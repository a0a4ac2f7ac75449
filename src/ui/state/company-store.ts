import { signal } from '@preact/signals'
import { errorText, type DashboardApi, type Loadable } from './dashboard-api'
import { buildCompany, type CompanyView } from './company'

/** Findings read for one company page; enough to describe what it did, bounded for speed. */
export const COMPANY_FINDINGS_LIMIT = 5000

export function createCompanyStore(api: DashboardApi) {
  const state = signal<Loadable<CompanyView | null>>({ kind: 'loading' })

  async function load(name: string): Promise<void> {
    state.value = { kind: 'loading' }
    try {
      const sites = await api.sitesSince(0)
      const domains = new Set<string>()
      for (const s of sites) for (const p of s.companies?.[name]?.parties ?? []) domains.add(p)
      const findings =
        domains.size === 0 ? [] : await api.partyFindings([...domains], COMPANY_FINDINGS_LIMIT)
      state.value = {
        kind: 'ready',
        value: buildCompany(name, sites, findings, findings.length >= COMPANY_FINDINGS_LIMIT),
      }
    } catch (e) {
      state.value = { kind: 'error', message: errorText(e) }
    }
  }
  return { state, load }
}

export type CompanyStore = ReturnType<typeof createCompanyStore>
