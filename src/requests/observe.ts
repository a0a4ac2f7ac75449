/**
 * What Tracelight saw on one site, reduced to what a letter may attach: which companies were
 * contacted, which identifiers they set, which pixels fired, and when. Pure: reads stored
 * findings, returns plain data. Every string here came from the web — the renderer treats it as
 * plain text and bounds it.
 */
import type { FindingRow } from '@/db/schema'
import type { DetailValue } from '@/detect/types'

export interface ObservedCompany {
  name: string
  domains: string[]
  requests: number
  firstAt: number
  lastAt: number
}

export interface ObservedIdentifier {
  /** Company (or domain) that set or received it. */
  company: string
  domain: string
  /** Cookie or storage key name. */
  name: string
  /** The stored prefix of the value, never more than the record kept. */
  valuePrefix?: string
}

export interface ObservedPixel {
  /** The detector's signal id, e.g. "pixel.facebook". */
  signal: string
  company: string
  domain: string
  /** e.g. "Meta Pixel". */
  label: string
  pixelId?: string
  events: string[]
}

export interface Observations {
  site: string
  companies: ObservedCompany[]
  identifiers: ObservedIdentifier[]
  pixels: ObservedPixel[]
  firstAt: number | null
  lastAt: number | null
}

const PIXEL_LABELS: Record<string, string> = {
  'pixel.facebook': 'Meta Pixel',
  'pixel.tiktok': 'TikTok Pixel',
  'pixel.linkedin': 'LinkedIn Insight Tag',
  'pixel.x': 'X (Twitter) Pixel',
  'pixel.google_ads': 'Google Ads conversion tag',
}

const MAX_ITEMS = 25

const str = (v: DetailValue | undefined): string | undefined =>
  typeof v === 'string' && v !== '' ? v : typeof v === 'number' ? String(v) : undefined

function add<T>(map: Map<string, T>, key: string, make: () => T): T {
  let v = map.get(key)
  if (v === undefined) map.set(key, (v = make()))
  return v
}

/** Observations for `site`, from its findings (any signals, any visits). */
export function observe(site: string, findings: readonly FindingRow[]): Observations {
  const companies = new Map<string, ObservedCompany>()
  const identifiers = new Map<string, ObservedIdentifier>()
  const pixels = new Map<string, ObservedPixel>()
  let firstAt: number | null = null
  let lastAt: number | null = null

  for (const f of findings) {
    if (f.site !== site || f.sameCompany === true || f.party === site) continue
    firstAt = firstAt === null ? f.firstAt : Math.min(firstAt, f.firstAt)
    lastAt = lastAt === null ? f.lastAt : Math.max(lastAt, f.lastAt)
    const name = f.company ?? f.party
    if (f.signal === 'tracker.request') {
      const c = add(companies, name, () => ({
        name,
        domains: [],
        requests: 0,
        firstAt: f.firstAt,
        lastAt: f.lastAt,
      }))
      if (!c.domains.includes(f.party)) c.domains.push(f.party)
      c.requests += f.count
      c.firstAt = Math.min(c.firstAt, f.firstAt)
      c.lastAt = Math.max(c.lastAt, f.lastAt)
    } else if (f.signal === 'cookie.identifier' || f.signal === 'storage.identifier') {
      for (const d of f.evidence.details ?? []) {
        const key = str(d.name) ?? str(d.cookie) ?? str(d.key)
        if (key === undefined) continue
        const valuePrefix = str(d.valuePrefix) ?? str(d.value)
        const id = `${f.party}\u0000${key}`
        if (!identifiers.has(id))
          identifiers.set(id, {
            company: name,
            domain: f.party,
            name: key,
            ...(valuePrefix === undefined ? {} : { valuePrefix }),
          })
      }
    } else if (f.signal in PIXEL_LABELS) {
      const label = PIXEL_LABELS[f.signal] ?? f.signal
      for (const d of f.evidence.details ?? [{}]) {
        const pixelId = str(d.pixelId)
        const p = add(pixels, `${f.signal}\u0000${pixelId ?? ''}`, () => ({
          signal: f.signal,
          company: name,
          domain: f.party,
          label,
          ...(pixelId === undefined ? {} : { pixelId }),
          events: [],
        }))
        const event = str(d.event)
        if (event !== undefined && !p.events.includes(event)) p.events.push(event)
      }
    }
  }
  const byName = <T extends { name: string }>(a: T, b: T) => a.name.localeCompare(b.name)
  return {
    site,
    companies: [...companies.values()].sort(byName).slice(0, MAX_ITEMS),
    identifiers: [...identifiers.values()]
      .sort((a, b) => a.company.localeCompare(b.company) || a.name.localeCompare(b.name))
      .slice(0, MAX_ITEMS),
    pixels: [...pixels.values()].slice(0, MAX_ITEMS),
    firstAt,
    lastAt,
  }
}

/** Observations narrowed to what concerns one recipient company (all of it when null). */
export function forCompany(obs: Observations, company: string | null): Observations {
  if (company === null) return obs
  const companies = obs.companies.filter((c) => c.name === company)
  if (companies.length === 0) return obs
  return {
    ...obs,
    companies,
    identifiers: obs.identifiers.filter((i) => i.company === company),
    pixels: obs.pixels.filter((p) => p.company === company),
  }
}
