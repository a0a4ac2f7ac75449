import type { SignalId } from './signals'

/** One outgoing request, as request detectors see it. Everything here came from the web:
 * treat it as untrusted and bounded. */
export interface RequestInput {
  /** Full request URL. */
  url: string
  method: string
  /** webRequest resource type: main_frame, sub_frame, script, image, xmlhttprequest, ping, beacon… */
  type: string
  /** Request body as text when the browser exposes it (form fields re-encoded as
   * `a=1&b=2`, raw bytes decoded as UTF-8), at most 16 KiB; undefined otherwise. */
  body?: string
  /** Site (eTLD+1) of the page the request belongs to. */
  pageSite: string
  /** Site (eTLD+1) of the request's host. */
  party: string
  /** Company of the request's host from the tracker list, when listed. */
  company?: string
}

/** A value in a finding's detail: short strings, numbers, flags or short lists of strings. */
export type DetailValue = string | number | boolean | string[]

/** What a request detector found in one request. */
export interface DetectedFinding {
  signal: SignalId
  /** Who received it: usually the request's site. */
  party: string
  company?: string
  /** Small and bounded: what to show under "why was this flagged?" (e.g. event name, pixel
   * id, which hashed fields were sent). Never a raw personal value. */
  detail: Record<string, DetailValue>
}

export type RequestDetector = (input: RequestInput) => DetectedFinding[]
