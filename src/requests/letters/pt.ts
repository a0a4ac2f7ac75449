/**
 * Brazilian Portuguese: the LGPD letters. Law names begin with "da" or "do" and follow a
 * citation ("no art. 18 … da Lei nº 13.709/2018") or "nos termos"; first-request citations
 * begin with "no art." and follow "Com fundamento".
 */
import { LAWS, type Law, type LawId, type Period } from '../laws'
import { letterDate } from './format'
import type { KindText, LetterPack } from './types'

function stateName(law: Law): string {
  const s = law.state
  if (s === undefined) return ''
  return `da lei de privacidade de ${s.name} (${s.title}${s.code === undefined ? '' : `, ${s.code}`})`
}

const NAMES: Record<LawId, string> = Object.fromEntries(
  LAWS.map((l) => [l.id, stateName(l)]),
) as Record<LawId, string>
Object.assign(NAMES, {
  'gdpr-eu': 'do Regulamento (UE) 2016/679 (Regulamento Geral sobre a Proteção de Dados, RGPD)',
  'gdpr-uk': 'do UK General Data Protection Regulation (UK GDPR) e do Data Protection Act 2018',
  ccpa: 'do California Consumer Privacy Act, alterado pelo California Privacy Rights Act (CCPA/CPRA)',
  lgpd: 'da Lei nº 13.709/2018 (Lei Geral de Proteção de Dados Pessoais, LGPD)',
  pipeda: 'da lei canadense Personal Information Protection and Electronic Documents Act (PIPEDA)',
  quebec:
    'da lei de Quebec sobre a proteção de informações pessoais no setor privado (CQLR c. P-39.1)',
} satisfies Partial<Record<LawId, string>>)

const LGPD: Record<string, KindText> = {
  access: {
    title: 'Requisição de acesso aos meus dados pessoais (art. 18 da {{short}})',
    body: `Com fundamento {{cite}} {{lawName}}, solicito a confirmação da existência de tratamento de dados pessoais que me digam respeito e o acesso a esses dados, por meio de declaração clara e completa, nos termos do art. 19, que indique a origem dos dados, a inexistência de registro, se for o caso, os critérios utilizados e a finalidade do tratamento, bem como as entidades públicas e privadas com as quais os dados foram compartilhados.`,
  },
  identifiers: {
    title: 'Acesso aos meus identificadores online (art. 18 da {{short}})',
    body: `Com fundamento {{cite}} {{lawName}}, solicito que me informem quais identificadores online relacionados a mim mantêm — identificadores de cookies, de dispositivo e de publicidade, e quaisquer identificadores vinculados a eles — e que me deem acesso a todos os dados associados a eles, com a sua origem, os critérios utilizados, as finalidades e as entidades com as quais foram compartilhados.`,
  },
  erasure: {
    title: 'Requisição de eliminação de dados (art. 18 da {{short}})',
    body: `Com fundamento {{cite}} {{lawName}}, solicito a eliminação dos dados pessoais que me digam respeito tratados com o meu consentimento (art. 18, inciso VI), bem como a anonimização, o bloqueio ou a eliminação de dados desnecessários ou excessivos (art. 18, inciso IV), incluindo eventuais identificadores indicados abaixo e todos os dados vinculados a eles.`,
  },
  rectification: {
    title: 'Requisição de correção de dados (art. 18 da {{short}})',
    body: `Com fundamento {{cite}} {{lawName}}, solicito a correção de dados incompletos, inexatos ou desatualizados que me digam respeito, conforme segue:
{{details}}`,
  },
  objection: {
    title: 'Oposição ao tratamento (art. 18, § 2º, da {{short}})',
    body: `Com fundamento {{cite}} {{lawName}}, oponho-me ao tratamento dos meus dados pessoais realizado sem o meu consentimento, em especial para publicidade e formação de perfis, por estar em desacordo com a lei. Solicito que o interrompam e me confirmem que o fizeram.`,
  },
  'withdraw-consent': {
    title: 'Revogação do consentimento (art. 8º, § 5º, da {{short}})',
    body: `Com fundamento {{cite}} {{lawName}}, revogo todo consentimento que lhes tenha dado para o tratamento dos meus dados pessoais, incluindo qualquer consentimento registrado por meio de um banner de cookies em {{site}}. Solicito que interrompam todo tratamento baseado nesse consentimento e me confirmem que o fizeram.`,
  },
  reminder: {
    title: 'Lembrete: requisição sem resposta ({{short}})',
    body: `Em {{originalDate}}, enviei-lhes {{originalKind}} nos termos {{lawName}} (referência {{originalReference}}). O prazo para resposta ({{cite}}) terminou em {{originalDue}} sem que eu tenha recebido uma resposta completa.
Solicito que respondam integralmente sem mais demora. Caso contrário, peticionarei perante {{authority}}.`,
  },
  complaint: {
    title: 'Petição (art. 18, § 1º, da {{short}})',
    body: `Com fundamento {{cite}} {{lawName}}, apresento petição contra {{company}}, controlador de dados pessoais que me dizem respeito coletados por meio de {{site}}.
Em {{originalDate}}, enviei à empresa {{company}} {{originalKind}} (referência {{originalReference}}). O prazo para resposta terminou em {{originalDue}} sem uma resposta completa.
Solicito que exijam do controlador o cumprimento da minha requisição.`,
  },
}

function period(p: Period): string {
  const n = p.amount
  switch (p.unit) {
    case 'months':
      return n === 1 ? 'de um mês' : `de ${n} meses`
    case 'days':
      return n === 1 ? 'de um dia' : `de ${n} dias`
    case 'business-days':
      return n === 1 ? 'de um dia útil' : `de ${n} dias úteis`
  }
}

export const pt: LetterPack = {
  language: 'pt',
  name: 'Português',
  phrases: {
    salutation: 'Prezados Senhores,',
    closing: 'Atenciosamente,',
    subject: '{{title}} – Ref. {{reference}}',
    introSite: 'Escrevo-lhes na qualidade de visitante de {{site}}.',
    introCompany:
      'Escrevo-lhes sobre os dados pessoais que me dizem respeito e que os seus serviços coletaram durante a minha visita a {{site}}.',
    disclosedTo:
      'Em especial, solicito que me informem se compartilharam dados pessoais que me dizem respeito com as empresas indicadas abaixo, cujos serviços o meu navegador contatou durante a minha visita ao seu site, quais dados e com qual base legal.',
    alsoRely:
      'Na medida em que lhes sejam aplicáveis, fundamento-me também nas disposições correspondentes {{laws}}.',
    and: 'e',
    originalCopy:
      'A minha requisição de {{originalDate}} (referência {{originalReference}}), tal como a enviei:',
    observed: {
      headerOn:
        'O que o meu navegador registrou em {{site}} em {{day}} (registrado pela extensão de navegador Tracelight):',
      headerBetween:
        'O que o meu navegador registrou em {{site}} entre {{from}} e {{to}} (registrado pela extensão de navegador Tracelight):',
      header:
        'O que o meu navegador registrou em {{site}} (registrado pela extensão de navegador Tracelight):',
      companies: 'Empresas às quais o meu navegador enviou requisições durante a minha visita:',
      companyLine: '- {{name}} ({{domains}}): {{requests}}, {{when}}',
      requestOne: '{{n}} requisição',
      requestOther: '{{n}} requisições',
      onDay: 'em {{day}}',
      dayRange: 'de {{from}} a {{to}}',
      identifiers: 'Identificadores instalados no meu navegador:',
      identifierLine: '- {{company}} ({{domain}}): “{{name}}”',
      identifierValue: ', valor que começa por “{{prefix}}”',
      pixels: 'Pixels de rastreamento que comunicaram a minha visita:',
      pixelLine: '- {{label}} de {{company}} ({{domain}})',
      pixelId: ', ID do pixel {{id}}',
      pixelEvents: ', eventos: {{events}}',
    },
    pixelLabels: { 'pixel.google_ads': 'tag de conversão do Google Ads' },
    kindNouns: {
      access: 'uma requisição de acesso aos meus dados pessoais',
      identifiers: 'uma requisição de acesso aos meus identificadores online',
      erasure: 'uma requisição de eliminação dos meus dados pessoais',
      rectification: 'uma requisição de correção dos meus dados pessoais',
      objection: 'uma oposição ao tratamento dos meus dados pessoais',
      'withdraw-consent': 'uma revogação do meu consentimento',
      'opt-out-sale': 'uma requisição de exclusão da venda e do compartilhamento dos meus dados',
      'limit-sensitive': 'uma requisição de limitação do uso dos meus dados sensíveis',
      reminder: 'um lembrete',
      complaint: 'uma petição',
    },
  },
  families: {
    lgpd: {
      deadline:
        'Solicito resposta no prazo {{period}} a contar do recebimento desta requisição, ou seja, até {{dueDate}} ({{respondCite}}).',
      receipt: 'Solicito que confirmem o recebimento desta requisição.',
      identifyIds:
        'Para localizar os dados que me dizem respeito, utilizem os identificadores online que os seus serviços instalaram no meu navegador, indicados abaixo.',
      identifyNone:
        'Visitei {{site}} com este navegador. Caso precisem de mais informações para localizar os meus registros, informem-me do que precisam.',
    },
  },
  templates: { lgpd: LGPD },
  laws: {
    lgpd: {
      name: NAMES.lgpd,
      short: 'LGPD',
      cites: {
        access: 'no art. 18, incisos I e II, e no art. 19',
        identifiers: 'no art. 18, inciso II, e no art. 19',
        erasure: 'no art. 18, incisos IV e VI',
        rectification: 'no art. 18, inciso III',
        objection: 'no art. 18, § 2º',
        'withdraw-consent': 'no art. 18, inciso IX, e no art. 8º, § 5º',
        reminder: 'art. 19',
        complaint: 'no art. 18, § 1º',
      },
      respondCite: 'art. 19 da LGPD',
      authority: 'a Autoridade Nacional de Proteção de Dados (ANPD)',
    },
  },
  names: NAMES,
  date: (day) => letterDate(day, 'pt'),
  period,
}
