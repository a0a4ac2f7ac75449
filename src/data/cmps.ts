/**
 * Consent-management platforms (the companies behind cookie banners), and how to recognise
 * each one on a page without clicking anything:
 * - `hosts`: where the vendor serves its banner script today. third-party-web files most CMPs
 *   under the `consent-provider` category, but mostly by their old `*.mgr.consensu.org`
 *   addresses (retired with TCF v2.0) and some under `utility` (cookiebot.com, trustarc.com,
 *   iubenda.com) or even `ad` (inmobi.com): these hosts fill that gap. A host matches itself
 *   and its subdomains.
 * - `globals`: the object the vendor's script puts on `window` (read as an own property,
 *   never called). This also finds platforms a site hosts itself (Complianz, Borlabs, Klaro),
 *   which have no vendor host to see.
 * - `cookies`: the cookie in which the platform keeps the person's choice.
 * - `banner`: a CSS selector of the banner element it shows (its documented element id or
 *   class), so the moment the banner appears is known even without an IAB interface.
 * Facts taken from each vendor's public developer documentation (script tag, JavaScript
 * API, cookie list); bundled, never fetched.
 */
export interface CmpInfo {
  name: string
  hosts: readonly string[]
  globals: readonly string[]
  cookies: readonly string[]
  banner?: string
}

export const CMPS: readonly CmpInfo[] = [
  {
    name: 'OneTrust',
    hosts: ['cdn.cookielaw.org', 'geolocation.onetrust.com', 'cookie-cdn.cookiepro.com'],
    globals: ['OneTrust', 'OptanonWrapper'],
    cookies: ['OptanonConsent', 'OptanonAlertBoxClosed'],
    banner: '#onetrust-banner-sdk',
  },
  {
    name: 'Cookiebot',
    hosts: ['consent.cookiebot.com', 'consentcdn.cookiebot.com', 'consent.cookiebot.eu'],
    globals: ['Cookiebot'],
    cookies: ['CookieConsent'],
    banner: '#CybotCookiebotDialog',
  },
  {
    name: 'Usercentrics',
    hosts: ['app.usercentrics.eu', 'web.cmp.usercentrics.eu', 'privacy-proxy.usercentrics.eu'],
    globals: ['UC_UI', '__ucCmp'],
    cookies: [],
  },
  {
    name: 'Didomi',
    hosts: ['sdk.privacy-center.org'],
    globals: ['Didomi'],
    cookies: ['didomi_token'],
    banner: '#didomi-notice, #didomi-popup',
  },
  {
    name: 'Sourcepoint',
    hosts: ['cdn.privacy-mgmt.com'],
    globals: ['_sp_'],
    cookies: [],
    banner: '[id^="sp_message_container_"]',
  },
  {
    name: 'InMobi Choice',
    hosts: ['cmp.inmobi.com', 'cmp.quantcast.com'],
    globals: [],
    cookies: [],
    banner: '#qc-cmp2-ui',
  },
  {
    name: 'TrustArc',
    hosts: ['consent.trustarc.com', 'consent.truste.com'],
    globals: ['truste'],
    cookies: ['notice_preferences', 'cmapi_cookie_privacy'],
    banner: '#truste-consent-track',
  },
  {
    name: 'consentmanager',
    hosts: ['cdn.consentmanager.net', 'delivery.consentmanager.net'],
    globals: ['cmpmngr'],
    cookies: [],
    banner: '#cmpbox',
  },
  {
    name: 'Osano',
    hosts: ['cmp.osano.com'],
    globals: ['Osano'],
    cookies: [],
    banner: '.osano-cm-dialog:not(.osano-cm-dialog--hidden)',
  },
  { name: 'Termly', hosts: ['app.termly.io'], globals: ['Termly'], cookies: [] },
  {
    name: 'iubenda',
    hosts: ['cdn.iubenda.com', 'cs.iubenda.com'],
    globals: ['_iub'],
    cookies: [],
    banner: '#iubenda-cs-banner',
  },
  {
    name: 'CookieYes',
    hosts: ['cdn-cookieyes.com'],
    globals: ['getCkyConsent'],
    cookies: ['cookieyes-consent'],
    banner: '.cky-consent-container:not(.cky-hide)',
  },
  { name: 'Axeptio', hosts: ['static.axept.io'], globals: ['axeptioSDK'], cookies: [] },
  { name: 'Ketch', hosts: ['global.ketchcdn.com'], globals: ['ketch'], cookies: [] },
  {
    name: 'Google (Privacy & messaging)',
    hosts: ['fundingchoicesmessages.google.com'],
    globals: [],
    cookies: [],
    banner: '.fc-consent-root',
  },
  {
    name: 'Commanders Act',
    hosts: ['cdn.trustcommander.net'],
    globals: [],
    cookies: ['TC_PRIVACY'],
  },
  {
    name: 'Civic Cookie Control',
    hosts: ['cc.cdn.civiccomputing.com'],
    globals: ['CookieControl'],
    cookies: ['CookieControl'],
    banner: '#ccc-notify',
  },
  {
    name: 'Cookie Information',
    hosts: ['policy.app.cookieinformation.com'],
    globals: ['CookieInformation'],
    cookies: ['CookieInformationConsent'],
  },
  { name: 'Sirdata', hosts: ['cache.consentframework.com'], globals: [], cookies: [] },
  { name: 'LiveRamp', hosts: ['gdpr-wrapper.privacymanager.io'], globals: [], cookies: [] },
  { name: 'CookieFirst', hosts: ['consent.cookiefirst.com'], globals: [], cookies: [] },
  { name: 'Cookie Script', hosts: ['cdn.cookie-script.com'], globals: [], cookies: [] },
  { name: 'Securiti', hosts: ['cdn-prod.securiti.ai'], globals: [], cookies: [] },
  // Hosted by the site itself: recognised by their page object or cookie only.
  {
    name: 'Complianz',
    hosts: [],
    globals: ['complianz'],
    cookies: [],
    banner: '.cmplz-cookiebanner.cmplz-show',
  },
  {
    name: 'Borlabs Cookie',
    hosts: [],
    globals: ['BorlabsCookie'],
    cookies: ['borlabs-cookie'],
    banner: '#BorlabsCookieBox',
  },
  { name: 'Klaro', hosts: [], globals: ['klaro'], cookies: [], banner: '.klaro .cookie-notice' },
  {
    name: 'Cookie Consent (open source)',
    hosts: [],
    globals: [],
    cookies: ['cookieconsent_status'],
    banner: '.cc-window:not(.cc-invisible)',
  },
]

const byHost = new Map<string, string>()
const byGlobal = new Map<string, string>()
const byCookie = new Map<string, string>()
const bySlug = new Map<string, string>()
const banners: [string, string][] = []
/** A short name for the wire: 'OneTrust' → 'onetrust', 'Google (Privacy & messaging)' →
 * 'google-privacy-messaging'. */
export const cmpSlug = (name: string) =>
  name
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-|-$/g, '')
for (const cmp of CMPS) {
  bySlug.set(cmpSlug(cmp.name), cmp.name)
  if (cmp.banner !== undefined) banners.push([cmpSlug(cmp.name), cmp.banner])
  for (const host of cmp.hosts) byHost.set(host, cmp.name)
  for (const name of cmp.globals) byGlobal.set(name, cmp.name)
  for (const name of cmp.cookies) byCookie.set(name, cmp.name)
}

/** The platform serving from this host (or a parent domain of it), if any. */
export function cmpOfHost(host: string): string | undefined {
  let h = host.toLowerCase()
  for (;;) {
    const name = byHost.get(h)
    if (name !== undefined) return name
    const dot = h.indexOf('.')
    if (dot < 0 || h.indexOf('.', dot + 1) < 0) return undefined
    h = h.slice(dot + 1)
  }
}

/** Window properties the page probe looks for, each with its platform. */
export const CMP_GLOBALS: ReadonlyMap<string, string> = byGlobal

/** Banner selectors the page probe looks for, each with its platform's slug. */
export const CMP_BANNERS: readonly (readonly [string, string])[] = banners

/** The platform of a slug sent by the page probe. */
export const cmpOfSlug = (slug: string): string | undefined => bySlug.get(slug)

/** The platform that keeps its choice in this cookie, if any. */
export const cmpOfCookie = (name: string): string | undefined => byCookie.get(name)
