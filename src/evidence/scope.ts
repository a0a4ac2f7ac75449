/**
 * What an export covers: everything, one site, one company, and optionally a period. The
 * filters are written into the export's header (`scope`), and the same predicates decide
 * which rows go in, whether they come from the database or from memory.
 *
 * A period selects visits by the time they began (from ≤ start ≤ to, both inclusive), with all
 * of their findings. A company selects the findings attributed to that company (by name, as
 * the dashboard shows it), the visits they belong to, and those visits' sites. The consent
 * timeline goes with its visits; requests go by their site, company and the day they were made.
 */

/** Filters as written in the header: times are ISO 8601 UTC, null means "no limit". */
export interface Scope {
  site: string | null
  /** Absent in version 1 files, which had no company filter. */
  company?: string | null
  from: string | null
  to: string | null
}

/** Filters as code uses them: times in epoch milliseconds. */
export interface ScopeFilter {
  site: string | null
  company: string | null
  from: number | null
  to: number | null
}

export const EVERYTHING: ScopeFilter = { site: null, company: null, from: null, to: null }

const isoOrNull = (at: number | null) => (at === null ? null : new Date(at).toISOString())

export function scopeHeader(f: ScopeFilter): Scope {
  return { site: f.site, company: f.company, from: isoOrNull(f.from), to: isoOrNull(f.to) }
}

/** The filter a header describes (unparseable times count as no limit). */
export function filterOf(scope: Partial<Scope> | undefined): ScopeFilter {
  const time = (iso: string | null | undefined) => {
    if (iso === null || iso === undefined) return null
    const at = Date.parse(iso)
    return Number.isNaN(at) ? null : at
  }
  return {
    site: scope?.site ?? null,
    company: scope?.company ?? null,
    from: time(scope?.from),
    to: time(scope?.to),
  }
}

export const inPeriod = (f: ScopeFilter, startedAt: number): boolean =>
  (f.from === null || startedAt >= f.from) && (f.to === null || startedAt <= f.to)

export const visitMatches = (f: ScopeFilter, v: { site: string; startedAt: number }): boolean =>
  (f.site === null || v.site === f.site) && inPeriod(f, v.startedAt)

export const findingMatches = (
  f: ScopeFilter,
  row: { site: string; company?: string | undefined },
): boolean =>
  (f.site === null || row.site === f.site) && (f.company === null || row.company === f.company)

/** A request is in scope when it was made to the site or company asked for, in the period. */
export const requestMatches = (
  f: ScopeFilter,
  r: { site: string; company: string; createdAt: number },
): boolean =>
  (f.site === null || r.site === f.site) &&
  (f.company === null || r.company === f.company) &&
  inPeriod(f, r.createdAt)

const DAY = /^(\d{4})-(\d{2})-(\d{2})$/

/** A local calendar day (YYYY-MM-DD, as a date input gives it) as its first millisecond. */
function localDayStart(day: string): number | null {
  const m = DAY.exec(day)
  if (m === null) return null
  const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])]
  const at = new Date(y, mo - 1, d)
  // new Date rolls 2026-02-31 over into March: such a day does not exist.
  if (at.getFullYear() !== y || at.getMonth() !== mo - 1 || at.getDate() !== d) return null
  return at.getTime()
}

export type PeriodResult =
  { ok: true; from: number | null; to: number | null } | { ok: false; error: 'invalid' | 'order' }

/**
 * The period between two local days, both included; an empty day means no limit on that
 * side. `to` is the last millisecond of its day.
 */
export function periodFromDays(from: string, to: string): PeriodResult {
  const start = from.trim() === '' ? null : localDayStart(from.trim())
  const endDay = to.trim() === '' ? null : localDayStart(to.trim())
  if ((from.trim() !== '' && start === null) || (to.trim() !== '' && endDay === null))
    return { ok: false, error: 'invalid' }
  let end: number | null = null
  if (endDay !== null) {
    const next = new Date(endDay)
    next.setDate(next.getDate() + 1)
    end = next.getTime() - 1
  }
  if (start !== null && end !== null && start > end) return { ok: false, error: 'order' }
  return { ok: true, from: start, to: end }
}

/** A short, file-name-safe description: `news.test`, `company-Google`, `all`. */
export function scopeSlug(f: { site: string | null; company?: string | null }): string {
  const what =
    f.site !== null
      ? f.site
      : f.company !== null && f.company !== undefined
        ? `company-${f.company}`
        : 'all'
  return what.replace(/[^a-zA-Z0-9.-]+/g, '_').slice(0, 80)
}
