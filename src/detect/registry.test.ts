import { describe, expect, it } from 'vitest'
import { DETECTORS } from './registry'
import { SIGNAL_IDS } from './signals'

/** Modules in src/detect that hold shared code, not detectors. A new helper is added here on
 * purpose, so that a detector file cannot pass unregistered by forgetting its export. */
const HELPERS = new Set([
  'host',
  'classifier',
  'redact',
  'signals',
  'registry',
  'types',
  'request-fields',
  'consent-strings',
  'consent-cookies',
  'identifier-value',
  'cookie-parse',
  'probe-events',
  'probe-properties',
  // The look back of gpc-honoured.ts (gpc.ignored) at earlier visits without GPC.
  'gpc-compare',
])

interface Detector {
  file: string
  signals: readonly string[]
}

const modules = import.meta.glob<Record<string, unknown>>(['./*.ts', '!./*.test.ts'], {
  eager: true,
})
const files = Object.keys(modules).map((path) => path.replace(/^\.\/(.*)\.ts$/, '$1'))
const detectorFiles = files.filter((file) => !HELPERS.has(file))
const detectors: readonly Detector[] = DETECTORS

describe('detector registry', () => {
  it('sees the detect folder (the glob found its modules)', () => {
    expect(files).toContain('registry')
    expect(files).toContain('trackers')
    expect(files.some((file) => file.endsWith('.test'))).toBe(false)
  })

  it.each(detectorFiles)('%s.ts exports a detector that is registered', (file) => {
    const exported = modules[`./${file}.ts`]?.detector as Detector | undefined
    expect(exported, `${file}.ts exports no \`detector\``).toBeDefined()
    expect(detectors, `${file}.ts is missing from DETECTORS`).toContain(exported)
    expect(exported?.file).toBe(file)
  })

  it('registers only detectors from files in src/detect, each once', () => {
    expect(detectors.map((d) => d.file).sort()).toEqual([...detectorFiles].sort())
  })

  it('gives every signal id to one detector at most', () => {
    const owner = new Map<string, string>()
    for (const d of detectors) {
      for (const signal of d.signals) {
        expect(owner.get(signal), `${signal} is in ${owner.get(signal)} and ${d.file}`).toBe(
          undefined,
        )
        owner.set(signal, d.file)
      }
    }
  })

  it('uses only signal ids from DESIGN.md §3', () => {
    const known = new Set<string>(SIGNAL_IDS)
    for (const d of detectors) {
      expect(d.signals.length, `${d.file} has no signals`).toBeGreaterThan(0)
      for (const signal of d.signals) expect(known.has(signal), `${d.file}: ${signal}`).toBe(true)
    }
  })

  it('lists each signal id once, in lower case, family first', () => {
    expect(new Set(SIGNAL_IDS).size).toBe(SIGNAL_IDS.length)
    for (const id of SIGNAL_IDS) expect(id).toMatch(/^[a-z]+(\.[a-z_]+)?$/)
  })
})
