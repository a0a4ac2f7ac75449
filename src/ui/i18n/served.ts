import { vi } from 'vitest'
import { CATALOGUES, catalogueFile } from './all'
import type { Language } from './index'

/**
 * For tests that render pages without the extension: `fetch` answers the catalogue files as
 * the built extension holds them (the build writes `JSON.stringify` of each catalogue but
 * English, which is in the bundle), and 404 for anything else. Undone by
 * `vi.unstubAllGlobals()`.
 */
export function serveCatalogues(): void {
  const files = new Map(
    (Object.keys(CATALOGUES) as Language[])
      .filter((l) => l !== 'en')
      .map((l) => [`/${catalogueFile(l)}`, JSON.stringify(CATALOGUES[l])]),
  )
  vi.stubGlobal('fetch', (input: string) => {
    const body = files.get(String(input))
    return Promise.resolve(
      body === undefined ? new Response('', { status: 404 }) : new Response(body),
    )
  })
}
