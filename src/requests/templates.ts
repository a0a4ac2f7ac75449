/**
 * What every letter template may use. The letters themselves, per language, are in ./letters;
 * the names of the kinds of request are in the dashboard's catalogue (src/ui/i18n).
 * `{{name}}` marks a value the renderer fills; the renderer refuses to produce a letter with an
 * unfilled or unknown placeholder.
 */

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
