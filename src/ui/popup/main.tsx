import { render } from 'preact'
import { openDb } from '@/db/schema'
import { visitFindings } from '@/db/read'
import { sendMessage } from '@/platform/runtime'
import { activeTab, extensionUrl, getTab } from '@/platform/tabs'
import { createGpcStore } from '@/ui/state/gpc-store'
import { createPopupStore } from '@/ui/state/popup-store'
import { Popup } from './Popup'
import '@/ui/components/theme.css'

const db = openDb()
// Opening the database takes a while; it runs while the tab and its visit are asked for.
db.open().catch(() => undefined) // a failure shows when the findings are read
// `?tab=ID` opens the popup's view for a given tab (the dashboard links to it); by default it
// is the active tab of this window.
const requested = Number(new URLSearchParams(location.search).get('tab'))

const store = createPopupStore({
  tab: () => (Number.isInteger(requested) && requested > 0 ? getTab(requested) : activeTab()),
  tabView: (tabId) => sendMessage<'tab.view'>({ type: 'tab.view', tabId }),
  findings: (visitId) => visitFindings(db, visitId),
})

const gpc = createGpcStore({
  get: () => sendMessage<'gpc.get'>({ type: 'gpc.get' }),
  set: (change) => sendMessage<'gpc.set'>({ type: 'gpc.set', ...change }),
})

// Reading starts now rather than after the first render.
void store.start()

const root = document.getElementById('app')
if (root !== null) {
  render(
    <Popup
      store={store}
      gpc={gpc}
      siteHref={(site) =>
        extensionUrl(`src/ui/dashboard/index.html#/site/${encodeURIComponent(site)}`)
      }
    />,
    root,
  )
}
