import { vi } from 'vitest'
import { CATALOGUES } from './all'
import { catalogueFile, LANGUAGES, type Language } from './index'

/**
 * For tests that render pages without the extension: `fetch` answers the catalogue files as
 * the built extension holds them (the build writes `JSON.stringify` of each catalogue), and
 * 404 for anything else. Undone by `vi.unstubAllGlobals()`.
 */
export function serveCatalogues(): void {
  const files = new Map(
    (Object.keys(LANGUAGES) as Language[]).map((l) => [
      `/${catalogueFile(l)}`,
      JSON.stringify(CATALOGUES[l]),
    ]),
  )
  vi.stubGlobal('fetch', (input: string) => {
    const body = files.get(String(input))
    return Promise.resolve(
      body === undefined ? new Response('', { status: 404 }) : new Response(body),
    )
  })
}
