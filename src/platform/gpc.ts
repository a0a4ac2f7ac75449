import type { DeclarativeNetRequest, Scripting } from 'webextension-polyfill'
import { browser } from './browser'

/**
 * Global Privacy Control on the wire and in the page: a declarativeNetRequest rule that sets
 * `Sec-GPC: 1` on every request, and a document-start script in every frame that makes
 * `navigator.globalPrivacyControl` true (GPC specification §3.1 and §3.2). Both skip the
 * sites the person excepted. Setting the header a browser already sends (Firefox's own
 * setting, Brave) to the same value changes nothing.
 */
const RULE_ID = 1
const SCRIPT_ID = 'gpc'
/** In public/: a plain script, registered only while GPC is on. */
const SCRIPT_FILE = 'gpc-page.js'

type Rule = DeclarativeNetRequest.Rule
type ResourceType = DeclarativeNetRequest.ResourceType

/** Types both browsers know; Firefox also names beacons and a few others separately. */
const COMMON_TYPES = [
  'main_frame',
  'sub_frame',
  'stylesheet',
  'script',
  'image',
  'font',
  'object',
  'xmlhttprequest',
  'ping',
  'csp_report',
  'media',
  'websocket',
  'other',
]
const FIREFOX_TYPES = ['beacon', 'imageset', 'object_subrequest', 'web_manifest', 'xslt']

const isFirefox = () =>
  typeof (browser.runtime as { getBrowserInfo?: unknown }).getBrowserInfo === 'function'

export async function applyGpc(enabled: boolean, exceptions: readonly string[]): Promise<void> {
  const resourceTypes = (
    isFirefox() ? [...COMMON_TYPES, ...FIREFOX_TYPES] : COMMON_TYPES
  ) as ResourceType[]
  const condition: Rule['condition'] = { resourceTypes }
  if (exceptions.length > 0) {
    // A site's own pages (initiator) and navigations to it (request domain); subdomains match.
    condition.excludedInitiatorDomains = [...exceptions]
    condition.excludedRequestDomains = [...exceptions]
  }
  const rule: Rule = {
    id: RULE_ID,
    priority: 1,
    action: {
      type: 'modifyHeaders',
      requestHeaders: [{ header: 'Sec-GPC', operation: 'set', value: '1' }],
    },
    condition,
  }
  await browser.declarativeNetRequest.updateDynamicRules({
    removeRuleIds: [RULE_ID],
    ...(enabled && { addRules: [rule] }),
  })

  const registered = await browser.scripting.getRegisteredContentScripts({ ids: [SCRIPT_ID] })
  if (registered.length > 0) await browser.scripting.unregisterContentScripts({ ids: [SCRIPT_ID] })
  if (!enabled) return
  await browser.scripting.registerContentScripts([
    {
      id: SCRIPT_ID,
      js: [SCRIPT_FILE],
      matches: ['<all_urls>'],
      ...(exceptions.length > 0 && {
        excludeMatches: exceptions.flatMap((d) => [`*://${d}/*`, `*://*.${d}/*`]),
      }),
      allFrames: true,
      runAt: 'document_start',
      world: 'MAIN',
      persistAcrossSessions: true,
    } satisfies Scripting.RegisteredContentScript,
  ])
}

/** A same-origin-free GET without cookies, for a site's /.well-known/gpc.json. */
export async function fetchSmallText(
  url: string,
  limit: number,
): Promise<{ status: number; contentType: string; text: string | undefined }> {
  const response = await fetch(url, {
    credentials: 'omit',
    cache: 'no-store',
    redirect: 'follow',
    referrerPolicy: 'no-referrer',
    signal: AbortSignal.timeout(10_000),
  })
  const contentType = response.headers.get('content-type') ?? ''
  const declared = Number(response.headers.get('content-length') ?? '0')
  if (declared > limit) {
    await response.body?.cancel()
    return { status: response.status, contentType, text: undefined }
  }
  const reader = response.body?.getReader()
  const chunks: Uint8Array[] = []
  let size = 0
  while (reader !== undefined) {
    const { done, value } = await reader.read()
    if (done) break
    size += value.byteLength
    if (size > limit) {
      await reader.cancel()
      return { status: response.status, contentType, text: undefined }
    }
    chunks.push(value)
  }
  const bytes = new Uint8Array(size)
  let offset = 0
  for (const chunk of chunks) {
    bytes.set(chunk, offset)
    offset += chunk.byteLength
  }
  return { status: response.status, contentType, text: new TextDecoder().decode(bytes) }
}
