import { browser } from './browser'

export interface TabInfo {
  id: number
  url: string
  title: string
}

function toInfo(tab: { id?: number; url?: string; title?: string }): TabInfo | undefined {
  if (tab.id === undefined) return undefined
  return { id: tab.id, url: tab.url ?? '', title: tab.title ?? '' }
}

export async function getTab(tabId: number): Promise<TabInfo | undefined> {
  try {
    return toInfo(await browser.tabs.get(tabId))
  } catch {
    return undefined
  }
}

/** The tab the user is looking at in the window the popup belongs to. */
export async function activeTab(): Promise<TabInfo | undefined> {
  const [tab] = await browser.tabs.query({ active: true, currentWindow: true })
  return tab === undefined ? undefined : toInfo(tab)
}

export async function openExtensionPage(path: string): Promise<void> {
  await browser.tabs.create({ url: browser.runtime.getURL(path) })
}

export function extensionUrl(path: string): string {
  return browser.runtime.getURL(path)
}
