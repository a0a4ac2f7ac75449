/**
 * German: the EU and UK GDPR letters. Law names are in the genitive ("der Verordnung …",
 * "des Data Protection Act …"): the templates put them after a citation ("Art. 15 … der
 * Verordnung") or after "auf Grundlage". Authorities are in the accusative ("an die …").
 * A letter after "Sehr geehrte Damen und Herren," goes on in lower case, so the follow-ups,
 * which open with their own text, begin with a small letter.
 */
import { LAWS, type Law, type LawId, type Period } from '../laws'
import { letterDate } from './format'
import type { KindText, LawText, LetterPack } from './types'

function stateName(law: Law): string {
  const s = law.state
  if (s === undefined) return ''
  return `des ${s.name} ${s.title}${s.code === undefined ? '' : ` (${s.code})`}`
}

const NAMES: Record<LawId, string> = Object.fromEntries(
  LAWS.map((l) => [l.id, stateName(l)]),
) as Record<LawId, string>
Object.assign(NAMES, {
  'gdpr-eu': 'der Verordnung (EU) 2016/679 (Datenschutz-Grundverordnung, DSGVO)',
  'gdpr-uk': 'der UK General Data Protection Regulation (UK GDPR) und des Data Protection Act 2018',
  ccpa: 'des California Consumer Privacy Act in der Fassung des California Privacy Rights Act (CCPA/CPRA)',
  lgpd: 'des brasilianischen Allgemeinen Datenschutzgesetzes (Lei nº 13.709/2018, LGPD)',
  pipeda: 'des kanadischen Personal Information Protection and Electronic Documents Act (PIPEDA)',
  quebec:
    'des Gesetzes von Québec über den Schutz personenbezogener Daten im Privatsektor (CQLR c. P-39.1)',
} satisfies Partial<Record<LawId, string>>)

const GDPR_CITES: LawText['cites'] = {
  access: 'Art. 15 Abs. 1 lit. a bis h, Abs. 2 und 3',
  identifiers: 'Art. 15 in Verbindung mit Art. 4 Nr. 1 und den Erwägungsgründen 30 und 64',
  erasure: 'Art. 17 Abs. 1 lit. b und c',
  rectification: 'Art. 16',
  objection: 'Art. 21 Abs. 1 bis 3',
  'withdraw-consent': 'Art. 7 Abs. 3',
  reminder: 'Art. 12 Abs. 3',
  complaint: 'Art. 77',
}

const GDPR: Record<string, KindText> = {
  access: {
    title: 'Antrag auf Auskunft nach Art. 15 {{short}}',
    body: `Gestützt auf {{cite}} {{lawName}} bitte ich Sie um Bestätigung, ob Sie mich betreffende personenbezogene Daten verarbeiten. Ist dies der Fall, bitte ich um Auskunft über diese Daten und um eine Kopie davon (Art. 15 Abs. 3) sowie um folgende Informationen:
a) die Verarbeitungszwecke;
b) die Kategorien personenbezogener Daten, die verarbeitet werden;
c) die Empfänger oder Kategorien von Empfängern, gegenüber denen die Daten offengelegt worden sind oder noch offengelegt werden, insbesondere Empfänger in Drittländern;
d) die geplante Dauer der Speicherung oder, falls dies nicht möglich ist, die Kriterien für die Festlegung dieser Dauer;
e) das Bestehen meiner Rechte auf Berichtigung, Löschung, Einschränkung der Verarbeitung und Widerspruch;
f) mein Beschwerderecht bei einer Aufsichtsbehörde;
g) wenn die Daten nicht bei mir erhoben wurden, alle verfügbaren Informationen über ihre Herkunft;
h) das Bestehen einer automatisierten Entscheidungsfindung einschließlich Profiling sowie aussagekräftige Informationen über die involvierte Logik und die Tragweite und die angestrebten Auswirkungen für mich.
Werden die Daten an ein Drittland übermittelt, bitte ich außerdem um Unterrichtung über die geeigneten Garantien (Art. 15 Abs. 2).`,
  },
  identifiers: {
    title: 'Auskunft über meine Online-Kennungen nach Art. 15 {{short}}',
    body: `Gestützt auf {{cite}} {{lawName}} bitte ich Sie um Auskunft darüber, welche mich betreffenden Online-Kennungen Sie speichern – Cookie-Kennungen, Geräte- und Werbekennungen sowie alle damit abgeglichenen oder synchronisierten Kennungen –, und um eine Kopie aller personenbezogenen Daten, die Sie mit ihnen verknüpft haben, mit den Verarbeitungszwecken, den Empfängern und der Herkunft der Daten. Kennungen wie Cookie-IDs sind personenbezogene Daten (Art. 4 Nr. 1, Erwägungsgrund 30).`,
  },
  erasure: {
    title: 'Antrag auf Löschung nach Art. 17 {{short}}',
    body: `Gestützt auf {{cite}} {{lawName}} fordere ich Sie auf, alle mich betreffenden personenbezogenen Daten unverzüglich zu löschen, einschließlich etwaiger unten aufgeführter Kennungen und aller damit verknüpften Daten. Ich widerspreche der Verarbeitung, und es liegen keine vorrangigen berechtigten Gründe für sie vor (Art. 17 Abs. 1 lit. c); jede Einwilligung, auf der sie beruht, widerrufe ich (Art. 17 Abs. 1 lit. b).
Bitte teilen Sie die Löschung allen Empfängern mit, gegenüber denen Sie die Daten offengelegt haben, und nennen Sie mir diese Empfänger.`,
  },
  rectification: {
    title: 'Antrag auf Berichtigung nach Art. 16 {{short}}',
    body: `Gestützt auf {{cite}} {{lawName}} fordere ich Sie auf, unrichtige mich betreffende personenbezogene Daten unverzüglich zu berichtigen und unvollständige Daten zu vervollständigen, und zwar wie folgt:
{{details}}
Bitte teilen Sie die Berichtigung allen Empfängern mit, gegenüber denen Sie die Daten offengelegt haben.`,
  },
  objection: {
    title: 'Widerspruch nach Art. 21 {{short}} und Widerruf meiner Einwilligung',
    body: `Gestützt auf {{cite}} {{lawName}} widerspreche ich der Verarbeitung meiner personenbezogenen Daten zum Zwecke der Direktwerbung, einschließlich des Profilings, soweit es mit solcher Direktwerbung in Verbindung steht (Art. 21 Abs. 2). Nach diesem Widerspruch dürfen meine Daten für diese Zwecke nicht mehr verarbeitet werden (Art. 21 Abs. 3). Aus Gründen, die sich aus meiner besonderen Situation ergeben, widerspreche ich außerdem jeder Verarbeitung, die auf berechtigte Interessen gestützt wird (Art. 21 Abs. 1).
Jede Einwilligung, die ich Ihnen für die Verarbeitung meiner personenbezogenen Daten gegeben haben mag, widerrufe ich (Art. 7 Abs. 3), und ich fordere Sie auf, die auf dieser Grundlage verarbeiteten Daten unverzüglich zu löschen (Art. 17 Abs. 1 lit. b und c).
Bitte bestätigen Sie mir, dass die Verarbeitung eingestellt und die Daten gelöscht wurden.`,
  },
  'withdraw-consent': {
    title: 'Widerruf meiner Einwilligung nach Art. 7 Abs. 3 {{short}}',
    body: `Gestützt auf {{cite}} {{lawName}} widerrufe ich jede Einwilligung, die ich Ihnen für die Verarbeitung meiner personenbezogenen Daten gegeben habe, einschließlich jeder über ein Cookie-Banner auf {{site}} erfassten Einwilligung. Der Widerruf einer Einwilligung muss so einfach sein wie ihre Erteilung (Art. 7 Abs. 3).
Bitte stellen Sie jede Verarbeitung ein, die auf dieser Einwilligung beruht, und bestätigen Sie mir dies.`,
  },
  reminder: {
    title: 'Erinnerung: unbeantworteter Antrag nach {{short}}',
    body: `am {{originalDate}} habe ich Ihnen auf Grundlage {{lawName}} {{originalKind}} übersandt (Referenz {{originalReference}}). Die Frist zur Beantwortung ({{cite}}) ist am {{originalDue}} abgelaufen. Ich habe weder eine vollständige Antwort noch eine begründete Mitteilung über eine Fristverlängerung erhalten.
Ich fordere Sie auf, meinen Antrag nun unverzüglich vollständig zu beantworten. Andernfalls werde ich mich mit einer Beschwerde an {{authority}} wenden (Art. 77).`,
  },
  complaint: {
    title: 'Beschwerde nach Art. 77 {{short}}',
    body: `hiermit lege ich gestützt auf {{cite}} {{lawName}} Beschwerde gegen {{company}} ein, den Verantwortlichen für mich betreffende personenbezogene Daten, die über {{site}} erhoben wurden.
Am {{originalDate}} habe ich {{company}} {{originalKind}} übersandt (Referenz {{originalReference}}). Die Frist zur Beantwortung nach Art. 12 Abs. 3 ist am {{originalDue}} abgelaufen, ohne dass ich eine vollständige Antwort erhalten habe.
Ich bitte Sie, die Angelegenheit zu untersuchen, den Verantwortlichen anzuweisen, meinem Antrag nachzukommen, und mich über den Stand und das Ergebnis der Beschwerde zu unterrichten (Art. 78 Abs. 2).`,
  },
}

const gdprLaw = (id: LawId, short: string, authority: string): LawText => ({
  name: NAMES[id],
  short,
  cites: GDPR_CITES,
  respondCite: `Art. 12 Abs. 3 ${short}`,
  authority,
})

function period(p: Period): string {
  const n = p.amount
  switch (p.unit) {
    case 'months':
      return n === 1 ? 'innerhalb eines Monats' : `innerhalb von ${n} Monaten`
    case 'days':
      return n === 1 ? 'innerhalb eines Tages' : `innerhalb von ${n} Tagen`
    case 'business-days':
      return n === 1 ? 'innerhalb eines Arbeitstages' : `innerhalb von ${n} Arbeitstagen`
  }
}

export const de: LetterPack = {
  language: 'de',
  name: 'Deutsch',
  phrases: {
    salutation: 'Sehr geehrte Damen und Herren,',
    closing: 'Mit freundlichen Grüßen',
    subject: '{{title}} – Referenz {{reference}}',
    introSite: 'ich wende mich an Sie, weil ich die Website {{site}} besucht habe.',
    introCompany:
      'ich wende mich an Sie wegen personenbezogener Daten über mich, die Ihre Dienste bei meinem Besuch der Website {{site}} erhoben haben.',
    disclosedTo:
      'Bitte teilen Sie mir insbesondere mit, ob Sie mich betreffende personenbezogene Daten gegenüber den unten aufgeführten Unternehmen offengelegt haben, deren Dienste mein Browser während meines Besuchs Ihrer Website kontaktiert hat, um welche Daten es sich handelt und auf welcher Rechtsgrundlage dies geschah.',
    alsoRely:
      'Soweit sie auf Sie anwendbar sind, stütze ich mich zudem auf die entsprechenden Bestimmungen {{laws}}.',
    and: 'und',
    originalCopy: 'Mein Antrag vom {{originalDate}} (Referenz {{originalReference}}) im Wortlaut:',
    observed: {
      headerOn:
        'Was mein Browser am {{day}} auf {{site}} aufgezeichnet hat (erfasst mit der Browsererweiterung Tracelight):',
      headerBetween:
        'Was mein Browser zwischen dem {{from}} und dem {{to}} auf {{site}} aufgezeichnet hat (erfasst mit der Browsererweiterung Tracelight):',
      header:
        'Was mein Browser auf {{site}} aufgezeichnet hat (erfasst mit der Browsererweiterung Tracelight):',
      companies: 'Unternehmen, an die mein Browser während meines Besuchs Anfragen gesendet hat:',
      companyLine: '- {{name}} ({{domains}}): {{requests}}, {{when}}',
      requestOne: '{{n}} Anfrage',
      requestOther: '{{n}} Anfragen',
      onDay: 'am {{day}}',
      dayRange: 'vom {{from}} bis zum {{to}}',
      identifiers: 'In meinem Browser gesetzte Kennungen:',
      identifierLine: '- {{company}} ({{domain}}): „{{name}}“',
      identifierValue: ', Wert beginnt mit „{{prefix}}“',
      pixels: 'Tracking-Pixel, die meinen Besuch gemeldet haben:',
      pixelLine: '- {{label}} von {{company}} ({{domain}})',
      pixelId: ', Pixel-ID {{id}}',
      pixelEvents: ', Ereignisse: {{events}}',
    },
    pixelLabels: { 'pixel.google_ads': 'Google-Ads-Conversion-Tag' },
    kindNouns: {
      access: 'einen Antrag auf Auskunft über meine personenbezogenen Daten',
      identifiers: 'einen Antrag auf Auskunft über meine Online-Kennungen',
      erasure: 'einen Antrag auf Löschung meiner personenbezogenen Daten',
      rectification: 'einen Antrag auf Berichtigung meiner personenbezogenen Daten',
      objection: 'einen Widerspruch gegen die Verarbeitung samt Widerruf meiner Einwilligung',
      'withdraw-consent': 'einen Widerruf meiner Einwilligung',
      'opt-out-sale': 'einen Widerspruch gegen den Verkauf und die Weitergabe meiner Daten',
      'limit-sensitive':
        'einen Antrag auf Beschränkung der Nutzung meiner sensiblen personenbezogenen Daten',
      reminder: 'eine Erinnerung',
      complaint: 'eine Beschwerde',
    },
  },
  families: {
    gdpr: {
      deadline:
        'Bitte antworten Sie mir unverzüglich, spätestens aber {{period}} nach Eingang dieses Schreibens, also bis zum {{dueDate}} ({{respondCite}}). Dies ist für mich unentgeltlich (Art. 12 Abs. 5). Sollten Sie mehr Zeit benötigen, teilen Sie mir dies bitte innerhalb dieser Frist unter Angabe der Gründe mit (Art. 12 Abs. 3); beabsichtigen Sie, meinem Antrag nicht nachzukommen, teilen Sie mir bitte innerhalb derselben Frist die Gründe dafür mit (Art. 12 Abs. 4).',
      receipt: 'Bitte bestätigen Sie mir den Eingang dieses Schreibens.',
      identifyIds:
        'Um die mich betreffenden Daten zu finden, verwenden Sie bitte die unten aufgeführten Online-Kennungen, die Ihre Dienste in meinem Browser gesetzt haben. Online-Kennungen genügen, um eine Person zu identifizieren, die einen Online-Dienst nutzt (Erwägungsgrund 64); weitere Angaben zu meiner Identifizierung sollten daher nicht erforderlich sein (Art. 11 Abs. 2 und Art. 12 Abs. 6).',
      identifyNone:
        'Ich habe {{site}} mit diesem Browser besucht. Sollten Sie weitere Angaben zu meiner Identifizierung benötigen, teilen Sie mir bitte mit, welche und weshalb (Art. 12 Abs. 6); eine Kopie eines Ausweisdokuments verlangen Sie bitte nur, wenn dies unbedingt erforderlich ist.',
    },
  },
  templates: { gdpr: GDPR },
  laws: {
    'gdpr-eu': gdprLaw('gdpr-eu', 'DSGVO', 'die zuständige Datenschutz-Aufsichtsbehörde'),
    'gdpr-uk': gdprLaw('gdpr-uk', 'UK GDPR', "das Information Commissioner's Office (ICO)"),
  },
  names: NAMES,
  date: (day) => letterDate(day, 'de'),
  period,
}
