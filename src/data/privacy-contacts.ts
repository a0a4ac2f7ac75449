/**
 * Privacy contacts of the largest tracking companies. Each entry's contact was checked in
 * November 2026 against the company's own privacy policy (its `source`, which the product links
 * next to the contact so a person can check it) and against independent records of the same
 * contact; an entry whose contact could not be confirmed is left out rather than guessed, and
 * the user then finds or types the address (contacts.ts). Web forms move: the source is always
 * shown. An email address is listed only where the policy publishes one for privacy requests;
 * most route them through a web form instead.
 *
 * Left out for want of a confirmed contact (November 2026): Amazon (no privacy-request channel
 * for its advertising services could be confirmed; the general customer-service page is not
 * one), The Trade Desk (sources disagree between privacy@, dpo@ and dsr@), Hotjar (a processor
 * for the site that uses it: requests go to the site; no contact of its own confirmed).
 * Oracle closed its advertising business in 2024; its form stays for data it may still hold.
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
]
