/** The extension's one database (see schema.ts). */
export const DB_NAME = 'tracelight'
