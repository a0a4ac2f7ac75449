import { CLOAKING_SERVICES, type CloakingService } from '@/data/cname-aliases'
import { hostOf, siteOfHost } from './host'
import { safely, type Detail } from './request-fields'
import type { SignalId } from './signals'
import type { DetectedFinding, RequestDetector } from './types'

/**
 * `cname.cloaked`: a subdomain of the site that is really a tracker. Two methods, and the
 * finding says which applied:
 * - `dns` (Firefox): the background resolves first-party hosts with
 *   dns.resolve(host, ['canonical_name']); a canonical name on another site that is a listed
 *   tracker or a known cloaking service gives the finding (detectCnameDns).
 * - `alias list` (Chrome has no DNS API): a first-party request to a path only a known
 *   cloaking service's collector answers (src/data/cname-aliases.ts) (detectCnameByPath).
 * Fixture: test/fixtures/sites/recipes.test (Adobe collection path on smetrics.recipes.test).
 */
export const detector = {
  file: 'cname-cloaked',
  signals: ['cname.cloaked'] as const satisfies readonly SignalId[],
  needs: 'first-party request URLs; in Firefox the canonical name of their host',
}

function serviceOfTarget(host: string): CloakingService | undefined {
  return CLOAKING_SERVICES.find((s) => s.targets.some((t) => host === t || host.endsWith('.' + t)))
}

export const detectCnameByPath: RequestDetector = safely((input) => {
  if (input.party !== input.pageSite) return []
  const host = hostOf(input.url)
  if (host === null) return []
  let path: string
  try {
    path = new URL(input.url).pathname
  } catch {
    return []
  }
  const service = CLOAKING_SERVICES.find((s) => s.paths?.some((re) => re.test(path)))
  if (service === undefined) return []
  const detail: Detail = {
    host,
    service: service.service,
    method: 'alias list',
    evidence: `collection path ${path.slice(0, 60)}`,
  }
  return [{ signal: 'cname.cloaked', party: input.pageSite, company: service.service, detail }]
})

export interface CnameInput {
  host: string
  pageSite: string
  /** What dns.resolve gave as canonical name (lower case, no trailing dot). */
  canonicalName: string
  /** The tracker list's verdict on the canonical name, when listed as a tracker. */
  canonicalTracker?: { company: string; category: string }
}

export function detectCnameDns(input: CnameInput): DetectedFinding[] {
  try {
    const cname = input.canonicalName.toLowerCase().replace(/\.$/, '')
    if (siteOfHost(input.host) !== input.pageSite) return []
    const target = siteOfHost(cname)
    if (target === input.pageSite) return []
    const service = serviceOfTarget(cname)
    const company = service?.service ?? input.canonicalTracker?.company
    if (company === undefined) return []
    const detail: Detail = {
      host: input.host,
      canonicalName: cname,
      service: company,
      method: 'dns',
    }
    return [{ signal: 'cname.cloaked', party: input.pageSite, company, detail }]
  } catch {
    return []
  }
}
