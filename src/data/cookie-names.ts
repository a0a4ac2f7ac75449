/**
 * Cookie names whose value is, by the vendor's own documentation, an identifier of the browser
 * or the person, and names that are by design not identifiers (consent state, security,
 * load balancing, short sessions). Written by us; the source is on each entry. Names ending in
 * `*` match any suffix (`_hjSessionUser_123456`).
 */
export interface KnownCookie {
  vendor: string
  /** Where the vendor documents what the cookie holds. */
  source: string
}

const GA = 'support.google.com/analytics/answer/11397207 (Google Analytics cookie usage)'
const GADS = 'business.safety.google/adscookies/ (Google advertising cookies)'
const META = 'developers.facebook.com/docs/marketing-api/conversions-api/parameters/fbp-and-fbc'
const k = (vendor: string, source: string): KnownCookie => ({ vendor, source })

export const IDENTIFIER_COOKIES: Readonly<Record<string, KnownCookie>> = {
  _ga: k('Google Analytics', GA),
  _gid: k('Google Analytics', GA),
  __utma: k('Google Analytics (legacy)', GA),
  _gcl_au: k('Google Ads', GADS),
  _gcl_aw: k('Google Ads', GADS),
  IDE: k('Google (DoubleClick)', GADS),
  DSID: k('Google (DoubleClick)', GADS),
  test_cookie: k('Google (DoubleClick)', GADS),
  _fbp: k('Meta', META),
  _fbc: k('Meta', META),
  fr: k('Meta', 'facebook.com/policies/cookies/'),
  uuid2: k('Xandr (Microsoft)', 'learn.microsoft.com/xandr/bidders/xandr-cookies (uuid2)'),
  anj: k('Xandr (Microsoft)', 'learn.microsoft.com/xandr/bidders/xandr-cookies'),
  ajs_anonymous_id: k(
    'Segment',
    'segment.com/docs/connections/sources/catalog/libraries/website/javascript/identity/',
  ),
  ajs_user_id: k(
    'Segment',
    'segment.com/docs/connections/sources/catalog/libraries/website/javascript/identity/',
  ),
  '_hjSessionUser_*': k(
    'Hotjar',
    'help.hotjar.com/hc/en-us/articles/6952777582999 (Hotjar cookies)',
  ),
  _uetvid: k('Microsoft Advertising', 'help.ads.microsoft.com (UET: _uetvid, _uetsid, MUID)'),
  _uetsid: k('Microsoft Advertising', 'help.ads.microsoft.com (UET: _uetvid, _uetsid, MUID)'),
  MUID: k('Microsoft', 'help.ads.microsoft.com (UET: _uetvid, _uetsid, MUID)'),
  _ttp: k('TikTok', 'ads.tiktok.com/help/article/using-cookies-with-tiktok-pixel'),
  li_sugr: k('LinkedIn', 'linkedin.com/legal/l/cookie-table'),
  bcookie: k('LinkedIn', 'linkedin.com/legal/l/cookie-table'),
  _pin_unauth: k('Pinterest', 'policy.pinterest.com/en/cookies'),
  personalization_id: k('X', 'help.x.com/en/rules-and-policies/x-cookies'),
  muc_ads: k('X', 'help.x.com/en/rules-and-policies/x-cookies'),
  _scid: k('Snap', 'businesshelp.snapchat.com (Snap Pixel cookies)'),
  hubspotutk: k(
    'HubSpot',
    'knowledge.hubspot.com/privacy-and-consent/what-cookies-does-hubspot-set-in-a-visitor-s-browser',
  ),
  __hstc: k(
    'HubSpot',
    'knowledge.hubspot.com/privacy-and-consent/what-cookies-does-hubspot-set-in-a-visitor-s-browser',
  ),
  _clck: k('Microsoft Clarity', 'learn.microsoft.com/clarity/setup-and-installation/cookie-list'),
  CLID: k('Microsoft Clarity', 'learn.microsoft.com/clarity/setup-and-installation/cookie-list'),
  'mp_*_mixpanel': k(
    'Mixpanel',
    'docs.mixpanel.com/docs/tracking-methods/sdks/javascript (persistence cookie)',
  ),
  _pk_id: k('Matomo', 'matomo.org/faq/general/faq_146/ (Matomo cookies)'),
  '_pk_id.*': k('Matomo', 'matomo.org/faq/general/faq_146/ (Matomo cookies)'),
  s_ecid: k(
    'Adobe Experience Cloud',
    'experienceleague.adobe.com/docs/core-services/interface/data-collection/cookies/',
  ),
  AMCV_: k(
    'Adobe Experience Cloud',
    'experienceleague.adobe.com/docs/core-services/interface/data-collection/cookies/',
  ),
  'AMCV_*': k(
    'Adobe Experience Cloud',
    'experienceleague.adobe.com/docs/core-services/interface/data-collection/cookies/',
  ),
  demdex: k(
    'Adobe Audience Manager',
    'experienceleague.adobe.com/docs/audience-manager/user-guide/overview/data-security-and-privacy/data-privacy-cookies.html',
  ),
  optimizelyEndUserId: k(
    'Optimizely',
    'support.optimizely.com (Optimizely Web Experimentation cookies)',
  ),
  _vwo_uuid: k('VWO', 'help.vwo.com (cookies used by VWO)'),
  ABTasty: k('AB Tasty', 'docs.abtasty.com (cookies and storage)'),
  kameleoonVisitorCode: k('Kameleoon', 'developers.kameleoon.com (visitor code)'),
  _dyid: k('Dynamic Yield', 'support.dynamicyield.com (cookies used by Dynamic Yield)'),
  mt_misc: k('Monetate', 'docs.monetate.com (Monetate cookies)'),
  mt_mop: k('Monetate', 'docs.monetate.com (Monetate cookies)'),
  __exponea_etc__: k(
    'Bloomreach Engagement',
    'documentation.bloomreach.com/engagement/docs/tracking (cookie etc)',
  ),
  _BEAMER_USER_ID_: k('Beamer', 'getbeamer.com/help (cookies)'),
}

/**
 * Never identifiers whatever their value looks like: consent records (a TCF string is long and
 * random-looking but says what you chose, not who you are), CSRF and bot-check tokens,
 * load-balancer stickiness and server session ids that die with the session.
 */
export const NOT_IDENTIFIER_COOKIES: readonly string[] = [
  // IAB TCF v2 (github.com/InteractiveAdvertisingBureau/GDPR-Transparency-and-Consent-Framework)
  'euconsent-v2',
  'euconsent',
  'addtl_consent',
  'usprivacy',
  // OneTrust, Cookiebot, Didomi, Quantcast Choice consent records (their cookie documentation)
  'OptanonConsent',
  'OptanonAlertBoxClosed',
  'CookieConsent',
  'didomi_token',
  'consentUUID',
  'cookieconsent_status',
  // Cloudflare (developers.cloudflare.com/fundamentals/reference/policies-compliances/cloudflare-cookies/)
  '__cf_bm',
  'cf_clearance',
  '__cflb',
  // AWS load balancers (docs.aws.amazon.com/elasticloadbalancing, sticky sessions)
  'AWSALB',
  'AWSALBCORS',
  // Framework session and CSRF cookies
  'PHPSESSID',
  'JSESSIONID',
  'ASP.NET_SessionId',
  'csrftoken',
  'XSRF-TOKEN',
  '_csrf',
  // Google Analytics throttle and per-stream session state, not the client id (GA cookie usage)
  '_gat',
  '_gat_*',
  '_ga_*',
]
