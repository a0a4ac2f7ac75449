import { useEffect, useMemo, useRef, useState } from 'preact/hooks'
import { buildGraph, placeLabels } from '@/ui/state/graph'
import { companyHash, PERIODS, routeHash, siteHash, type Route } from '@/ui/state/route'
import { useDashboard } from './context'
import { categoryName } from './words'

type GraphRoute = Extract<Route, { view: 'graph' }>

const LABELS = 60
const CATEGORIES = ['ad', 'analytics', 'social', 'marketing', 'customer-success', 'tag-manager']

interface View {
  x: number
  y: number
  size: number
}

export function GraphPage({ route }: { route: GraphRoute }) {
  const { graph: store, i18n, navigate } = useDashboard()
  const { t, tn } = i18n
  useEffect(() => {
    void store.load(route.period)
  }, [store, route.period])
  const raw = store.raw.value
  const data = raw.kind === 'ready' ? raw.value : null
  const graph = useMemo(
    () => (data === null ? null : buildGraph(data.sites, data.since, route.category)),
    [data, route.category],
  )
  const home = (g: NonNullable<typeof graph>): View => ({
    x: -g.extent,
    y: -g.extent,
    size: 2 * g.extent,
  })
  const [view, setView] = useState<View | null>(null)
  const drag = useRef<{ x: number; y: number; view: View; moved: boolean } | null>(null)
  useEffect(() => setView(graph === null ? null : home(graph)), [graph])
  const go = (over: Partial<GraphRoute>) => navigate(routeHash({ ...route, ...over }))

  // The drawing's size on screen, so that names are drawn at the page's text size at any zoom.
  const svg = useRef<SVGSVGElement>(null)
  const [box, setBox] = useState(600)
  const shown = graph !== null && graph.nodes.length > 0 && view !== null
  useEffect(() => {
    const el = svg.current
    if (el === null || typeof ResizeObserver === 'undefined') return
    const observer = new ResizeObserver((entries) => {
      const r = entries[0]?.contentRect
      if (r !== undefined && r.width > 0 && r.height > 0) setBox(Math.min(r.width, r.height))
    })
    observer.observe(el)
    return () => observer.disconnect()
  }, [shown])
  /** One screen pixel in graph units. */
  const unit = view === null ? 1 : view.size / box
  // Names of the best-connected nodes that fit without covering each other, so that
  // thousands of nodes stay legible; every node also names itself on hover and to readers.
  const labels = useMemo(
    () => (graph === null || view === null ? [] : placeLabels(graph.nodes, view, unit, LABELS)),
    [graph, view, unit],
  )
  const edgePath = useMemo(() => {
    if (graph === null) return ''
    const n = graph.nodes
    return graph.edges
      .map(
        ([a, b]) =>
          `M${n[a]?.x.toFixed(1)} ${n[a]?.y.toFixed(1)}L${n[b]?.x.toFixed(1)} ${n[b]?.y.toFixed(1)}`,
      )
      .join('')
  }, [graph])

  const zoom = (factor: number, cx?: number, cy?: number) => {
    if (view === null) return
    const size = Math.min(Math.max(view.size * factor, 40), 40_000)
    const fx = cx ?? view.x + view.size / 2
    const fy = cy ?? view.y + view.size / 2
    setView({
      x: fx - ((fx - view.x) * size) / view.size,
      y: fy - ((fy - view.y) * size) / view.size,
      size,
    })
  }
  const pan = (dx: number, dy: number) =>
    view !== null && setView({ ...view, x: view.x + dx * view.size, y: view.y + dy * view.size })

  const toSvg = (svg: SVGSVGElement, clientX: number, clientY: number) => {
    const r = svg.getBoundingClientRect()
    const v = view ?? { x: 0, y: 0, size: 1 }
    return {
      x: v.x + ((clientX - r.left) / r.width) * v.size,
      y: v.y + ((clientY - r.top) / r.height) * v.size,
    }
  }

  return (
    <article data-testid="graph-page">
      <h1>{t('graph.title')}</h1>
      <p class="muted">{t('graph.intro')}</p>
      <form class="filters" onSubmit={(e) => e.preventDefault()}>
        <label>
          {t('overview.period')}{' '}
          <select
            value={route.period}
            onChange={(e) => go({ period: e.currentTarget.value as GraphRoute['period'] })}
          >
            {PERIODS.map((p) => (
              <option key={p} value={p}>
                {p === 'all' ? t('period.all') : tn('period.days', Number(p))}
              </option>
            ))}
          </select>
        </label>
        <label>
          {t('graph.category')}{' '}
          <select
            data-testid="graph-category"
            value={route.category}
            onChange={(e) => go({ category: e.currentTarget.value })}
          >
            <option value="">{t('graph.allCategories')}</option>
            {CATEGORIES.map((c) => (
              <option key={c} value={c}>
                {categoryName(i18n, c)}
              </option>
            ))}
          </select>
        </label>
        <span class="zoom-buttons">
          <button
            type="button"
            class="secondary"
            onClick={() => zoom(0.7)}
            aria-label={t('graph.zoomIn')}
          >
            +
          </button>
          <button
            type="button"
            class="secondary"
            onClick={() => zoom(1 / 0.7)}
            aria-label={t('graph.zoomOut')}
          >
            −
          </button>
          <button
            type="button"
            class="secondary"
            onClick={() => graph !== null && setView(home(graph))}
          >
            {t('graph.reset')}
          </button>
        </span>
      </form>
      {raw.kind === 'loading' && <p class="status">{t('common.loading')}</p>}
      {raw.kind === 'error' && (
        <p class="status error" role="alert">
          {t('common.readError', { message: raw.message })}
        </p>
      )}
      {graph !== null && graph.nodes.length === 0 && <p class="status">{t('graph.empty')}</p>}
      {graph !== null && graph.nodes.length > 0 && view !== null && (
        <>
          <p class="muted" data-testid="graph-counts">
            {t('graph.counts', {
              sites: graph.nodes.filter((n) => n.kind === 'site').length,
              companies: graph.nodes.filter((n) => n.kind === 'company').length,
            })}
          </p>
          <svg
            ref={svg}
            class="graph"
            data-testid="graph"
            viewBox={`${view.x} ${view.y} ${view.size} ${view.size}`}
            role="group"
            aria-label={t('graph.label')}
            tabIndex={0}
            onKeyDown={(e) => {
              const moves: Record<string, [number, number]> = {
                ArrowLeft: [-0.1, 0],
                ArrowRight: [0.1, 0],
                ArrowUp: [0, -0.1],
                ArrowDown: [0, 0.1],
              }
              const m = moves[e.key]
              if (m !== undefined) {
                e.preventDefault()
                pan(m[0], m[1])
              } else if (e.key === '+' || e.key === '=') zoom(0.7)
              else if (e.key === '-') zoom(1 / 0.7)
            }}
            onWheel={(e) => {
              e.preventDefault()
              const p = toSvg(e.currentTarget, e.clientX, e.clientY)
              zoom(e.deltaY > 0 ? 1.15 : 1 / 1.15, p.x, p.y)
            }}
            onPointerDown={(e) => {
              drag.current = { x: e.clientX, y: e.clientY, view, moved: false }
            }}
            onPointerMove={(e) => {
              const d = drag.current
              if (d === null) return
              const r = e.currentTarget.getBoundingClientRect()
              const dx = ((e.clientX - d.x) / r.width) * d.view.size
              const dy = ((e.clientY - d.y) / r.height) * d.view.size
              if (Math.abs(dx) + Math.abs(dy) > d.view.size / 200) d.moved = true
              setView({ ...d.view, x: d.view.x - dx, y: d.view.y - dy })
            }}
            onPointerUp={() => {
              setTimeout(() => (drag.current = null), 0)
            }}
          >
            <path class="edges" d={edgePath} />
            {graph.nodes.map((n) => {
              const href = n.kind === 'site' ? siteHash(n.id) : companyHash(n.id)
              const label =
                n.kind === 'site'
                  ? t('graph.siteNode', { name: n.id, n: n.degree })
                  : t('graph.companyNode', { name: n.id, n: n.degree })
              return (
                <g
                  key={`${n.kind}-${n.id}`}
                  class={`node ${n.kind}`}
                  data-testid="graph-node"
                  data-kind={n.kind}
                  data-id={n.id}
                  onClick={() => {
                    if (drag.current?.moved !== true) navigate(href)
                  }}
                >
                  <title>{label}</title>
                  <circle
                    cx={n.x}
                    cy={n.y}
                    r={n.kind === 'site' ? 5 : 4 + Math.sqrt(n.degree) * 2}
                  />
                </g>
              )
            })}
            <g class="labels" font-size={12 * unit} aria-hidden="true">
              {labels.map((l) => (
                <text
                  key={l.index}
                  x={l.x}
                  y={l.y}
                  text-anchor={l.anchor}
                  dominant-baseline="central"
                  data-testid="graph-label"
                >
                  {graph.nodes[l.index]?.id}
                </text>
              ))}
            </g>
          </svg>
          <p class="muted">{t('graph.help')}</p>
        </>
      )}
    </article>
  )
}
