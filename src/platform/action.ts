import { browser } from './browser'

const BADGE_COLOR = '#5b21b6'

/** The toolbar badge for one tab: a number, or nothing when zero. */
export async function setBadgeCount(tabId: number, count: number): Promise<void> {
  try {
    await browser.action.setBadgeBackgroundColor({ tabId, color: BADGE_COLOR })
    await browser.action.setBadgeText({ tabId, text: count > 0 ? String(count) : '' })
  } catch {
    // The tab closed in the meantime: nothing to show.
  }
}

export async function getBadgeText(tabId: number): Promise<string> {
  return browser.action.getBadgeText({ tabId })
}
