import { createContext } from 'preact'
import { useContext } from 'preact/hooks'
import type { I18n } from '@/ui/i18n'
import { createConsentStore, type ConsentStore } from '@/ui/state/consent-store'
import type { CompanyStore } from '@/ui/state/company-store'
import type { DashboardApi } from '@/ui/state/dashboard-api'
import type { GraphStore, OverviewStore } from '@/ui/state/overview-store'
import type { SettingsStore } from '@/ui/state/settings-store'
import type { SiteStore } from '@/ui/state/site-store'
import { createCompanyStore } from '@/ui/state/company-store'
import { createGraphStore, createOverviewStore } from '@/ui/state/overview-store'
import { createSettingsStore } from '@/ui/state/settings-store'
import { createSiteStore } from '@/ui/state/site-store'

export interface DashboardContext {
  overview: OverviewStore
  graph: GraphStore
  site: SiteStore
  company: CompanyStore
  settings: SettingsStore
  consent: ConsentStore
  i18n: I18n
  /** Goes to another view (a URL hash such as `#/site/news.test`). */
  navigate(hash: string): void
}

export function createStores(api: DashboardApi) {
  return {
    overview: createOverviewStore(api),
    graph: createGraphStore(api),
    site: createSiteStore(api),
    company: createCompanyStore(api),
    settings: createSettingsStore(api),
    consent: createConsentStore(api),
  }
}

export const Ctx = createContext<DashboardContext | null>(null)

export function useDashboard(): DashboardContext {
  const ctx = useContext(Ctx)
  if (ctx === null) throw new Error('Dashboard context missing')
  return ctx
}
