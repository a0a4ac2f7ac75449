import type { FindingRow } from '@/db/schema'
import type { DetailValue } from '@/detect/types'
import { detailWord } from '@/ui/detail-words'
import type { I18n } from '@/ui/i18n'
import { gpcComparisonSentences } from '@/ui/gpc-words'
import { en, type MessageKey } from '@/ui/i18n/en'

/** Signals about what a script did in the page, rather than what a request carried. */
const SCRIPT_SIGNALS = new Set([
  'fingerprint.canvas',
  'fingerprint.canvas_font',
  'fingerprint.webgl',
  'fingerprint.audio',
  'fingerprint.webrtc',
  'fingerprint.navigator',
  'storage.identifier',
])

const isKey = (k: string): k is MessageKey => Object.hasOwn(en, k)

export type Who = 'on' | 'banner' | 'cookie' | 'script' | 'to'

/** How a finding's company or site is introduced: who did it, or who received it. */
export function signalWhoKind(signal: string, detail?: Record<string, DetailValue>): Who {
  if (signal === 'consent.before' || signal === 'consent.cmp' || signal.startsWith('gpc.'))
    return 'on'
  // Read from the site's own consent tool (its cookie banner), not from a request.
  if (detail?.source === 'page') return 'banner'
  if (detail?.source === 'cookie') return 'cookie'
  return SCRIPT_SIGNALS.has(signal) ? 'script' : 'to'
}

export function signalWho(
  i18n: I18n,
  signal: string,
  detail?: Record<string, DetailValue>,
): string {
  return i18n.t(`who.${signalWhoKind(signal, detail)}`)
}

/** What a signal is called (its id, for one no catalogue knows yet). */
export function signalTitle(i18n: I18n, signal: string): string {
  const key = `signal.${signal}.title`
  return isKey(key) ? i18n.t(key) : signal
}

export function signalMeaning(i18n: I18n, signal: string): string {
  const key = `signal.${signal}.meaning`
  return isKey(key) ? i18n.t(key) : ''
}

/** A few words after the company, from the first decoded detail: the event, or the choice. */
export function signalSummary(
  i18n: I18n,
  signal: string,
  detail: Record<string, DetailValue> | undefined,
): string | undefined {
  if (detail === undefined) return undefined
  if (signal === 'consent.before') return consentBeforeSummary(i18n, detail)
  if (signal === 'consent.cmp')
    return typeof detail.cmp === 'string' ? detailWord(i18n, detail.cmp) : undefined
  if (signal === 'gpc.sent')
    return i18n.t('summary.gpc.sentBy', {
      who:
        typeof detail.sentBy === 'string'
          ? detailWord(i18n, detail.sentBy)
          : i18n.t('summary.gpc.yourBrowser'),
    })
  if (signal === 'gpc.support')
    return i18n.t(detail.honours === true ? 'summary.gpc.honours' : 'summary.gpc.noDeclaration')
  // What went on unchanged since the visits without GPC, in the person's language; else the
  // first reason: a code (older rows: an English sentence, shown as it was stored).
  if (signal === 'gpc.ignored')
    return (
      gpcComparisonSentences(i18n, detail)[0] ??
      (Array.isArray(detail.reasons) && detail.reasons[0] !== undefined
        ? detailWord(i18n, detail.reasons[0], detail)
        : undefined)
    )
  if (signal === 'consent.tcf') return tcfSummary(i18n, detail)
  if (signal === 'consent.usp')
    return i18n.t(detail.optedOut === true ? 'summary.usp.optedOut' : 'summary.noOptOut')
  if (signal === 'consent.gpp') {
    const out = detail.optedOut
    return Array.isArray(out) && out.length > 0
      ? i18n.t('summary.gpp.optedOut', {
          what: out.map((o) => detailWord(i18n, o)).join(i18n.t('value.listSeparator')),
        })
      : i18n.t('summary.noOptOut')
  }
  return detail.event !== undefined ? String(detail.event) : undefined
}

/** "You accepted 10 purposes for 812 companies on 3 May 2026" (the choice a TC string holds). */
function tcfSummary(i18n: I18n, detail: Record<string, DetailValue>): string {
  const { purposes, vendors, decidedOn } = detail
  if (!Array.isArray(purposes) || typeof vendors !== 'number')
    return i18n.t(detail.adsRefused === true ? 'summary.tcf.refused' : 'summary.tcf.agreed')
  const day =
    typeof decidedOn === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(decidedOn)
      ? i18n.longDay(decidedOn)
      : null
  if (purposes.length === 0)
    return day === null
      ? i18n.t('summary.tcf.refusedAll')
      : i18n.t('summary.tcf.refusedAllOn', { day })
  const words = {
    purposes: i18n.tn('summary.tcf.purposes', purposes.length),
    companies: i18n.tn('summary.companies', vendors),
  }
  const choice =
    day === null
      ? i18n.t('summary.tcf.accepted', words)
      : i18n.t('summary.tcf.acceptedOn', { ...words, day })
  return detail.adsRefused === true ? i18n.t('summary.tcf.notAds', { choice }) : choice
}

const countOf = (v: DetailValue | undefined) => (Array.isArray(v) ? new Set(v).size : 0)

/** "Before you answered the cookie banner, 3 companies had already loaded". */
function consentBeforeSummary(i18n: I18n, detail: Record<string, DetailValue>): string {
  const before = countOf(detail.companies)
  const after = countOf(detail.afterRefusal)
  const companies = (n: number) => i18n.tn('summary.companies', n)
  const parts: string[] = []
  if (before > 0)
    parts.push(
      i18n.t(detail.answered === true ? 'summary.before.answered' : 'summary.before.unanswered', {
        companies: companies(before),
      }),
    )
  if (after > 0)
    parts.push(
      i18n.t(
        detail.refusedEarlier === true && before === 0
          ? 'summary.before.refusedEarlier'
          : 'summary.before.afterRefusal',
        { companies: companies(after) },
      ),
    )
  const text = parts.join(i18n.t('summary.separator'))
  return text.charAt(0).toUpperCase() + text.slice(1)
}

const PURPOSE_KEYS = new Set(['purposes', 'refused'])

/** A detail key in words: the catalogue's, else spelled out from camelCase. */
function keyLabel(i18n: I18n, key: string): string {
  const known = `detail.${key}`
  if (isKey(known)) return i18n.t(known)
  const words = key
    .replace(/([a-z])([A-Z])/g, '$1 $2')
    .replace(/[_-]+/g, ' ')
    .toLowerCase()
  return words.charAt(0).toUpperCase() + words.slice(1)
}

function valueText(i18n: I18n, value: DetailValue, detail: Record<string, DetailValue>): string {
  if (typeof value === 'string') return detailWord(i18n, value, detail)
  if (Array.isArray(value))
    return value.length === 0
      ? i18n.t('value.none')
      : value.map((v) => detailWord(i18n, v, detail)).join(i18n.t('value.listSeparator'))
  if (typeof value === 'boolean') return i18n.t(value ? 'value.yes' : 'value.no')
  return i18n.num(value)
}

/** A TCF purpose in words; a number no list names is "purpose 12"; anything else (a purpose a
 * consent platform names itself) as it is. */
function purposeText(i18n: I18n, id: string): string {
  if (!/^\d+$/.test(id)) return id
  const key = `tcf.${id}`
  return isKey(key) ? i18n.t(key) : i18n.t('tcf.other', { id })
}

/** One decoded detail as label/value lines for people. */
export function detailLines(i18n: I18n, detail: Record<string, DetailValue>): [string, string][] {
  return Object.entries(detail)
    .filter(([, v]) => !(Array.isArray(v) && v.length === 0))
    .map(([k, v]) => [
      keyLabel(i18n, k),
      PURPOSE_KEYS.has(k) && Array.isArray(v)
        ? v.map((p) => purposeText(i18n, String(p))).join(i18n.t('value.listSeparator'))
        : valueText(i18n, v, detail),
    ])
}

const REQUEST_SIGNALS = new Set(['tracker.request', 'thirdparty.request'])

/** Shown before all others: tracking before consent is the strongest finding (issue 5), then
 * an ignored opt-out signal. */
const STRONGEST = ['consent.before', 'gpc.ignored']
const strength = (signal: string) => {
  const i = STRONGEST.indexOf(signal)
  return i < 0 ? 0 : STRONGEST.length - i
}

/** Findings other than "who was contacted", strongest first. */
export function decodedFindings(findings: readonly FindingRow[]): FindingRow[] {
  return findings
    .filter((f) => !REQUEST_SIGNALS.has(f.signal))
    .sort(
      (a, b) =>
        strength(b.signal) - strength(a.signal) ||
        a.signal.localeCompare(b.signal) ||
        b.count - a.count,
    )
}
