/** Per-site counts for the report and the audit table, from an export's records. */
import type { EvidenceExport, FindingData } from './format'

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
  beforeConsent: number
  findings: number
}

const IDENTIFIER_SIGNALS = new Set(['cookie.identifier', 'storage.identifier', 'id.sync'])

export function summarizeSites(evidence: EvidenceExport): SiteSummary[] {
  const out = new Map<string, SiteSummary & { t: Set<string>; p: Set<string> }>()
  const get = (site: string) => {
    let s = out.get(site)
    if (s === undefined) {
      s = {
        site,
        visits: 0,
        trackers: [],
        thirdParties: [],
        fingerprinting: 0,
        identifiers: 0,
        pixels: 0,
        linkDecoration: 0,
        beforeConsent: 0,
        findings: 0,
        t: new Set(),
        p: new Set(),
      }
      out.set(site, s)
    }
    return s
  }
  for (const r of evidence.records) {
    if (r.kind === 'visit') get(r.data.site).visits += 1
    if (r.kind !== 'finding') continue
    const f: FindingData = r.data
    const s = get(f.site)
    s.findings += 1
    if (f.signal === 'tracker.request') s.t.add(f.company ?? f.party)
    else if (f.signal === 'thirdparty.request' && f.sameCompany !== true) s.p.add(f.party)
    else if (f.signal.startsWith('fingerprint.')) s.fingerprinting += 1
    else if (f.signal.startsWith('pixel.')) s.pixels += 1
    else if (IDENTIFIER_SIGNALS.has(f.signal)) s.identifiers += 1
    else if (f.signal === 'link.decoration') s.linkDecoration += 1
    else if (f.signal === 'consent.before') s.beforeConsent += 1
  }
  return [...out.values()]
    .map(({ t, p, ...s }) => ({ ...s, trackers: [...t].sort(), thirdParties: [...p].sort() }))
    .sort((a, b) => (a.site < b.site ? -1 : 1))
}
