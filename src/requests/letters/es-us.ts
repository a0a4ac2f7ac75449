/**
 * Spanish letters under California's and the other US states' laws. Citations here name the
 * right being exercised ("mi derecho a saber (…)") and follow "en ejercicio de"; the reminder
 * and complaint cite the response period in brackets. Statute titles stay in English (they have
 * no official Spanish name), introduced by a Spanish description.
 */
import { LAWS, type Law, type LawId } from '../laws'
import type { KindText, LawText } from './types'

const CIVIL = 'del Código Civil de California'
const REGS = 'del Reglamento de la CCPA'

export const US: Record<string, KindText> = {
  access: {
    title: 'Solicitud para saber ({{short}})',
    body: `Al amparo {{lawName}} y en ejercicio de {{cite}}, les solicito que me confirmen si tratan información personal sobre mí y que me comuniquen:
1. las categorías de información personal que han recopilado sobre mí;
2. las categorías de fuentes de las que se ha recopilado;
3. la finalidad empresarial o comercial de su recopilación, venta o intercambio;
4. las categorías de terceros a los que la han revelado, vendido o cedido;
5. los datos concretos de información personal que tienen sobre mí, en un formato portátil.`,
  },
  identifiers: {
    title: 'Solicitud para saber qué identificadores en línea tienen sobre mí ({{short}})',
    body: `Al amparo {{lawName}} y en ejercicio de {{cite}}, les solicito que me indiquen qué identificadores en línea relacionados conmigo tienen —identificadores de cookies, identificadores de dispositivo y de publicidad, y cualquier identificador vinculado a ellos— y los datos concretos de información personal que han asociado a ellos, con sus fuentes, las finalidades de su uso y los terceros a los que los han revelado, vendido o cedido.`,
  },
  erasure: {
    title: 'Solicitud de eliminación ({{short}})',
    body: `Al amparo {{lawName}} y en ejercicio de {{cite}}, les solicito que eliminen la información personal que tienen sobre mí, incluidos, en su caso, los identificadores que se indican más abajo y toda la información vinculada a ellos, y que indiquen a sus proveedores de servicios y contratistas, así como a los terceros a los que la hayan vendido o cedido, que también la eliminen.`,
  },
  rectification: {
    title: 'Solicitud de corrección ({{short}})',
    body: `Al amparo {{lawName}} y en ejercicio de {{cite}}, les solicito que corrijan la información personal inexacta sobre mí, de la siguiente manera:
{{details}}`,
  },
  'opt-out-sale': {
    title: 'Solicitud de exclusión de la venta y el intercambio ({{short}})',
    body: `Al amparo {{lawName}} y en ejercicio de {{cite}}, me excluyo de la venta y del intercambio de mi información personal, de su uso para publicidad dirigida (publicidad conductual entre contextos) y de la elaboración de perfiles. Les ruego que lo hagan efectivo de inmediato y que notifiquen esta solicitud a los terceros a los que hayan vendido o cedido mi información personal.
Una solicitud de exclusión no requiere la verificación de mi identidad.`,
  },
  'limit-sensitive': {
    title: 'Solicitud para limitar el uso de información personal confidencial ({{short}})',
    body: `Al amparo {{lawName}} y en ejercicio de {{cite}}, les indico que limiten el uso y la divulgación de mi información personal confidencial a lo necesario para prestar los servicios que solicito.
Esta solicitud no requiere la verificación de mi identidad.`,
  },
  reminder: {
    title: 'Recordatorio: solicitud sin respuesta ({{short}})',
    body: `El {{originalDate}} les envié {{originalKind}} al amparo {{lawName}} (referencia {{originalReference}}). El plazo para responder ({{cite}}) venció el {{originalDue}} sin que haya recibido una respuesta completa ni aviso alguno de prórroga.
Les ruego que respondan íntegramente sin más demora. De lo contrario, presentaré una reclamación ante {{authority}}.`,
  },
  complaint: {
    title: 'Reclamación ({{short}})',
    body: `Presento una reclamación contra {{company}}, que recopiló información personal sobre mí a través de {{site}}, por no haber respondido en el plazo establecido ({{cite}}) a una solicitud formulada al amparo {{lawName}}.
El {{originalDate}} envié a {{company}} {{originalKind}} (referencia {{originalReference}}). El plazo para responder venció el {{originalDue}} sin una respuesta completa.
Les ruego que examinen este asunto y que exijan a {{company}} que cumpla con la ley.`,
  },
}

const STATE_CITES: LawText['cites'] = {
  access: 'mi derecho a confirmar si tratan mis datos personales y a acceder a ellos',
  identifiers: 'mi derecho a confirmar si tratan mis datos personales y a acceder a ellos',
  erasure: 'mi derecho a que se eliminen mis datos personales',
  rectification: 'mi derecho a que se corrijan mis datos personales',
  'opt-out-sale':
    'mi derecho a excluirme de la publicidad dirigida, de la venta de mis datos personales y de la elaboración de perfiles',
  reminder: 'plazo de respuesta de 45 días',
  complaint: 'plazo de respuesta de 45 días',
}

/** A state law's name: "de la ley de privacidad de Virginia («Consumer Data Protection Act», …)". */
export function stateName(law: Law): string {
  const s = law.state
  if (s === undefined) return ''
  const code = s.code === undefined ? '' : `, ${s.code.replace(/ ff\.$/, ' y ss.')}`
  return `de la ley de privacidad de ${s.name} («${s.title}»${code})`
}

export const CCPA_NAME =
  'de la Ley de Privacidad del Consumidor de California, modificada por la Ley de Derechos de Privacidad de California (CCPA/CPRA)'

export const US_LAWS: Partial<Record<LawId, LawText>> = {
  ccpa: {
    name: CCPA_NAME,
    short: 'CCPA/CPRA',
    cites: {
      access: `mi derecho a saber (secciones 1798.100, 1798.110 y 1798.115 ${CIVIL})`,
      identifiers: `mi derecho a saber (sección 1798.110 ${CIVIL})`,
      erasure: `mi derecho de eliminación (sección 1798.105 ${CIVIL})`,
      rectification: `mi derecho de corrección (sección 1798.106 ${CIVIL})`,
      'opt-out-sale': `mi derecho a optar por no participar en la venta y el intercambio de mi información personal (sección 1798.120 ${CIVIL})`,
      'limit-sensitive': `mi derecho a limitar el uso de mi información personal confidencial (sección 1798.121 ${CIVIL})`,
      reminder: `sección 1798.130(a)(2) ${CIVIL}`,
      complaint: `sección 1798.130(a)(2) ${CIVIL}`,
    },
    respondCite: `sección 1798.130(a)(2) ${CIVIL}`,
    respondByKindCite: {
      'opt-out-sale': `sección 7026(f) ${REGS}`,
      'limit-sensitive': `sección 7027 ${REGS}`,
    },
    confirmCite: `sección 7021(a) ${REGS}`,
    authority:
      'la Agencia de Protección de la Privacidad de California (CPPA) o el Fiscal General de California',
  },
  ...Object.fromEntries(
    LAWS.filter((l) => l.state !== undefined).map((l) => {
      const text: LawText = {
        name: stateName(l),
        short: `ley de privacidad de ${l.state?.name ?? ''}`,
        cites: STATE_CITES,
        respondCite: 'plazo de respuesta de 45 días',
        authority: `el Fiscal General de ${l.state?.name ?? ''}`,
      }
      return [l.id, text]
    }),
  ),
}
