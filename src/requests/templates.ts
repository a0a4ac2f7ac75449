/**
 * What every letter template may use, and the names of the kinds of request. The letters
 * themselves, per language, are in ./letters. `{{name}}` marks a value the renderer fills; the
 * renderer refuses to produce a letter with an unfilled or unknown placeholder.
 */
import type { KindId } from './laws'

/** Every variable a kind's template or its family's lines may use. */
export const TEMPLATE_VARS = [
  'reference',
  'company',
  'site',
  'lawName',
  'short',
  'cite',
  'respondCite',
  'period',
  'dueDate',
  'details',
  'originalDate',
  'originalReference',
  'originalDue',
  'originalKind',
  'authority',
  'confirmPeriod',
  'confirmCite',
] as const
export type TemplateVar = (typeof TEMPLATE_VARS)[number]

/** Titles people see in the chooser. */
export const KIND_LABELS: Record<KindId, { label: string; explain: string }> = {
  access: {
    label: 'See what they hold about you',
    explain:
      'A copy of your data, where it came from, why they use it and who they shared it with.',
  },
  identifiers: {
    label: 'Ask which tracking IDs they hold',
    explain:
      'Which cookie and device IDs they linked to you, and everything they attached to them.',
  },
  erasure: {
    label: 'Have your data deleted',
    explain: 'Delete what they hold about you, and tell those they shared it with.',
  },
  rectification: {
    label: 'Correct wrong data',
    explain: 'Fix data about you that is wrong or incomplete. You describe what to fix.',
  },
  objection: {
    label: 'Stop tracking and profiling',
    explain: 'Object to marketing and profiling, withdraw any consent, and have the data deleted.',
  },
  'withdraw-consent': {
    label: 'Withdraw your consent',
    explain: 'Take back any "yes" you gave, for example in a cookie banner.',
  },
  'opt-out-sale': {
    label: 'Stop selling or sharing your data',
    explain: 'Opt out of the sale and sharing of your data and of targeted advertising.',
  },
  'limit-sensitive': {
    label: 'Limit use of sensitive data',
    explain: 'Sensitive data (health, location, beliefs…) used only for what you asked for.',
  },
  reminder: {
    label: 'Remind them: no answer in time',
    explain: 'After the deadline passed without a full answer.',
  },
  complaint: {
    label: 'Complain to the authority',
    explain: 'Ask the regulator to step in when the company did not answer properly.',
  },
}
