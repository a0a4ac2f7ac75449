import type { RecordMode } from '@/db/schema'
import type { Classifier } from '@/detect/classifier'
import { piecesOf, type Form } from '@/detect/input-exfiltration'
import { pageUrl, redactUrl } from '@/detect/redact'
import type { Recorder } from './recorder'
import type { TabState } from './tab-state'

export interface InputWatchDeps {
  classifier: Classifier
  tabs: TabState
  recorder: Recorder
  mode(): RecordMode
  /** SHA-256 hex of a text (WebCrypto in the worker). */
  sha256(text: string): Promise<string>
  /** Scripts that posted to a URL, from the probes (names the script responsible). */
  postersOf(tabId: number, visitId: number, url: string): string[]
  /** Waits this long before recording a match, so that the probes' report of the post
   * (batched in the page for up to ~0.5 s) can name the script. */
  settleMs?: number
}

/** A third-party request seen while the tab's user was typing, reduced to digests. */
interface Seen {
  at: number
  url: string
  party: string
  company?: string
  /** digest -> how the piece was sent */
  digests: Map<string, Form>
}

interface Watch {
  visitId: number
  needles: Set<string>
  recent: Seen[]
  reported: Set<string>
}

const MAX_NEEDLES = 300
const MAX_RECENT = 50
const RECENT_MS = 30_000
const NAVIGATION = new Set(['main_frame', 'sub_frame'])
const FORM_WORDS: Record<Form, string> = {
  plain: 'as typed',
  'url-encoded': 'URL-encoded',
  base64: 'base64-encoded',
  md5: 'MD5 hash',
  sha1: 'SHA-1 hash',
  sha256: 'SHA-256 hash',
}

/**
 * Matches digests of typed values (from the bridge) against third-party requests of the same
 * tab, in either order: a script usually posts a keystroke before the bridge's digests arrive,
 * so requests seen while a tab is being typed in are kept briefly, as digests only. Everything
 * is in memory and dropped on submit, on a new visit and when the tab closes.
 */
export function createInputWatch(deps: InputWatchDeps) {
  const tabs = new Map<number, Watch>()

  function watchOf(tabId: number): Watch | undefined {
    const visit = deps.tabs.get(tabId)?.current
    if (visit === undefined) return undefined
    let w = tabs.get(tabId)
    if (w === undefined || w.visitId !== visit.visitId) {
      w = { visitId: visit.visitId, needles: new Set(), recent: [], reported: new Set() }
      tabs.set(tabId, w)
    }
    return w
  }

  function check(tabId: number, w: Watch, seen: Seen): void {
    const forms = new Set<Form>()
    for (const [digest, form] of seen.digests) if (w.needles.has(digest)) forms.add(form)
    if (forms.size === 0 || w.reported.has(seen.url)) return
    w.reported.add(seen.url)
    const visit = deps.tabs.get(tabId)?.current
    if (visit === undefined || visit.visitId !== w.visitId) return
    const record = () => {
      const mode = deps.mode()
      const scripts = deps.postersOf(tabId, visit.visitId, seen.url)
      deps.recorder.add({
        visitId: visit.visitId,
        site: visit.site,
        signal: 'input.exfiltration',
        party: seen.party,
        ...(seen.company !== undefined && { company: seen.company }),
        at: seen.at,
        url: mode === 'evidence' ? seen.url : redactUrl(seen.url),
        detail: {
          sentAs: [...forms].sort().map((f) => FORM_WORDS[f]),
          ...(scripts.length > 0 && { script: scripts.slice(0, 3).map(pageUrl) }),
        },
        mode,
      })
    }
    if (deps.settleMs === undefined) record()
    else setTimeout(record, deps.settleMs)
  }

  return {
    typed(tabId: number, needles: readonly string[], submitted: boolean): void {
      const w = watchOf(tabId)
      if (w === undefined) return
      if (submitted) {
        w.needles.clear()
        w.recent = []
        return
      }
      for (const n of needles) if (w.needles.size < MAX_NEEDLES) w.needles.add(n)
      for (const seen of w.recent) check(tabId, w, seen)
    },

    async request(e: {
      tabId: number
      url: string
      type: string
      body?: string
      timeStamp: number
    }): Promise<void> {
      const w = tabs.get(e.tabId)
      if (w === undefined || NAVIGATION.has(e.type)) return
      const visit = deps.tabs.get(e.tabId)?.current
      if (visit === undefined || visit.visitId !== w.visitId) return
      const c = deps.classifier.classify(e.url, visit.site)
      if (c === null || c.relation === 'first-party') return
      const digests = new Map<string, Form>()
      for (const piece of piecesOf(e.url, e.body)) {
        const hashed = piece.form === 'md5' || piece.form === 'sha1' || piece.form === 'sha256'
        const texts = hashed ? [piece.text] : [piece.text, piece.text.toLowerCase()]
        for (const t of texts) {
          const d = hashed ? t : await deps.sha256(t)
          if (!digests.has(d)) digests.set(d, piece.form)
        }
      }
      const company = c.info.entity?.[1]
      const seen: Seen = {
        at: Math.round(e.timeStamp),
        url: e.url,
        party: c.info.site,
        ...(company !== undefined && { company }),
        digests,
      }
      w.recent = w.recent.filter((r) => r.at >= seen.at - RECENT_MS).slice(-(MAX_RECENT - 1))
      w.recent.push(seen)
      check(e.tabId, w, seen)
    },

    forgetTab(tabId: number): void {
      tabs.delete(tabId)
    },
  }
}
