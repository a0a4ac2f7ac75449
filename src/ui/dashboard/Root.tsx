import type { JSX } from 'preact'
import { useEffect, useMemo } from 'preact/hooks'
import { createI18n, formatLocale, pickLanguage, type Language, LANGUAGES } from '@/ui/i18n'
import type { Route } from '@/ui/state/route'
import { UndoBar } from '@/ui/components/UndoBar'
import { App } from './App'
import { Ctx, type createStores } from './context'

export interface RootProps {
  stores: ReturnType<typeof createStores>
  route: Route
  /** The browser's preferred languages, used while the language setting is empty. */
  browserLanguages: readonly string[]
  navigate(hash: string): void
  requests?: (hash: string) => JSX.Element
}

/** Provides the stores and the language chosen in the settings (or the browser's). */
export function Root({ stores, route, browserLanguages, navigate, requests }: RootProps) {
  useEffect(() => {
    void stores.settings.load()
    // A deletion made just before a reload can still be undone.
    void stores.undo.resume()
  }, [stores])
  const settings = stores.settings.state.value
  const chosen = settings.kind === 'ready' ? settings.value.language : ''
  const language: Language = Object.hasOwn(LANGUAGES, chosen)
    ? (chosen as Language)
    : pickLanguage(browserLanguages)
  const locale = formatLocale(language, browserLanguages)
  const i18n = useMemo(() => createI18n(language, locale), [language, locale])
  useEffect(() => {
    document.documentElement.lang = language
  }, [language])
  const value = useMemo(() => ({ ...stores, i18n, navigate }), [stores, i18n, navigate])
  return (
    <Ctx.Provider value={value}>
      {/* After an undo every view reads its rows again. */}
      <App key={stores.restored.value} route={route} requests={requests} />
      <UndoBar
        store={stores.undo}
        i18n={i18n}
        focusAfter={() => document.getElementById('content')?.focus()}
      />
    </Ctx.Provider>
  )
}
