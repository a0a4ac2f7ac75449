import type { gpcEn } from './gpc-en'

export const gpcFr: Record<keyof typeof gpcEn, string> = {
  'gpcCompare.visits.one': '{n} visite précédente',
  'gpcCompare.visits.other': '{n} visites précédentes',
  'gpcCompare.sameIdSync.one':
    'Sans GPC ({visits}) comme maintenant avec GPC, cette entreprise a reçu votre identifiant d’une autre entreprise : {names}.',
  'gpcCompare.sameIdSync.other':
    'Sans GPC ({visits}) comme maintenant avec GPC, ces {n} entreprises ont reçu votre identifiant d’autres entreprises : {names}.',
  'gpcCompare.sameAds.one':
    'Sans GPC ({visits}) comme maintenant avec GPC, le site a envoyé des données sur votre visite à cette régie publicitaire : {names}.',
  'gpcCompare.sameAds.other':
    'Sans GPC ({visits}) comme maintenant avec GPC, le site a envoyé des données sur votre visite à ces {n} régies publicitaires : {names}.',
  'gpcCompare.sameUsPrivacy':
    'Sans GPC ({visits}) comme maintenant avec GPC, le site a indiqué que vous ne vous étiez pas opposé à la vente de vos données ({usPrivacy}).',
  'gpcCompare.sameGpp':
    'Sans GPC ({visits}) comme maintenant avec GPC, le site a indiqué que vous ne vous étiez pas opposé à : {what}.',
  'gpcCompare.stoppedIdSync.one':
    'Sans GPC ({visits}), cette entreprise a reçu votre identifiant d’une autre entreprise : {names}. Avec GPC, plus rien.',
  'gpcCompare.stoppedIdSync.other':
    'Sans GPC ({visits}), ces {n} entreprises ont reçu votre identifiant d’autres entreprises : {names}. Avec GPC, aucune.',
  'gpcCompare.stoppedAds.one':
    'Sans GPC ({visits}), le site a envoyé des données sur votre visite à cette régie publicitaire : {names}. Avec GPC, plus rien.',
  'gpcCompare.stoppedAds.other':
    'Sans GPC ({visits}), le site a envoyé des données sur votre visite à ces {n} régies publicitaires : {names}. Avec GPC, plus rien.',
  'gpcCompare.uspFlipped':
    'Sans GPC, le site indiquait que vous ne vous étiez pas opposé à la vente de vos données ({before}) ; avec GPC, il indique que vous vous y êtes opposé ({now}).',
  'gpcCompare.gppOptedOut': 'Avec GPC, le site a indiqué que vous vous étiez opposé à : {what}.',
  'consent.gpcHonoured': 'Le site a respecté votre signal d’opposition.',
  'consent.gpcIgnored': 'Le site a ignoré votre signal d’opposition.',
  'consent.fromComparison': 'comparé à vos visites précédentes sans GPC',
  'detail.comparedVisits': 'Visites précédentes sans GPC comparées',
  'detail.sameIdSync': 'A encore reçu votre identifiant, comme sans GPC',
  'detail.sameAds': 'A encore reçu des données sur votre visite, comme sans GPC',
  'detail.sameUsPrivacy': 'Même chaîne US Privacy « pas d’opposition » que sans GPC',
  'detail.sameGppNotOptedOut': 'Toujours pas d’opposition, comme sans GPC',
  'detail.limitedDataUse':
    'Utilisation limitée des données (Meta ne peut s’en servir qu’en sous-traitant)',
  'detail.restrictedProcessing':
    'Traitement restreint des données (pas de publicité personnalisée)',
  'gpc.ignoredSharing':
    '{site} a ignoré votre signal d’opposition : les mêmes entreprises ont reçu vos données que lors de vos visites sans ce signal.',
  'gpc.ignoredDeclared':
    '{site} dit respecter ce signal, et pourtant votre identifiant a circulé entre entreprises.',
  'detail.saidNotOptedOut': 'A indiqué que vous ne vous étiez pas opposé',
}
