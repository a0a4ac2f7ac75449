import {
  CONTENT_SCRIPT_TYPES,
  parseMessage,
  type Message,
  type MessageType,
  type Reply,
} from '@/messages'
import type { Sender } from '@/platform/runtime'

export type Handlers = {
  [K in MessageType]: (message: Message<K>, sender: Sender) => Promise<Reply<K>>
}

/**
 * Checks every message before a handler sees it: known type, valid shape, and a sender
 * allowed to send it (content scripts only their short list). Anything else is ignored.
 */
export function createRouter(handlers: Handlers, ready: Promise<unknown>) {
  return (raw: unknown, sender: Sender): Promise<unknown> | undefined => {
    const message = parseMessage(raw)
    if (message === null) return undefined
    if (!sender.extensionPage && !CONTENT_SCRIPT_TYPES.has(message.type)) return undefined
    const handler = handlers[message.type] as (m: Message, s: Sender) => Promise<unknown>
    return ready.then(() => handler(message, sender))
  }
}
