import type { JSX } from 'preact'
import { useEffect, useLayoutEffect, useMemo, useState } from 'preact/hooks'
import {
  createI18n,
  formatLocale,
  loadI18n,
  pickLanguage,
  type I18n,
  type Language,
  LANGUAGES,
} from '@/ui/i18n'
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
  // English is in the bundle; another language's words are fetched first (a few milliseconds),
  // and a switch keeps the page in the old language until the new words are there.
  const [loaded, setLoaded] = useState<{ i18n: I18n; locale: string } | null>(() =>
    language === 'en' ? { i18n: createI18n('en', locale), locale } : null,
  )
  useEffect(() => {
    if (loaded?.i18n.language === language && loaded.locale === locale) return
    let current = true
    void loadI18n(language, locale).then((i18n) => {
      if (current) setLoaded({ i18n, locale })
    })
    return () => {
      current = false
    }
  }, [language, locale, loaded])
  const i18n = loaded?.i18n ?? null
  useLayoutEffect(() => {
    if (i18n !== null) document.documentElement.lang = i18n.language
  }, [i18n])
  const value = useMemo(
    () => (i18n === null ? null : { ...stores, i18n, navigate }),
    [stores, i18n, navigate],
  )
  if (value === null) return null
  return (
    <Ctx.Provider value={value}>
      {/* After an undo every view reads its rows again. */}
      <App key={stores.restored.value} route={route} requests={requests} />
      <UndoBar
        store={stores.undo}
        i18n={value.i18n}
        focusAfter={() => document.getElementById('content')?.focus()}
      />
    </Ctx.Provider>
  )
}
