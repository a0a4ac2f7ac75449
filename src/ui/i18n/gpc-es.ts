import type { gpcEn } from './gpc-en'

export const gpcEs: Record<keyof typeof gpcEn, string> = {
  'gpcCompare.visits.one': '{n} visita anterior',
  'gpcCompare.visits.other': '{n} visitas anteriores',
  'gpcCompare.sameIdSync.one':
    'Sin GPC ({visits}) y ahora con GPC, esta empresa recibió tu ID de otra empresa: {names}.',
  'gpcCompare.sameIdSync.other':
    'Sin GPC ({visits}) y ahora con GPC, estas {n} empresas recibieron tu ID de otras empresas: {names}.',
  'gpcCompare.sameAds.one':
    'Sin GPC ({visits}) y ahora con GPC, el sitio envió datos de tu visita a esta empresa publicitaria: {names}.',
  'gpcCompare.sameAds.other':
    'Sin GPC ({visits}) y ahora con GPC, el sitio envió datos de tu visita a estas {n} empresas publicitarias: {names}.',
  'gpcCompare.sameUsPrivacy':
    'Sin GPC ({visits}) y ahora con GPC, el sitio indicó que no te habías opuesto a la venta de tus datos ({usPrivacy}).',
  'gpcCompare.sameGpp':
    'Sin GPC ({visits}) y ahora con GPC, el sitio indicó que no te habías opuesto a: {what}.',
  'gpcCompare.stoppedIdSync.one':
    'Sin GPC ({visits}), esta empresa recibió tu ID de otra empresa: {names}. Con GPC, ya no.',
  'gpcCompare.stoppedIdSync.other':
    'Sin GPC ({visits}), estas {n} empresas recibieron tu ID de otras empresas: {names}. Con GPC, ninguna.',
  'gpcCompare.stoppedAds.one':
    'Sin GPC ({visits}), el sitio envió datos de tu visita a esta empresa publicitaria: {names}. Con GPC, ya no.',
  'gpcCompare.stoppedAds.other':
    'Sin GPC ({visits}), el sitio envió datos de tu visita a estas {n} empresas publicitarias: {names}. Con GPC, a ninguna.',
  'gpcCompare.uspFlipped':
    'Sin GPC, el sitio indicaba que no te habías opuesto a la venta de tus datos ({before}); con GPC, que te habías opuesto ({now}).',
  'gpcCompare.gppOptedOut': 'Con GPC, el sitio indicó que te habías opuesto a: {what}.',
  'consent.gpcHonoured': 'El sitio respetó tu señal de exclusión.',
  'consent.gpcIgnored': 'El sitio ignoró tu señal de exclusión.',
  'consent.fromComparison': 'comparado con tus visitas anteriores sin GPC',
  'detail.comparedVisits': 'Visitas anteriores sin GPC comparadas',
  'detail.sameIdSync': 'Siguió recibiendo tu ID, como sin GPC',
  'detail.sameAds': 'Siguió recibiendo datos de tu visita, como sin GPC',
  'detail.sameUsPrivacy': 'La misma cadena US Privacy «sin exclusión» que sin GPC',
  'detail.sameGppNotOptedOut': 'Sigue sin exclusión, como sin GPC',
  'detail.limitedDataUse':
    'Uso limitado de datos (Meta solo puede usarlos como proveedor de servicios)',
  'detail.restrictedProcessing':
    'Tratamiento restringido de datos (no se usa para publicidad personalizada)',
  'gpc.ignoredSharing':
    '{site} ignoró tu señal de exclusión: las mismas empresas recibieron tus datos que en tus visitas sin ella.',
  'gpc.ignoredDeclared':
    '{site} dice que respeta esta señal y, sin embargo, tu ID pasó de una empresa a otra.',
  'detail.saidNotOptedOut': 'Indicó que no te habías opuesto',
}
