/** `npm run package`: zips dist/chrome and dist/firefox for the stores, into artifacts/. */
import { mkdirSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs'
import { join, relative } from 'node:path'
import { zipSync, type Zippable } from 'fflate'

function collect(dir: string, root = dir, out: Zippable = {}): Zippable {
  for (const name of readdirSync(dir).sort()) {
    const path = join(dir, name)
    if (statSync(path).isDirectory()) collect(path, root, out)
    // A fixed timestamp keeps the archives reproducible.
    else
      out[relative(root, path)] = [readFileSync(path), { mtime: new Date('2026-01-01T00:00:00Z') }]
  }
  return out
}

const { version } = JSON.parse(readFileSync('package.json', 'utf8')) as { version: string }
mkdirSync('artifacts', { recursive: true })
for (const target of ['chrome', 'firefox']) {
  const zip = zipSync(collect(join('dist', target)), { level: 9 })
  const file = join('artifacts', `tracelight-${target}-${version}.zip`)
  writeFileSync(file, zip)
  console.log(`${file}  ${(zip.length / 1024).toFixed(1)} KiB`)
}
