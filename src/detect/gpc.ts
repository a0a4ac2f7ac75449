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

/** Why a site's answer is not a declaration that it honours GPC. Stored as these codes (the
 * dashboard and popup put them in words, in the reader's language); older rows hold a sentence. */
export const GPC_FILE_PROBLEMS = [
  'gpc-file-missing',
  'gpc-file-error',
  'gpc-file-too-large',
  'gpc-file-web-page',
  'gpc-file-not-json',
  'gpc-file-no-declaration',
  'gpc-file-not-boolean',
  'gpc-says-no',
] as const
export type GpcFileProblem = (typeof GPC_FILE_PROBLEMS)[number]

/** The finding detail: `honours` true only for a well-formed file with `"gpc": true`. */
export function gpcSupport(response: GpcResponse): Record<string, DetailValue> {
  const no = (reason: GpcFileProblem): Record<string, DetailValue> => ({ honours: false, reason })
  if (response.status === 404 || response.status === 410) return no('gpc-file-missing')
  if (response.status < 200 || response.status > 299) {
    return { ...no('gpc-file-error'), status: response.status }
  }
  if (response.text === undefined) return no('gpc-file-too-large')
  let value: unknown
  try {
    value = JSON.parse(response.text)
  } catch {
    return no(
      /html/i.test(response.contentType) || /^\s*</.test(response.text)
        ? 'gpc-file-web-page'
        : 'gpc-file-not-json',
    )
  }
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    return no('gpc-file-no-declaration')
  }
  const { gpc, lastUpdate } = value as Record<string, unknown>
  if (typeof gpc !== 'boolean') return no('gpc-file-not-boolean')
  const detail: Record<string, DetailValue> = gpc ? { honours: true } : no('gpc-says-no')
  if (typeof lastUpdate === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(lastUpdate)) {
    detail.lastUpdate = lastUpdate
  }
  return detail
}
