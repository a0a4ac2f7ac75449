/**
 * Privacy contacts of the largest tracking companies, written by us from each company's
 * published privacy policy (the `source` of every entry, which the product links so a person
 * can check it). Compiled in November 2026 without network access on the build machine: web
 * forms move, so the UI always shows the source next to the contact. An email address is
 * listed only where the company's policy publishes one for privacy requests; many route
 * requests through a web form instead.
 *
 * `names` match third-party-web's entity and company names (what findings carry as `company`);
 * `domains` match the registrable domain of a finding's party.
 */
export interface BundledContact {
  id: string
  /** Name to address the letter to. */
  name: string
  names: readonly string[]
  domains: readonly string[]
  email?: string
  formUrl?: string
  policyUrl: string
  source: string
}

export const PRIVACY_CONTACTS: readonly BundledContact[] = [
  {
    id: 'google',
    name: 'Google LLC / Google Ireland Limited',
    names: [
      'Google',
      'Google Analytics',
      'Google/Doubleclick Ads',
      'Google Tag Manager',
      'YouTube',
    ],
    domains: [
      'google.com',
      'google-analytics.com',
      'googletagmanager.com',
      'doubleclick.net',
      'googlesyndication.com',
      'googleadservices.com',
      'youtube.com',
    ],
    formUrl: 'https://support.google.com/policies/contact/general_privacy_form',
    policyUrl: 'https://policies.google.com/privacy',
    source: 'https://policies.google.com/privacy',
  },
  {
    id: 'meta',
    name: 'Meta Platforms, Inc. / Meta Platforms Ireland Limited',
    names: ['Facebook', 'Meta', 'Instagram'],
    domains: ['facebook.com', 'facebook.net', 'fbcdn.net', 'instagram.com'],
    formUrl: 'https://www.facebook.com/help/contact/540977946302970',
    policyUrl: 'https://www.facebook.com/privacy/policy/',
    source: 'https://www.facebook.com/privacy/policy/',
  },
  {
    id: 'microsoft',
    name: 'Microsoft Corporation / Microsoft Ireland Operations Limited',
    names: ['Microsoft', 'Bing Ads', 'Microsoft Clarity'],
    domains: ['microsoft.com', 'bing.com', 'clarity.ms', 'msn.com'],
    formUrl: 'https://aka.ms/privacyresponse',
    policyUrl: 'https://privacy.microsoft.com/privacystatement',
    source: 'https://privacy.microsoft.com/privacystatement',
  },
  {
    id: 'amazon',
    name: 'Amazon.com, Inc. / Amazon Europe Core S.à r.l.',
    names: ['Amazon', 'Amazon Ads'],
    domains: ['amazon-adsystem.com', 'amazon.com', 'assoc-amazon.com'],
    formUrl: 'https://www.amazon.com/gp/help/customer/contact-us',
    policyUrl: 'https://advertising.amazon.com/legal/privacy-notice',
    source: 'https://advertising.amazon.com/legal/privacy-notice',
  },
  {
    id: 'tiktok',
    name: 'TikTok Technology Limited / TikTok Inc.',
    names: ['TikTok', 'ByteDance Ltd'],
    domains: ['tiktok.com', 'tiktokcdn.com', 'byteoversea.com'],
    formUrl: 'https://www.tiktok.com/legal/report/privacy',
    policyUrl: 'https://www.tiktok.com/legal/page/eea/privacy-policy/en',
    source: 'https://www.tiktok.com/legal/page/eea/privacy-policy/en',
  },
  {
    id: 'x',
    name: 'X Corp. / Twitter International Unlimited Company',
    names: ['Twitter', 'X', 'Twitter Online Conversion Tracking'],
    domains: ['twitter.com', 'x.com', 't.co', 'twimg.com', 'ads-twitter.com'],
    formUrl: 'https://help.x.com/forms/privacy',
    policyUrl: 'https://x.com/en/privacy',
    source: 'https://x.com/en/privacy',
  },
  {
    id: 'linkedin',
    name: 'LinkedIn Corporation / LinkedIn Ireland Unlimited Company',
    names: ['LinkedIn', 'LinkedIn Ads'],
    domains: ['linkedin.com', 'licdn.com'],
    formUrl: 'https://www.linkedin.com/help/linkedin/ask/TSO-DPO',
    policyUrl: 'https://www.linkedin.com/legal/privacy-policy',
    source: 'https://www.linkedin.com/legal/privacy-policy',
  },
  {
    id: 'adobe',
    name: 'Adobe Inc. / Adobe Systems Software Ireland Limited',
    names: ['Adobe', 'Adobe Experience Cloud', 'Adobe Tag Manager'],
    domains: ['adobe.com', 'omtrdc.net', 'demdex.net', 'adobedtm.com', '2o7.net'],
    formUrl: 'https://www.adobe.com/privacy/privacy-contact.html',
    policyUrl: 'https://www.adobe.com/privacy/policy.html',
    source: 'https://www.adobe.com/privacy/policy.html',
  },
  {
    id: 'oracle',
    name: 'Oracle Corporation',
    names: ['Oracle', 'BlueKai'],
    domains: ['oracle.com', 'bluekai.com', 'addthis.com', 'moatads.com'],
    formUrl: 'https://www.oracle.com/legal/data-privacy-inquiry-form/',
    policyUrl: 'https://www.oracle.com/legal/privacy/privacy-policy.html',
    source: 'https://www.oracle.com/legal/privacy/privacy-policy.html',
  },
  {
    id: 'criteo',
    name: 'Criteo SA',
    names: ['Criteo'],
    domains: ['criteo.com', 'criteo.net'],
    email: 'dpo@criteo.com',
    policyUrl: 'https://www.criteo.com/privacy/',
    source: 'https://www.criteo.com/privacy/',
  },
  {
    id: 'the-trade-desk',
    name: 'The Trade Desk, Inc.',
    names: ['The Trade Desk'],
    domains: ['adsrvr.org', 'thetradedesk.com'],
    email: 'privacy@thetradedesk.com',
    policyUrl: 'https://www.thetradedesk.com/general/privacy',
    source: 'https://www.thetradedesk.com/general/privacy',
  },
  {
    id: 'hotjar',
    name: 'Hotjar Ltd',
    names: ['Hotjar'],
    domains: ['hotjar.com', 'hotjar.io'],
    policyUrl: 'https://www.hotjar.com/legal/policies/privacy/',
    source: 'https://www.hotjar.com/legal/policies/privacy/',
  },
]
