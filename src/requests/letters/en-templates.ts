/**
 * English letters, the reference every other language is checked against. Law names read
 * "the General Data Protection Regulation …": templates put them after "of" or "under".
 */
import type { KindId } from '../laws'
import type { KindText } from './types'

export const GDPR: Record<Exclude<KindId, 'opt-out-sale' | 'limit-sensitive'>, KindText> = {
  access: {
    title: 'Data subject access request',
    body: `Under {{cite}} of {{lawName}}, I ask you to confirm whether you process personal data concerning me and, if so, to give me access to that data and a copy of it (Article 15(3)), together with the following information:
(a) the purposes of the processing;
(b) the categories of personal data concerned;
(c) the recipients or categories of recipients to whom the data have been or will be disclosed, in particular recipients in third countries;
(d) the period for which the data will be stored or, if that is not possible, the criteria used to determine it;
(e) the existence of my rights to rectification, erasure, restriction of processing and to object;
(f) my right to lodge a complaint with a supervisory authority;
(g) where the data were not collected from me, all available information as to their source;
(h) the existence of automated decision-making, including profiling, with meaningful information about the logic involved and its consequences for me.
Where data are transferred to a third country, please also tell me the appropriate safeguards (Article 15(2)).`,
  },
  identifiers: {
    title: 'Access request for my online identifiers',
    body: `Under {{cite}} of {{lawName}}, I ask you to tell me which online identifiers relating to me you hold — cookie identifiers, device and advertising identifiers, and any identifiers matched or synchronised with them — and to give me a copy of all personal data you have linked to them, with the purposes of the processing, its recipients and its sources. Identifiers such as cookie IDs are personal data (Article 4(1), Recital 30).`,
  },
  erasure: {
    title: 'Erasure request',
    body: `Under {{cite}} of {{lawName}}, I ask you to erase without undue delay all personal data concerning me, including any identifiers listed below and all data linked to them. I object to the processing and there are no overriding legitimate grounds for it (Article 17(1)(c)), and I withdraw any consent on which it is based (Article 17(1)(b)).
Please also inform each recipient to whom you disclosed the data of the erasure, and tell me who they are.`,
  },
  rectification: {
    title: 'Rectification request',
    body: `Under {{cite}} of {{lawName}}, I ask you to rectify without undue delay inaccurate personal data concerning me, and to complete incomplete data, as follows:
{{details}}
Please inform each recipient to whom you disclosed the data of the rectification.`,
  },
  objection: {
    title: 'Objection to processing and withdrawal of consent',
    body: `Under {{cite}} of {{lawName}}, I object to the processing of my personal data for direct marketing purposes, including profiling related to such marketing (Article 21(2)). After this objection my data may no longer be processed for those purposes (Article 21(3)). I also object, on grounds relating to my particular situation, to any processing based on legitimate interests (Article 21(1)).
I withdraw every consent I may have given you for processing my personal data (Article 7(3)), and I ask you to erase the data processed on those grounds without undue delay (Article 17(1)(b) and (c)).
Please confirm that the processing has stopped and the data have been erased.`,
  },
  'withdraw-consent': {
    title: 'Withdrawal of consent',
    body: `Under {{cite}} of {{lawName}}, I withdraw every consent I have given you for processing my personal data, including any consent recorded through a cookie banner on {{site}}. Withdrawing consent must be as easy as giving it (Article 7(3)).
Please stop all processing based on that consent and confirm to me that you have done so.`,
  },
  reminder: {
    title: 'Reminder: unanswered request',
    body: `On {{originalDate}} I sent you {{originalKind}} under {{lawName}}, reference {{originalReference}}. The time to answer ({{cite}}) ended on {{originalDue}}, and I have not received a complete answer, nor any notice of an extension with reasons.
I ask you to answer in full without further delay. Otherwise I will lodge a complaint with {{authority}} (Article 77).`,
  },
  complaint: {
    title: 'Complaint',
    body: `I lodge a complaint under {{cite}} of {{lawName}} against {{company}}, the controller of personal data concerning me collected through {{site}}.
On {{originalDate}} I sent {{company}} {{originalKind}}, reference {{originalReference}}. The time to answer under Article 12(3) ended on {{originalDue}} without a complete answer.
I ask you to investigate, to order the controller to comply with my request, and to inform me of the progress and outcome of the complaint (Article 78(2)).`,
  },
}

export const US: Record<Exclude<KindId, 'objection' | 'withdraw-consent'>, KindText> = {
  access: {
    title: 'Request to know',
    body: `Under {{cite}} of {{lawName}}, I ask you to confirm whether you process personal information about me and to disclose:
1. the categories of personal information you have collected about me;
2. the categories of sources from which it was collected;
3. the business or commercial purpose for collecting, selling or sharing it;
4. the categories of third parties to whom you disclosed, sold or shared it;
5. the specific pieces of personal information you hold about me, in a portable format.`,
  },
  identifiers: {
    title: 'Request to know my online identifiers',
    body: `Under {{cite}} of {{lawName}}, I ask you to disclose which online identifiers relating to me you hold — cookie identifiers, device and advertising identifiers, and any identifiers matched with them — and the specific pieces of personal information you have linked to them, with their sources, the purposes of their use and the third parties to whom you disclosed, sold or shared them.`,
  },
  erasure: {
    title: 'Request to delete',
    body: `Under {{cite}} of {{lawName}}, I ask you to delete the personal information you hold about me, including any identifiers listed below and all information linked to them, and to direct your service providers and contractors, and the third parties to whom you sold or shared it, to delete it as well.`,
  },
  rectification: {
    title: 'Request to correct',
    body: `Under {{cite}} of {{lawName}}, I ask you to correct inaccurate personal information about me, as follows:
{{details}}`,
  },
  'opt-out-sale': {
    title: 'Request to opt out of sale and sharing',
    body: `Under {{cite}} of {{lawName}}, I opt out of the sale and the sharing of my personal information, of its use for targeted (cross-context behavioural) advertising, and of profiling. Please stop now, and notify the third parties to whom you sold or shared my personal information of this request.
An opt-out request does not require verification of my identity.`,
  },
  'limit-sensitive': {
    title: 'Request to limit use of sensitive personal information',
    body: `Under {{cite}} of {{lawName}}, I direct you to limit the use and disclosure of my sensitive personal information to what is necessary to perform the services I request.
This request does not require verification of my identity.`,
  },
  reminder: {
    title: 'Reminder: unanswered request',
    body: `On {{originalDate}} I sent you {{originalKind}} under {{lawName}}, reference {{originalReference}}. The time to respond ({{cite}}) ended on {{originalDue}}, and I have not received a complete response, nor any notice of an extension.
I ask you to respond in full without further delay. Otherwise I will file a complaint with {{authority}}.`,
  },
  complaint: {
    title: 'Complaint',
    body: `I file a complaint about {{company}}, which collected personal information about me through {{site}}, for failing to respond to a request under {{lawName}} within the time it sets ({{cite}}).
On {{originalDate}} I sent {{company}} {{originalKind}}, reference {{originalReference}}. The time to respond ended on {{originalDue}} without a complete response.
I ask you to look into this and to require {{company}} to comply.`,
  },
}

export const LGPD: Record<Exclude<KindId, 'opt-out-sale' | 'limit-sensitive'>, KindText> = {
  access: {
    title: 'Data subject access request',
    body: `Under {{cite}} of {{lawName}}, I ask you to confirm whether you process personal data concerning me and to give me access to it, in the complete form provided for in Article 19: the origin of the data, the absence of records where applicable, the criteria used and the purposes of the processing, together with the public and private entities with which you shared the data.`,
  },
  identifiers: {
    title: 'Access request for my online identifiers',
    body: `Under {{cite}} of {{lawName}}, I ask you to tell me which online identifiers relating to me you hold — cookie, device and advertising identifiers and any identifiers matched with them — and to give me access to all data linked to them, with their origin, the criteria used, the purposes and the entities with which they were shared.`,
  },
  erasure: {
    title: 'Deletion request',
    body: `Under {{cite}} of {{lawName}}, I ask you to delete the personal data concerning me processed with my consent (Article 18, VI), and to anonymise, block or delete any unnecessary or excessive data (Article 18, IV), including any identifiers listed below and all data linked to them.`,
  },
  rectification: {
    title: 'Correction request',
    body: `Under {{cite}} of {{lawName}}, I ask you to correct incomplete, inaccurate or out-of-date data concerning me, as follows:
{{details}}`,
  },
  objection: {
    title: 'Objection to processing',
    body: `Under {{cite}} of {{lawName}}, I object to the processing of my personal data carried out without my consent, in particular for advertising and profiling, as it does not comply with the law. Please stop it and confirm that you have done so.`,
  },
  'withdraw-consent': {
    title: 'Withdrawal of consent',
    body: `Under {{cite}} of {{lawName}}, I withdraw every consent I have given you for processing my personal data, including any consent recorded through a cookie banner on {{site}}. Please stop all processing based on it and confirm that you have done so.`,
  },
  reminder: {
    title: 'Reminder: unanswered request',
    body: `On {{originalDate}} I sent you {{originalKind}} under {{lawName}}, reference {{originalReference}}. The time to answer ({{cite}}) ended on {{originalDue}}, and I have not received a complete answer.
I ask you to answer in full without further delay. Otherwise I will petition {{authority}}.`,
  },
  complaint: {
    title: 'Petition',
    body: `Under {{cite}} of {{lawName}}, I petition against {{company}}, the controller of personal data concerning me collected through {{site}}.
On {{originalDate}} I sent {{company}} {{originalKind}}, reference {{originalReference}}. The time to answer ended on {{originalDue}} without a complete answer.
I ask you to require the controller to comply.`,
  },
}

export const CANADA: Record<
  Exclude<KindId, 'objection' | 'opt-out-sale' | 'limit-sensitive'>,
  KindText
> = {
  access: {
    title: 'Access request',
    body: `Under {{cite}} of {{lawName}}, I ask you to tell me whether you hold personal information about me, to give me access to it, and to tell me how it has been used and to which third parties it has been disclosed.`,
  },
  identifiers: {
    title: 'Access request for my online identifiers',
    body: `Under {{cite}} of {{lawName}}, I ask you to tell me which online identifiers relating to me you hold — cookie, device and advertising identifiers and any identifiers matched with them — and to give me access to all personal information linked to them, how it has been used and to whom it has been disclosed.`,
  },
  erasure: {
    title: 'Request to stop disseminating my personal information',
    body: `Under {{cite}} of {{lawName}}, I ask you to stop disseminating my personal information and to de-index any link attached to my name that gives access to it, including any identifiers listed below and the information linked to them.`,
  },
  rectification: {
    title: 'Correction request',
    body: `Under {{cite}} of {{lawName}}, I ask you to correct inaccurate or incomplete personal information about me, as follows:
{{details}}`,
  },
  'withdraw-consent': {
    title: 'Withdrawal of consent',
    body: `Under {{cite}} of {{lawName}}, I withdraw my consent to the collection, use and disclosure of my personal information, including any consent recorded through a cookie banner on {{site}}. Please stop and confirm that you have done so.`,
  },
  reminder: {
    title: 'Reminder: unanswered request',
    body: `On {{originalDate}} I sent you {{originalKind}} under {{lawName}}, reference {{originalReference}}. The time to respond ({{cite}}) ended on {{originalDue}} without a response; the law treats this silence as a refusal.
I ask you to respond in full without further delay. Otherwise I will file a complaint with {{authority}}.`,
  },
  complaint: {
    title: 'Complaint',
    body: `I file a complaint under {{lawName}} against {{company}}, which collected personal information about me through {{site}}.
On {{originalDate}} I sent {{company}} {{originalKind}}, reference {{originalReference}}. The time to respond under {{cite}} ended on {{originalDue}} without a response, which the law treats as a refusal.
I ask you to investigate.`,
  },
}
