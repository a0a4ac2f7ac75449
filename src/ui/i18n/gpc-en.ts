/** Global Privacy Control compared with earlier visits without it (issue 5): the sentences of
 * the `gpc.ignored` finding and of the consent timeline, and the details behind them. */
export const gpcEn = {
  'gpcCompare.visits.one': '{n} earlier visit',
  'gpcCompare.visits.other': '{n} earlier visits',
  'gpcCompare.sameIdSync.one':
    'Without GPC on {visits}, and with GPC now, this company got your ID from another company: {names}.',
  'gpcCompare.sameIdSync.other':
    'Without GPC on {visits}, and with GPC now, these {n} companies got your ID from other companies: {names}.',
  'gpcCompare.sameAds.one':
    'Without GPC on {visits}, and with GPC now, the site sent data about your visit to this ad company: {names}.',
  'gpcCompare.sameAds.other':
    'Without GPC on {visits}, and with GPC now, the site sent data about your visit to these {n} ad companies: {names}.',
  'gpcCompare.sameUsPrivacy':
    'Without GPC on {visits}, and with GPC now, the site said you had not opted out of the sale of your data ({usPrivacy}).',
  'gpcCompare.sameGpp':
    'Without GPC on {visits}, and with GPC now, the site said you had not opted out of: {what}.',
  'gpcCompare.stoppedIdSync.one':
    'On {visits} without GPC, this company got your ID from another company: {names}. With GPC, it did not.',
  'gpcCompare.stoppedIdSync.other':
    'On {visits} without GPC, these {n} companies got your ID from other companies: {names}. With GPC, none of them did.',
  'gpcCompare.stoppedAds.one':
    'On {visits} without GPC, the site sent data about your visit to this ad company: {names}. With GPC, it did not.',
  'gpcCompare.stoppedAds.other':
    'On {visits} without GPC, the site sent data about your visit to these {n} ad companies: {names}. With GPC, it sent them nothing.',
  'gpcCompare.uspFlipped':
    'Without GPC, the site said you had not opted out of the sale of your data ({before}); with GPC, it said you had ({now}).',
  'gpcCompare.gppOptedOut': 'With GPC, the site said you had opted out of: {what}.',
  'consent.gpcHonoured': 'The site honoured your opt-out signal.',
  'consent.gpcIgnored': 'The site ignored your opt-out signal.',
  'consent.fromComparison': 'compared with your earlier visits without GPC',
  'detail.comparedVisits': 'Earlier visits without GPC compared',
  'detail.sameIdSync': 'Still got your ID, as without GPC',
  'detail.sameAds': 'Still got data about your visit, as without GPC',
  'detail.sameUsPrivacy': 'Same “not opted out” US Privacy string as without GPC',
  'detail.sameGppNotOptedOut': 'Still not opted out of, as without GPC',
  'detail.limitedDataUse': 'Limited Data Use (Meta may use it only as a service provider)',
  'detail.restrictedProcessing': 'Restricted data processing (not used for personalised ads)',
  'gpc.ignoredSharing':
    '{site} ignored your opt-out signal: the same companies got your data as on your visits without it.',
  'gpc.ignoredDeclared':
    '{site} says it honours this signal, yet your ID was passed between companies.',
  'detail.saidNotOptedOut': 'Said you had not opted out',
} as const
