// First: the tab, its view and the findings are asked for while the rest is evaluated.
import { chosenLanguage, store } from './start'
import { render } from 'preact'
import { sendMessage } from '@/platform/runtime'
import { extensionUrl } from '@/platform/tabs'
import { formatLocale, LANGUAGES, loadI18n, pickLanguage, type Language } from '@/ui/i18n'
import { createGpcStore } from '@/ui/state/gpc-store'
import { createRecordingStore } from '@/ui/state/recording-store'
import { createUndoStore } from '@/ui/state/undo-store'
import { Popup } from './Popup'
import '@/ui/components/theme.css'

const gpc = createGpcStore({
  get: () => sendMessage<'gpc.get'>({ type: 'gpc.get' }),
  set: (change) => sendMessage<'gpc.set'>({ type: 'gpc.set', ...change }),
})

const undo = createUndoStore(
  {
    deleteData: (scope) => sendMessage<'data.delete'>({ type: 'data.delete', scope }),
    undoDeletion: async (id) => (await sendMessage<'data.undo'>({ type: 'data.undo', id })).result,
    pendingDeletion: () => sendMessage<'data.pending'>({ type: 'data.pending' }),
  },
  { changed: () => void store.load() },
)

const recording = createRecordingStore(
  {
    setExcluded: (site, excluded) =>
      sendMessage<'exclusions.set'>({ type: 'exclusions.set', site, excluded }),
    setPaused: async (paused) => {
      await sendMessage<'settings.set'>({
        type: 'settings.set',
        key: 'recordingPaused',
        value: paused,
      })
    },
  },
  undo,
  () => store.load(),
)

/** The language chosen in the dashboard's settings, else the browser's. */
async function language(): Promise<Language> {
  const chosen = await chosenLanguage
  return Object.hasOwn(LANGUAGES, chosen) ? (chosen as Language) : pickLanguage(navigator.languages)
}

const root = document.getElementById('app')
if (root !== null) {
  void language().then(async (lang) => {
    const i18n = await loadI18n(lang, formatLocale(lang, navigator.languages))
    document.documentElement.lang = lang
    render(
      <Popup
        store={store}
        gpc={gpc}
        recording={recording}
        undo={undo}
        i18n={i18n}
        siteHref={(site) =>
          extensionUrl(`src/ui/dashboard/index.html#/site/${encodeURIComponent(site)}`)
        }
      />,
      root,
    )
  })
}
