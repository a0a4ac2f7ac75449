import { browser } from './browser'

/** Session storage: survives a stopped service worker, cleared when the browser closes. */
export async function sessionGetAll(): Promise<Record<string, unknown>> {
  return (await browser.storage.session.get(null)) as Record<string, unknown>
}

export function sessionSet(values: Record<string, unknown>): Promise<void> {
  return browser.storage.session.set(values)
}

export function sessionRemove(keys: string[]): Promise<void> {
  return browser.storage.session.remove(keys)
}
