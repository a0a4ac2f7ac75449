/**
 * A/B testing and personalization platforms: services that change what a page shows you based
 * on who they think you are, and report back what you did. Written by us. Hosts are those the
 * vendor documents for its snippet, API or Content-Security-Policy allow-list, cross-checked
 * with the same vendor's entry in third-party-web (MIT); the source is on each entry.
 */
export interface PersonalizationVendor {
  vendor: string
  /** Host suffixes: `optimizely.com` matches `cdn.optimizely.com`. */
  hosts: readonly string[]
  source: string
}

export const PERSONALIZATION_VENDORS: readonly PersonalizationVendor[] = [
  {
    vendor: 'Optimizely',
    hosts: ['optimizely.com'],
    source:
      'docs.developers.optimizely.com/web-experimentation (snippet cdn.optimizely.com/js/<id>.js, events logx.optimizely.com)',
  },
  {
    vendor: 'VWO',
    hosts: ['visualwebsiteoptimizer.com', 'vwo.com'],
    source: 'help.vwo.com, "Whitelisting VWO domains" (dev.visualwebsiteoptimizer.com SmartCode)',
  },
  {
    vendor: 'Adobe Target',
    hosts: ['tt.omtrdc.net'],
    source:
      'experienceleague.adobe.com/docs/target (at.js delivery API <client>.tt.omtrdc.net/rest/v1/delivery)',
  },
  {
    vendor: 'Dynamic Yield',
    hosts: ['dynamicyield.com', 'dy-api.com', 'dy-api.eu'],
    source:
      'dy.dev / support.dynamicyield.com, script and API hosts (cdn-, st-, rcom.dynamicyield.com)',
  },
  {
    vendor: 'AB Tasty',
    hosts: ['abtasty.com'],
    source: 'docs.abtasty.com, CSP allow-list (try.abtasty.com, ariane.abtasty.com)',
  },
  {
    vendor: 'Kameleoon',
    hosts: ['kameleoon.eu', 'kameleoon.io', 'kameleoon.com'],
    source: 'developers.kameleoon.com, Content Security Policy (*.kameleoon.eu, *.kameleoon.io)',
  },
  {
    vendor: 'Monetate',
    hosts: ['monetate.net'],
    source: 'docs.monetate.com, Monetate tag (se.monetate.net)',
  },
  {
    vendor: 'Salesforce Interaction Studio',
    hosts: ['evgnet.com', 'evergage.com'],
    source: 'help.salesforce.com, Interaction Studio Web SDK beacon (cdn.evgnet.com)',
  },
  {
    vendor: 'Bloomreach',
    hosts: ['exponea.com', 'brcdn.com', 'brsrvr.com', 'dxpapi.com'],
    source:
      'documentation.bloomreach.com (Engagement SDK api.exponea.com; Discovery pixel and API *.brcdn.com, core.dxpapi.com)',
  },
  {
    vendor: 'Google Optimize',
    hosts: ['googleoptimize.com'],
    source:
      'support.google.com/optimize (www.googleoptimize.com/optimize.js; product ended 30 Sep 2023, snippets remain on sites)',
  },
  {
    vendor: 'Convert',
    hosts: ['convertexperiments.com'],
    source: 'support.convert.com, tracking code (cdn-4.convertexperiments.com)',
  },
  {
    vendor: 'Qubit (Coveo)',
    hosts: ['goqubit.com', 'qubit.com'],
    source: 'docs.qubit.com, smartserve script (static.goqubit.com)',
  },
  {
    vendor: 'Insider',
    hosts: ['useinsider.com'],
    source: 'academy.useinsider.com, tag (<partner>.api.useinsider.com)',
  },
  {
    vendor: 'LaunchDarkly',
    hosts: ['launchdarkly.com'],
    source:
      'docs.launchdarkly.com, client-side SDK endpoints (app., clientstream., events.launchdarkly.com)',
  },
]
