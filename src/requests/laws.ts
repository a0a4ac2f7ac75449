/**
 * The laws a request can be made under, as data. Every article, section, deadline and
 * extension comes from /work/shared/LEGAL.md; entries it marks "(verify)" carry `verify` so the
 * product can say "check the current law" instead of stating them as settled.
 */

export type LawId =
  | 'gdpr-eu'
  | 'gdpr-uk'
  | 'ccpa'
  | 'us-va'
  | 'us-co'
  | 'us-ct'
  | 'us-tx'
  | 'us-or'
  | 'us-mt'
  | 'us-de'
  | 'us-md'
  | 'us-ne'
  | 'us-nh'
  | 'us-nj'
  | 'us-mn'
  | 'lgpd'
  | 'pipeda'
  | 'quebec'

export type KindId =
  | 'access'
  | 'identifiers'
  | 'erasure'
  | 'rectification'
  | 'objection'
  | 'withdraw-consent'
  | 'opt-out-sale'
  | 'limit-sensitive'
  | 'reminder'
  | 'complaint'

/** Letters sent as a follow-up to an earlier request, not as a first request. */
export const FOLLOW_UPS: ReadonlySet<KindId> = new Set<KindId>(['reminder', 'complaint'])

/** Which family of templates a law uses: the letters share wording, the citations differ. */
export type Family = 'gdpr' | 'us' | 'lgpd' | 'canada'

export type Period =
  | { unit: 'months'; amount: number }
  | { unit: 'days'; amount: number }
  | { unit: 'business-days'; amount: number }

export interface Law {
  id: LawId
  family: Family
  /** Full name as cited in a letter. */
  name: string
  /** Short name for the subject line and lists. */
  short: string
  /** The provision a letter cites for each kind; a kind missing here is not offered. */
  cites: Partial<Record<KindId, string>>
  /** Time to respond, counted from the date the request was sent. */
  respond: Period
  /** Provision that sets the time to respond. */
  respondCite: string
  /** Extra time the company may take with notice, counted on top of `respond`. */
  extension?: Period
  /** Some kinds have a shorter clock (California opt-outs: 15 business days). */
  respondByKind?: Partial<Record<KindId, { period: Period; cite: string }>>
  /** Confirmation of receipt the company owes, if the law sets one. */
  confirm?: { period: Period; cite: string }
  /** What the law says about proving who you are, for the letter and the chooser. */
  identity: string
  /** Where to complain. */
  authority: string
  /** Provision for the complaint, if any. */
  complaintCite?: string
  /** Set when LEGAL.md marks something about this law "(verify)": the UI words the note. */
  verify?: VerifyNote
  /** US state laws: the state, the statute's own (English) title and its code citation, from
   * which other languages build the law's name; whether opt-out signals must be honoured. */
  state?: {
    name: string
    title: string
    code?: string
    signal: OptOutSignal
    /** Days to appeal a refusal, where LEGAL.md gives them. */
    appealDays?: number
  }
}

/** What LEGAL.md marks "(verify)" about a law. */
export type VerifyNote = 'state-law' | 'uk-clock' | 'quebec-extension'

/** Whether a US state requires companies to honour opt-out signals such as GPC (LEGAL.md). */
export type OptOutSignal =
  { rule: 'not-required' } | { rule: 'required'; gpc?: true; since?: string } | { rule: 'unsure' }

const GDPR_CITES: Law['cites'] = {
  access: 'Article 15(1)(a)-(h), 15(2) and 15(3)',
  identifiers: 'Article 15, read with Article 4(1) and Recitals 30 and 64',
  erasure: 'Article 17(1)(b) and (c)',
  rectification: 'Article 16',
  objection: 'Article 21(2) and (3), and Article 21(1)',
  'withdraw-consent': 'Article 7(3)',
  reminder: 'Article 12(3)',
  complaint: 'Article 77',
}

const GDPR_IDENTITY =
  'Extra proof of identity only where there are reasonable doubts (Art. 12(6)); online identifiers are enough for online services (Recital 64).'

const US_STATE_CITES: Law['cites'] = {
  access: 'the right to confirm and access personal data',
  identifiers: 'the right to confirm and access personal data',
  erasure: 'the right to delete personal data',
  rectification: 'the right to correct personal data',
  'opt-out-sale':
    'the right to opt out of targeted advertising, the sale of personal data and profiling',
  reminder: 'the 45-day response period',
  complaint: 'the 45-day response period',
}

function usState(
  id: LawId,
  state: string,
  title: string,
  code: string | null,
  signal: OptOutSignal,
  appealDays?: number,
): Law {
  const statute = code === null ? title : `${title} (${code})`
  return {
    id,
    family: 'us',
    name: `the ${state} ${statute}`,
    short: `${state} privacy law`,
    cites: US_STATE_CITES,
    respond: { unit: 'days', amount: 45 },
    respondCite: 'the 45-day response period',
    extension: { unit: 'days', amount: 45 },
    identity: 'Companies may ask for reasonable proof of who you are.',
    authority: `the ${state} Attorney General`,
    state: {
      name: state,
      title,
      ...(code === null ? {} : { code }),
      signal,
      ...(appealDays === undefined ? {} : { appealDays }),
    },
    verify: 'state-law',
  }
}

const REQUIRED: OptOutSignal = { rule: 'required' }

export const LAWS: readonly Law[] = [
  {
    id: 'gdpr-eu',
    family: 'gdpr',
    name: 'the General Data Protection Regulation (EU) 2016/679 (GDPR)',
    short: 'GDPR',
    cites: GDPR_CITES,
    respond: { unit: 'months', amount: 1 },
    respondCite: 'Article 12(3)',
    extension: { unit: 'months', amount: 2 },
    identity: GDPR_IDENTITY,
    authority: 'the data protection supervisory authority',
    complaintCite: 'Article 77',
  },
  {
    id: 'gdpr-uk',
    family: 'gdpr',
    name: 'the UK General Data Protection Regulation (UK GDPR) and the Data Protection Act 2018',
    short: 'UK GDPR',
    cites: GDPR_CITES,
    respond: { unit: 'months', amount: 1 },
    respondCite: 'Article 12(3)',
    extension: { unit: 'months', amount: 2 },
    identity: GDPR_IDENTITY,
    authority: "the Information Commissioner's Office (ICO)",
    complaintCite: 'Article 77',
    verify: 'uk-clock',
  },
  {
    id: 'ccpa',
    family: 'us',
    name: 'the California Consumer Privacy Act as amended by the California Privacy Rights Act (CCPA/CPRA)',
    short: 'CCPA/CPRA',
    cites: {
      access: 'Civil Code §1798.100, §1798.110 and §1798.115 (right to know)',
      identifiers: 'Civil Code §1798.110 (right to know)',
      erasure: 'Civil Code §1798.105 (right to delete)',
      rectification: 'Civil Code §1798.106 (right to correct)',
      'opt-out-sale': 'Civil Code §1798.120 (right to opt out of sale and sharing)',
      'limit-sensitive':
        'Civil Code §1798.121 (right to limit use of sensitive personal information)',
      reminder: 'Civil Code §1798.130(a)(2)',
      complaint: 'Civil Code §1798.130(a)(2)',
    },
    respond: { unit: 'days', amount: 45 },
    respondCite: 'Civil Code §1798.130(a)(2)',
    extension: { unit: 'days', amount: 45 },
    respondByKind: {
      'opt-out-sale': {
        period: { unit: 'business-days', amount: 15 },
        cite: 'CCPA Regulations §7026(f)',
      },
      'limit-sensitive': {
        period: { unit: 'business-days', amount: 15 },
        cite: 'CCPA Regulations §7027',
      },
    },
    confirm: { period: { unit: 'business-days', amount: 10 }, cite: 'CCPA Regulations §7021(a)' },
    identity:
      'Reasonable verification for know, delete and correct; none for opt-outs (Regulations §7026).',
    authority: 'the California Privacy Protection Agency (CPPA) or the California Attorney General',
  },
  usState(
    'us-va',
    'Virginia',
    'Consumer Data Protection Act',
    'Va. Code §59.1-575 ff.',
    { rule: 'not-required' },
    60,
  ),
  usState(
    'us-co',
    'Colorado',
    'Privacy Act',
    'C.R.S. §6-1-1301 ff.',
    { rule: 'required', gpc: true, since: '2024-07-01' },
    45,
  ),
  usState(
    'us-ct',
    'Connecticut',
    'Data Privacy Act',
    'Public Act 22-15',
    { rule: 'required', since: '2025-01-01' },
    60,
  ),
  usState('us-tx', 'Texas', 'Data Privacy and Security Act', 'Bus. & Com. Code ch. 541', REQUIRED),
  usState('us-or', 'Oregon', 'Consumer Privacy Act', 'ORS 646A.570 ff.', REQUIRED),
  usState('us-mt', 'Montana', 'Consumer Data Privacy Act', null, REQUIRED),
  usState('us-de', 'Delaware', 'Personal Data Privacy Act', null, REQUIRED),
  usState('us-md', 'Maryland', 'Online Data Privacy Act', null, REQUIRED),
  usState('us-ne', 'Nebraska', 'Data Privacy Act', null, REQUIRED),
  usState('us-nh', 'New Hampshire', 'privacy act of 2024', 'SB 255', REQUIRED),
  usState('us-nj', 'New Jersey', 'Data Privacy Act', null, REQUIRED),
  usState('us-mn', 'Minnesota', 'Consumer Data Privacy Act', null, { rule: 'unsure' }),
  {
    id: 'lgpd',
    family: 'lgpd',
    name: 'the Brazilian General Data Protection Law (Lei nº 13.709/2018, LGPD)',
    short: 'LGPD',
    cites: {
      access: 'Article 18, I and II, and Article 19',
      identifiers: 'Article 18, II, and Article 19',
      erasure: 'Article 18, IV and VI',
      rectification: 'Article 18, III',
      objection: 'Article 18, §2',
      'withdraw-consent': 'Article 18, IX, and Article 8, §5',
      reminder: 'Article 19',
      complaint: 'Article 18, §1',
    },
    respond: { unit: 'days', amount: 15 },
    respondCite: 'Article 19',
    identity: 'The law sets no special rule on proof of identity.',
    authority: 'the National Data Protection Authority (ANPD)',
    complaintCite: 'Article 18, §1',
  },
  {
    id: 'pipeda',
    family: 'canada',
    name: 'the Personal Information Protection and Electronic Documents Act (PIPEDA)',
    short: 'PIPEDA',
    cites: {
      access: 'Principle 4.9 of Schedule 1 and section 8',
      identifiers: 'Principle 4.9 of Schedule 1 and section 8',
      rectification: 'Principle 4.9 of Schedule 1 and section 8',
      'withdraw-consent': 'Principle 4.3.8 of Schedule 1',
      reminder: 'section 8(3) and 8(5)',
      complaint: 'section 8(3)',
    },
    respond: { unit: 'days', amount: 30 },
    respondCite: 'section 8(3)',
    extension: { unit: 'days', amount: 30 },
    identity: 'The company may ask for enough information to find your records.',
    authority: 'the Office of the Privacy Commissioner of Canada (OPC)',
  },
  {
    id: 'quebec',
    family: 'canada',
    name: 'the Act respecting the protection of personal information in the private sector (CQLR c. P-39.1)',
    short: 'Quebec Private Sector Act',
    cites: {
      access: 'section 27',
      identifiers: 'section 27',
      rectification: 'section 28',
      erasure: 'the right to cessation of dissemination and de-indexation',
      reminder: 'section 32',
      complaint: 'section 32',
    },
    respond: { unit: 'days', amount: 30 },
    respondCite: 'section 32',
    identity: 'The company may ask for enough information to find your records.',
    authority: "the Commission d'accès à l'information du Québec (CAI)",
    verify: 'quebec-extension',
  },
]

const BY_ID = new Map(LAWS.map((law) => [law.id, law]))

export function lawById(id: string): Law | undefined {
  return BY_ID.get(id as LawId)
}

export function isLawId(value: unknown): value is LawId {
  return typeof value === 'string' && BY_ID.has(value as LawId)
}

export const KIND_IDS: readonly KindId[] = [
  'access',
  'identifiers',
  'erasure',
  'rectification',
  'objection',
  'withdraw-consent',
  'opt-out-sale',
  'limit-sensitive',
  'reminder',
  'complaint',
]

export function isKindId(value: unknown): value is KindId {
  return typeof value === 'string' && (KIND_IDS as readonly string[]).includes(value)
}

/** The kinds a law offers, in the chooser's order. */
export function kindsOf(law: Law): KindId[] {
  return KIND_IDS.filter((k) => law.cites[k] !== undefined)
}
