/**
 * Turns third-party-web's entity list (MIT, https://github.com/patrickhulce/third-party-web)
 * into the compact lookup the classifier walks. Runs at build time (vite plugin) and in
 * tests/benchmarks; the extension never fetches or parses the original list.
 */

export interface SourceEntity {
  name: string
  company?: string
  category?: string
  homepage?: string
  domains: string[]
}

/** One entity: [name, company, category, homepage]. */
export type EntityTuple = [name: string, company: string, category: string, homepage: string]

export interface TrackerData {
  /** Package version the data came from, shown in exports and the README. */
  source: string
  entities: EntityTuple[]
  /** Host that matches only itself (third-party-web lists e.g. `adservice.google.com`). */
  exact: Record<string, number>
  /** Domain that matches itself and every subdomain (listed as `*.doubleclick.net`). */
  suffix: Record<string, number>
}

export function compileTrackers(entities: readonly SourceEntity[], source: string): TrackerData {
  const data: TrackerData = { source, entities: [], exact: {}, suffix: {} }
  for (const entity of entities) {
    const index = data.entities.length
    data.entities.push([
      entity.name,
      entity.company ?? entity.name,
      entity.category ?? 'other',
      entity.homepage ?? '',
    ])
    for (const raw of entity.domains) {
      // The list has a few mixed-case entries (`*.Quinstreet.com`); hosts on the wire are lower case.
      const domain = raw.toLowerCase()
      const table = domain.startsWith('*.') ? data.suffix : data.exact
      const key = domain.startsWith('*.') ? domain.slice(2) : domain
      // First listing wins, as in third-party-web's own getEntity.
      if (!(key in table)) table[key] = index
    }
  }
  return data
}
