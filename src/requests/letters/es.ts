/**
 * Spanish: the EU and UK GDPR letters, and the US ones (es-us.ts). Law names begin with "del" or
 * "de la" and follow a citation ("artículo 15 del Reglamento …") or "al amparo"; GDPR citations
 * begin with "artículo" and follow "del". The letters address the company as "ustedes".
 */
import { LAWS, type LawId, type Period } from '../laws'
import { CCPA_NAME, stateName, US, US_LAWS } from './es-us'
import { letterDate } from './format'
import type { KindText, LawText, LetterPack } from './types'

const NAMES: Record<LawId, string> = Object.fromEntries(
  LAWS.map((l) => [l.id, stateName(l)]),
) as Record<LawId, string>
Object.assign(NAMES, {
  'gdpr-eu': 'del Reglamento (UE) 2016/679 (Reglamento General de Protección de Datos, RGPD)',
  'gdpr-uk': 'del UK General Data Protection Regulation (UK GDPR) y de la Data Protection Act 2018',
  ccpa: CCPA_NAME,
  lgpd: 'de la Ley General de Protección de Datos de Brasil (Lei nº 13.709/2018, LGPD)',
  pipeda:
    'de la Ley de Protección de la Información Personal y los Documentos Electrónicos de Canadá (PIPEDA)',
  quebec:
    'de la Ley sobre la protección de la información personal en el sector privado de Quebec (CQLR c. P-39.1)',
} satisfies Partial<Record<LawId, string>>)

const GDPR_CITES: LawText['cites'] = {
  access: 'artículo 15, apartado 1, letras a) a h), y apartados 2 y 3',
  identifiers:
    'artículo 15, en relación con el artículo 4, apartado 1, y los considerandos 30 y 64',
  erasure: 'artículo 17, apartado 1, letras b) y c)',
  rectification: 'artículo 16',
  objection: 'artículo 21, apartados 1 a 3',
  'withdraw-consent': 'artículo 7, apartado 3',
  reminder: 'artículo 12, apartado 3',
  complaint: 'artículo 77',
}

const GDPR: Record<string, KindText> = {
  access: {
    title: 'Ejercicio del derecho de acceso (artículo 15 del {{short}})',
    body: `Al amparo del {{cite}} {{lawName}}, les solicito que me confirmen si están tratando datos personales que me conciernen y, en tal caso, que me faciliten el acceso a dichos datos y una copia de los mismos (artículo 15, apartado 3), así como la siguiente información:
a) los fines del tratamiento;
b) las categorías de datos personales de que se trate;
c) los destinatarios o las categorías de destinatarios a los que se han comunicado o serán comunicados los datos, en particular los destinatarios en terceros países;
d) el plazo previsto de conservación de los datos o, de no ser posible, los criterios utilizados para determinar este plazo;
e) la existencia de mis derechos de rectificación, supresión, limitación del tratamiento y oposición;
f) mi derecho a presentar una reclamación ante una autoridad de control;
g) cuando los datos no se hayan obtenido de mí, cualquier información disponible sobre su origen;
h) la existencia de decisiones automatizadas, incluida la elaboración de perfiles, e información significativa sobre la lógica aplicada, así como la importancia y las consecuencias previstas de dicho tratamiento para mí.
Si los datos se transfieren a un tercer país, les solicito asimismo que me informen de las garantías adecuadas (artículo 15, apartado 2).`,
  },
  identifiers: {
    title: 'Acceso a mis identificadores en línea (artículo 15 del {{short}})',
    body: `Al amparo del {{cite}} {{lawName}}, les solicito que me indiquen qué identificadores en línea relacionados conmigo conservan —identificadores de cookies, identificadores de dispositivo y de publicidad, y cualquier identificador vinculado o sincronizado con ellos— y que me faciliten una copia de todos los datos personales que han asociado a ellos, con los fines del tratamiento, sus destinatarios y su origen. Los identificadores como los de las cookies son datos personales (artículo 4, apartado 1, y considerando 30).`,
  },
  erasure: {
    title: 'Ejercicio del derecho de supresión (artículo 17 del {{short}})',
    body: `Al amparo del {{cite}} {{lawName}}, les solicito que supriman sin dilación indebida todos los datos personales que me conciernen, incluidos, en su caso, los identificadores que se indican más abajo y todos los datos vinculados a ellos. Me opongo al tratamiento y no prevalecen otros motivos legítimos para el mismo (artículo 17, apartado 1, letra c)), y retiro cualquier consentimiento en el que se base (artículo 17, apartado 1, letra b)).
Les ruego asimismo que comuniquen la supresión a cada uno de los destinatarios a los que hayan comunicado los datos y que me indiquen quiénes son.`,
  },
  rectification: {
    title: 'Ejercicio del derecho de rectificación (artículo 16 del {{short}})',
    body: `Al amparo del {{cite}} {{lawName}}, les solicito que rectifiquen sin dilación indebida los datos personales inexactos que me conciernen y que completen los que estén incompletos, de la siguiente manera:
{{details}}
Les ruego que comuniquen la rectificación a cada uno de los destinatarios a los que hayan comunicado los datos.`,
  },
  objection: {
    title: 'Oposición al tratamiento (artículo 21 del {{short}}) y retirada del consentimiento',
    body: `Al amparo del {{cite}} {{lawName}}, me opongo al tratamiento de mis datos personales con fines de mercadotecnia directa, incluida la elaboración de perfiles relacionada con dicha mercadotecnia (artículo 21, apartado 2). Tras esta oposición, mis datos no podrán seguir tratándose para esos fines (artículo 21, apartado 3). Me opongo asimismo, por motivos relacionados con mi situación particular, a cualquier tratamiento basado en intereses legítimos (artículo 21, apartado 1).
Retiro cualquier consentimiento que haya podido darles para el tratamiento de mis datos personales (artículo 7, apartado 3) y les solicito que supriman sin dilación indebida los datos tratados sobre esas bases (artículo 17, apartado 1, letras b) y c)).
Les ruego que me confirmen que el tratamiento ha cesado y que los datos han sido suprimidos.`,
  },
  'withdraw-consent': {
    title: 'Retirada del consentimiento (artículo 7, apartado 3, del {{short}})',
    body: `Al amparo del {{cite}} {{lawName}}, retiro cualquier consentimiento que les haya dado para el tratamiento de mis datos personales, incluido cualquier consentimiento registrado mediante un banner de cookies en {{site}}. Retirar el consentimiento debe ser tan fácil como darlo (artículo 7, apartado 3).
Les ruego que cesen todo tratamiento basado en ese consentimiento y que me confirmen que lo han hecho.`,
  },
  reminder: {
    title: 'Recordatorio: solicitud sin respuesta ({{short}})',
    body: `El {{originalDate}} les envié {{originalKind}} al amparo {{lawName}} (referencia {{originalReference}}). El plazo para responder ({{cite}}) venció el {{originalDue}} sin que haya recibido una respuesta completa ni una comunicación motivada de prórroga.
Les ruego que respondan íntegramente sin más demora. De lo contrario, presentaré una reclamación ante {{authority}} (artículo 77).`,
  },
  complaint: {
    title: 'Reclamación (artículo 77 del {{short}})',
    body: `Al amparo del {{cite}} {{lawName}}, presento una reclamación contra {{company}}, responsable del tratamiento de datos personales que me conciernen recogidos a través de {{site}}.
El {{originalDate}} envié a {{company}} {{originalKind}} (referencia {{originalReference}}). El plazo para responder previsto en el artículo 12, apartado 3, venció el {{originalDue}} sin una respuesta completa.
Les ruego que investiguen el asunto, que ordenen al responsable del tratamiento atender mi solicitud y que me informen del curso y del resultado de la reclamación (artículo 78, apartado 2).`,
  },
}

const gdprLaw = (id: LawId, short: string, authority: string): LawText => ({
  name: NAMES[id],
  short,
  cites: GDPR_CITES,
  respondCite: `artículo 12, apartado 3, del ${short}`,
  authority,
})

function period(p: Period): string {
  const n = p.amount
  switch (p.unit) {
    case 'months':
      return n === 1 ? 'de un mes' : `de ${n} meses`
    case 'days':
      return n === 1 ? 'de un día' : `de ${n} días`
    case 'business-days':
      return n === 1 ? 'de un día hábil' : `de ${n} días hábiles`
  }
}

const receipt = 'Les ruego que me confirmen la recepción de esta solicitud.'

export const es: LetterPack = {
  language: 'es',
  name: 'Español',
  phrases: {
    salutation: 'Señoras y señores:',
    closing: 'Atentamente,',
    subject: '{{title}} – Ref. {{reference}}',
    introSite: 'Me dirijo a ustedes como visitante de {{site}}.',
    introCompany:
      'Me dirijo a ustedes en relación con los datos personales que me conciernen y que sus servicios recopilaron durante mi visita a {{site}}.',
    disclosedTo:
      'En particular, les ruego que me indiquen si han comunicado datos personales que me conciernen a las empresas que se indican más abajo, cuyos servicios contactó mi navegador durante mi visita a su sitio web, qué datos y con qué base jurídica.',
    alsoRely:
      'En la medida en que les sean aplicables, me amparo también en las disposiciones correspondientes {{laws}}.',
    and: 'y',
    originalCopy:
      'Mi solicitud del {{originalDate}} (referencia {{originalReference}}), tal como la envié:',
    observed: {
      headerOn:
        'Lo que mi navegador registró en {{site}} el {{day}} (registrado con la extensión de navegador Tracelight):',
      headerBetween:
        'Lo que mi navegador registró en {{site}} entre el {{from}} y el {{to}} (registrado con la extensión de navegador Tracelight):',
      header:
        'Lo que mi navegador registró en {{site}} (registrado con la extensión de navegador Tracelight):',
      companies: 'Empresas a las que mi navegador envió peticiones durante mi visita:',
      companyLine: '- {{name}} ({{domains}}): {{requests}}, {{when}}',
      requestOne: '{{n}} petición',
      requestOther: '{{n}} peticiones',
      onDay: 'el {{day}}',
      dayRange: 'del {{from}} al {{to}}',
      identifiers: 'Identificadores instalados en mi navegador:',
      identifierLine: '- {{company}} ({{domain}}): «{{name}}»',
      identifierValue: ', valor que empieza por «{{prefix}}»',
      pixels: 'Píxeles de seguimiento que notificaron mi visita:',
      pixelLine: '- {{label}} de {{company}} ({{domain}})',
      pixelId: ', ID del píxel {{id}}',
      pixelEvents: ', eventos: {{events}}',
    },
    pixelLabels: { 'pixel.google_ads': 'etiqueta de conversión de Google Ads' },
    kindNouns: {
      access: 'una solicitud de acceso a mis datos personales',
      identifiers: 'una solicitud de acceso a mis identificadores en línea',
      erasure: 'una solicitud de supresión de mis datos personales',
      rectification: 'una solicitud de rectificación de mis datos personales',
      objection: 'una oposición al tratamiento junto con la retirada de mi consentimiento',
      'withdraw-consent': 'una retirada de mi consentimiento',
      'opt-out-sale': 'una solicitud de exclusión de la venta y el intercambio de mis datos',
      'limit-sensitive':
        'una solicitud para limitar el uso de mi información personal confidencial',
      reminder: 'un recordatorio',
      complaint: 'una reclamación',
    },
  },
  families: {
    gdpr: {
      deadline:
        'Les ruego que respondan sin dilación indebida y, a más tardar, en el plazo {{period}} a partir de la recepción de esta solicitud, es decir, a más tardar el {{dueDate}} ({{respondCite}}). El ejercicio de este derecho es gratuito (artículo 12, apartado 5). Si necesitan más tiempo, les ruego que me lo comuniquen dentro de ese plazo, indicando los motivos (artículo 12, apartado 3); si no tienen intención de dar curso a mi solicitud, les ruego que me indiquen los motivos en el mismo plazo (artículo 12, apartado 4).',
      receipt,
      identifyIds:
        'Para localizar los datos que me conciernen, les ruego que utilicen los identificadores en línea que sus servicios instalaron en mi navegador, que se indican más abajo. Los identificadores en línea bastan para identificar a una persona que utiliza un servicio en línea (considerando 64), por lo que no debería ser necesaria ninguna otra identificación (artículos 11, apartado 2, y 12, apartado 6).',
      identifyNone:
        'Visité {{site}} con este navegador. Si necesitan información adicional para identificarme, indíquenme cuál y por qué (artículo 12, apartado 6); les ruego que no me pidan una copia de un documento de identidad salvo que sea estrictamente necesario.',
    },
    us: {
      deadline:
        'Les ruego que respondan en el plazo {{period}} a partir de la recepción de esta solicitud, es decir, a más tardar el {{dueDate}} ({{respondCite}}). Si necesitan más tiempo, les ruego que me lo comuniquen dentro de ese plazo, indicando los motivos.',
      receipt,
      receiptWithin:
        'Les ruego que me confirmen la recepción de esta solicitud en el plazo {{confirmPeriod}} ({{confirmCite}}).',
      identifyIds:
        'Para vincular esta solicitud con sus registros, les ruego que utilicen los identificadores en línea que sus servicios instalaron en mi navegador, que se indican más abajo.',
      identifyNone:
        'Visité {{site}} con este navegador. Si necesitan más información para vincular esta solicitud con sus registros, indíquenme qué necesitan.',
    },
  },
  templates: { gdpr: GDPR, us: US },
  laws: {
    'gdpr-eu': gdprLaw('gdpr-eu', 'RGPD', 'la autoridad de control competente'),
    'gdpr-uk': gdprLaw(
      'gdpr-uk',
      'UK GDPR',
      'la Oficina del Comisionado de Información del Reino Unido (ICO)',
    ),
    ...US_LAWS,
  },
  names: NAMES,
  date: (day) => letterDate(day, 'es'),
  period,
}
