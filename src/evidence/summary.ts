/** Per-site counts for the report and the audit table, from an export's records, one record
 * at a time (so a million records need no more than the sites' counters). */
import type { EvidenceExport, FindingData, VisitData } from './format'

export interface SiteSummary {
  site: string
  visits: number
  /** Distinct tracking companies (company name, or domain when unnamed). */
  trackers: string[]
  thirdParties: string[]
  fingerprinting: number
  identifiers: number
  pixels: number
  linkDecoration: number
  /** What was typed into the page sent before the form was submitted. */
  inputExfiltration: number
  beforeConsent: number
  findings: number
}

const IDENTIFIER_SIGNALS = new Set(['cookie.identifier', 'storage.identifier', 'id.sync'])

type Building = Omit<SiteSummary, 'trackers' | 'thirdParties'> & {
  trackers: Set<string>
  thirdParties: Set<string>
}

export class SummaryBuilder {
  private readonly sites = new Map<string, Building>()

  private get(site: string): Building {
    let s = this.sites.get(site)
    if (s === undefined) {
      s = {
        site,
        visits: 0,
        trackers: new Set(),
        thirdParties: new Set(),
        fingerprinting: 0,
        identifiers: 0,
        pixels: 0,
        linkDecoration: 0,
        inputExfiltration: 0,
        beforeConsent: 0,
        findings: 0,
      }
      this.sites.set(site, s)
    }
    return s
  }

  visit(v: VisitData): void {
    this.get(v.site).visits += 1
  }

  finding(f: FindingData): void {
    const s = this.get(f.site)
    s.findings += 1
    if (f.signal === 'tracker.request') s.trackers.add(f.company ?? f.party)
    else if (f.signal === 'thirdparty.request' && f.sameCompany !== true)
      s.thirdParties.add(f.party)
    else if (f.signal.startsWith('fingerprint.')) s.fingerprinting += 1
    else if (f.signal.startsWith('pixel.')) s.pixels += 1
    else if (IDENTIFIER_SIGNALS.has(f.signal)) s.identifiers += 1
    else if (f.signal === 'link.decoration') s.linkDecoration += 1
    else if (f.signal === 'input.exfiltration') s.inputExfiltration += 1
    else if (f.signal === 'consent.before') s.beforeConsent += 1
  }

  /** Findings counted for one site so far. */
  findingsOf(site: string): number {
    return this.sites.get(site)?.findings ?? 0
  }

  visitsOf(site: string): number {
    return this.sites.get(site)?.visits ?? 0
  }

  result(): SiteSummary[] {
    return [...this.sites.values()]
      .map((s) => ({
        ...s,
        trackers: [...s.trackers].sort(),
        thirdParties: [...s.thirdParties].sort(),
      }))
      .sort((a, b) => (a.site < b.site ? -1 : 1))
  }
}

export function summarizeSites(evidence: EvidenceExport): SiteSummary[] {
  const b = new SummaryBuilder()
  for (const r of evidence.records) {
    if (r.kind === 'visit') b.visit(r.data)
    else if (r.kind === 'finding') b.finding(r.data)
  }
  return b.result()
}
