import { signal } from '@preact/signals'
import { createContext } from 'preact'
import { useContext } from 'preact/hooks'
import type { I18n } from '@/ui/i18n'
import { createConsentStore, type ConsentStore } from '@/ui/state/consent-store'
import type { CompanyStore } from '@/ui/state/company-store'
import type { DashboardApi } from '@/ui/state/dashboard-api'
import type { GraphStore, OverviewStore } from '@/ui/state/overview-store'
import type { SearchStore } from '@/ui/state/search-store'
import type { SettingsStore } from '@/ui/state/settings-store'
import type { SiteStore } from '@/ui/state/site-store'
import type { UndoStore } from '@/ui/state/undo-store'
import { createCompanyStore } from '@/ui/state/company-store'
import { createDeleteFlow, type DeleteFlow } from '@/ui/state/delete-flow'
import { createGraphStore, createOverviewStore } from '@/ui/state/overview-store'
import { createSearchStore } from '@/ui/state/search-store'
import { createSettingsStore } from '@/ui/state/settings-store'
import { createSiteStore } from '@/ui/state/site-store'
import { createUndoStore } from '@/ui/state/undo-store'

export interface DashboardContext {
  overview: OverviewStore
  graph: GraphStore
  site: SiteStore
  company: CompanyStore
  settings: SettingsStore
  consent: ConsentStore
  search: SearchStore
  undo: UndoStore
  /** The company page's "delete what was recorded about it". */
  companyDelete: DeleteFlow
  i18n: I18n
  /** Goes to another view (a URL hash such as `#/site/news.test`). */
  navigate(hash: string): void
}

export function createStores(api: DashboardApi) {
  const overview = createOverviewStore(api)
  const graph = createGraphStore(api)
  const search = createSearchStore(api)
  /** Bumped when an undo brings rows back: the views read everything again. */
  const restored = signal(0)
  const late: { settings?: SettingsStore } = {}
  const undo = createUndoStore(api, {
    changed(what) {
      // The overview and the graph keep a period's rows; the next visit reads them again.
      overview.invalidate()
      graph.raw.value = { kind: 'loading' }
      search.invalidate()
      void late.settings?.refreshStorage()
      if (what === 'restored') restored.value += 1
    },
  })
  const settings = createSettingsStore(api, undo)
  late.settings = settings
  return {
    overview,
    graph,
    // The site page's delete button, undoable like every other deletion.
    site: createSiteStore({
      ...api,
      deleteSite: async (site) => void (await undo.remove({ kind: 'site', site })),
    }),
    company: createCompanyStore(api),
    settings,
    consent: createConsentStore(api),
    search,
    undo,
    companyDelete: createDeleteFlow(api, undo),
    restored,
  }
}

export const Ctx = createContext<DashboardContext | null>(null)

export function useDashboard(): DashboardContext {
  const ctx = useContext(Ctx)
  if (ctx === null) throw new Error('Dashboard context missing')
  return ctx
}
