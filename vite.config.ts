import { readFileSync } from 'node:fs'
import { fileURLToPath } from 'node:url'
import { crx } from '@crxjs/vite-plugin'
import preact from '@preact/preset-vite'
import { defineConfig, type Plugin } from 'vitest/config'
import manifest from './manifest.json' with { type: 'json' }
import { compileTrackers, type SourceEntity } from './src/data/compile-trackers.ts'

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
      // Extension pages not named in the manifest.
      rollupOptions: { input: { dashboard: 'src/ui/dashboard/index.html' } },
    },
  }
})
