import type { Batch } from '@/db/write'

/** What decides whether anything is stored: the pause switch and the sites the person asked
 * Tracelight not to record. */
export interface GateState {
  paused: boolean
  excluded: ReadonlySet<string>
}

/**
 * The one place recording is gated: every visit and finding reaches the database through the
 * recorder's batches, and each batch passes here first. While paused nothing is kept; otherwise
 * rows of excluded sites are dropped. The tab's own state (badge, the popup's live view) is not
 * stored, so it still counts the current page. Null when nothing is left to write.
 */
export function gateBatch(batch: Batch, state: GateState): Batch | null {
  if (state.paused) return null
  const kept =
    state.excluded.size === 0
      ? batch
      : {
          visits: batch.visits.filter((v) => !state.excluded.has(v.site)),
          findings: batch.findings.filter((f) => !state.excluded.has(f.site)),
          ...(batch.seen !== undefined && {
            seen: batch.seen.filter((v) => !state.excluded.has(v.site)),
          }),
        }
  return kept.visits.length === 0 && kept.findings.length === 0 ? null : kept
}

/** Most sites kept in the exclusion list (one settings row). */
export const MAX_EXCLUDED = 1000

/** The list after excluding or including one site: sorted, without duplicates, bounded. */
export function nextExcluded(list: readonly string[], site: string, excluded: boolean): string[] {
  const rest = list.filter((s) => s !== site)
  if (!excluded) return rest
  // The message is a catalogue key: the page that asked shows it in its own language.
  if (rest.length >= MAX_EXCLUDED) throw new Error('error.tooManyExcluded')
  return [...rest, site].sort()
}
