// First: the database opens while the rest is evaluated.
import { connection } from '@/db/early-open'
import { readFindingsOfVisits, readLanguage } from '@/db/plain-read'
import { sendMessage } from '@/platform/runtime'
import { activeTab, getTab } from '@/platform/tabs'
import { createPopupStore } from '@/ui/state/popup-store'

/**
 * The popup's reads, started by the first module main.tsx imports: the tab, the background's
 * view of it and the findings are asked for while the words and the components are still being
 * evaluated (ES modules run in import order), not after them.
 */

// `?tab=ID` opens the popup's view for a given tab (the dashboard links to it); by default it
// is the active tab of this window.
const requested = Number(new URLSearchParams(location.search).get('tab'))

export const store = createPopupStore({
  tab: () => (Number.isInteger(requested) && requested > 0 ? getTab(requested) : activeTab()),
  tabView: (tabId) => sendMessage<'tab.view'>({ type: 'tab.view', tabId }),
  findings: async (visitId) => readFindingsOfVisits(await connection(), [visitId]),
})
void store.start()

/** The language chosen in the dashboard's settings ('' if none or unreadable). */
export const chosenLanguage: Promise<string> = connection()
  .then(readLanguage)
  .catch(() => '')
