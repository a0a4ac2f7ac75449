/**
 * What the page benches share: when an element was first in the page and when the frame
 * showing it was painted, noted by the page itself, and the median of their rounds.
 */
import type { Page } from 'playwright-core'
import { poll } from '../../src/cli/inspect.ts'

/** A script to run in each page before its scripts: notes when an element with one of
 * `testids` is first in the page (`__shown[id]`) and when the frame that shows it was painted
 * (`__painted[id]`: the first task after that frame's animation callbacks, as Chromium paints
 * between the two). */
export function paintMarks(testids: readonly string[]): string {
  return `(() => {
  const ids = ${JSON.stringify(testids)}
  window.__shown = {}
  window.__painted = {}
  const seen = () => {
    for (const id of ids)
      if (window.__shown[id] === undefined && document.querySelector('[data-testid="' + id + '"]')) {
        window.__shown[id] = performance.now()
        requestAnimationFrame(() => {
          const channel = new MessageChannel()
          channel.port1.onmessage = () => (window.__painted[id] = performance.now())
          channel.port2.postMessage(0)
        })
      }
    if (ids.every((id) => window.__shown[id] !== undefined)) observer.disconnect()
  }
  const observer = new MutationObserver(seen)
  observer.observe(document, { childList: true, subtree: true })
})()`
}

export interface Times {
  /** Navigation start until the harness saw the element (includes its polling and round trip). */
  harness: number
  /** …until the element was added to the page. */
  shown: number
  /** …until the frame showing it was painted. */
  painted: number
}

/** The times since this document's navigation started, read in the page once the frame
 * showing `testid` was painted (`paintMarks` must be its init script). Polled from the
 * harness: waitForFunction's in-page polling is eval, which an extension page's security
 * policy refuses. */
export async function paintedTimes(page: Page, testid: string): Promise<Times> {
  const id = JSON.stringify(testid)
  const [harness, shown, painted] = await poll(
    async () =>
      (await page.evaluate(
        `[performance.now(), window.__shown[${id}], window.__painted[${id}]]`,
      )) as [number, number, number | undefined],
    (t) => t[2] !== undefined,
    { interval: 5, what: `the frame showing ${testid}` },
  )
  return { harness, shown, painted: painted ?? Number.NaN }
}

export function median(xs: readonly number[]): number {
  const s = [...xs].sort((a, b) => a - b)
  const mid = s.length >> 1
  return s.length % 2 === 1 ? (s[mid] ?? 0) : ((s[mid - 1] ?? 0) + (s[mid] ?? 0)) / 2
}
