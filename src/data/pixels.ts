/**
 * Facts about ad pixels that the `pixels` detector decodes, written from the vendors' public
 * documentation (source on each entry).
 */

/** Meta's standard events; any other `ev` is a custom event the site defined.
 * Source: developers.facebook.com/docs/meta-pixel/reference ("Standard events"). */
export const META_STANDARD_EVENTS: ReadonlySet<string> = new Set([
  'PageView',
  'ViewContent',
  'Search',
  'AddToCart',
  'AddToWishlist',
  'InitiateCheckout',
  'AddPaymentInfo',
  'Purchase',
  'Lead',
  'CompleteRegistration',
  'Contact',
  'CustomizeProduct',
  'Donate',
  'FindLocation',
  'Schedule',
  'StartTrial',
  'SubmitApplication',
  'Subscribe',
])

/** Matching fields a pixel sends about the person, in words for people. */
export const MATCHING_FIELDS: Readonly<Record<string, string>> = {
  // Meta advanced matching, `ud[...]`: developers.facebook.com/docs/meta-pixel/advanced/advanced-matching
  em: 'email',
  ph: 'phone',
  fn: 'first name',
  ln: 'last name',
  ct: 'city',
  st: 'state',
  zp: 'zip code',
  db: 'date of birth',
  ge: 'gender',
  country: 'country',
  external_id: 'external ID',
  // TikTok advanced matching, `ttq.identify({ email, phone_number, external_id })`:
  // TikTok for Business Help Center, "About advanced matching for web".
  email: 'email',
  phone_number: 'phone',
}

/** TikTok's `context.user` members that carry matching fields (same source as above). */
export const TIKTOK_MATCHING_KEYS = ['email', 'phone_number', 'external_id'] as const
