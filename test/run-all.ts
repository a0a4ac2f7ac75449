/**
 * `npm test`: typecheck, lint, unit tests, build, Firefox lint, real-browser e2e. Ends with one
 * plain line "N passed, N failed" over every suite, so that "no test ran" can never pass.
 * Steps count as one check each; test suites count their test cases.
 */
import { spawnSync } from 'node:child_process'
import { mkdirSync, readdirSync, readFileSync, rmSync } from 'node:fs'

interface Tally {
  passed: number
  failed: number
}
const total: Tally = { passed: 0, failed: 0 }
const failures: string[] = []
const only = process.argv.slice(2)

function run(cmd: string, args: string[], env: NodeJS.ProcessEnv = {}): boolean {
  const started = Date.now()
  console.log(`\n▶ ${cmd} ${args.join(' ')}`)
  const r = spawnSync(cmd, args, { stdio: 'inherit', env: { ...process.env, ...env } })
  console.log(`  (${((Date.now() - started) / 1000).toFixed(1)} s)`)
  return r.status === 0
}

function step(name: string, cmd: string, args: string[]): void {
  if (only.length > 0 && !only.includes(name)) return
  const ok = run(cmd, args)
  if (ok) total.passed += 1
  else {
    total.failed += 1
    failures.push(name)
  }
}

function suite(name: string, cmd: string, args: string[], count: () => Tally): void {
  if (only.length > 0 && !only.includes(name)) return
  const ok = run(cmd, args)
  let tally: Tally
  try {
    tally = count()
  } catch {
    tally = { passed: 0, failed: 1 }
  }
  if (!ok && tally.failed === 0) tally.failed = 1 // crashed before reporting
  if (tally.passed + tally.failed === 0) tally.failed = 1 // nothing ran: that is a failure
  total.passed += tally.passed
  total.failed += tally.failed
  if (tally.failed > 0) failures.push(name)
  console.log(`  ${name}: ${tally.passed} passed, ${tally.failed} failed`)
}

rmSync('.tmp/results', { recursive: true, force: true })
mkdirSync('.tmp/results', { recursive: true })

step('typecheck', 'npx', ['tsc', '--noEmit', '-p', 'tsconfig.json'])
step('lint', 'npm', ['run', '--silent', 'lint'])
suite(
  'unit',
  'npx',
  ['vitest', 'run', '--reporter=default', '--reporter=json', '--outputFile=.tmp/results/unit.json'],
  () => {
    const r = JSON.parse(readFileSync('.tmp/results/unit.json', 'utf8')) as {
      numPassedTests: number
      numFailedTests: number
    }
    return { passed: r.numPassedTests, failed: r.numFailedTests }
  },
)
step('build', 'npm', ['run', '--silent', 'build'])
// 0 errors required. Its two warnings are Preact's own renderer, once in each page's bundle
// (innerHTML behind dangerouslySetInnerHTML, which our lint forbids in our code).
step('lint-firefox', 'npx', ['web-ext', 'lint', '--source-dir', 'dist/firefox', '--self-hosted'])
suite(
  'e2e',
  'node',
  [
    '--import',
    'tsx',
    '--test',
    '--test-concurrency=1',
    '--test-reporter=spec',
    '--test-reporter-destination=stdout',
    '--test-reporter=tap',
    '--test-reporter-destination=.tmp/results/e2e.tap',
    // Node 20's runner takes files, not globs.
    ...readdirSync('test/e2e')
      .filter((f) => f.endsWith('.test.ts'))
      .sort()
      .map((f) => `test/e2e/${f}`),
  ],
  () => {
    const tap = readFileSync('.tmp/results/e2e.tap', 'utf8')
    const num = (label: string) =>
      Number(new RegExp(`^# ${label} (\\d+)$`, 'm').exec(tap)?.[1] ?? 0)
    return { passed: num('pass'), failed: num('fail') + num('cancelled') }
  },
)

if (failures.length > 0) console.log(`\nFailed: ${failures.join(', ')}`)
console.log(`\n${total.passed} passed, ${total.failed} failed`)
process.exit(total.failed === 0 ? 0 : 1)
