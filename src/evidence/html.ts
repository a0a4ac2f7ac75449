/**
 * The self-contained HTML report: one file, inline CSS, no scripts, readable offline and
 * printable. Every string from the records came from web pages, so each one goes through
 * `escapeHtml`, and a Content-Security-Policy forbids scripts even if one slipped through.
 */
import type {
  ConsentData,
  EvidenceExport,
  EvidenceHeader,
  EvidenceRecord,
  FindingData,
  Integrity,
  RequestData,
  VisitData,
} from './format'
import { momentOf } from '../ui/state/consent-view'
import { isKindId, lawById } from '../requests/laws'
import { gpcComparisonSentences } from '../ui/gpc-words'
import { categoryLabel } from '../ui/labels'
import { createI18n } from '../ui/i18n'
import { signalTitle } from '../ui/signals'
import { replay, type RecordSink } from './seal'
import { SummaryBuilder } from './summary'

/** What a finding is, in words; the stable signal id stays beside it for precision. */
const REQUEST_TITLES: Record<string, string> = {
  'tracker.request': 'Request to a tracking company',
  'thirdparty.request': 'Request to another company',
}
const english = createI18n('en')
const signalWords = (signal: string) => REQUEST_TITLES[signal] ?? signalTitle(english, signal)

const ESCAPES: Record<string, string> = {
  '&': '&amp;',
  '<': '&lt;',
  '>': '&gt;',
  '"': '&quot;',
  "'": '&#39;',
}

/** Safe in text and in quoted attribute values. */
export function escapeHtml(value: unknown): string {
  return String(value ?? '').replace(/[&<>"']/g, (c) => ESCAPES[c] ?? c)
}

const e = escapeHtml
const when = (iso: string) =>
  e(
    iso
      .replace('T', ' ')
      .replace(/\.\d+Z$/, ' UTC')
      .replace(/Z$/, ' UTC'),
  )

const CSS = `
body{font:14px/1.45 system-ui,-apple-system,"Segoe UI",Roboto,sans-serif;color:#1b1f24;margin:2rem auto;max-width:60rem;padding:0 1rem}
h1{font-size:1.6rem;margin:0 0 .25rem}h2{font-size:1.25rem;margin:2rem 0 .5rem;border-bottom:2px solid #1b1f24}
h3{font-size:1.05rem;margin:1.25rem 0 .25rem}
table{border-collapse:collapse;width:100%;margin:.5rem 0 1rem}th,td{border:1px solid #c9ced6;padding:.25rem .4rem;text-align:left;vertical-align:top}
th{background:#eef1f5}td.num,th.num{text-align:right}code,.hash{font:12px/1.4 ui-monospace,Menlo,Consolas,monospace;word-break:break-all}
.muted{color:#57606a}.box{border:1px solid #c9ced6;background:#f6f8fa;padding:.5rem .75rem;margin:.5rem 0}
.warn{border:2px solid #9a3412;background:#fff7ed}
ul.urls{margin:0;padding-left:1rem}
@media print{body{margin:0;max-width:none}h2{break-after:avoid}tr{break-inside:avoid}}
`

export interface ReportOptions {
  /** Name the JSON file has beside the report, for the "how to verify" note. */
  jsonName?: string
  /** Finding rows listed per site, and in all; the summary always counts every record. */
  maxFindingsPerSite?: number
  maxFindings?: number
  /** Visit rows listed per site, and in all. */
  maxVisitsPerSite?: number
  maxVisits?: number
  /** Consent moments listed per site; requests listed. */
  maxConsentPerSite?: number
  maxRequests?: number
}

/** A report must open in a browser and print: a million table rows do neither. Every record
 * is in the JSON and CSV; the report lists the first ones of each site and says so. */
const LIMITS = {
  maxFindingsPerSite: 250,
  maxFindings: 10_000,
  maxVisitsPerSite: 100,
  maxVisits: 5_000,
  maxConsentPerSite: 200,
  maxRequests: 1_000,
}

/** A consent moment in the report's words (the dashboard's English sentences). */
function consentWords(c: ConsentData): { what: string; from: string } {
  const moment = momentOf({ ...c, at: Date.parse(c.at) })
  if (moment === null) return { what: `${c.framework} ${c.event}`, from: '' }
  const what = [english.t(moment.key, moment.vars)]
  if (moment.gpc !== undefined) what.push(...gpcComparisonSentences(english, moment.gpc))
  return { what: what.join(' '), from: english.t(moment.from) }
}

const lawName = (id: string) => lawById(id)?.short ?? id
const STATUSES = new Set(['sent', 'acknowledged', 'extended', 'answered', 'overdue', 'closed'])
const statusWords = (status: string) =>
  STATUSES.has(status)
    ? english.t(`requests.status.${status}` as Parameters<typeof english.t>[0])
    : status

const FRAMEWORKS: Record<string, string> = {
  tcf: 'IAB TCF',
  gpp: 'IAB GPP',
  usp: 'IAB US Privacy',
  cmp: 'consent platform',
  gpc: 'Global Privacy Control',
}

const dash = (v: string | null | undefined) => (v === null || v === undefined ? '—' : when(v))

function scopeWords(h: EvidenceHeader): string {
  const company = h.scope.company ?? null
  const what =
    h.scope.site !== null && company !== null
      ? `the company ${e(company)} on the site ${e(h.scope.site)}`
      : h.scope.site !== null
        ? `the site ${e(h.scope.site)}`
        : company !== null
          ? `the company ${e(company)}, on every site`
          : 'every site'
  const period =
    h.scope.from === null && h.scope.to === null
      ? 'the whole history kept in the browser'
      : `visits that began from ${dash(h.scope.from)} to ${dash(h.scope.to)}`
  return `What was asked for: ${what}; ${period}.`
}

function redactionWords(h: EvidenceHeader): string {
  const evidence = h.recording.modes.includes('evidence')
  if (h.redaction === 'none' && evidence)
    return `<div class="box warn" data-testid="report-redaction" data-redaction="none"><p><strong>Full evidence.</strong> This report and the files beside it contain full page addresses, cookie values and identifiers, as recorded in evidence mode. They can identify the person who browsed and the accounts they use. Share them only with people who need them.</p></div>`
  if (h.redaction === 'none')
    return `<p data-testid="report-redaction" data-redaction="none">Full evidence was asked for, but every record here was made in standard mode, so page addresses and values are masked as they were recorded.</p>`
  if (h.redaction === 'masked')
    return `<p data-testid="report-redaction" data-redaction="masked">Masked: page addresses without their query, identifier-looking values in addresses replaced by [hidden], cookie and ID values cut to their first characters and a hash.${h.recording.evidenceMode ? ' Evidence mode was on; its full values were masked for this export.' : ''}</p>`
  // Version 1 files have no redaction field: they hold what was recorded.
  return `<p>${evidence ? '<strong>Some records were made in evidence mode: they contain full page addresses and values.</strong>' : 'Recorded in standard mode: page addresses without their query, and identifier-looking values replaced by [hidden].'}</p>`
}

function gpcWords(h: EvidenceHeader): string {
  if (h.recording.gpc === undefined) return ''
  return `<p data-testid="report-gpc">${h.recording.gpc ? 'Tracelight was sending Global Privacy Control (an opt-out of sale and sharing) when this file was made.' : 'Tracelight was not sending Global Privacy Control when this file was made.'} The consent timeline shows on which visits it was sent.</p>`
}

interface KeptFinding {
  f: FindingData
  page: string
}

/** Builds the report as records arrive, keeping only the rows it will list. */
export class ReportSink implements RecordSink {
  private header: EvidenceHeader | undefined
  private integrity: Integrity | undefined
  private readonly summary = new SummaryBuilder()
  private readonly findings = new Map<string, KeptFinding[]>()
  private readonly visits = new Map<string, VisitData[]>()
  private readonly consent = new Map<string, ConsentData[]>()
  private readonly consentCounts = new Map<string, number>()
  private readonly requests: RequestData[] = []
  private requestCount = 0
  private keptFindings = 0
  private keptVisits = 0
  private readonly limits: typeof LIMITS

  constructor(private readonly options: ReportOptions = {}) {
    this.limits = { ...LIMITS, ...options }
  }

  begin(header: EvidenceHeader): void {
    this.header = header
  }

  record(r: EvidenceRecord, visit: VisitData | undefined): void {
    if (r.kind === 'visit') {
      this.summary.visit(r.data)
      const list = this.visits.get(r.data.site) ?? []
      if (list.length < this.limits.maxVisitsPerSite && this.keptVisits < this.limits.maxVisits) {
        list.push(r.data)
        this.visits.set(r.data.site, list)
        this.keptVisits += 1
      }
    } else if (r.kind === 'finding') {
      this.summary.finding(r.data)
      const list = this.findings.get(r.data.site) ?? []
      if (
        list.length < this.limits.maxFindingsPerSite &&
        this.keptFindings < this.limits.maxFindings
      ) {
        list.push({ f: r.data, page: visit?.url ?? `visit ${r.data.visitId}` })
        this.findings.set(r.data.site, list)
        this.keptFindings += 1
      }
    } else if (r.kind === 'consent') {
      const site = r.data.site
      this.consentCounts.set(site, (this.consentCounts.get(site) ?? 0) + 1)
      const list = this.consent.get(site) ?? []
      if (list.length < this.limits.maxConsentPerSite) {
        list.push(r.data)
        this.consent.set(site, list)
      }
    } else if (r.kind === 'request') {
      this.requestCount += 1
      if (this.requests.length < this.limits.maxRequests) this.requests.push(r.data)
    }
  }

  end(integrity: Integrity): void {
    this.integrity = integrity
  }

  html(): string {
    const evidence = this.header
    const integrity = this.integrity
    if (evidence === undefined || integrity === undefined)
      throw new Error('The report was asked for before every record was added.')
    const summaries = this.summary.result()
    const title =
      evidence.scope.site ??
      (evidence.scope.company === null || evidence.scope.company === undefined
        ? 'all sites'
        : evidence.scope.company)
    const out: string[] = []
    out.push(`<!doctype html><html lang="en"><head><meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>Tracelight evidence report: ${e(title)}</title><style>${CSS}</style></head><body>`)
    out.push(`<h1>Tracelight evidence report: ${e(title)}</h1>
<p class="muted">Made ${when(evidence.createdAt)} by ${e(evidence.generator.name)} ${e(evidence.generator.version)} in ${e(evidence.generator.browser.name)} ${e(evidence.generator.browser.version)}.
Observations from ${dash(evidence.timeRange.from)} to ${dash(evidence.timeRange.to)}.</p>
<p data-testid="report-scope">${scopeWords(evidence)}</p>
${redactionWords(evidence)}${gpcWords(evidence)}`)

    out.push(`<h2>Summary</h2>`)
    if (summaries.length === 0) out.push('<p>Nothing was recorded in this period.</p>')
    else {
      out.push(
        `<table data-testid="report-summary"><thead><tr><th>Site</th><th class="num">Visits</th><th>Tracking companies</th><th>Other third parties</th><th class="num">Fingerprinting</th><th class="num">Identifiers</th><th class="num">Ad pixels</th><th class="num">Click ids</th><th class="num">Typed input sent</th><th class="num">Before consent</th></tr></thead><tbody>`,
      )
      for (const s of summaries)
        out.push(
          `<tr><td>${e(s.site)}</td><td class="num">${s.visits}</td><td>${e(s.trackers.join(', ')) || '—'}</td><td>${e(s.thirdParties.join(', ')) || '—'}</td><td class="num">${s.fingerprinting}</td><td class="num">${s.identifiers}</td><td class="num">${s.pixels}</td><td class="num">${s.linkDecoration}</td><td class="num">${s.inputExfiltration}</td><td class="num">${s.beforeConsent}</td></tr>`,
        )
      out.push('</tbody></table>')
    }
    const whereAll =
      this.options.jsonName === undefined
        ? 'all of them are in the JSON and CSV exports'
        : `all of them are in ${e(this.options.jsonName)} and findings.csv`

    for (const s of summaries) {
      out.push(`<h2>${e(s.site)}</h2>`)
      const list = this.findings.get(s.site) ?? []
      if (list.length < s.findings)
        out.push(
          `<p class="box" data-testid="report-cut">This report lists ${list.length} of the ${s.findings} findings on ${e(s.site)}; ${whereAll}.</p>`,
        )
      const byCompany = new Map<string, KeptFinding[]>()
      for (const k of list) {
        const key = k.f.company ?? k.f.party
        const group = byCompany.get(key)
        if (group === undefined) byCompany.set(key, [k])
        else group.push(k)
      }
      for (const [company, rows] of [...byCompany].sort(([a], [b]) => (a < b ? -1 : 1))) {
        out.push(
          `<h3>${e(company)}</h3><table><thead><tr><th>What</th><th>Domain</th><th>Page</th><th class="num">Count</th><th>First</th><th>Last</th><th>Evidence</th></tr></thead><tbody>`,
        )
        for (const { f, page } of rows) {
          const details =
            f.evidence.details === undefined
              ? ''
              : `<div class="muted"><code>${e(JSON.stringify(f.evidence.details))}</code></div>`
          out.push(
            `<tr><td>${e(signalWords(f.signal))}<div class="muted"><code>${e(f.signal)}</code>${f.category === undefined ? '' : ` · ${e(categoryLabel(f.category))}`}</div></td><td>${e(f.party)}</td><td><code>${e(page)}</code></td><td class="num">${f.count}</td><td>${when(f.firstAt)}</td><td>${when(f.lastAt)}</td><td><ul class="urls">${f.evidence.urls.map((u) => `<li><code>${e(u)}</code></li>`).join('')}</ul>${details}</td></tr>`,
          )
        }
        out.push('</tbody></table>')
      }
      const consent = this.consent.get(s.site) ?? []
      if (consent.length > 0) {
        const all = this.consentCounts.get(s.site) ?? consent.length
        out.push(
          `<h3>Consent</h3>${consent.length < all ? `<p class="muted">The first ${consent.length} of ${all} moments; ${whereAll}.</p>` : ''}<table data-testid="report-consent"><thead><tr><th>When</th><th>What happened</th><th>How Tracelight knows</th><th>Details</th></tr></thead><tbody>`,
        )
        for (const c of consent) {
          const words = consentWords(c)
          const state = Object.keys(c.state).length === 0 ? '' : JSON.stringify(c.state)
          out.push(
            `<tr><td>${when(c.at)}</td><td>${e(words.what)}<div class="muted">${e(FRAMEWORKS[c.framework] ?? c.framework)} · visit ${c.visitId}</div></td><td>${e(words.from)}</td><td><code>${e(state)}</code></td></tr>`,
          )
        }
        out.push('</tbody></table>')
      }
      const siteVisits = this.visits.get(s.site) ?? []
      if (siteVisits.length > 0) {
        out.push(
          `<h3>Timeline of visits</h3>${siteVisits.length < s.visits ? `<p class="muted">The first ${siteVisits.length} of ${s.visits} visits; ${whereAll}.</p>` : ''}<table><thead><tr><th>When</th><th>Page</th><th>Recorded in</th></tr></thead><tbody>`,
        )
        for (const v of siteVisits)
          out.push(
            `<tr><td>${when(v.startedAt)}</td><td><code>${e(v.url)}</code></td><td>${v.mode === 'evidence' ? 'evidence mode' : 'standard mode'}</td></tr>`,
          )
        out.push('</tbody></table>')
      }
    }

    if (this.requestCount > 0) {
      out.push(
        `<h2>Requests made</h2><p>Requests to see, delete or stop the sale of personal data, made with Tracelight.${this.requests.length < this.requestCount ? ` The first ${this.requests.length} of ${this.requestCount}; ${whereAll}.` : ''}${evidence.redaction === 'masked' ? ' The letters themselves are left out of masked exports.' : ''}</p><table data-testid="report-requests"><thead><tr><th>Made</th><th>To</th><th>Site</th><th>Law</th><th>Request</th><th>Reference</th><th>Sent</th><th>Answer due</th><th>Status</th></tr></thead><tbody>`,
      )
      for (const r of this.requests)
        out.push(
          `<tr><td>${when(r.createdAt)}</td><td>${e(r.company)}<div class="muted">${e(r.recipient)}</div></td><td>${e(r.site)}</td><td>${e(lawName(r.law))}</td><td>${e(isKindId(r.kind) ? english.t(`requests.kind.${r.kind}`) : r.kind)}</td><td><code>${e(r.reference)}</code></td><td>${r.sentAt === undefined ? '—' : when(r.sentAt)}</td><td>${e(r.dueDay ?? '—')}${r.extension ? ' (extended)' : ''}</td><td>${e(statusWords(r.status))}</td></tr>`,
        )
      out.push('</tbody></table>')
    }

    out.push(`<h2>Integrity</h2><div class="box">
<p>${integrity.records} records, each hashed with ${e(integrity.algorithm)} over its canonical JSON (${e(integrity.canonicalization)}) and chained to the one before.</p>
<p>Chain head: <span class="hash" data-testid="report-head">${e(integrity.head)}</span></p>
<p>How to verify: run <code>npm run verify -- ${e(this.options.jsonName ?? 'evidence.json')}</code> in a Tracelight checkout, or use "Check an evidence file" on Tracelight's dashboard. Any edited, removed or reordered record is reported. Note the chain head somewhere else (a message, a printout): a file whose chain was entirely recomputed would name a different head.</p>
</div></body></html>`)
    return out.join('\n')
  }
}

export function evidenceReport(evidence: EvidenceExport, options: ReportOptions = {}): string {
  const sink = new ReportSink(options)
  replay(evidence, [sink])
  return sink.html()
}
