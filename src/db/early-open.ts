import { plainConnection } from './plain-read'

/**
 * The page's plain IndexedDB connection, opening as soon as this module is evaluated. The
 * popup and the dashboard import it first, so the database opens while the rest of their code
 * is still being evaluated (ES modules run in import order), not after it.
 */
export const connection = plainConnection()
connection().catch(() => undefined) // a failure shows on the first read
