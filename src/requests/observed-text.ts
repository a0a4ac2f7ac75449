/**
 * The plain-text summary of what was observed on a site, attached to a letter in its language:
 * companies contacted, identifiers set, pixels fired, with dates. Every value came from the web
 * and is made plain text here.
 */
import { dayOf } from './dates'
import { isSingular, letterNumber } from './letters/format'
import type { LetterPack } from './letters/types'
import type { Observations } from './observe'
import { fill, plain } from './plain'

/** What the user chose to attach. */
export interface Include {
  companies: boolean
  identifiers: boolean
  pixels: boolean
}

/** Plain text, or a dash where nothing is left of it (a line never loses its shape). */
const text = (value: string, max?: number) => plain(value, max) || '—'

export function observedBlock(obs: Observations, include: Include, pack: LetterPack): string {
  const o = pack.phrases.observed
  const lang = pack.language
  const day = (at: number) => pack.date(dayOf(at))
  const lines: string[] = []
  if (include.companies && obs.companies.length > 0) {
    lines.push(o.companies)
    for (const c of obs.companies) {
      const from = day(c.firstAt)
      const to = day(c.lastAt)
      const n = letterNumber(c.requests, lang)
      lines.push(
        fill(o.companyLine, {
          name: text(c.name),
          domains: c.domains.map((d) => text(d)).join(', '),
          requests: fill(isSingular(c.requests, lang) ? o.requestOne : o.requestOther, { n }),
          when: from === to ? fill(o.onDay, { day: from }) : fill(o.dayRange, { from, to }),
        }),
      )
    }
  }
  if (include.identifiers && obs.identifiers.length > 0) {
    lines.push(o.identifiers)
    for (const i of obs.identifiers) {
      const line = fill(o.identifierLine, {
        company: text(i.company),
        domain: text(i.domain),
        name: text(i.name, 80),
      })
      const prefix = i.valuePrefix === undefined ? '' : plain(i.valuePrefix, 40)
      lines.push(prefix === '' ? line : line + fill(o.identifierValue, { prefix }))
    }
  }
  if (include.pixels && obs.pixels.length > 0) {
    lines.push(o.pixels)
    for (const px of obs.pixels) {
      let line = fill(o.pixelLine, {
        label: text(pack.phrases.pixelLabels[px.signal] ?? px.label),
        company: text(px.company),
        domain: text(px.domain),
      })
      const id = px.pixelId === undefined ? '' : plain(px.pixelId, 60)
      if (id !== '') line += fill(o.pixelId, { id })
      const events = px.events.map((e) => plain(e, 60)).filter((e) => e !== '')
      if (events.length > 0) line += fill(o.pixelEvents, { events: events.join(', ') })
      lines.push(line)
    }
  }
  if (lines.length === 0) return ''
  const site = text(obs.site)
  const header =
    obs.firstAt === null || obs.lastAt === null
      ? fill(o.header, { site })
      : dayOf(obs.firstAt) === dayOf(obs.lastAt)
        ? fill(o.headerOn, { site, day: day(obs.firstAt) })
        : fill(o.headerBetween, { site, from: day(obs.firstAt), to: day(obs.lastAt) })
  return [header, ...lines].join('\n')
}
