import type { pagesEn } from './pages-en'

export const pagesDe: Record<keyof typeof pagesEn, string> = {
  'overview.filterLabel': 'Websites und Firmen unten filtern',
  'overview.evidenceTitle': 'Beweisdateien',
  'overview.evidenceHint':
    'Speichere, was Tracelight aufgezeichnet hat, als versiegelte Datei für eine Beschwerde, oder prüfe eine früher gespeicherte Datei.',
  'check.hint':
    'Eine von Tracelight gespeicherte .json- oder .zip-Datei. Die Prüfung ändert hier nichts.',
  'requests.factLanguage': 'Sprache des Schreibens',
}
