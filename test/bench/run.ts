/**
 * `npm run bench`: the performance budgets of DESIGN.md §9, run in order. Each benchmark
 * prints `BENCH <name> <key>=<value> ...` lines; `check` turns a hard failure into exit 1,
 * `targets` lists budget misses, which are reported as warnings.
 */
import { benchClassify, checkClassify, classifyTargets } from './classify.ts'
import { benchDashboard, dashboardTargets } from './dashboard.ts'
import { benchExport, exportTargets } from './export.ts'
import { benchPageLoad, pageLoadTargets } from './pageload.ts'
import { benchPopupScale, popupScaleTargets } from './popup-scale.ts'
import { benchProbes, probeTargets } from './probes.ts'

interface Benchmark {
  name: string
  description: string
  run: () => Promise<string[]>
  check?: (lines: readonly string[]) => string | undefined
  targets?: (lines: readonly string[]) => string[]
}

const only = process.argv.slice(2)
const benchmarks: Benchmark[] = [
  {
    name: 'classify',
    description: 'request classification vs @ghostery/adblocker, 100k-request stream',
    run: benchClassify,
    check: checkClassify,
    targets: classifyTargets,
  },
  {
    name: 'pageload',
    description: 'fixture page load time with the extension vs without, warm Chromium, paired',
    run: benchPageLoad,
    targets: pageLoadTargets,
  },
  {
    name: 'popup',
    description: 'popup time to show the current site, with 1 M findings stored vs a small history',
    run: benchPopupScale,
    targets: popupScaleTargets,
  },
  {
    name: 'probes',
    description: 'a page calling the wrapped APIs 100k times, with the extension vs without',
    run: benchProbes,
    targets: probeTargets,
  },
  {
    name: 'dashboard',
    description:
      'dashboard overview and site page with 1 M findings over 5,000 sites (seeding takes minutes)',
    run: benchDashboard,
    targets: dashboardTargets,
  },
  {
    name: 'export',
    description:
      'evidence export of 1 M findings from the dashboard as JSON and zip: time, peak heap, longest main-thread task, cancel (seeding takes minutes)',
    run: benchExport,
    targets: exportTargets,
  },
]

const failures: string[] = []
const warnings: string[] = []
for (const bench of benchmarks.filter((b) => only.length === 0 || only.includes(b.name))) {
  console.log(`\n== bench ${bench.name}: ${bench.description}`)
  try {
    const lines = await bench.run()
    const failure = bench.check?.(lines)
    if (failure !== undefined) failures.push(failure)
    warnings.push(...(bench.targets?.(lines) ?? []))
  } catch (error) {
    failures.push(
      `${bench.name}: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`,
    )
  }
}

for (const warning of warnings) console.log(`WARN ${warning}`)
for (const failure of failures) console.error(`FAIL ${failure}`)
process.exit(failures.length > 0 ? 1 : 0)
