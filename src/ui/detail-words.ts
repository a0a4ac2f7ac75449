import type { DetailValue } from '@/detect/types'
import type { I18n, Vars } from '@/ui/i18n'
import type { MessageKey } from '@/ui/i18n/en'

/**
 * The words detectors store in a finding's details, in the reader's language.
 *
 * Detectors write a small, fixed English vocabulary ("third party", "until the browser
 * closes", "known Google identifier cookie"); the same details are the evidence file's format,
 * sealed and exported as they are, so they are not rewritten in storage. They are put in words
 * here, when shown, for old and new rows alike. Newer reasons are stored as codes with their
 * values beside them (`gpc-usp-not-opted-out` with `usPrivacy`). Anything else — names, IDs,
 * addresses, a site's own words — is shown as it was stored.
 *
 * A unit test (detail-words.test.ts) reads the detectors' sources and fails when one stores a
 * phrase this table does not know.
 */
const PHRASES: Record<string, MessageKey> = {
  // Cookies and IDs (cookies.ts, cookie-parse.ts, id-sync.ts, cname-cloaked.ts)
  set: 'value.set',
  sent: 'value.sent',
  dns: 'value.dns',
  'alias list': 'value.aliasList',
  'third party': 'value.thirdParty',
  'first party': 'value.firstParty',
  'random-looking value kept for 30 days or more': 'value.reason.longLived',
  'random-looking value sent to a third party': 'value.reason.sentToThirdParty',
  'unknown (sent)': 'value.lifetime.unknownSent',
  'until the browser closes': 'value.lifetime.session',
  deleted: 'value.lifetime.deleted',
  // What scripts did (fingerprint-audio.ts, session-recording.ts, personalization.ts)
  'offline rendering': 'value.audio.offline',
  analyser: 'value.audio.analyser',
  'known session-recording service': 'value.recording.known',
  'records the page as you use it': 'value.recording.behaviour',
  'loads its script': 'value.personalization.script',
  'exchanges data': 'value.personalization.data',
  'inline or unknown': 'value.script.inline',
  // Addresses and pixels (link-decoration.ts with src/data/click-ids.ts, pixels.ts)
  'click id': 'value.idKind.click',
  'user id': 'value.idKind.user',
  'email campaign': 'value.idKind.email',
  query: 'value.where.query',
  fragment: 'value.where.fragment',
  'query and fragment': 'value.where.both',
  // What a pixel's advanced matching sent about the person (src/data/pixels.ts)
  email: 'value.field.email',
  phone: 'value.field.phone',
  'first name': 'value.field.firstName',
  'last name': 'value.field.lastName',
  city: 'value.field.city',
  state: 'value.field.state',
  'zip code': 'value.field.zip',
  'date of birth': 'value.field.birthDate',
  gender: 'value.field.gender',
  country: 'value.field.country',
  'external ID': 'value.field.externalId',
  'page view': 'value.event.pageView',
  conversion: 'value.event.conversion',
  // Typed input sent away (background/input-watch.ts)
  'as typed': 'value.form.plain',
  'URL-encoded': 'value.form.urlEncoded',
  'base64-encoded': 'value.form.base64',
  'MD5 hash': 'value.form.md5',
  'SHA-1 hash': 'value.form.sha1',
  'SHA-256 hash': 'value.form.sha256',
  // Consent (consent-cookies.ts, consent-strings.ts, background/traffic.ts)
  refused: 'value.choice.refused',
  accepted: 'value.choice.accepted',
  'banner closed': 'value.choice.closed',
  'strictly necessary': 'value.purpose.strictlyNecessary',
  performance: 'value.purpose.performance',
  functional: 'value.purpose.functional',
  'targeting (advertising)': 'value.purpose.targeting',
  'social media': 'value.purpose.socialMedia',
  necessary: 'value.purpose.necessary',
  preferences: 'value.purpose.preferences',
  statistics: 'value.purpose.statistics',
  marketing: 'value.purpose.marketing',
  sale: 'value.optOut.sale',
  sharing: 'value.optOut.sharing',
  'targeted advertising': 'value.optOut.targetedAdvertising',
  'Cookie Consent (open source)': 'value.cmp.openSource',
  'your browser or another extension': 'value.gpc.otherSender',
  // Global Privacy Control (gpc.ts, gpc-honoured.ts): codes, not phrases
  'gpc-file-missing': 'value.gpc.fileMissing',
  'gpc-file-error': 'value.gpc.fileError',
  'gpc-file-too-large': 'value.gpc.fileTooLarge',
  'gpc-file-web-page': 'value.gpc.fileWebPage',
  'gpc-file-not-json': 'value.gpc.fileNotJson',
  'gpc-file-no-declaration': 'value.gpc.fileNoDeclaration',
  'gpc-file-not-boolean': 'value.gpc.fileNotBoolean',
  'gpc-says-no': 'value.gpc.saysNo',
  'gpc-unchanged-without-gpc': 'value.gpc.unchangedWithoutGpc',
  'gpc-usp-not-opted-out': 'value.gpc.uspNotOptedOut',
  'gpc-gpp-not-opted-out': 'value.gpc.gppNotOptedOut',
  'gpc-onetrust-not-applied': 'value.gpc.oneTrustNotApplied',
  'gpc-honours-but-shared': 'value.gpc.honoursButShared',
}

type Pattern = [RegExp, (i18n: I18n, m: RegExpMatchArray) => string]

const UNITS: Record<string, string> = {
  year: 'value.lifetime.years',
  day: 'value.lifetime.days',
  hour: 'value.lifetime.hours',
  minute: 'value.lifetime.minutes',
  second: 'value.lifetime.seconds',
}

/** Phrases with a value inside, as the detectors write them. */
const PATTERNS: Pattern[] = [
  // cookie-parse.ts lifetimeText: "1 day", "2 years", "45 seconds"
  [
    /^(\d+) (year|day|hour|minute|second)s?$/,
    (i18n, m) => i18n.tn(UNITS[m[2] ?? ''] ?? '', Number(m[1])),
  ],
  // cookies.ts identifierReason
  [
    /^known (.+) identifier cookie$/s,
    (i18n, m) => i18n.t('value.reason.known', { vendor: m[1] ?? '' }),
  ],
  // id-sync.ts
  [/^address parameter (.+)$/s, (i18n, m) => i18n.t('value.how.param', { name: m[1] ?? '' })],
  [
    /^cookie (.+) (set|sent)$/s,
    (i18n, m) =>
      i18n.t(m[2] === 'set' ? 'value.how.cookieSet' : 'value.how.cookieSent', { name: m[1] ?? '' }),
  ],
  // cname-cloaked.ts
  [/^collection path (.*)$/s, (i18n, m) => i18n.t('value.collectionPath', { path: m[1] ?? '' })],
  // thirdparty-learned.ts
  [
    /^identifiers seen on (\d+) or more sites$/,
    (i18n, m) => i18n.t('value.learnedRule', { n: Number(m[1]) }),
  ],
  // identifier-value.ts maskValue: "abcd… (hash 1a2b3c)"
  [
    /^(.*)… \(hash ([0-9a-z]+)\)$/s,
    (i18n, m) => i18n.t('value.maskedHash', { start: m[1] ?? '', hash: m[2] ?? '' }),
  ],
  // storage-identifier.ts: "localStorage: _uid = abcd… (32 characters)"
  [
    /^(localStorage|sessionStorage|cookie): (.*) = (.*)… \((\d+) characters\)$/s,
    (i18n, m) =>
      i18n.t('value.stored', {
        where: m[1] ?? '',
        key: m[2] ?? '',
        start: m[3] ?? '',
        n: Number(m[4]),
      }),
  ],
]

/** The values a code's sentence is filled with, taken from the detail it is part of. */
function varsOf(i18n: I18n, detail: Record<string, DetailValue> | undefined): Vars {
  const vars: Vars = {}
  for (const [k, v] of Object.entries(detail ?? {})) {
    if (typeof v === 'string' || typeof v === 'number') vars[k] = v
    else if (Array.isArray(v))
      vars[k] = v.map((x) => detailWord(i18n, x)).join(i18n.t('value.listSeparator'))
  }
  return vars
}

/**
 * One stored word or phrase in the reader's language, or as stored when it is not a
 * detector's own. `detail`: the rest of the finding's detail, for codes that name a value
 * kept beside them (a GPC reason and the US Privacy string it rests on).
 */
export function detailWord(
  i18n: I18n,
  value: string,
  detail?: Record<string, DetailValue>,
): string {
  if (Object.hasOwn(PHRASES, value))
    return i18n.t(PHRASES[value] as MessageKey, varsOf(i18n, detail))
  for (const [re, say] of PATTERNS) {
    const m = value.match(re)
    if (m !== null) return say(i18n, m)
  }
  return value
}

/** The phrases this module knows, for the test that keeps it in step with the detectors. */
export const KNOWN_PHRASES: readonly string[] = Object.keys(PHRASES)
export const PHRASE_PATTERNS: readonly RegExp[] = PATTERNS.map(([re]) => re)
