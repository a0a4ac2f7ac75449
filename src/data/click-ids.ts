/**
 * URL parameters that carry a click id, a user id or a per-recipient e-mail id: what turns a
 * link into a tracking link. Written by us from the vendors' documentation and Brave's query
 * string filter (github.com/brave/brave-browser/wiki/Query-String-Filter and its issues); the
 * source is on each entry.
 */
export type ClickIdKind = 'click id' | 'user id' | 'email campaign'

export interface ClickIdParam {
  platform: string
  kind: ClickIdKind
}

const p = (platform: string, kind: ClickIdKind): ClickIdParam => ({ platform, kind })

/** Keyed by the parameter as vendors spell it; match names case-insensitively. */
export const CLICK_IDS: Readonly<Record<string, ClickIdParam>> = {
  // Google Ads Help, "About auto-tagging"; gbraid/wbraid: "About iOS campaign measurement"
  gclid: p('Google Ads', 'click id'),
  gbraid: p('Google Ads', 'click id'),
  wbraid: p('Google Ads', 'click id'),
  gclsrc: p('Google Ads', 'click id'),
  // Campaign Manager 360 Help, "DCLID"
  dclid: p('Google Campaign Manager', 'click id'),
  // Google Tag Manager / gtag "Set up cross-domain measurement": the linker carries the client id
  _gl: p('Google (cross-domain linker)', 'user id'),
  // Google Merchant Center Help, "About auto-tagging" (organic product results)
  srsltid: p('Google Search', 'click id'),
  // Meta for Developers, Conversions API "fbp and fbc parameters" (fbc is built from fbclid)
  fbclid: p('Meta', 'click id'),
  // Instagram share links identify who shared (Brave query filter list)
  igshid: p('Instagram', 'user id'),
  igsh: p('Instagram', 'user id'),
  // Microsoft Advertising Help, "What is Microsoft Click ID auto-tagging?"
  msclkid: p('Microsoft Advertising', 'click id'),
  // TikTok for Business Help Center, "TikTok Click ID (ttclid)"
  ttclid: p('TikTok', 'click id'),
  // X Business, conversion tracking "click ID (twclid)"; brave-browser#18020
  twclid: p('X', 'click id'),
  // LinkedIn Conversions API, "li_fat_id" first-party click id
  li_fat_id: p('LinkedIn', 'click id'),
  // Yandex Direct Help, "yclid" click id; ysclid: Yandex Search's click id (query-stripping lists)
  yclid: p('Yandex', 'click id'),
  ysclid: p('Yandex', 'click id'),
  // Openstat (Yandex) tagging: brave-browser query filter list
  _openstat: p('Openstat', 'click id'),
  // Mailchimp Help, "About Google Analytics tracking in Mailchimp" (mc_eid is the recipient)
  mc_eid: p('Mailchimp', 'email campaign'),
  mc_cid: p('Mailchimp', 'email campaign'),
  // HubSpot Knowledge Base, "Tracking URL parameters" / cross-domain cookies in links
  _hsenc: p('HubSpot', 'email campaign'),
  _hsmi: p('HubSpot', 'email campaign'),
  __hstc: p('HubSpot', 'user id'),
  __hssc: p('HubSpot', 'user id'),
  __hsfp: p('HubSpot', 'user id'),
  hsCtaTracking: p('HubSpot', 'click id'),
  // Pinterest Conversions API, "click_id (epik)"
  epik: p('Pinterest', 'click id'),
  // Reddit Ads Conversions API, "rdt_cid" click id
  rdt_cid: p('Reddit', 'click id'),
  // Snap Conversions API, "ScCid" Snap click id
  ScCid: p('Snapchat', 'click id'),
  // Quora Ads, "qclid" click id
  qclid: p('Quora', 'click id'),
  // Outbrain conversion tracking, "dicbo" click id
  dicbo: p('Outbrain', 'click id'),
  // Taboola conversion tracking, "tblci" click id
  tblci: p('Taboola', 'click id'),
  // myTarget / Top Mail.Ru: brave-browser#17451
  rb_clickid: p('myTarget (VK)', 'click id'),
  // Adobe Advertising, "AMO ID (s_kwcid)" and "EF ID (ef_id)"
  s_kwcid: p('Adobe Advertising', 'click id'),
  ef_id: p('Adobe Advertising', 'click id'),
  // impact.com, "Capture & store clickId"; brave-browser#33952
  irclickid: p('Impact', 'click id'),
  // Wicked Reports: brave-browser#13647
  wickedid: p('Wicked Reports', 'click id'),
  // Klaviyo Help, "_kx" identifies the profile that clicked an e-mail
  _kx: p('Klaviyo', 'email campaign'),
  // Adobe Marketo Engage, "mkt_tok" e-mail click tracking token
  mkt_tok: p('Marketo', 'email campaign'),
  // Vero, MailerLite, Kit (ConvertKit): brave-browser query filter list (#17507 for MailerLite)
  vero_id: p('Vero', 'email campaign'),
  vero_conv: p('Vero', 'email campaign'),
  ml_subscriber: p('MailerLite', 'email campaign'),
  ml_subscriber_hash: p('MailerLite', 'email campaign'),
  ck_subscriber_id: p('Kit (ConvertKit)', 'email campaign'),
  // Omeda Olytics: brave-browser query filter list
  oly_enc_id: p('Omeda', 'user id'),
  oly_anon_id: p('Omeda', 'user id'),
}
