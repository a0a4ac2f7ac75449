import type { RecordMode } from '@/db/schema'
import type { Classifier } from '@/detect/classifier'
import { siteOfUrl } from '@/detect/host'
import type { ProbeCall, ProbeEvent, ScriptDetector } from '@/detect/probe-events'
import { pageUrl, redactUrl } from '@/detect/redact'
import type { Sender } from '@/platform/runtime'
import type { Recorder } from './recorder'
import type { TabState, TabVisit } from './tab-state'

export interface ProbeDeps {
  classifier: Classifier
  detectors: readonly ScriptDetector[]
  tabs: TabState
  recorder: Recorder
  mode(): RecordMode
}

/** Calls kept per script and frame, scripts per frame, and frames overall (bounded memory). */
const MAX_CALLS = 3000
const MAX_SCRIPTS = 100
const MAX_FRAMES = 300

interface FrameState {
  tabId: number
  visitId: number
  scripts: Map<string, ProbeCall[]>
  /** `signal script` pairs already recorded in this frame: each is recorded once. */
  reported: Set<string>
}

/**
 * Turns probe events from content scripts into findings. Events are attributed only to the
 * sender's own tab, frame and current visit (never to anything the payload names), and are
 * dropped when the sender's top frame is not on the visit's site (a stale page).
 * State lives in memory: a worker stopped in the middle of a page forgets what scripts did
 * before, so a finding that needed calls on both sides of the stop is missed.
 */
export function createProbeIntake(deps: ProbeDeps) {
  const frames = new Map<string, FrameState>()

  function frameState(tabId: number, frameId: number, visit: TabVisit): FrameState {
    const key = `${tabId}:${frameId}:${visit.visitId}`
    let state = frames.get(key)
    if (state === undefined) {
      if (frames.size >= MAX_FRAMES) frames.delete(frames.keys().next().value as string)
      state = { tabId, visitId: visit.visitId, scripts: new Map(), reported: new Set() }
      frames.set(key, state)
    }
    return state
  }

  function report(visit: TabVisit, state: FrameState, script: string, frameUrl: string): void {
    const calls = state.scripts.get(script) ?? []
    const url = script === '' ? frameUrl : script
    const c = deps.classifier.classify(url, visit.site)
    const company = c?.info.entity?.[1]
    for (const detect of deps.detectors) {
      let found
      try {
        found = detect({ script, calls })
      } catch {
        continue // a detector bug must not stop the others
      }
      for (const f of found) {
        const key = `${f.signal} ${script}`
        if (state.reported.has(key)) continue
        state.reported.add(key)
        const mode = deps.mode()
        deps.recorder.add({
          visitId: visit.visitId,
          site: visit.site,
          signal: f.signal,
          party: c?.info.site ?? siteOfUrl(frameUrl) ?? visit.site,
          ...(company !== undefined && { company }),
          ...(c !== null && c.relation !== 'first-party' && c.info.entity !== undefined
            ? { entity: c.info.entity[0], category: c.info.entity[2] }
            : {}),
          at: Date.now(),
          url: mode === 'evidence' ? url : redactUrl(url),
          detail: { ...f.detail, script: script === '' ? 'inline or unknown' : pageUrl(script) },
          mode,
        })
      }
    }
  }

  return {
    events(sender: Sender, events: readonly ProbeEvent[]): number {
      const { tabId, frameId, url } = sender
      if (tabId === undefined || tabId < 0 || url === undefined) return 0
      const visit = deps.tabs.get(tabId)?.current
      if (visit === undefined) return 0
      if ((frameId ?? 0) === 0 && siteOfUrl(url) !== visit.site) return 0
      const state = frameState(tabId, frameId ?? 0, visit)
      const touched = new Set<string>()
      let accepted = 0
      for (const e of events) {
        let calls = state.scripts.get(e.script)
        if (calls === undefined) {
          if (state.scripts.size >= MAX_SCRIPTS) continue
          calls = []
          state.scripts.set(e.script, calls)
        }
        if (calls.length >= MAX_CALLS) continue
        calls.push({ api: e.api, canvas: e.canvas, detail: e.detail })
        touched.add(e.script)
        accepted++
      }
      for (const script of touched) report(visit, state, script, url)
      return accepted
    },

    /** Scripts of a tab's current visit that posted to `requestUrl` (for input.exfiltration). */
    postersOf(tabId: number, visitId: number, requestUrl: string): string[] {
      const out: string[] = []
      for (const state of frames.values()) {
        if (state.tabId !== tabId || state.visitId !== visitId) continue
        for (const [script, calls] of state.scripts) {
          const posted = calls.some(
            (c) =>
              c.api === 'net.post' && requestUrl.startsWith(String(c.detail).replace(/^\S+ /, '')),
          )
          if (posted && script !== '') out.push(script)
        }
      }
      return out
    },

    /** Drops a tab's frames when it starts a new visit or closes. */
    forgetTab(tabId: number): void {
      for (const [key, state] of frames) if (state.tabId === tabId) frames.delete(key)
    },
  }
}

export type ProbeIntake = ReturnType<typeof createProbeIntake>
