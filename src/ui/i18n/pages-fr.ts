import type { pagesEn } from './pages-en'

export const pagesFr: Record<keyof typeof pagesEn, string> = {
  'overview.filterLabel': 'Filtrer les sites et entreprises ci-dessous',
  'overview.evidenceTitle': 'Fichiers de preuve',
  'overview.evidenceHint':
    'Enregistrez ce que Tracelight a relevé dans un fichier scellé à joindre à une plainte, ou vérifiez un fichier enregistré auparavant.',
  'check.hint':
    'Un fichier .json ou .zip enregistré par Tracelight. La vérification ne change rien ici.',
  'requests.factLanguage': 'langue de la lettre',
}
