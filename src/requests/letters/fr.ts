/**
 * French: the EU and UK GDPR letters. Law names begin with their article ("du règlement …",
 * "de la loi …") and follow a citation or "au titre"; citations begin with "l'article" and
 * follow "de". Company and site names never follow "de" (it would need an elision the
 * template cannot know): "visant la société …", "du site …". Typography: the no-break spaces
 * French puts before ; : ? ! and inside « » are added by `typeset`.
 */
import { LAWS, type Law, type LawId, type Period } from '../laws'
import { letterDate } from './format'
import type { KindText, LawText, LetterPack, Phrases } from './types'

/** No-break spaces where French typography wants them. */
export function typeset(text: string): string {
  return text.replace(/ ([;:?!»])/g, '\u00a0$1').replace(/« /g, '«\u00a0')
}

function stateName(law: Law): string {
  const s = law.state
  if (s === undefined) return ''
  const code = s.code === undefined ? '' : ` (${s.code.replace(/ ff\.$/, ' et suiv.')})`
  return `du ${s.name} ${s.title}${code}`
}

const NAMES: Record<LawId, string> = Object.fromEntries(
  LAWS.map((l) => [l.id, stateName(l)]),
) as Record<LawId, string>
Object.assign(NAMES, {
  'gdpr-eu': 'du règlement (UE) 2016/679 (règlement général sur la protection des données, RGPD)',
  'gdpr-uk': 'du UK General Data Protection Regulation (UK GDPR) et du Data Protection Act 2018',
  ccpa: 'du California Consumer Privacy Act, tel que modifié par le California Privacy Rights Act (CCPA/CPRA)',
  lgpd: 'de la loi générale brésilienne sur la protection des données (Lei nº 13.709/2018, LGPD)',
  pipeda:
    'de la Loi sur la protection des renseignements personnels et les documents électroniques (LPRPDE)',
  quebec:
    'de la Loi sur la protection des renseignements personnels dans le secteur privé (RLRQ, c. P-39.1)',
} satisfies Partial<Record<LawId, string>>)

const GDPR_CITES: LawText['cites'] = {
  access: "l'article 15, paragraphe 1, points a) à h), et paragraphes 2 et 3",
  identifiers:
    "l'article 15, lu en combinaison avec l'article 4, point 1), et les considérants 30 et 64",
  erasure: "l'article 17, paragraphe 1, points b) et c)",
  rectification: "l'article 16",
  objection: "l'article 21, paragraphes 1 à 3",
  'withdraw-consent': "l'article 7, paragraphe 3",
  reminder: 'article 12, paragraphe 3',
  complaint: "l'article 77",
}

const GDPR: Record<string, KindText> = {
  access: {
    title: "Exercice du droit d'accès (article 15 du {{short}})",
    body: `Sur le fondement de {{cite}} {{lawName}}, je vous demande de me confirmer si des données à caractère personnel me concernant sont ou ne sont pas traitées et, lorsqu'elles le sont, de m'en donner l'accès et de m'en remettre une copie (article 15, paragraphe 3), ainsi que les informations suivantes :
a) les finalités du traitement ;
b) les catégories de données à caractère personnel concernées ;
c) les destinataires ou catégories de destinataires auxquels les données ont été ou seront communiquées, en particulier les destinataires établis dans des pays tiers ;
d) la durée de conservation envisagée ou, lorsque ce n'est pas possible, les critères utilisés pour déterminer cette durée ;
e) l'existence de mes droits de rectification, d'effacement, de limitation du traitement et d'opposition ;
f) mon droit d'introduire une réclamation auprès d'une autorité de contrôle ;
g) lorsque les données n'ont pas été collectées auprès de moi, toute information disponible quant à leur source ;
h) l'existence d'une prise de décision automatisée, y compris un profilage, et des informations utiles concernant la logique sous-jacente, ainsi que l'importance et les conséquences prévues de ce traitement pour moi.
Si des données sont transférées vers un pays tiers, je vous demande également de m'informer des garanties appropriées (article 15, paragraphe 2).`,
  },
  identifiers: {
    title: "Droit d'accès à mes identifiants en ligne (article 15 du {{short}})",
    body: `Sur le fondement de {{cite}} {{lawName}}, je vous demande de m'indiquer quels identifiants en ligne me concernant vous détenez – identifiants de cookies, identifiants d'appareil et identifiants publicitaires, ainsi que tout identifiant mis en correspondance ou synchronisé avec eux – et de me remettre une copie de toutes les données à caractère personnel que vous y avez associées, avec les finalités du traitement, ses destinataires et la source des données. Des identifiants tels que les identifiants de cookies sont des données à caractère personnel (article 4, point 1, et considérant 30).`,
  },
  erasure: {
    title: "Exercice du droit à l'effacement (article 17 du {{short}})",
    body: `Sur le fondement de {{cite}} {{lawName}}, je vous demande d'effacer dans les meilleurs délais l'ensemble des données à caractère personnel me concernant, y compris les éventuels identifiants énumérés ci-dessous et toutes les données qui y sont associées. Je m'oppose au traitement et il n'existe pas de motif légitime impérieux pour celui-ci (article 17, paragraphe 1, point c)), et je retire tout consentement sur lequel il serait fondé (article 17, paragraphe 1, point b)).
Je vous demande également de notifier cet effacement à chaque destinataire auquel les données ont été communiquées et de m'indiquer ces destinataires.`,
  },
  rectification: {
    title: 'Exercice du droit de rectification (article 16 du {{short}})',
    body: `Sur le fondement de {{cite}} {{lawName}}, je vous demande de rectifier dans les meilleurs délais les données à caractère personnel me concernant qui sont inexactes et de compléter celles qui sont incomplètes, comme suit :
{{details}}
Je vous demande de notifier cette rectification à chaque destinataire auquel les données ont été communiquées.`,
  },
  objection: {
    title: 'Opposition au traitement (article 21 du {{short}}) et retrait du consentement',
    body: `Sur le fondement de {{cite}} {{lawName}}, je m'oppose au traitement de mes données à caractère personnel à des fins de prospection, y compris au profilage lié à cette prospection (article 21, paragraphe 2). À la suite de cette opposition, mes données ne peuvent plus être traitées à ces fins (article 21, paragraphe 3). Je m'oppose en outre, pour des raisons tenant à ma situation particulière, à tout traitement fondé sur l'intérêt légitime (article 21, paragraphe 1).
Je retire tout consentement que j'ai pu vous donner au traitement de mes données à caractère personnel (article 7, paragraphe 3) et je vous demande d'effacer dans les meilleurs délais les données traitées sur ces fondements (article 17, paragraphe 1, points b) et c)).
Je vous remercie de me confirmer que le traitement a cessé et que les données ont été effacées.`,
  },
  'withdraw-consent': {
    title: 'Retrait du consentement (article 7, paragraphe 3, du {{short}})',
    body: `Sur le fondement de {{cite}} {{lawName}}, je retire tout consentement que je vous ai donné au traitement de mes données à caractère personnel, y compris tout consentement recueilli au moyen d'un bandeau cookies sur le site {{site}}. Il doit être aussi simple de retirer son consentement que de le donner (article 7, paragraphe 3).
Je vous demande de cesser tout traitement fondé sur ce consentement et de me confirmer que c'est chose faite.`,
  },
  reminder: {
    title: 'Relance : demande restée sans réponse ({{short}})',
    body: `Le {{originalDate}}, je vous ai adressé {{originalKind}} au titre {{lawName}} (référence {{originalReference}}). Le délai de réponse ({{cite}}) a expiré le {{originalDue}} sans que j'aie reçu de réponse complète ni d'information motivée sur une prolongation de ce délai.
Je vous demande de répondre intégralement à ma demande sans plus attendre. À défaut, j'introduirai une réclamation auprès de {{authority}} (article 77).`,
  },
  complaint: {
    title: 'Réclamation (article 77 du {{short}})',
    body: `Sur le fondement de {{cite}} {{lawName}}, j'introduis une réclamation visant la société {{company}}, responsable du traitement de données à caractère personnel me concernant collectées par l'intermédiaire du site {{site}}.
Le {{originalDate}}, j'ai adressé à {{company}} {{originalKind}} (référence {{originalReference}}). Le délai de réponse prévu à l'article 12, paragraphe 3, a expiré le {{originalDue}} sans réponse complète.
Je vous demande d'examiner cette réclamation, d'ordonner au responsable du traitement de satisfaire à ma demande et de m'informer de l'état d'avancement et de l'issue de la réclamation (article 78, paragraphe 2).`,
  },
}

const gdprLaw = (id: LawId, short: string, authority: string): LawText => ({
  name: NAMES[id],
  short,
  cites: GDPR_CITES,
  respondCite: `article 12, paragraphe 3, du ${short}`,
  authority,
})

function period(p: Period): string {
  const n = p.amount
  switch (p.unit) {
    case 'months':
      return n === 1 ? "d'un mois" : `de ${n} mois`
    case 'days':
      return n === 1 ? "d'un jour" : `de ${n} jours`
    case 'business-days':
      return n === 1 ? "d'un jour ouvrable" : `de ${n} jours ouvrables`
  }
}

const phrases: Phrases = {
  salutation: 'Madame, Monsieur,',
  closing: "Je vous prie d'agréer, Madame, Monsieur, l'expression de mes salutations distinguées.",
  subject: '{{title}} – Réf. {{reference}}',
  introSite: 'Je vous écris à la suite de ma visite sur le site {{site}}.',
  introCompany:
    'Je vous écris au sujet des données à caractère personnel me concernant que vos services ont collectées lors de ma visite sur le site {{site}}.',
  disclosedTo:
    "Je vous demande en particulier de m'indiquer si vous avez communiqué des données à caractère personnel me concernant aux sociétés énumérées ci-dessous, dont mon navigateur a contacté les services pendant ma visite sur votre site, de quelles données il s'agit et sur quelle base juridique.",
  alsoRely:
    'Dans la mesure où elles vous sont applicables, je me fonde également sur les dispositions correspondantes {{laws}}.',
  and: 'et',
  originalCopy:
    "Ma demande du {{originalDate}} (référence {{originalReference}}), telle que je l'ai envoyée :",
  observed: {
    headerOn:
      "Ce que mon navigateur a enregistré sur le site {{site}} le {{day}} (relevé par l'extension de navigateur Tracelight) :",
    headerBetween:
      "Ce que mon navigateur a enregistré sur le site {{site}} entre le {{from}} et le {{to}} (relevé par l'extension de navigateur Tracelight) :",
    header:
      "Ce que mon navigateur a enregistré sur le site {{site}} (relevé par l'extension de navigateur Tracelight) :",
    companies: 'Sociétés auxquelles mon navigateur a envoyé des requêtes pendant ma visite :',
    companyLine: '- {{name}} ({{domains}}) : {{requests}}, {{when}}',
    requestOne: '{{n}} requête',
    requestOther: '{{n}} requêtes',
    onDay: 'le {{day}}',
    dayRange: 'du {{from}} au {{to}}',
    identifiers: 'Identifiants déposés dans mon navigateur :',
    identifierLine: '- {{company}} ({{domain}}) : « {{name}} »',
    identifierValue: ', valeur commençant par « {{prefix}} »',
    pixels: 'Pixels de suivi ayant signalé ma visite :',
    pixelLine: '- {{label}} ({{company}}, {{domain}})',
    pixelId: ', identifiant du pixel {{id}}',
    pixelEvents: ', événements : {{events}}',
  },
  pixelLabels: { 'pixel.google_ads': 'balise de conversion Google Ads' },
  kindNouns: {
    access: "une demande d'accès à mes données à caractère personnel",
    identifiers: "une demande d'accès à mes identifiants en ligne",
    erasure: "une demande d'effacement de mes données à caractère personnel",
    rectification: 'une demande de rectification de mes données à caractère personnel',
    objection: "une opposition au traitement assortie d'un retrait de mon consentement",
    'withdraw-consent': 'un retrait de mon consentement',
    'opt-out-sale': "une demande d'opposition à la vente et au partage de mes données",
    'limit-sensitive': "une demande de limitation de l'utilisation de mes données sensibles",
    reminder: 'une relance',
    complaint: 'une réclamation',
  },
}

const typesetAll = <T>(value: T): T =>
  (typeof value === 'string'
    ? typeset(value)
    : value !== null && typeof value === 'object'
      ? Object.fromEntries(Object.entries(value).map(([k, v]) => [k, typesetAll(v)]))
      : value) as T

export const fr: LetterPack = {
  language: 'fr',
  name: 'Français',
  phrases: typesetAll(phrases),
  families: typesetAll({
    gdpr: {
      deadline:
        "Je vous remercie de me répondre dans les meilleurs délais et au plus tard dans un délai {{period}} à compter de la réception de la présente demande, soit au plus tard le {{dueDate}} ({{respondCite}}). Cette démarche est gratuite (article 12, paragraphe 5). Si vous avez besoin d'un délai supplémentaire, merci de m'en informer dans ce délai en m'indiquant les motifs de la prolongation (article 12, paragraphe 3) ; si vous n'entendez pas donner suite à ma demande, merci de m'en indiquer les motifs dans le même délai (article 12, paragraphe 4).",
      receipt: "Je vous remercie de bien vouloir m'accuser réception de la présente demande.",
      identifyIds:
        "Pour retrouver les données me concernant, je vous invite à utiliser les identifiants en ligne que vos services ont déposés dans mon navigateur, énumérés ci-dessous. Des identifiants en ligne suffisent à identifier une personne qui utilise un service en ligne (considérant 64) ; aucune autre information d'identification ne devrait donc être nécessaire (article 11, paragraphe 2, et article 12, paragraphe 6).",
      identifyNone:
        "J'ai consulté le site {{site}} avec ce navigateur. Si vous avez besoin d'informations supplémentaires pour m'identifier, merci de m'indiquer lesquelles et pourquoi (article 12, paragraphe 6) ; ne me demandez pas de copie d'une pièce d'identité, sauf si cela est strictement nécessaire.",
    },
  }),
  templates: { gdpr: typesetAll(GDPR) },
  laws: {
    'gdpr-eu': gdprLaw('gdpr-eu', 'RGPD', "l'autorité de contrôle compétente"),
    'gdpr-uk': gdprLaw('gdpr-uk', 'UK GDPR', "l'Information Commissioner's Office (ICO)"),
  },
  names: NAMES,
  date: (day) => letterDate(day, 'fr'),
  period,
}
