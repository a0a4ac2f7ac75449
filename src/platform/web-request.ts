import { browser, type WebRequest } from './browser'
import { sendsGpc } from '@/detect/gpc-honoured'
import { headerValues, type HttpHeader } from './headers'

/** A request as the background sees it, the same in Chrome and Firefox. */
export interface RequestEvent {
  requestId: string
  url: string
  tabId: number
  frameId: number
  type: string
  timeStamp: number
  /** URL (Firefox) or origin (Chrome) of the top-level document the request came from, when the
   * browser tells it; undefined for Chrome subframes. */
  topDocument?: string
  /** Origin or URL of whatever made the request (for requests without a tab). */
  initiator?: string
  /** Made by a prerendered page that the user has not seen yet (Chrome). */
  prerender: boolean
  method: string
  /** Request body as text (form fields re-encoded, raw bytes as UTF-8), at most BODY_LIMIT. */
  body?: string
  /** Firefox: whether the request went through a proxy (details.proxyInfo), when it says. */
  proxied?: boolean
}

/** Bodies longer than this are cut: enough for pixel payloads, bounded for hostile pages. */
export const BODY_LIMIT = 16 * 1024

export interface RequestHandlers {
  beforeRequest(event: RequestEvent): void
  beforeRedirect(event: RequestEvent, redirectUrl: string): void
  responseStarted(event: RequestEvent): void
  failed(event: RequestEvent): void
  /** Headers about to be sent; `cookies` are the values of its Cookie headers (maybe none),
   * `gpc` whether it carries Sec-GPC: 1 (whoever added it). */
  sendHeaders(event: RequestEvent, cookies: string[], gpc: boolean): void
  /** Response headers arrived and set cookies: the values of its Set-Cookie headers. */
  setCookies(event: RequestEvent, setCookies: string[]): void
}

/** Fields only one of the two browsers sends (Chrome: initiator, frameType,
 * documentLifecycle; Firefox: documentUrl, originUrl, frameAncestors). */
interface AnyDetails {
  requestId: string
  url: string
  tabId: number
  frameId: number
  type: string
  timeStamp: number
  initiator?: string
  frameType?: string
  documentLifecycle?: string
  documentUrl?: string
  originUrl?: string
  frameAncestors?: { url: string; frameId: number }[]
  method?: string
  requestBody?: {
    formData?: Record<string, string[]>
    raw?: { bytes?: ArrayBuffer }[]
  } | null
  proxyInfo?: unknown
  requestHeaders?: HttpHeader[]
  responseHeaders?: HttpHeader[]
}

const decoder = new TextDecoder('utf-8', { fatal: false })

export function bodyText(body: AnyDetails['requestBody']): string | undefined {
  if (body == null) return undefined
  if (body.formData !== undefined) {
    const parts: string[] = []
    for (const [name, values] of Object.entries(body.formData)) {
      for (const value of values)
        parts.push(`${encodeURIComponent(name)}=${encodeURIComponent(value)}`)
    }
    return parts.join('&').slice(0, BODY_LIMIT)
  }
  let text = ''
  for (const part of body.raw ?? []) {
    if (part.bytes === undefined) continue
    text += decoder.decode(part.bytes.slice(0, BODY_LIMIT - text.length))
    if (text.length >= BODY_LIMIT) break
  }
  return text === '' ? undefined : text.slice(0, BODY_LIMIT)
}

export function toRequestEvent(raw: AnyDetails): RequestEvent {
  let topDocument: string | undefined
  if (raw.frameAncestors !== undefined || raw.documentUrl !== undefined) {
    // Firefox: the last ancestor is the top-level document; without ancestors the request's
    // own document is the top one.
    const ancestors = raw.frameAncestors ?? []
    topDocument = ancestors.length > 0 ? ancestors[ancestors.length - 1]?.url : raw.documentUrl
  } else if (
    raw.frameType === 'outermost_frame' ||
    (raw.frameType === undefined && raw.frameId === 0)
  ) {
    topDocument = raw.initiator
  }
  if (topDocument === 'null') topDocument = undefined
  const event: RequestEvent = {
    requestId: raw.requestId,
    url: raw.url,
    tabId: raw.tabId,
    frameId: raw.frameId,
    type: raw.type,
    timeStamp: raw.timeStamp,
    prerender: raw.documentLifecycle === 'prerender',
    method: raw.method ?? 'GET',
  }
  const body = bodyText(raw.requestBody)
  if (body !== undefined) event.body = body
  if (topDocument !== undefined && raw.type !== 'main_frame') event.topDocument = topDocument
  if (raw.proxyInfo !== undefined) event.proxied = raw.proxyInfo !== null
  const initiator = raw.initiator ?? raw.originUrl
  if (initiator !== undefined && initiator !== 'null') event.initiator = initiator
  return event
}

const FILTER: WebRequest.RequestFilter = { urls: ['<all_urls>'] }

/** Chrome hides Cookie and Set-Cookie from listeners without 'extraHeaders'; Firefox rejects
 * that option and shows them anyway (TOOLCHAIN.md). */
function extraHeaders(): ['extraHeaders'] | [] {
  const wr = browser.webRequest as unknown as {
    OnHeadersReceivedOptions?: Record<string, string>
  }
  return wr.OnHeadersReceivedOptions?.EXTRA_HEADERS !== undefined ? ['extraHeaders'] : []
}

/** Observes every request without blocking. Registered synchronously at worker start. */
export function observeRequests(handlers: RequestHandlers): void {
  const wr = browser.webRequest
  wr.onBeforeRequest.addListener(
    (d) => {
      handlers.beforeRequest(toRequestEvent(d as AnyDetails))
    },
    FILTER,
    ['requestBody'],
  )
  wr.onBeforeRedirect.addListener(
    (d) => {
      handlers.beforeRedirect(toRequestEvent(d as AnyDetails), d.redirectUrl)
    },
    { urls: ['<all_urls>'], types: ['main_frame'] },
  )
  wr.onResponseStarted.addListener(
    (d) => {
      handlers.responseStarted(toRequestEvent(d as AnyDetails))
    },
    { urls: ['<all_urls>'], types: ['main_frame'] },
  )
  wr.onErrorOccurred.addListener(
    (d) => {
      handlers.failed(toRequestEvent(d as AnyDetails))
    },
    { urls: ['<all_urls>'], types: ['main_frame'] },
  )
  const extra = extraHeaders()
  // Observed, never blocking: onSendHeaders and onHeadersReceived without 'blocking'.
  wr.onSendHeaders.addListener(
    (d) => {
      const raw = d as AnyDetails
      handlers.sendHeaders(
        toRequestEvent(raw),
        headerValues(raw.requestHeaders, 'cookie'),
        sendsGpc(raw.requestHeaders),
      )
    },
    FILTER,
    ['requestHeaders', ...extra] as WebRequest.OnSendHeadersOptions[],
  )
  wr.onHeadersReceived.addListener(
    (d) => {
      const raw = d as AnyDetails
      const values = headerValues(raw.responseHeaders, 'set-cookie')
      if (values.length > 0) handlers.setCookies(toRequestEvent(raw), values)
    },
    FILTER,
    ['responseHeaders', ...extra] as WebRequest.OnHeadersReceivedOptions[],
  )
}
