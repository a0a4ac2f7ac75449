import { describe, expect, it } from 'vitest'
import type { SiteRow } from '@/db/schema'
import { sampleData } from '@/ui/dashboard/fixture'
import { buildGraph, placeLabels } from './graph'

const NOW = new Date(2024, 4, 10, 12, 0).getTime()

describe('buildGraph', () => {
  it('links each site to its tracking companies', () => {
    const g = buildGraph(sampleData(NOW).sites, 0)
    const names = (i: number) => `${g.nodes[i]?.kind}:${g.nodes[i]?.id}`
    expect(g.edges.map(([a, b]) => `${names(a)} ${names(b)}`).sort()).toEqual([
      'site:news.test company:Facebook',
      'site:news.test company:Google',
      'site:shop.test company:Google',
    ])
    expect(g.nodes.find((n) => n.id === 'Google')?.degree).toBe(2)
    // blog.test contacted no tracker: it is not drawn.
    expect(g.nodes.some((n) => n.id === 'blog.test')).toBe(false)
    expect(
      buildGraph(sampleData(NOW).sites, 0, '', false).nodes.some((n) => n.id === 'blog.test'),
    ).toBe(true)
  })

  it('filters by category and period', () => {
    const social = buildGraph(sampleData(NOW).sites, 0, 'social')
    expect(social.nodes.map((n) => n.id).sort()).toEqual(['Facebook', 'news.test'])
    const later = buildGraph(sampleData(NOW).sites, NOW - 3_600_000 * 2)
    expect(later.nodes.map((n) => n.id).sort()).toEqual(['Facebook', 'Google', 'news.test'])
  })

  it('lays out 500 sites and 2,000 companies, every node inside the extent', () => {
    const sites: SiteRow[] = []
    let seed = 7
    const rand = () => (seed = (seed * 48271) % 2147483647) / 2147483647
    for (let s = 0; s < 500; s++) {
      const companies: SiteRow['companies'] = {}
      for (let k = 0; k < 20; k++) {
        // A few companies everywhere, a long tail elsewhere.
        const c = rand() < 0.3 ? Math.floor(rand() * 20) : Math.floor(rand() * 2000)
        companies[`company-${c}`] = {
          tracker: true,
          category: 'ad',
          parties: [`c${c}.test`],
          requests: 1,
          firstAt: NOW,
          lastAt: NOW,
        }
      }
      sites.push({
        site: `site-${s}.test`,
        firstSeen: NOW,
        lastSeen: NOW,
        visits: 1,
        counts: {},
        companies,
      })
    }
    // Its speed is a benchmark's job (timed unit tests flake on a busy machine).
    const g = buildGraph(sites, 0)
    expect(g.nodes.filter((n) => n.kind === 'site')).toHaveLength(500)
    expect(g.nodes.filter((n) => n.kind === 'company').length).toBeGreaterThan(1500)
    for (const n of g.nodes) expect(Math.max(Math.abs(n.x), Math.abs(n.y))).toBeLessThan(g.extent)
  })

  it('names the best-connected nodes that fit, without one name covering another', () => {
    const node = (id: string, kind: 'site' | 'company', x: number, y: number, degree: number) =>
      ({ kind, id, x, y, degree }) as const
    const nodes = [
      node('Google', 'company', 0, 0, 9),
      node('Hotjar', 'company', 10, 2, 3), // its name would cover Google's
      node('Facebook', 'company', 0, 40, 5),
      node('left.test', 'site', -100, 0, 2),
      node('right.test', 'site', 100, 0, 2),
      node('far.test', 'site', 900, 0, 1), // outside the view
    ]
    const view = { x: -200, y: -200, size: 400 }
    const labels = placeLabels(nodes, view, 1)
    expect(labels.map((l) => nodes[l.index]?.id)).toEqual([
      'Google',
      'Facebook',
      'left.test',
      'right.test',
    ])
    // A site on the left is named on its left, away from the companies in the middle.
    expect(labels.find((l) => nodes[l.index]?.id === 'left.test')).toMatchObject({
      anchor: 'end',
      x: -108,
    })
    expect(labels.find((l) => nodes[l.index]?.id === 'right.test')).toMatchObject({
      anchor: 'start',
      x: 108,
    })
    // Zoomed out (one pixel is 4 units), names take more room: Facebook no longer fits.
    expect(
      placeLabels(nodes, { x: -800, y: -800, size: 1600 }, 4).map((l) => l.index),
    ).not.toContain(2)
    expect(placeLabels(nodes, view, 1, 2)).toHaveLength(2)
  })

  it('spreads a few companies wide enough for their names', () => {
    const g = buildGraph(sampleData(NOW).sites, 0)
    const companies = g.nodes.filter((n) => n.kind === 'company')
    for (const a of companies)
      for (const b of companies)
        if (a !== b) expect(Math.hypot(a.x - b.x, a.y - b.y)).toBeGreaterThan(30)
  })
})
