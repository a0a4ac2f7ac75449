/**
 * The self-contained HTML report: one file, inline CSS, no scripts, readable offline and
 * printable. Every string from the records came from web pages, so each one goes through
 * `escapeHtml`, and a Content-Security-Policy forbids scripts even if one slipped through.
 */
import type { EvidenceExport, FindingData, VisitData } from './format'
import { categoryLabel } from '../ui/labels'
import { createI18n } from '../ui/i18n'
import { signalTitle } from '../ui/signals'
import { summarizeSites } from './summary'

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
ul.urls{margin:0;padding-left:1rem}
@media print{body{margin:0;max-width:none}h2{break-after:avoid}tr{break-inside:avoid}}
`

export interface ReportOptions {
  /** Name the JSON file has beside the report, for the "how to verify" note. */
  jsonName?: string
}

export function evidenceReport(evidence: EvidenceExport, options: ReportOptions = {}): string {
  const summaries = summarizeSites(evidence)
  const visits = new Map<number, VisitData>()
  const findings = new Map<string, FindingData[]>()
  for (const r of evidence.records) {
    if (r.kind === 'visit') visits.set(r.data.id, r.data)
    if (r.kind === 'finding') {
      const list = findings.get(r.data.site) ?? []
      list.push(r.data)
      findings.set(r.data.site, list)
    }
  }
  const title = evidence.scope.site === null ? 'all sites' : evidence.scope.site
  const modes = evidence.recording.modes
  const out: string[] = []
  out.push(`<!doctype html><html lang="en"><head><meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>Tracelight evidence report: ${e(title)}</title><style>${CSS}</style></head><body>`)
  out.push(`<h1>Tracelight evidence report: ${e(title)}</h1>
<p class="muted">Made ${when(evidence.createdAt)} by ${e(evidence.generator.name)} ${e(evidence.generator.version)} in ${e(evidence.generator.browser.name)} ${e(evidence.generator.browser.version)}.
Observations from ${evidence.timeRange.from === null ? '—' : when(evidence.timeRange.from)} to ${evidence.timeRange.to === null ? '—' : when(evidence.timeRange.to)}.</p>
<p>${modes.includes('evidence') ? '<strong>Some records were made in evidence mode: they contain full page addresses and values.</strong>' : 'Recorded in standard mode: page addresses without their query, and identifier-looking values replaced by [hidden].'}</p>`)

  out.push(`<h2>Summary</h2>`)
  if (summaries.length === 0) out.push('<p>Nothing was recorded in this period.</p>')
  else {
    out.push(
      `<table data-testid="report-summary"><thead><tr><th>Site</th><th class="num">Visits</th><th>Tracking companies</th><th>Other third parties</th><th class="num">Fingerprinting</th><th class="num">Identifiers</th><th class="num">Ad pixels</th><th class="num">Click ids</th><th class="num">Before consent</th></tr></thead><tbody>`,
    )
    for (const s of summaries)
      out.push(
        `<tr><td>${e(s.site)}</td><td class="num">${s.visits}</td><td>${e(s.trackers.join(', ')) || '—'}</td><td>${e(s.thirdParties.join(', ')) || '—'}</td><td class="num">${s.fingerprinting}</td><td class="num">${s.identifiers}</td><td class="num">${s.pixels}</td><td class="num">${s.linkDecoration}</td><td class="num">${s.beforeConsent}</td></tr>`,
      )
    out.push('</tbody></table>')
  }

  for (const s of summaries) {
    out.push(`<h2>${e(s.site)}</h2>`)
    const list = findings.get(s.site) ?? []
    const byCompany = new Map<string, FindingData[]>()
    for (const f of list) {
      const key = f.company ?? f.party
      const group = byCompany.get(key)
      if (group === undefined) byCompany.set(key, [f])
      else group.push(f)
    }
    for (const [company, rows] of [...byCompany].sort(([a], [b]) => (a < b ? -1 : 1))) {
      out.push(
        `<h3>${e(company)}</h3><table><thead><tr><th>What</th><th>Domain</th><th>Page</th><th class="num">Count</th><th>First</th><th>Last</th><th>Evidence</th></tr></thead><tbody>`,
      )
      for (const f of rows) {
        const v = visits.get(f.visitId)
        const details =
          f.evidence.details === undefined
            ? ''
            : `<div class="muted"><code>${e(JSON.stringify(f.evidence.details))}</code></div>`
        out.push(
          `<tr><td>${e(signalWords(f.signal))}<div class="muted"><code>${e(f.signal)}</code>${f.category === undefined ? '' : ` · ${e(categoryLabel(f.category))}`}</div></td><td>${e(f.party)}</td><td><code>${e(v?.url ?? `visit ${f.visitId}`)}</code></td><td class="num">${f.count}</td><td>${when(f.firstAt)}</td><td>${when(f.lastAt)}</td><td><ul class="urls">${f.evidence.urls.map((u) => `<li><code>${e(u)}</code></li>`).join('')}</ul>${details}</td></tr>`,
        )
      }
      out.push('</tbody></table>')
    }
    const siteVisits = [...visits.values()].filter((v) => v.site === s.site)
    if (siteVisits.length > 0) {
      out.push(
        `<h3>Timeline of visits</h3><table><thead><tr><th>When</th><th>Page</th><th>Recorded in</th></tr></thead><tbody>`,
      )
      for (const v of siteVisits)
        out.push(
          `<tr><td>${when(v.startedAt)}</td><td><code>${e(v.url)}</code></td><td>${v.mode === 'evidence' ? 'evidence mode' : 'standard mode'}</td></tr>`,
        )
      out.push('</tbody></table>')
    }
  }

  out.push(`<h2>Integrity</h2><div class="box">
<p>${evidence.integrity.records} records, each hashed with ${e(evidence.integrity.algorithm)} over its canonical JSON (${e(evidence.integrity.canonicalization)}) and chained to the one before.</p>
<p>Chain head: <span class="hash" data-testid="report-head">${e(evidence.integrity.head)}</span></p>
<p>How to verify: run <code>npm run verify -- ${e(options.jsonName ?? 'evidence.json')}</code> in a Tracelight checkout, or use "Check an evidence file" on Tracelight's dashboard. Any edited, removed or reordered record is reported. Note the chain head somewhere else (a message, a printout): a file whose chain was entirely recomputed would name a different head.</p>
</div></body></html>`)
  return out.join('\n')
}
