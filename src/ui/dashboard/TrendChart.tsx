import { useEffect, useRef, useState } from 'preact/hooks'
import type { DayPoint } from '@/ui/state/overview'
import { useDashboard } from './context'

/** Width before the box is measured (and where it cannot be, in tests). */
const W = 720
const H = 200
/** Room for one day's label under the axis. */
const LABEL_W = 76
const PAD = { left: 44, right: 12, top: 12, bottom: 28 }

/**
 * Requests to tracking companies per day, as lean SVG: one bar per day, the number shown on
 * hover or keyboard focus, and the same figures as a table for screen readers and copying.
 * Hand-written rather than a charting library: one chart type, ~100 lines, no dependency.
 */
export function TrendChart({ points }: { points: DayPoint[] }) {
  const { i18n } = useDashboard()
  const { t } = i18n
  const [active, setActive] = useState<number | null>(null)
  const [asTable, setAsTable] = useState(false)
  // Drawn at the width it is shown at, so that its text is the page's size, not scaled.
  const box = useRef<HTMLDivElement>(null)
  const [width, setWidth] = useState(W)
  useEffect(() => {
    const el = box.current
    if (el === null || typeof ResizeObserver === 'undefined') return
    const observer = new ResizeObserver((entries) => {
      const w = Math.round(entries[0]?.contentRect.width ?? 0)
      if (w > 0) setWidth(Math.max(280, w))
    })
    observer.observe(el)
    return () => observer.disconnect()
  }, [asTable])
  if (points.length === 0) return null
  const max = Math.max(1, ...points.map((p) => p.trackerRequests))
  const innerW = width - PAD.left - PAD.right
  const innerH = H - PAD.top - PAD.bottom
  const step = innerW / points.length
  const barW = Math.max(1, Math.min(24, step * 0.8))
  const y = (v: number) => PAD.top + innerH - (v / max) * innerH
  const ticks = [0, Math.round(max / 2), max]
  const labelEvery = Math.ceil(points.length / Math.max(2, Math.floor(innerW / LABEL_W)))
  const shown = active === null ? null : points[active]

  return (
    <figure class="chart" data-testid="trend">
      <figcaption>
        {t('trend.caption')}{' '}
        <button
          type="button"
          class="link-button"
          aria-pressed={asTable}
          data-testid="trend-table-toggle"
          onClick={() => setAsTable(!asTable)}
        >
          {asTable ? t('trend.showChart') : t('trend.showTable')}
        </button>
      </figcaption>
      {asTable ? (
        <table data-testid="trend-table">
          <thead>
            <tr>
              <th scope="col">{t('trend.day')}</th>
              <th scope="col" class="num">
                {t('trend.trackerRequests')}
              </th>
              <th scope="col" class="num">
                {t('trend.otherRequests')}
              </th>
              <th scope="col" class="num">
                {t('trend.sites')}
              </th>
            </tr>
          </thead>
          <tbody>
            {points.map((p) => (
              <tr key={p.day}>
                <td>{i18n.longDay(p.day)}</td>
                <td class="num">{i18n.num(p.trackerRequests)}</td>
                <td class="num">{i18n.num(p.otherRequests)}</td>
                <td class="num">{i18n.num(p.sites)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      ) : (
        <div class="chart-box" ref={box}>
          <svg
            viewBox={`0 0 ${width} ${H}`}
            role="group"
            aria-label={t('trend.caption')}
            onMouseLeave={() => setActive(null)}
          >
            {ticks.map((v) => (
              <g key={v} class="tick">
                <line x1={PAD.left} x2={width - PAD.right} y1={y(v)} y2={y(v)} />
                <text x={PAD.left - 6} y={y(v) + 4} text-anchor="end">
                  {i18n.num(v)}
                </text>
              </g>
            ))}
            {points.map((p, i) => {
              const x = PAD.left + i * step + (step - barW) / 2
              const label = t('trend.point', {
                day: i18n.longDay(p.day),
                n: p.trackerRequests,
                sites: p.sites,
              })
              return (
                <g key={p.day}>
                  <rect
                    class={active === i ? 'bar active' : 'bar'}
                    x={x}
                    y={y(p.trackerRequests)}
                    width={barW}
                    height={Math.max(0, PAD.top + innerH - y(p.trackerRequests))}
                  />
                  {/* A full-height target, so thin bars are easy to hover and to focus. */}
                  <rect
                    class="hit"
                    x={PAD.left + i * step}
                    y={PAD.top}
                    width={step}
                    height={innerH}
                    tabIndex={0}
                    role="img"
                    aria-label={label}
                    data-testid="trend-bar"
                    onMouseEnter={() => setActive(i)}
                    onFocus={() => setActive(i)}
                    onBlur={() => setActive(null)}
                  >
                    <title>{label}</title>
                  </rect>
                  {i % labelEvery === 0 && (
                    <text
                      class="axis"
                      x={PAD.left + i * step + step / 2}
                      y={H - 8}
                      text-anchor="middle"
                    >
                      {i18n.day(p.day)}
                    </text>
                  )}
                </g>
              )
            })}
          </svg>
          <p class="chart-readout" aria-live="polite" data-testid="trend-readout">
            {shown === null || shown === undefined
              ? t('trend.hint')
              : t('trend.point', {
                  day: i18n.longDay(shown.day),
                  n: shown.trackerRequests,
                  sites: shown.sites,
                })}
          </p>
        </div>
      )}
    </figure>
  )
}
