import type { pagesEn } from './pages-en'

export const pagesEs: Record<keyof typeof pagesEn, string> = {
  'overview.filterLabel': 'Filtrar los sitios y empresas de abajo',
  'overview.evidenceTitle': 'Archivos de prueba',
  'overview.evidenceHint':
    'Guarda lo que Tracelight registró en un archivo sellado para adjuntarlo a una reclamación, o comprueba uno guardado antes.',
  'check.hint': 'Un archivo .json o .zip guardado por Tracelight. Comprobarlo no cambia nada aquí.',
  'requests.factLanguage': 'idioma de la carta',
}
