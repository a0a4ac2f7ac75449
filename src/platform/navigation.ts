import { browser } from './browser'

export interface NavigationHandlers {
  /** A top-level document committed in a tab. */
  committed(tabId: number, url: string, timeStamp: number): void
  tabRemoved(tabId: number): void
  tabReplaced(addedTabId: number, removedTabId: number): void
}

export function observeNavigation(handlers: NavigationHandlers): void {
  browser.webNavigation.onCommitted.addListener((d) => {
    const lifecycle = (d as { documentLifecycle?: string }).documentLifecycle
    if (d.frameId !== 0 || lifecycle === 'prerender') return
    handlers.committed(d.tabId, d.url, d.timeStamp)
  })
  browser.tabs.onRemoved.addListener((tabId) => handlers.tabRemoved(tabId))
  browser.tabs.onReplaced.addListener((added, removed) => handlers.tabReplaced(added, removed))
}
