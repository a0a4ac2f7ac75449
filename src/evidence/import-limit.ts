/** Largest evidence JSON text accepted for import, in characters: extension messages carry at
 * most 64 MiB, and the text travels in one. Its own module so the message protocol can check
 * it without loading the importer. */
export const MAX_IMPORT_CHARS = 48 * 1024 * 1024
