import type { gpcEn } from './gpc-en'

export const gpcDe: Record<keyof typeof gpcEn, string> = {
  'gpcCompare.visits.one': '{n} früheren Besuch',
  'gpcCompare.visits.other': '{n} früheren Besuchen',
  'gpcCompare.sameIdSync.one':
    'Ohne GPC bei {visits} und jetzt mit GPC bekam dieses Unternehmen deine Kennung von einem anderen Unternehmen: {names}.',
  'gpcCompare.sameIdSync.other':
    'Ohne GPC bei {visits} und jetzt mit GPC bekamen diese {n} Unternehmen deine Kennung von anderen Unternehmen: {names}.',
  'gpcCompare.sameAds.one':
    'Ohne GPC bei {visits} und jetzt mit GPC schickte die Website Daten über deinen Besuch an dieses Werbeunternehmen: {names}.',
  'gpcCompare.sameAds.other':
    'Ohne GPC bei {visits} und jetzt mit GPC schickte die Website Daten über deinen Besuch an diese {n} Werbeunternehmen: {names}.',
  'gpcCompare.sameUsPrivacy':
    'Ohne GPC bei {visits} und jetzt mit GPC gab die Website an, du hättest dem Verkauf deiner Daten nicht widersprochen ({usPrivacy}).',
  'gpcCompare.sameGpp':
    'Ohne GPC bei {visits} und jetzt mit GPC gab die Website an, du hättest Folgendem nicht widersprochen: {what}.',
  'gpcCompare.stoppedIdSync.one':
    'Bei {visits} ohne GPC bekam dieses Unternehmen deine Kennung von einem anderen Unternehmen: {names}. Mit GPC nicht mehr.',
  'gpcCompare.stoppedIdSync.other':
    'Bei {visits} ohne GPC bekamen diese {n} Unternehmen deine Kennung von anderen Unternehmen: {names}. Mit GPC keines davon.',
  'gpcCompare.stoppedAds.one':
    'Bei {visits} ohne GPC schickte die Website Daten über deinen Besuch an dieses Werbeunternehmen: {names}. Mit GPC nicht mehr.',
  'gpcCompare.stoppedAds.other':
    'Bei {visits} ohne GPC schickte die Website Daten über deinen Besuch an diese {n} Werbeunternehmen: {names}. Mit GPC an keines davon.',
  'gpcCompare.uspFlipped':
    'Ohne GPC gab die Website an, du hättest dem Verkauf deiner Daten nicht widersprochen ({before}); mit GPC gab sie an, du hättest widersprochen ({now}).',
  'gpcCompare.gppOptedOut':
    'Mit GPC gab die Website an, du hättest Folgendem widersprochen: {what}.',
  'consent.gpcHonoured': 'Die Website hat dein Widerspruchssignal beachtet.',
  'consent.gpcIgnored': 'Die Website hat dein Widerspruchssignal missachtet.',
  'consent.fromComparison': 'verglichen mit deinen früheren Besuchen ohne GPC',
  'detail.comparedVisits': 'Verglichene frühere Besuche ohne GPC',
  'detail.sameIdSync': 'Bekam deine Kennung weiterhin, wie ohne GPC',
  'detail.sameAds': 'Bekam weiterhin Daten über deinen Besuch, wie ohne GPC',
  'detail.sameUsPrivacy': 'Derselbe US-Privacy-Wert „nicht widersprochen“ wie ohne GPC',
  'detail.sameGppNotOptedOut': 'Weiterhin nicht widersprochen, wie ohne GPC',
  'detail.limitedDataUse':
    'Eingeschränkte Datennutzung (Meta darf sie nur als Dienstleister verwenden)',
  'detail.restrictedProcessing':
    'Eingeschränkte Datenverarbeitung (nicht für personalisierte Werbung)',
  'gpc.ignoredSharing':
    '{site} hat dein Widerspruchssignal missachtet: Dieselben Unternehmen bekamen deine Daten wie bei deinen Besuchen ohne das Signal.',
  'gpc.ignoredDeclared':
    '{site} gibt an, dieses Signal zu beachten, und doch wurde deine Kennung zwischen Unternehmen weitergegeben.',
  'detail.saidNotOptedOut': 'Gab an, du hättest nicht widersprochen',
}
