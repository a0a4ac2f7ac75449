import { readFileSync, writeFileSync } from 'node:fs'
import { join, resolve } from 'node:path'
import { fileURLToPath } from 'node:url'
import { crx } from '@crxjs/vite-plugin'
import preact from '@preact/preset-vite'
import {
  build as viteBuild,
  runnerImport,
  type BuildOptions,
  type InlineConfig,
  type LogLevel,
} from 'vite'
import { defineConfig, type Plugin } from 'vitest/config'
import manifest from './manifest.json' with { type: 'json' }
import { compileTrackers, type SourceEntity } from './src/data/compile-trackers.ts'
import type * as AllCatalogues from './src/ui/i18n/all.ts'

const root = fileURLToPath(new URL('.', import.meta.url))

/** Compiles third-party-web into `virtual:tracker-data` so the extension ships only the lookup. */
function trackerData(): Plugin {
  const id = 'virtual:tracker-data'
  return {
    name: 'tracelight-tracker-data',
    resolveId: (source) => (source === id ? '\0' + id : null),
    load(resolved) {
      if (resolved !== '\0' + id) return null
      const pkg = JSON.parse(
        readFileSync(`${root}node_modules/third-party-web/package.json`, 'utf8'),
      ) as { version: string }
      const entities = JSON.parse(
        readFileSync(`${root}node_modules/third-party-web/dist/entities-nostats.json`, 'utf8'),
      ) as SourceEntity[]
      const data = compileTrackers(entities, `third-party-web@${pkg.version}`)
      // JSON.parse of a string literal starts faster than an object literal of this size.
      return `export default JSON.parse(${JSON.stringify(JSON.stringify(data))})`
    },
  }
}

type Target = 'chrome' | 'firefox'

/** The extension's pages, each built on its own (see `pages`). */
const PAGES = {
  popup: 'src/ui/popup/index.html',
  dashboard: 'src/ui/dashboard/index.html',
} as const

/**
 * Builds each extension page as its own bundle once the main build (manifest, service worker,
 * content scripts) is written. Opening an extension page costs about 10 ms a file here before
 * any script runs, whatever the file's size; built together, the pages and the service worker
 * would share a handful of chunks and each load 6–9 files. Built apart, a page's first screen
 * is one script, with its stylesheet in the page; only code fetched later (a dashboard view,
 * Dexie, the export) is split off.
 */
function pages(target: Target, shared: Pick<InlineConfig, 'resolve'>): Plugin {
  // Taken from the main build, so the pages land beside it with the same output settings.
  let logLevel: LogLevel = 'info'
  let output: Pick<BuildOptions, 'target' | 'sourcemap' | 'chunkSizeWarningLimit'> = {}
  let outDir = ''
  return {
    name: 'tracelight-pages',
    apply: 'build',
    configResolved(config) {
      logLevel = config.logLevel ?? 'info'
      const { target: js, sourcemap, chunkSizeWarningLimit } = config.build
      output = { target: js, sourcemap, chunkSizeWarningLimit }
      outDir = resolve(config.root, config.build.outDir)
    },
    async generateBundle() {
      // Every language but English (which is in each bundle) as data the pages fetch: one
      // copy for both pages, parsed as JSON (see loadI18n). Read through Vite's module runner,
      // which resolves the catalogues' imports as the app's build does.
      const { module: i18n } = await runnerImport<typeof AllCatalogues>('/src/ui/i18n/all.ts', {
        configFile: false,
        root,
        logLevel: 'warn',
      })
      for (const [language, catalogue] of Object.entries(i18n.CATALOGUES)) {
        if (language === 'en') continue
        this.emitFile({
          type: 'asset',
          fileName: i18n.catalogueFile(language as keyof typeof i18n.CATALOGUES),
          source: JSON.stringify(catalogue),
        })
      }
    },
    async closeBundle() {
      for (const [name, html] of Object.entries(PAGES)) {
        const firstScreen = staticGraph()
        await viteBuild({
          configFile: false,
          root,
          mode: target,
          logLevel,
          publicDir: false,
          plugins: [trackerData(), preact(), stylesInPage(), firstScreen],
          ...shared,
          build: {
            ...output,
            outDir,
            emptyOutDir: false,
            rollupOptions: {
              input: { [name]: html },
              output: {
                codeSplitting: {
                  groups: [{ name, test: (id: string) => firstScreen.has(id), priority: 100 }],
                },
              },
            },
          },
        })
      }
      // The main build was given the manifest without the popup (it is built here).
      const file = join(outDir, 'manifest.json')
      const built = JSON.parse(readFileSync(file, 'utf8')) as { action: Record<string, unknown> }
      built.action.default_popup = PAGES.popup
      writeFileSync(file, JSON.stringify(built, null, 2))
    },
  }
}

/** Every module the entry imports statically, however deep: the code a page needs before its
 * first screen, kept in one chunk (the bundler would otherwise split off the parts that code
 * loaded later also uses, and the page would wait for each of those files). */
function staticGraph(): Plugin & { has(id: string): boolean } {
  const ids = new Set<string>()
  return {
    name: 'tracelight-static-graph',
    has: (id) => ids.has(id),
    buildEnd() {
      const queue = [...this.getModuleIds()].filter((id) => this.getModuleInfo(id)?.isEntry)
      for (let id = queue.pop(); id !== undefined; id = queue.pop()) {
        if (ids.has(id)) continue
        ids.add(id)
        queue.push(...(this.getModuleInfo(id)?.importedIds ?? []))
      }
    },
  }
}

/** Puts a page's own stylesheet in the page as a `<style>` element: one request fewer before
 * the first paint. (Extension pages may use inline styles; only scripts must be files.) */
function stylesInPage(): Plugin {
  return {
    name: 'tracelight-styles-in-page',
    apply: 'build',
    enforce: 'post',
    generateBundle(_options, bundle) {
      for (const page of Object.values(bundle)) {
        if (page.type !== 'asset' || !page.fileName.endsWith('.html')) continue
        page.source = String(page.source).replace(
          /<link rel="stylesheet" crossorigin href="\/([^"]+\.css)">/g,
          (link, fileName: string) => {
            const sheet = bundle[fileName]
            if (sheet?.type !== 'asset') return link
            delete bundle[fileName]
            return `<style>${String(sheet.source)}</style>`
          },
        )
      }
    },
  }
}

/** One manifest.json; each browser gets the background form and keys it understands. */
function manifestFor(target: Target) {
  const copy = structuredClone(manifest) as Record<string, unknown> & typeof manifest
  if (target === 'firefox') {
    const { service_worker, type } = manifest.background
    ;(copy as Record<string, unknown>).background = { scripts: [service_worker], type }
    delete (copy as Record<string, unknown>).minimum_chrome_version
    // dns.resolve(host, ['canonical_name']) finds CNAME-cloaked trackers; Chrome has no such
    // API and would warn about an unknown permission.
    copy.permissions = [...manifest.permissions, 'dns']
  } else {
    delete (copy as Record<string, unknown>).browser_specific_settings
  }
  // The pages are built apart (`pages`), so the crx plugin does not build the popup.
  const { default_popup: _popup, ...action } = manifest.action
  copy.action = action as typeof manifest.action
  return copy
}

export default defineConfig(({ mode }) => {
  const alias = { '@': `${root}src` }
  if (mode !== 'chrome' && mode !== 'firefox') {
    // vitest (mode "test"): no extension build, just the data module and the alias.
    return {
      plugins: [trackerData(), preact()],
      resolve: { alias },
      test: {
        include: ['src/**/*.test.ts', 'src/**/*.test.tsx', 'test/unit/**/*.test.ts'],
        environment: 'node',
      },
    }
  }
  return {
    plugins: [
      trackerData(),
      preact(),
      pages(mode, { resolve: { alias } }),
      crx({
        manifest: manifestFor(mode) as never,
        browser: mode,
        liveReload: false,
        // Self-contained classic scripts: no loader, no web-accessible chunks (a page could
        // detect the extension by them), and the MAIN-world probes run before page scripts.
        contentScripts: {
          standaloneFiles: ['src/content/bridge.ts', 'src/content/probes/index.ts'],
        },
      }),
    ],
    resolve: { alias },
    build: {
      outDir: `dist/${mode}`,
      emptyOutDir: true,
      target: 'es2022',
      sourcemap: false,
      chunkSizeWarningLimit: 1000,
    },
  }
})
