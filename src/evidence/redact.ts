/**
 * What an export may reveal. By default (`masked`) every record reads as if it had been
 * recorded in standard mode, even when evidence mode kept it in full: page addresses lose
 * their query and fragment, identifier-looking values in request addresses become
 * `[hidden]`, and cookie and ID values keep their first four characters and a hash. Only an
 * explicit "full evidence" choice (`none`) exports what evidence mode recorded as it is.
 *
 * The same functions as the recorder's standard mode (detect/redact, detect/identifier-value),
 * so a masked record is the record standard mode would have made.
 */
import { maskValue } from '@/detect/identifier-value'
import { pageUrl, redactUrl } from '@/detect/redact'
import type { DetailValue } from '@/detect/types'
import type { FindingData, VisitData } from './format'

export type Redaction = 'masked' | 'none'
export const REDACTIONS: readonly Redaction[] = ['masked', 'none']

/** Detail fields that carry a cookie or ID value (cookie.identifier, id.sync). */
const VALUE_KEYS = new Set(['value'])
/** What maskValue makes of a value in standard mode. */
const ALREADY_MASKED = /^[\s\S]{0,4}… \(hash [0-9a-f]+\)$/
const ADDRESS = /^(?:https?|wss?):\/\//i

function maskText(key: string, text: string): string {
  if (ADDRESS.test(text)) return redactUrl(text)
  if (VALUE_KEYS.has(key) && !ALREADY_MASKED.test(text)) return maskValue(text, false)
  return text
}

function maskDetail(detail: Record<string, DetailValue>): Record<string, DetailValue> {
  const out: Record<string, DetailValue> = {}
  for (const [key, value] of Object.entries(detail)) {
    if (typeof value === 'string') out[key] = maskText(key, value)
    else if (Array.isArray(value)) out[key] = value.map((v) => maskText(key, v))
    else out[key] = value
  }
  return out
}

export function maskVisit(v: VisitData): VisitData {
  if (v.mode !== 'evidence') return v
  return { ...v, url: pageUrl(v.url), mode: 'standard' }
}

export function maskFinding(f: FindingData): FindingData {
  if (f.mode !== 'evidence') return f
  const evidence: FindingData['evidence'] = { urls: f.evidence.urls.map((u) => redactUrl(u)) }
  if (f.evidence.details !== undefined) evidence.details = f.evidence.details.map(maskDetail)
  return { ...f, evidence, mode: 'standard' }
}
