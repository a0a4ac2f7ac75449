import type { Message, MessageType, Reply } from '@/messages'
import { browser, type Runtime } from './browser'

export interface Sender {
  /** The sender is one of this extension's own pages (popup, dashboard), not a content script. */
  extensionPage: boolean
  tabId?: number
  frameId?: number
  url?: string
}

function describe(sender: Runtime.MessageSender): Sender {
  const base = browser.runtime.getURL('')
  const url = sender.url
  const fromUs = sender.id === browser.runtime.id
  // Content scripts run in web pages: their sender URL is the page's, never our origin.
  const out: Sender = { extensionPage: fromUs && url !== undefined && url.startsWith(base) }
  if (sender.tab?.id !== undefined) out.tabId = sender.tab.id
  if (sender.frameId !== undefined) out.frameId = sender.frameId
  if (url !== undefined) out.url = url
  return out
}

/** The one onMessage listener. The handler's promise is passed through a native Promise:
 * Firefox drops non-native thenables (Dexie's) returned from a listener. */
export function onMessage(
  handle: (message: unknown, sender: Sender) => Promise<unknown> | undefined,
): void {
  browser.runtime.onMessage.addListener((message: unknown, sender: Runtime.MessageSender) => {
    const result = handle(message, describe(sender))
    return result === undefined ? undefined : Promise.resolve(result)
  })
}

export function sendMessage<K extends MessageType>(message: Message<K>): Promise<Reply<K>> {
  return browser.runtime.sendMessage(message) as Promise<Reply<K>>
}
