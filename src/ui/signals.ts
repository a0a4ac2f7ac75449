import type { FindingRow } from '@/db/schema'
import type { DetailValue } from '@/detect/types'

/** What each decoded signal is called, and what it means, in plain words. */
const SIGNALS: Record<string, { title: string; meaning: string }> = {
  'pixel.facebook': {
    title: 'Meta Pixel',
    meaning: 'Tells Meta what you do on this site, for ad targeting and measurement.',
  },
  'pixel.tiktok': {
    title: 'TikTok Pixel',
    meaning: 'Tells TikTok what you do on this site, for ad targeting and measurement.',
  },
  'pixel.linkedin': {
    title: 'LinkedIn Insight Tag',
    meaning: 'Tells LinkedIn you visited, for ad targeting and conversion tracking.',
  },
  'pixel.x': {
    title: 'X (Twitter) Pixel',
    meaning: 'Tells X what you do on this site, for ad targeting and measurement.',
  },
  'pixel.google_ads': {
    title: 'Google Ads conversion tracking',
    meaning: 'Tells Google Ads about your visit or purchase, to measure and target ads.',
  },
  'analytics.remarketing': {
    title: 'Google Analytics remarketing',
    meaning: 'Adds you to advertising audiences built from this site’s analytics.',
  },
  'consent.tcf': {
    title: 'Consent choice sent to companies (TCF)',
    meaning:
      'The site passed your cookie-banner choice to this company, in the format most ad companies in Europe use.',
  },
  'consent.usp': {
    title: 'US privacy choice sent to companies',
    meaning:
      'The site told this company whether you opted out of the sale of your data (CCPA US Privacy string).',
  },
  'consent.gpp': {
    title: 'Privacy choices sent to companies (GPP)',
    meaning:
      'The site passed your privacy choices to this company in the Global Privacy Platform format.',
  },
  'consent.cmp': {
    title: 'Cookie banner',
    meaning:
      'The site asks for your consent with a consent tool from this company. It keeps your choice in a cookie, and sites read it on your next visits.',
  },
  'gpc.sent': {
    title: 'Opt-out signal sent (GPC)',
    meaning:
      'Your browser told the site not to sell or share your data (Global Privacy Control). In California and several other places this is a legal opt-out request.',
  },
  'gpc.support': {
    title: 'GPC declaration',
    meaning:
      'Whether the site states, in its /.well-known/gpc.json file, that it honours the Global Privacy Control signal.',
  },
  'gpc.ignored': {
    title: 'This site ignored your opt-out signal',
    meaning:
      'Your browser sent the Global Privacy Control signal, yet the site still said you had not opted out of the sale or sharing of your data, or kept sharing your ID.',
  },
  'consent.before': {
    title: 'Tracking before you answered the cookie banner',
    meaning:
      'Companies that need your consent were already tracking you before you answered the site’s cookie banner, or kept on after you refused.',
  },
  'cookie.thirdparty': {
    title: 'Third-party cookies',
    meaning:
      'Another company set or read cookies while you were on this site. Cookies let it recognise your browser on every site where it is present.',
  },
  'cookie.identifier': {
    title: 'Cookies that identify you',
    meaning:
      'A cookie holds a long-lived unique value for your browser, so you can be recognised when you come back or visit other sites.',
  },
  'id.sync': {
    title: 'Your ID was shared between companies',
    meaning:
      'The same unique ID reached two or more companies during this visit, so they can match what each knows about you.',
  },
  personalization: {
    title: 'Testing and personalization',
    meaning:
      'A service that decides which version of the page you see, based on what it knows about you, and reports back what you did.',
  },
  'cname.cloaked': {
    title: 'Tracker disguised as this site',
    meaning:
      'An address that looks like part of this site actually belongs to a tracking company, so browser protections treat it as the site itself.',
  },
  'thirdparty.learned': {
    title: 'Likely tracker (learned)',
    meaning:
      'This company is on no tracker list, but Tracelight saw it setting or receiving IDs on several sites you visited.',
  },
  // What scripts do inside the page (MAIN-world probes).
  'fingerprint.canvas': {
    title: 'Canvas fingerprinting',
    meaning:
      'Drew hidden text and read the picture back: tiny differences in how your computer draws it can identify your browser.',
  },
  'fingerprint.canvas_font': {
    title: 'Font fingerprinting',
    meaning:
      'Measured the same text in dozens of fonts to find out which fonts you have installed, a way to tell your computer apart.',
  },
  'fingerprint.webgl': {
    title: 'Graphics card fingerprinting',
    meaning:
      'Read your graphics card’s make and model (or many of its settings) to help identify your browser.',
  },
  'fingerprint.audio': {
    title: 'Audio fingerprinting',
    meaning:
      'Made a silent sound inside the page and measured it: the result differs between computers and helps identify you.',
  },
  'fingerprint.webrtc': {
    title: 'Network address discovery',
    meaning:
      'Used the video-call feature of your browser, without any call, to learn your device’s network addresses.',
  },
  'fingerprint.navigator': {
    title: 'Device fingerprinting',
    meaning:
      'Read many details of your device (screen, language, processor, time zone…) that together single out your browser.',
  },
  'storage.identifier': {
    title: 'ID stored in your browser',
    meaning: 'Saved a unique ID in your browser so that it can recognise you when you come back.',
  },
  'session.recording': {
    title: 'Session recording',
    meaning:
      'Records what you do on the page (typing, clicks, mouse movements, scrolling) so that it can be replayed later.',
  },
  'input.exfiltration': {
    title: 'Sends what you type before you submit',
    meaning: 'What you typed into a form left the page before you pressed the button to send it.',
  },
  'link.decoration': {
    title: 'Tracking IDs in addresses',
    meaning:
      'An address carried a click or user ID that links this visit to an ad click, an e-mail or another site.',
  },
}

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

/** How a finding's company or site is introduced: who did it, or who received it. */
export function signalWho(signal: string, detail?: Record<string, DetailValue>): string {
  if (signal === 'consent.before' || signal === 'consent.cmp' || signal.startsWith('gpc.'))
    return 'on'
  // Read from the site's own consent tool (its cookie banner), not from a request.
  if (detail?.source === 'page') return 'your answer, read from the cookie banner of'
  if (detail?.source === 'cookie') return 'your choice, kept in a cookie by'
  return SCRIPT_SIGNALS.has(signal) ? 'by a script from' : 'to'
}

export function signalTitle(signal: string): string {
  return SIGNALS[signal]?.title ?? signal
}

export function signalMeaning(signal: string): string {
  return SIGNALS[signal]?.meaning ?? ''
}

/** A few words after the company, from the first decoded detail: the event, or the choice. */
export function signalSummary(signal: string, detail: Record<string, DetailValue> | undefined) {
  if (detail === undefined) return undefined
  if (signal === 'consent.before') return consentBeforeSummary(detail)
  if (signal === 'consent.cmp') return typeof detail.cmp === 'string' ? detail.cmp : undefined
  if (signal === 'gpc.sent') return `sent by ${String(detail.sentBy ?? 'your browser')}`
  if (signal === 'gpc.support')
    return detail.honours === true ? 'This site says it honours GPC' : 'No GPC declaration'
  if (signal === 'gpc.ignored')
    return Array.isArray(detail.reasons) && detail.reasons[0] !== undefined
      ? detail.reasons[0]
      : undefined
  if (signal === 'consent.tcf') return tcfSummary(detail)
  if (signal === 'consent.usp') {
    return detail.optedOut === true ? 'opted out of sale' : 'no opt-out'
  }
  if (signal === 'consent.gpp') {
    const out = detail.optedOut
    return Array.isArray(out) && out.length > 0 ? `opted out of ${out.join(', ')}` : 'no opt-out'
  }
  return detail.event !== undefined ? String(detail.event) : undefined
}

/** "You accepted 10 purposes for 812 vendors on 3 May 2026" (the choice a TC string holds). */
function tcfSummary(detail: Record<string, DetailValue>): string {
  const { purposes, vendors, decidedOn } = detail
  if (!Array.isArray(purposes) || typeof vendors !== 'number')
    return detail.adsRefused === true ? 'personalised ads refused' : 'personalised ads agreed to'
  const n = purposes.length
  const day =
    typeof decidedOn === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(decidedOn)
      ? ` on ${new Date(`${decidedOn}T12:00:00Z`).toLocaleDateString('en-GB', { day: 'numeric', month: 'short', year: 'numeric', timeZone: 'UTC' })}`
      : ''
  if (n === 0) return `You refused every purpose${day}`
  const what = `${n} ${n === 1 ? 'purpose' : 'purposes'} for ${vendors} ${vendors === 1 ? 'company' : 'companies'}`
  return `You accepted ${what}${day}${detail.adsRefused === true ? ', but not personalised ads' : ''}`
}

const countOf = (v: DetailValue | undefined) => (Array.isArray(v) ? new Set(v).size : 0)
const companies = (n: number) => (n === 1 ? '1 company' : `${n} companies`)

/** "Before you answered the cookie banner, 3 companies had already loaded". */
function consentBeforeSummary(detail: Record<string, DetailValue>): string {
  const before = countOf(detail.companies)
  const after = countOf(detail.afterRefusal)
  const parts: string[] = []
  if (before > 0)
    parts.push(
      detail.answered === true
        ? `Before you answered the cookie banner, ${companies(before)} had already loaded`
        : `You did not answer the cookie banner, and ${companies(before)} loaded anyway`,
    )
  if (after > 0)
    parts.push(
      detail.refusedEarlier === true && before === 0
        ? `You refused on an earlier visit, and ${companies(after)} tracked you for ads anyway`
        : `${companies(after)} still tracked you after you refused`,
    )
  return parts.join('; ')
}

/** Words for detail keys the detectors use; others are spelled out from camelCase. */
const KEY_LABELS: Record<string, string> = {
  event: 'Event',
  events: 'Events',
  pixelId: 'Pixel ID',
  hashedFields: 'Personal data sent (hashed)',
  customData: 'Custom data sent',
  customDataKeys: 'Custom data sent',
  standardEvent: 'Standard event',
  page: 'Page',
  pageHost: 'Page',
  parameters: 'Parameters',
  platforms: 'Used by',
  conversionId: 'Conversion ID',
  label: 'Conversion label',
  measurementIds: 'Analytics IDs',
  where: 'Found in',
  navigation: 'In the page address',
  campaign: 'Campaign parameters',
  remarketing: 'Remarketing',
  unhashedFields: 'Personal data sent in clear text',
  kinds: 'Kind of ID',
  endpoint: 'Sent to',
  valueSent: 'Purchase value sent',
  purposes: 'Agreed to',
  refused: 'Refused',
  vendors: 'Companies agreed to',
  cmp: 'Consent tool number (IAB CMP id)',
  adsRefused: 'Personalised ads refused',
  decidedOn: 'Choice made on',
  country: 'Site’s country',
  optedOut: 'Opted out',
  notice: 'Told about the right to opt out',
  usPrivacy: 'US Privacy string',
  sections: 'Sections',
  direction: 'Cookie',
  names: 'Cookie names',
  name: 'Cookie name',
  domain: 'For domain',
  lifetime: 'Kept for',
  party: 'Party',
  value: 'Value (shortened)',
  reason: 'Why it counts',
  partitioned: 'Partitioned (kept separately per site)',
  from: 'Held first by',
  to: 'Passed to',
  howTheyHadIt: 'How the first had it',
  howItArrived: 'How it arrived',
  vendor: 'Service',
  host: 'Address',
  what: 'What it does',
  service: 'Really belongs to',
  method: 'How we know',
  canonicalName: 'DNS points to',
  sites: 'Seen on',
  siteCount: 'Number of sites',
  rule: 'Rule',
  script: 'Script',
  textDrawn: 'Text drawn',
  colours: 'Colours used',
  readBack: 'Picture read back',
  calls: 'What the script called',
  fontsTried: 'Fonts tried',
  timesMeasured: 'Times the text was measured',
  textMeasured: 'Text measured',
  someFonts: 'Some of the fonts',
  graphicsCardRead: 'Read the graphics card model',
  parametersRead: 'Graphics settings read',
  pixelsRead: 'Read pixels back',
  propertiesRead: 'Device details read',
  properties: 'Details read',
  stored: 'Stored',
  how: 'How it was recognised',
  sentAs: 'Sent as',
  source: 'Source',
  companies: 'Companies',
  signals: 'What they did',
  answered: 'You answered the banner',
  firstAfterMs: 'First tracking (ms after the page started)',
  bannerAfterMs: 'Banner shown (ms after the page started)',
  answeredAfterMs: 'You answered (ms after the page started)',
  afterRefusal: 'Still tracking after you refused',
  refusedEarlier: 'You refused on an earlier visit',
  allowed: 'Allowed',
  choice: 'Your choice',
  cookie: 'Cookie',
  pageObject: 'Found by its page object',
  gpcApplied: 'The consent tool applied GPC',
  notOptedOut: 'Not opted out of',
  header: 'Header',
  sentBy: 'Sent by',
  reasons: 'Why',
  declaredHonours: 'The site says it honours GPC',
  toldNotOptedOut: 'Told you had not opted out',
  stillShared: 'Still passed your ID to',
  honours: 'Says it honours GPC',
  lastUpdate: 'Declaration updated on',
}

/** TCF purposes (IAB Europe TCF v2.2 policy, Appendix A), in a few plain words each. */
const TCF_PURPOSES: Record<string, string> = {
  '1': 'storing or reading data on your device',
  '2': 'basic ads',
  '3': 'an advertising profile of you',
  '4': 'ads based on that profile',
  '5': 'a content profile of you',
  '6': 'content based on that profile',
  '7': 'measuring ads',
  '8': 'measuring content',
  '9': 'audience research',
  '10': 'improving products',
  '11': 'basic content',
}
const PURPOSE_KEYS = new Set(['purposes', 'refused'])

function keyLabel(key: string): string {
  const known = KEY_LABELS[key]
  if (known !== undefined) return known
  const words = key
    .replace(/([a-z])([A-Z])/g, '$1 $2')
    .replace(/[_-]+/g, ' ')
    .toLowerCase()
  return words.charAt(0).toUpperCase() + words.slice(1)
}

/** Detector words that read better in plain language. */
const VALUE_WORDS: Record<string, string> = {
  set: 'set by the response',
  sent: 'sent with the request',
  dns: 'the DNS name of the address',
  'alias list': 'a known collection address of that company',
}

function valueText(value: DetailValue): string {
  if (typeof value === 'string' && VALUE_WORDS[value] !== undefined) return VALUE_WORDS[value]
  if (Array.isArray(value)) return value.length === 0 ? 'none' : value.join(', ')
  if (typeof value === 'boolean') return value ? 'yes' : 'no'
  return String(value)
}

/** One decoded detail as label/value lines for people. */
export function detailLines(detail: Record<string, DetailValue>): [string, string][] {
  return Object.entries(detail)
    .filter(([, v]) => !(Array.isArray(v) && v.length === 0))
    .map(([k, v]) => [
      keyLabel(k),
      PURPOSE_KEYS.has(k) && Array.isArray(v)
        ? v.map((p) => TCF_PURPOSES[p] ?? (/^\d+$/.test(p) ? `purpose ${p}` : p)).join(', ')
        : valueText(v),
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
