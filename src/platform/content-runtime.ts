/**
 * The isolated-world bridge's only extension API: sending to the background. Kept apart from
 * ./runtime so the content script bundle stays small (no polyfill in every frame): Chrome's
 * MV3 `chrome.runtime.sendMessage` and Firefox's `browser.runtime.sendMessage` both return
 * promises.
 */
import type { Message, MessageType } from '@/messages'

interface RuntimeLike {
  runtime?: { id?: string; sendMessage(message: unknown): Promise<unknown> }
}

const api = ((globalThis as { browser?: RuntimeLike }).browser ??
  (globalThis as { chrome?: RuntimeLike }).chrome) as RuntimeLike | undefined

/** False once the extension was reloaded or removed under this page. */
export const extensionAlive = () => api?.runtime?.id !== undefined

export function sendFromContent<K extends MessageType>(message: Message<K>): Promise<unknown> {
  if (api?.runtime === undefined) return Promise.resolve(undefined)
  return api.runtime.sendMessage(message)
}
