import { allSiteFindings, getContact, getRequest, listRequests } from '@/db/requests'
import type { ContactRow, FindingRow, RequestRow, TracelightDb } from '@/db/schema'
import type { Message, MessageType, Reply } from '@/messages'
import { copyText } from '@/platform/clipboard'
import { openUrl, saveFile } from '@/platform/files'
import { sendMessage } from '@/platform/runtime'

/** Everything the requests pages need from outside: reads, messages to the background (the only
 * writer), clipboard, files and the clock. Tests pass their own. */
export interface RequestsApi {
  findings(site: string): Promise<FindingRow[]>
  contact(key: string): Promise<ContactRow | undefined>
  requests(): Promise<RequestRow[]>
  request(id: number): Promise<RequestRow | undefined>
  send<K extends MessageType>(message: Message<K>): Promise<Reply<K>>
  copy(text: string): Promise<void>
  save(name: string, text: string, type: string): void
  open(url: string): void
  now(): number
  locale: string
}

export function createRequestsApi(db: TracelightDb, locale: string): RequestsApi {
  return {
    findings: (site) => allSiteFindings(db, site),
    contact: (key) => getContact(db, key),
    requests: () => listRequests(db),
    request: (id) => getRequest(db, id),
    send: (message) => sendMessage(message),
    copy: copyText,
    save: saveFile,
    open: openUrl,
    now: Date.now,
    locale,
  }
}
