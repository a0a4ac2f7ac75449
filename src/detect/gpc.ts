import type { SignalId } from './signals'
import type { DetailValue } from './types'

/**
 * `gpc.support`: whether a site declares that it honours Global Privacy Control, read from its
 * `/.well-known/gpc.json` (GPC specification §4.1: a JSON object whose `gpc` member is true
 * when the site honours the signal; `lastUpdate` an optional ISO date). The background fetches
 * the file only when the person turned GPC on, once a week per site, without cookies.
 * Fixtures: test/fixtures/sites/shop.test/.well-known/gpc.json (honours), news.test (no file).
 */
export const detector = {
  file: 'gpc',
  signals: ['gpc.support'] as const satisfies readonly SignalId[],
  needs: "the site's /.well-known/gpc.json response (status, type, at most 64 KiB of text)",
}

/** A gpc.json is a few dozen bytes; anything far larger is not one. */
export const GPC_JSON_LIMIT = 64 * 1024
/** How often a site's declaration is checked again. */
export const GPC_RECHECK_MS = 7 * 24 * 60 * 60 * 1000

export interface GpcResponse {
  status: number
  contentType: string
  /** Undefined when the body was larger than GPC_JSON_LIMIT. */
  text: string | undefined
}

/** The finding detail: `honours` true only for a well-formed file with `"gpc": true`. */
export function gpcSupport(response: GpcResponse): Record<string, DetailValue> {
  const no = (reason: string) => ({ honours: false, reason })
  if (response.status === 404 || response.status === 410) return no('The site has no GPC file.')
  if (response.status < 200 || response.status > 299) {
    return no(`The site answered with an error (${response.status}).`)
  }
  if (response.text === undefined) return no('The file is too large to be a GPC file.')
  let value: unknown
  try {
    value = JSON.parse(response.text)
  } catch {
    return no(
      /html/i.test(response.contentType) || /^\s*</.test(response.text)
        ? 'The site answered with a web page, not a GPC file.'
        : 'The file is not valid JSON.',
    )
  }
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    return no('The file does not hold a GPC declaration.')
  }
  const { gpc, lastUpdate } = value as Record<string, unknown>
  if (typeof gpc !== 'boolean') return no('The file does not say true or false for GPC.')
  const detail: Record<string, DetailValue> = gpc
    ? { honours: true }
    : no('The site says it does not honour GPC.')
  if (typeof lastUpdate === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(lastUpdate)) {
    detail.lastUpdate = lastUpdate
  }
  return detail
}
