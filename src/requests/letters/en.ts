/**
 * English: every law and kind. Names, citations and authorities are the ones in laws.ts, the
 * single English source of the legal facts.
 */
import { periodText } from '../dates'
import { LAWS, type LawId } from '../laws'
import { CANADA, GDPR, LGPD, US } from './en-templates'
import { letterDate } from './format'
import type { FamilyText, LawText, LetterPack } from './types'

const identifyIds =
  'To match this request to your records, please use the online identifiers your services set in my browser, listed below.'
const identifyNone =
  'I visited {{site}} with this browser. If you need further information to match this request to your records, tell me what you need.'
const receipt = 'Please confirm that you have received this request.'

const FAMILIES: LetterPack['families'] = {
  gdpr: {
    deadline: `Please answer without undue delay and at the latest within {{period}} of receiving this request, that is by {{dueDate}} ({{respondCite}}). This is free of charge (Article 12(5)). If you need more time, tell me within that month, with your reasons (Article 12(3)); if you do not intend to act on my request, tell me why within the same period (Article 12(4)).`,
    receipt,
    identifyIds:
      'To find the data concerning me, please use the online identifiers your services set in my browser, listed below. Online identifiers are enough to identify a person using an online service (Recital 64), so no further identification should be needed (Articles 11(2) and 12(6)).',
    identifyNone:
      'I visited {{site}} with this browser. If you need further information to identify me, tell me what you need and why (Article 12(6)); please do not ask for a copy of an identity document unless it is strictly necessary.',
  },
  us: {
    deadline: `Please respond within {{period}} of receiving this request, that is by {{dueDate}} ({{respondCite}}). If you need more time, tell me within that period, with your reasons.`,
    receipt,
    receiptWithin:
      'Please confirm that you have received this request within {{confirmPeriod}} ({{confirmCite}}).',
    identifyIds,
    identifyNone,
  },
  lgpd: {
    deadline: `Please answer within {{period}} of receiving this request, that is by {{dueDate}} ({{respondCite}}).`,
    receipt,
    identifyIds,
    identifyNone,
  },
  canada: {
    deadline: `Please respond within {{period}} of receiving this request, that is by {{dueDate}} ({{respondCite}}). If you need more time, tell me within that period, with your reasons; no response within the time limit is deemed a refusal.`,
    receipt: 'Please confirm in writing that you have received this request.',
    identifyIds,
    identifyNone,
  },
} satisfies Partial<Record<string, FamilyText>>

const laws: Partial<Record<LawId, LawText>> = Object.fromEntries(
  LAWS.map((law) => {
    const byKind = Object.entries(law.respondByKind ?? {}).map(([k, v]) => [k, v.cite])
    const text: LawText = {
      name: law.name,
      short: law.short,
      cites: law.cites,
      respondCite: law.respondCite,
      authority: law.authority,
      ...(byKind.length === 0 ? {} : { respondByKindCite: Object.fromEntries(byKind) }),
      ...(law.confirm === undefined ? {} : { confirmCite: law.confirm.cite }),
    }
    return [law.id, text]
  }),
)

export const en: LetterPack = {
  language: 'en',
  name: 'English',
  phrases: {
    salutation: 'Dear Sir or Madam,',
    closing: 'Yours faithfully,',
    subject: '{{title}} under {{short}} — ref. {{reference}}',
    introSite: 'I am writing to you as a visitor to {{site}}.',
    introCompany:
      'I am writing to you about personal data concerning me that your services collected while I visited {{site}}.',
    disclosedTo:
      'In particular, please tell me whether you disclosed personal data concerning me to the companies listed below, whose services my browser contacted while I was on your site, what data, and on what legal basis.',
    alsoRely:
      'Insofar as they apply to you, I also rely on the corresponding provisions of {{laws}}.',
    and: 'and',
    originalCopy: 'My request of {{originalDate}} (reference {{originalReference}}), as I sent it:',
    observed: {
      headerOn:
        'What my browser recorded on {{site}} on {{day}} (recorded by the Tracelight browser extension):',
      headerBetween:
        'What my browser recorded on {{site}} between {{from}} and {{to}} (recorded by the Tracelight browser extension):',
      header:
        'What my browser recorded on {{site}} (recorded by the Tracelight browser extension):',
      companies: 'Companies my browser sent requests to while I was on the site:',
      companyLine: '- {{name}} ({{domains}}): {{requests}}, {{when}}',
      requestOne: '{{n}} request',
      requestOther: '{{n}} requests',
      onDay: '{{day}}',
      dayRange: '{{from}} to {{to}}',
      identifiers: 'Identifiers set in my browser:',
      identifierLine: '- {{company}} ({{domain}}): "{{name}}"',
      identifierValue: ', value beginning "{{prefix}}"',
      pixels: 'Tracking pixels that reported my visit:',
      pixelLine: '- {{label}} of {{company}} ({{domain}})',
      pixelId: ', pixel ID {{id}}',
      pixelEvents: ', events: {{events}}',
    },
    pixelLabels: {},
    kindNouns: {
      access: 'a request for access to my personal data',
      identifiers: 'a request for access to my online identifiers',
      erasure: 'a request to erase my personal data',
      rectification: 'a request to correct my personal data',
      objection: 'an objection to processing and a withdrawal of consent',
      'withdraw-consent': 'a withdrawal of consent',
      'opt-out-sale': 'a request to opt out of sale and sharing',
      'limit-sensitive': 'a request to limit the use of sensitive personal information',
      reminder: 'a reminder',
      complaint: 'a complaint',
    },
  },
  families: FAMILIES,
  templates: { gdpr: GDPR, us: US, lgpd: LGPD, canada: CANADA },
  laws,
  names: Object.fromEntries(LAWS.map((l) => [l.id, l.name])) as Record<LawId, string>,
  date: (day) => letterDate(day, 'en'),
  period: periodText,
}
