/**
 * Request classification benchmark (DESIGN.md §9): our classifier against @ghostery/adblocker
 * given the same tracker domains as `||domain^` filters, on the same 100k-request stream.
 */
import { FiltersEngine, Request } from '@ghostery/adblocker'
import { compileTrackers, type SourceEntity } from '../../src/data/compile-trackers.ts'
import { createClassifier, type Classifier } from '../../src/detect/classifier.ts'
import { hostOf, siteOfUrl } from '../../src/detect/host.ts'
import { generateStream, loadEntities, type StreamRequest } from './stream.ts'

const BATCH = 1_000
const ROUNDS = 7

/** `||domain^` for every domain on the list: `*.x.com` as `||x.com^`, exact hosts as themselves. */
export function adblockerFilters(entities: readonly SourceEntity[]): string {
  const filters = new Set<string>()
  for (const entity of entities) {
    for (const raw of entity.domains) {
      const domain = raw.toLowerCase()
      filters.add(`||${domain.startsWith('*.') ? domain.slice(2) : domain}^`)
    }
  }
  return [...filters].join('\n')
}

function runOurs(
  classifier: Classifier,
  urls: readonly string[],
  sites: readonly string[],
  start: number,
  end: number,
): number {
  let sum = 0
  for (let i = start; i < end; i++) {
    const r = classifier.classify(urls[i]!, sites[i]!)
    if (r !== null) sum += r.tracker ? 3 : r.relation === 'first-party' ? 1 : 2
  }
  return sum
}

function runAdblocker(
  engine: FiltersEngine,
  stream: readonly StreamRequest[],
  start: number,
  end: number,
): number {
  let sum = 0
  for (let i = start; i < end; i++) {
    const { url, pageUrl, type } = stream[i]!
    if (engine.match(Request.fromRawDetails({ url, sourceUrl: pageUrl, type })).match) sum += 1
  }
  return sum
}

/** Times consecutive batches of BATCH requests; returns ns per request of each batch. */
function timeBatches(n: number, run: (start: number, end: number) => number): [number[], number] {
  const perRequest: number[] = []
  let checksum = 0
  for (let start = 0; start < n; start += BATCH) {
    const end = Math.min(start + BATCH, n)
    const t0 = process.hrtime.bigint()
    checksum += run(start, end)
    const t1 = process.hrtime.bigint()
    perRequest.push(Number(t1 - t0) / (end - start))
  }
  return [perRequest, checksum]
}

function quantile(values: readonly number[], q: number): number {
  const sorted = [...values].sort((a, b) => a - b)
  const pos = (sorted.length - 1) * q
  const lo = Math.floor(pos)
  const hi = Math.ceil(pos)
  return sorted[lo]! + (sorted[hi]! - sorted[lo]!) * (pos - lo)
}

export async function benchClassify(): Promise<string[]> {
  const { entities, version } = loadEntities()
  const data = compileTrackers(entities, `third-party-web@${version}`)
  const engine = FiltersEngine.parse(adblockerFilters(entities), {
    loadCosmeticFilters: false,
    loadNetworkFilters: true,
  })
  const stream = generateStream()
  const n = stream.length
  const urls = stream.map((r) => r.url)
  // The extension knows the page's site from tab state: computed once per page, untimed.
  const pageSites = new Map<string, string>()
  const sites = stream.map(({ pageUrl }) => {
    let site = pageSites.get(pageUrl)
    if (site === undefined) {
      site = siteOfUrl(pageUrl) ?? ''
      pageSites.set(pageUrl, site)
    }
    return site
  })
  const distinctHosts = new Set(urls.map(hostOf)).size

  // Sanity check: both should flag the same requests as listed.
  const check = createClassifier(data)
  let agree = 0
  let oursOnly = 0
  let adblockerOnly = 0
  const differing = new Map<string, number>()
  for (let i = 0; i < n; i++) {
    const r = check.classify(urls[i]!, sites[i]!)
    const ours = r !== null && (r.tracker || r.info.entity !== undefined)
    const { url, pageUrl, type } = stream[i]!
    const theirs = engine.match(Request.fromRawDetails({ url, sourceUrl: pageUrl, type })).match
    if (ours === theirs) agree += 1
    else {
      if (ours) oursOnly += 1
      else adblockerOnly += 1
      const key = `${ours ? 'ours' : 'adblocker'}-only ${hostOf(url) ?? url} (${type})`
      differing.set(key, (differing.get(key) ?? 0) + 1)
    }
  }
  const percent = (agree / n) * 100

  // Warm-up: one full pass each.
  runOurs(createClassifier(data), urls, sites, 0, n)
  runAdblocker(engine, stream, 0, n)

  const ours: number[] = []
  const theirs: number[] = []
  let checksum = 0
  for (let round = 0; round < ROUNDS; round++) {
    // A fresh classifier per round: first-seen hosts pay for parsing, as in a new session.
    const classifier = createClassifier(data)
    const [a, sumA] = timeBatches(n, (s, e) => runOurs(classifier, urls, sites, s, e))
    const [b, sumB] = timeBatches(n, (s, e) => runAdblocker(engine, stream, s, e))
    ours.push(...a)
    theirs.push(...b)
    checksum += sumA + sumB
  }

  const oursMedian = quantile(ours, 0.5)
  const theirsMedian = quantile(theirs, 0.5)
  const lines = [
    `BENCH classify ours_ns=${Math.round(oursMedian)} adblocker_ns=${Math.round(theirsMedian)} speedup=${(theirsMedian / oursMedian).toFixed(1)} requests=${n} distinct_hosts=${distinctHosts}`,
    `BENCH classify_p90 ours_ns=${Math.round(quantile(ours, 0.9))} adblocker_ns=${Math.round(quantile(theirs, 0.9))}`,
    `BENCH classify_agreement percent=${percent.toFixed(2)} ours_only=${oursOnly} adblocker_only=${adblockerOnly}`,
  ]
  for (const line of lines) console.log(line)
  const top = [...differing].sort((x, y) => y[1] - x[1]).slice(0, 5)
  if (top.length > 0) {
    console.log(`  most frequent disagreements: ${top.map(([k, c]) => `${k} ×${c}`).join('; ')}`)
  }
  console.log(`  (checksum ${checksum}, ${ROUNDS} rounds × ${n / BATCH} batches per engine)`)
  return lines
}

/** Failure message when ours is not faster than the adblocker engine, else undefined. */
export function checkClassify(lines: readonly string[]): string | undefined {
  const line = lines.find((l) => l.startsWith('BENCH classify '))
  const speedup = Number(/speedup=([\d.]+)/.exec(line ?? '')?.[1])
  if (!(speedup > 1)) {
    return `classify: ours is not faster than @ghostery/adblocker (${line ?? 'no result'})`
  }
  return undefined
}

/** DESIGN.md §9 targets, reported as warnings. */
export function classifyTargets(lines: readonly string[]): string[] {
  const line = lines.find((l) => l.startsWith('BENCH classify ')) ?? ''
  const ns = Number(/ours_ns=(\d+)/.exec(line)?.[1])
  const speedup = Number(/speedup=([\d.]+)/.exec(line)?.[1])
  const misses: string[] = []
  if (!(ns <= 500)) misses.push(`classify: median ${ns} ns/request exceeds the 500 ns budget`)
  if (!(speedup >= 10)) misses.push(`classify: speedup ${speedup}× is below the 10× target`)
  return misses
}
