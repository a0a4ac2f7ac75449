import type { SiteRow } from '@/db/schema'

export interface GraphNode {
  kind: 'site' | 'company'
  id: string
  x: number
  y: number
  /** Number of links: companies of a site, sites of a company. */
  degree: number
  category?: string
}

export interface Graph {
  nodes: GraphNode[]
  /** Pairs of node indexes. */
  edges: [number, number][]
  /** Half the width of the square that holds every node, centred on 0,0. */
  extent: number
}

const GOLDEN_ANGLE = Math.PI * (3 - Math.sqrt(5))
const COMPANY_SPACING = 12
const SITE_SPACING = 11
/** Sets the spacing of small graphs: ~50 units between companies when there are six. */
const SMALL_SPREAD = 140

/**
 * Sites ↔ third-party companies, laid out in one pass, without simulation, so it stays cheap
 * at 500 sites and 2,000 companies: companies on a sunflower spiral (most-connected in the
 * centre), sites on a ring around it, each at the angle of the average position of its
 * companies, so sites sharing companies sit side by side.
 */
export function buildGraph(
  sites: readonly SiteRow[],
  since: number,
  category = '',
  trackersOnly = true,
): Graph {
  const companyIndex = new Map<string, GraphNode>()
  const links: [string, string[]][] = []
  for (const row of sites) {
    if (row.lastSeen < since) continue
    const names: string[] = []
    for (const [name, c] of Object.entries(row.companies ?? {})) {
      if (c.lastAt < since || (trackersOnly && !c.tracker)) continue
      if (category !== '' && c.category !== category) continue
      names.push(name)
      let node = companyIndex.get(name)
      if (node === undefined)
        companyIndex.set(
          name,
          (node = { kind: 'company', id: name, x: 0, y: 0, degree: 0, category: c.category }),
        )
      node.degree += 1
    }
    if (names.length > 0) links.push([row.site, names])
  }

  const companies = [...companyIndex.values()].sort(
    (a, b) => b.degree - a.degree || a.id.localeCompare(b.id),
  )
  // A few companies are spread wider, so that their names fit between them.
  const spacing = Math.max(COMPANY_SPACING, SMALL_SPREAD / Math.sqrt(companies.length + 1))
  companies.forEach((node, i) => {
    const r = spacing * Math.sqrt(i + 0.5)
    node.x = r * Math.cos(i * GOLDEN_ANGLE)
    node.y = r * Math.sin(i * GOLDEN_ANGLE)
  })
  const inner = spacing * Math.sqrt(companies.length + 0.5)

  const siteNodes = links.map(([site, names]) => {
    let x = 0
    let y = 0
    for (const n of names) {
      const c = companyIndex.get(n)
      x += c?.x ?? 0
      y += c?.y ?? 0
    }
    const angle = Math.atan2(y, x)
    return {
      node: { kind: 'site', id: site, x: 0, y: 0, degree: names.length } as GraphNode,
      angle,
    }
  })
  siteNodes.sort((a, b) => a.angle - b.angle || a.node.id.localeCompare(b.node.id))
  const ring = Math.max(inner + 60, (siteNodes.length * SITE_SPACING) / (2 * Math.PI))
  siteNodes.forEach(({ node }, i) => {
    const a = (i / Math.max(1, siteNodes.length)) * 2 * Math.PI - Math.PI
    // Alternate two radii so neighbours' labels overlap less.
    const r = ring + (i % 2) * 24
    node.x = r * Math.cos(a)
    node.y = r * Math.sin(a)
  })

  const nodes: GraphNode[] = [...siteNodes.map((s) => s.node), ...companies]
  const index = new Map<string, number>()
  nodes.forEach((n, i) => index.set(`${n.kind}\u0000${n.id}`, i))
  const edges: [number, number][] = []
  for (const [site, names] of links) {
    const s = index.get(`site\u0000${site}`)
    if (s === undefined) continue
    for (const n of names) {
      const c = index.get(`company\u0000${n}`)
      if (c !== undefined) edges.push([s, c])
    }
  }
  return { nodes, edges, extent: ring + 120 }
}

/** A node's name as drawn: where it starts, and which way it runs from there. */
export interface PlacedLabel {
  index: number
  x: number
  y: number
  anchor: 'start' | 'end'
}

/**
 * Which names to draw at the current zoom, and where: the best-connected nodes first, each
 * beside its node (sites on the left half to their left, away from the centre), skipping any
 * name that would cover one already placed or lie outside the view. Sizes are in graph units:
 * `unit` is the length of one screen pixel at this zoom.
 */
export function placeLabels(
  nodes: readonly GraphNode[],
  view: { x: number; y: number; size: number },
  unit: number,
  max = 60,
): PlacedLabel[] {
  const height = 14 * unit
  const charWidth = 7 * unit
  const gap = 8 * unit
  const order = nodes
    .map((n, i) => [n.degree, i] as const)
    .sort((a, b) => b[0] - a[0] || a[1] - b[1])
  const placed: PlacedLabel[] = []
  const boxes: [number, number, number, number][] = []
  for (const [, i] of order) {
    if (placed.length >= max) break
    const n = nodes[i]
    if (n === undefined) continue
    const width = n.id.length * charWidth
    const left = n.kind === 'site' && n.x < 0
    const x0 = left ? n.x - gap - width : n.x + gap
    const box: [number, number, number, number] = [
      x0,
      n.y - height / 2,
      x0 + width,
      n.y + height / 2,
    ]
    const inView =
      box[0] >= view.x &&
      box[2] <= view.x + view.size &&
      box[1] >= view.y &&
      box[3] <= view.y + view.size
    if (!inView) continue
    if (boxes.some((b) => b[0] < box[2] && box[0] < b[2] && b[1] < box[3] && box[1] < b[3]))
      continue
    boxes.push(box)
    placed.push({
      index: i,
      x: left ? n.x - gap : n.x + gap,
      y: n.y,
      anchor: left ? 'end' : 'start',
    })
  }
  return placed
}
