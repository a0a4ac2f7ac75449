import browser from 'webextension-polyfill'

/** The one import of the polyfill; other platform modules wrap it in narrow, typed functions. */
export { browser }
export type { Runtime, Tabs, WebRequest, WebNavigation } from 'webextension-polyfill'
