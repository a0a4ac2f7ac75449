import { browser } from './browser'

const ICON = 'icons/icon-128.png'

export async function notify(id: string, title: string, message: string): Promise<void> {
  await browser.notifications.create(id, {
    type: 'basic',
    iconUrl: browser.runtime.getURL(ICON),
    title,
    message,
  })
}

/** Registers the click listener; call synchronously at the top level of the background. */
export function onNotificationClicked(handle: (id: string) => void): void {
  browser.notifications.onClicked.addListener((id) => {
    handle(id)
    void browser.notifications.clear(id)
  })
}
