/** Words of the dashboard's page layout: the overview's list filter and its evidence section,
 * and the letter's language on a request's page.
 * Part of the English catalogue (en.ts); every language has the same keys. */
export const pagesEn = {
  'overview.filterLabel': 'Filter the sites and companies below',
  'overview.evidenceTitle': 'Evidence files',
  'overview.evidenceHint':
    'Save what Tracelight recorded as a sealed file you can attach to a complaint, or check a file saved earlier.',
  'check.hint': 'A .json or .zip file saved by Tracelight. Checking it changes nothing here.',
  'requests.factLanguage': 'letter language',
}
