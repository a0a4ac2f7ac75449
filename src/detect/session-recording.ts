import { SESSION_REPLAY_VENDORS, type ReplayVendor } from '@/data/session-replay'
import { hostOf } from './host'
import { callSummary, callsOf, type ScriptActivity, type ScriptFinding } from './probe-events'
import { finding } from './request-fields'
import type { SignalId } from './signals'
import type { RequestDetector } from './types'

/**
 * `session.recording`: a script or endpoint of a known session-replay vendor
 * (src/data/session-replay.ts), or the behaviour itself — one script observing DOM changes
 * across the whole document, listening to typing and to the pointer or scrolling, and posting
 * what it gathered at least twice. Analytics tags listen to clicks and post, but do not
 * observe the whole document; a framework observes the DOM but does not post.
 * Fixtures: test/fixtures/sites/replay.test (recorder.js); clean: forms.html.
 */
export const detector = {
  file: 'session-recording',
  signals: ['session.recording'] as const satisfies readonly SignalId[],
  needs: 'script URLs, listeners, MutationObserver use and posts of each script; request hosts',
}

export function replayVendor(url: string): ReplayVendor | undefined {
  const host = hostOf(url)
  if (host === null) return undefined
  return SESSION_REPLAY_VENDORS.find((v) =>
    v.hosts.some((h) => host === h || host.endsWith(`.${h}`)),
  )
}

export function detectSessionRecording(activity: ScriptActivity): ScriptFinding[] {
  const vendor = replayVendor(activity.script)
  const has = (api: string) => callsOf(activity, api).length > 0
  const behaviour =
    has('dom.observe') &&
    (has('listen.key') || has('listen.input')) &&
    (has('listen.mouse') || has('listen.scroll')) &&
    callsOf(activity, 'net.post').length >= 2
  if (vendor === undefined && !behaviour) return []
  const detail: ScriptFinding['detail'] = {
    how:
      vendor !== undefined ? 'known session-recording service' : 'records the page as you use it',
    calls: callSummary(activity, ['dom.', 'listen.', 'net.']),
  }
  if (vendor !== undefined) detail.vendor = vendor.name
  return [{ signal: 'session.recording', detail }]
}

/** Requests to a vendor's hosts (its script or its recording endpoint). */
export const detectSessionRecordingRequest: RequestDetector = (input) => {
  const vendor = replayVendor(input.url)
  if (vendor === undefined) return []
  return [finding(input, 'session.recording', { vendor: vendor.name })]
}
