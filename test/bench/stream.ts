/**
 * A deterministic, realistic stream of web requests for the classification benchmark: page
 * visits to ~300 first-party sites (Zipf popularity), each loading its own assets, trackers
 * and services from the real third-party-web list (weighted by how often HTTP Archive sees
 * them) and some unlisted third parties. Seeded PRNG only, so every run sees the same stream.
 */
import { readFileSync } from 'node:fs'
import { createRequire } from 'node:module'
import type { SourceEntity } from '../../src/data/compile-trackers.ts'
import { TRACKING_CATEGORIES } from '../../src/detect/classifier.ts'

export type StreamType =
  | 'main_frame'
  | 'sub_frame'
  | 'script'
  | 'stylesheet'
  | 'image'
  | 'font'
  | 'xmlhttprequest'
  | 'ping'
  | 'media'
  | 'websocket'

export interface StreamRequest {
  url: string
  pageUrl: string
  type: StreamType
}

const require = createRequire(import.meta.url)

function readJson<T>(specifier: string): T {
  return JSON.parse(readFileSync(require.resolve(specifier), 'utf8')) as T
}

/** third-party-web's entity list (without stats) and its package version. */
export function loadEntities(): { entities: SourceEntity[]; version: string } {
  return {
    entities: readJson<SourceEntity[]>('third-party-web/dist/entities-nostats.json'),
    version: readJson<{ version: string }>('third-party-web/package.json').version,
  }
}

interface EntityStats {
  name: string
  totalOccurrences?: number
  examples?: string[]
}

// ---------------------------------------------------------------------------------------------
// Randomness

export class Rng {
  private state: number
  constructor(seed: number) {
    this.state = seed >>> 0
  }
  /** mulberry32: uniform in [0, 1). */
  next(): number {
    this.state = (this.state + 0x6d2b79f5) >>> 0
    let t = this.state
    t = Math.imul(t ^ (t >>> 15), t | 1)
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61)
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296
  }
  int(n: number): number {
    return Math.floor(this.next() * n)
  }
  between(min: number, max: number): number {
    return min + this.int(max - min + 1)
  }
  chance(p: number): boolean {
    return this.next() < p
  }
  pick<T>(items: readonly T[]): T {
    return items[this.int(items.length)] as T
  }
  chars(n: number, alphabet: string): string {
    let s = ''
    for (let i = 0; i < n; i++) s += alphabet[this.int(alphabet.length)]
    return s
  }
  hex(n: number): string {
    return this.chars(n, '0123456789abcdef')
  }
  alnum(n: number): string {
    return this.chars(n, 'ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789')
  }
  digits(n: number): string {
    return String(1 + this.int(9)) + this.chars(n - 1, '0123456789')
  }
  shuffle<T>(items: T[]): T[] {
    for (let i = items.length - 1; i > 0; i--) {
      const j = this.int(i + 1)
      ;[items[i], items[j]] = [items[j] as T, items[i] as T]
    }
    return items
  }
}

/** Samples indices with the given (unnormalized) weights. */
class Weighted {
  private readonly cumulative: Float64Array
  constructor(weights: readonly number[]) {
    this.cumulative = new Float64Array(weights.length)
    let sum = 0
    weights.forEach((w, i) => (this.cumulative[i] = sum += w))
  }
  sample(rng: Rng): number {
    const total = this.cumulative[this.cumulative.length - 1] ?? 0
    const x = rng.next() * total
    let lo = 0
    let hi = this.cumulative.length - 1
    while (lo < hi) {
      const mid = (lo + hi) >> 1
      if ((this.cumulative[mid] ?? 0) > x) hi = mid
      else lo = mid + 1
    }
    return lo
  }
}

function zipf(n: number, s = 1): Weighted {
  return new Weighted(Array.from({ length: n }, (_, i) => 1 / (i + 1) ** s))
}

function pickZipf<T>(rng: Rng, items: readonly T[], s = 1): T {
  return items[zipf(items.length, s).sample(rng)] as T
}

// ---------------------------------------------------------------------------------------------
// Third parties from the list

interface ListedEntity {
  name: string
  category: string
  weight: number
  /** Concrete host names, most typical first. */
  hosts: string[]
}

const GENERIC_SUBDOMAINS = ['www', 'cdn', 'static', 'region1', 'js', 'api']

function listedEntities(entities: readonly SourceEntity[]): ListedEntity[] {
  const stats = new Map(
    readJson<EntityStats[]>('third-party-web/dist/entities.json').map((e) => [e.name, e]),
  )
  return entities.map((entity) => {
    const stat = stats.get(entity.name)
    const examples = (stat?.examples ?? []).map((e) => e.split('/')[0]!.toLowerCase())
    const hosts: string[] = []
    const add = (host: string): void => {
      if (!hosts.includes(host)) hosts.push(host)
    }
    for (const raw of entity.domains) {
      const domain = raw.toLowerCase()
      if (!domain.startsWith('*.')) {
        add(domain)
        continue
      }
      const base = domain.slice(2)
      for (const e of examples) if (e.endsWith('.' + base)) add(e)
      for (const sub of GENERIC_SUBDOMAINS) add(`${sub}.${base}`)
      add(base)
    }
    return {
      name: entity.name,
      category: entity.category ?? 'other',
      weight: Math.max(stat?.totalOccurrences ?? 1, 1),
      hosts,
    }
  })
}

function isListed(
  host: string,
  wildcard: ReadonlySet<string>,
  exact: ReadonlySet<string>,
): boolean {
  for (let h = host; h.includes('.'); h = h.slice(h.indexOf('.') + 1)) {
    if (wildcard.has(h) || exact.has(h)) return true
  }
  return false
}

// ---------------------------------------------------------------------------------------------
// First-party sites

type SiteKind = 'news' | 'shop' | 'blog' | 'personal' | 'local'

interface Site {
  site: string
  kind: SiteKind
  scheme: 'http' | 'https'
  pageHosts: string[]
  assetHosts: string[]
  trackers: string[]
  services: string[]
  unknown: string[]
}

const NAMES: Record<'news' | 'shop' | 'blog', [string[], string[]]> = {
  news: [
    'daily morning evening metro city national global coastal valley capital northern sunday weekly union harbor'.split(
      ' ',
    ),
    'herald times post gazette chronicle tribune observer courier ledger dispatch journal record sentinel bulletin examiner'.split(
      ' ',
    ),
  ],
  shop: [
    'urban prime happy green smart cozy bright nordic pure bold swift little true golden wild'.split(
      ' ',
    ),
    'outfitters gear home style market kitchen threads boutique supply goods shoes living optics pets toys'.split(
      ' ',
    ),
  ],
  blog: [
    'wander code bread pixel quiet rusty lazy tiny curious midnight slow salty'.split(' '),
    'notes journal diaries bytes kitchen garden lens thoughts trails corner'.split(' '),
  ],
}

const SUFFIXES: [string, number][] = [
  ['com', 50],
  ['co.uk', 8],
  ['com.au', 6],
  ['de', 6],
  ['net', 5],
  ['org', 5],
  ['fr', 3],
  ['co.jp', 3],
  ['com.br', 3],
  ['ca', 3],
  ['io', 3],
  ['org.uk', 2],
  ['co.nz', 2],
  ['es', 2],
  ['nl', 2],
]
const SUFFIX_PICK = new Weighted(SUFFIXES.map(([, w]) => w))

/** Public-suffix-list private suffixes where each customer is a site of its own. */
const PRIVATE_SUFFIXES = [
  'github.io',
  'netlify.app',
  'vercel.app',
  'blogspot.com',
  'myshopify.com',
  'herokuapp.com',
  'pages.dev',
]

const KIND_SIZES: Record<
  SiteKind,
  { trackers: [number, number]; services: [number, number]; unknown: [number, number] }
> = {
  news: { trackers: [15, 40], services: [3, 8], unknown: [2, 8] },
  shop: { trackers: [10, 30], services: [3, 8], unknown: [2, 6] },
  blog: { trackers: [4, 15], services: [2, 6], unknown: [1, 4] },
  personal: { trackers: [0, 4], services: [1, 4], unknown: [0, 2] },
  local: { trackers: [0, 0], services: [0, 1], unknown: [0, 1] },
}

const REQUESTS_PER_PAGE: Record<SiteKind, [number, number]> = {
  news: [60, 200],
  shop: [40, 150],
  blog: [20, 70],
  personal: [5, 30],
  local: [3, 15],
}

/** Weighted sample of `k` distinct indices. */
function sampleDistinct(rng: Rng, weights: readonly number[], k: number): number[] {
  const w = [...weights]
  const chosen: number[] = []
  for (let i = 0; i < k && i < w.length; i++) {
    const index = new Weighted(w).sample(rng)
    chosen.push(index)
    w[index] = 0
  }
  return chosen
}

function makeSites(
  rng: Rng,
  trackers: ListedEntity[],
  services: ListedEntity[],
  unknownPool: string[],
): Site[] {
  const names = new Set<string>()
  const specs: [string, SiteKind][] = []
  const counts: [keyof typeof NAMES, number][] = [
    ['news', 120],
    ['shop', 100],
    ['blog', 55],
  ]
  for (const [kind, n] of counts) {
    const [first, second] = NAMES[kind]
    while (specs.filter(([, k]) => k === kind).length < n) {
      const name = rng.pick(first) + (rng.chance(0.15) ? '-' : '') + rng.pick(second)
      const site = `${name}.${SUFFIXES[SUFFIX_PICK.sample(rng)]![0]}`
      if (names.has(site)) continue
      names.add(site)
      specs.push([site, kind])
    }
  }
  for (let i = 0; i < 21; i++) {
    const [first, second] = NAMES.blog
    specs.push([`${rng.pick(first)}${rng.pick(second)}${i}.${PRIVATE_SUFFIXES[i % 7]}`, 'personal'])
  }
  specs.push(['192.168.1.1', 'local'], ['localhost', 'local'])
  rng.shuffle(specs)

  const trackerWeights = trackers.map((t) => t.weight ** 0.8)
  const serviceWeights = services.map((t) => t.weight ** 0.8)
  const unknownPick = zipf(unknownPool.length, 0.9)
  return specs.map(([site, kind]) => {
    const sizes = KIND_SIZES[kind]
    const hostsOf = (pool: ListedEntity[], weights: number[], range: [number, number]) =>
      sampleDistinct(rng, weights, rng.between(...range)).flatMap((index) => {
        const hosts = pool[index]!.hosts
        const n = rng.chance(0.3) ? 2 : 1
        return [...new Set(Array.from({ length: n }, () => pickZipf(rng, hosts, 1.2)))]
      })
    let pageHosts: string[]
    let assetHosts: string[]
    if (kind === 'personal') {
      pageHosts = [site]
      assetHosts = [site]
    } else if (kind === 'local') {
      pageHosts = [site === 'localhost' ? 'localhost:3000' : site]
      assetHosts = pageHosts
    } else {
      const main = rng.chance(0.75) ? `www.${site}` : site
      const extra = kind === 'news' ? 'news' : kind === 'shop' ? 'shop' : 'm'
      pageHosts = rng.chance(0.3) ? [main, `${extra}.${site}`] : [main]
      const subs = ['cdn', 'static', 'img', 'api', 'assets', 'media', 'images', 'i']
      assetHosts = [main, ...subs.filter(() => rng.chance(0.4)).map((s) => `${s}.${site}`)]
    }
    return {
      site,
      kind,
      scheme: kind === 'local' ? 'http' : 'https',
      pageHosts,
      assetHosts,
      trackers: hostsOf(trackers, trackerWeights, sizes.trackers),
      services: hostsOf(services, serviceWeights, sizes.services),
      unknown: [
        ...new Set(
          Array.from(
            { length: rng.between(...sizes.unknown) },
            () => unknownPool[unknownPick.sample(rng)]!,
          ),
        ),
      ],
    }
  })
}

/** Third parties that no list knows: small vendors, unlisted CDN distributions, bare IPs. */
function makeUnknownPool(rng: Rng, wildcard: Set<string>, exact: Set<string>): string[] {
  const syllables = 'ka lo mi zu ra ve no ti pa sen dor vex lin qua bri tor mel fy gen hub'.split(
    ' ',
  )
  const tlds = ['com', 'com', 'com', 'io', 'net', 'co', 'app', 'xyz', 'cloud', 'dev']
  const prefixes = ['cdn', 'api', 'static', 'widget', 'js', 't', 'embed', 'img', 'assets', 'eu']
  const pool = new Set<string>()
  while (pool.size < 1400) {
    const name = Array.from({ length: rng.between(2, 3) }, () => rng.pick(syllables)).join('')
    const domain = `${name}.${rng.pick(tlds)}`
    const host = rng.chance(0.7) ? `${rng.pick(prefixes)}.${domain}` : domain
    if (!isListed(host, wildcard, exact)) pool.add(host)
  }
  const hosts = rng.shuffle([...pool])
  // Unlisted CloudFront distributions (third-party-web lists `cloudfront.net` itself and a
  // hundred vendors' distributions, not every customer's), S3-style buckets and raw IPs.
  for (let i = 0; i < 30; i++) {
    hosts.splice(
      rng.int(hosts.length),
      0,
      `d${rng.chars(13, 'abcdefghijklmnopqrstuvwxyz0123456789')}.cloudfront.net`,
    )
  }
  for (let i = 0; i < 12; i++) {
    const ip = `${rng.pick(['203.0.113', '198.51.100', '192.0.2'])}.${rng.between(2, 250)}`
    hosts.splice(rng.int(hosts.length), 0, rng.chance(0.5) ? `${ip}:8080` : ip)
  }
  return hosts
}

// ---------------------------------------------------------------------------------------------
// URLs

const enc = encodeURIComponent

function slug(rng: Rng): string {
  const words =
    'city council budget vote storm season final review best new guide how to why the market prices rise fall local team wins record summer winter sale'.split(
      ' ',
    )
  return Array.from({ length: rng.between(3, 7) }, () => rng.pick(words)).join('-')
}

function pageUrl(rng: Rng, site: Site): string {
  const host = pickZipf(rng, site.pageHosts)
  const base = `${site.scheme}://${host}`
  switch (site.kind) {
    case 'news':
      return `${base}/${rng.between(2023, 2025)}/${String(rng.between(1, 12)).padStart(2, '0')}/${String(rng.between(1, 28)).padStart(2, '0')}/${rng.pick(['world', 'politics', 'sport', 'business', 'culture'])}/${slug(rng)}.html${rng.chance(0.2) ? '?utm_source=twitter&utm_medium=social' : ''}`
    case 'shop':
      return rng.chance(0.5)
        ? `${base}/products/${slug(rng)}?variant=${rng.digits(11)}`
        : `${base}/collections/${rng.pick(['sale', 'new', 'women', 'men', 'home'])}?page=${rng.between(1, 5)}&sort_by=price-ascending`
    case 'blog':
      return `${base}/posts/${slug(rng)}/`
    default:
      return `${base}/${rng.chance(0.5) ? '' : slug(rng) + '/'}`
  }
}

function firstPartyRequest(rng: Rng, site: Site, page: string): [string, StreamType] {
  let host = pickZipf(rng, site.assetHosts, 0.8)
  if (host.startsWith('api.') && rng.chance(0.15)) host += ':8443'
  const base = `${site.scheme}://${host}`
  const r = rng.next()
  if (r < 0.25)
    return [
      `${base}/assets/js/${rng.pick(['main', 'vendor', 'runtime', 'chunk'])}.${rng.hex(8)}.js`,
      'script',
    ]
  if (r < 0.33)
    return [`${base}/assets/css/${rng.pick(['main', 'app'])}.${rng.hex(8)}.css`, 'stylesheet']
  if (r < 0.38)
    return [
      `${base}/fonts/${rng.pick(['inter', 'merriweather', 'lato'])}-${rng.pick(['regular', 'bold'])}.woff2`,
      'font',
    ]
  if (r < 0.75)
    return [
      site.kind === 'shop'
        ? `${base}/media/catalog/product/${rng.hex(1)}/${rng.hex(1)}/${slug(rng)}.webp?width=${rng.pick([320, 640, 1280])}&quality=80`
        : `${base}/images/${rng.between(2023, 2025)}/${String(rng.between(1, 12)).padStart(2, '0')}/${slug(rng)}-${rng.pick([300, 768, 1024])}x${rng.pick([200, 512, 683])}.jpg`,
      'image',
    ]
  if (r < 0.97)
    return [
      `${base}/api/v2/${rng.pick(['recommendations', 'comments', 'cart', 'session', 'search'])}?page=${rng.between(1, 4)}&limit=20&lang=en&ref=${enc(page)}`,
      'xmlhttprequest',
    ]
  return [`${site.scheme === 'https' ? 'wss' : 'ws'}://${host}/live/socket?v=2`, 'websocket']
}

function trackerRequest(rng: Rng, host: string, page: string): [string, StreamType] {
  const base = `https://${host}`
  const ts = 1_717_000_000_000 + rng.int(30_000_000_000)
  const cid = `${rng.digits(9)}.${rng.digits(10)}`
  if (host.endsWith('google-analytics.com') || host === 'analytics.google.com')
    return [
      `${base}/g/collect?v=2&tid=G-${rng.alnum(10)}&gtm=45je4${rng.hex(3)}&_p=${ts}&cid=${cid}&ul=en-us&sr=1920x1080&dl=${enc(page)}&dt=${rng.pick(['Home', 'News', 'Shop'])}&en=${rng.pick(['page_view', 'scroll', 'user_engagement', 'click'])}&_ee=1`,
      'ping',
    ]
  if (host.endsWith('googletagmanager.com'))
    return rng.chance(0.5)
      ? [`${base}/gtm.js?id=GTM-${rng.alnum(7)}`, 'script']
      : [`${base}/gtag/js?id=G-${rng.alnum(10)}&l=dataLayer&cx=c`, 'script']
  if (host.endsWith('doubleclick.net') || host.endsWith('googlesyndication.com'))
    return rng.chance(0.5)
      ? [
          `${base}/pagead/viewthroughconversion/${rng.digits(9)}/?random=${ts}&cv=11&fst=${ts}&fmt=3&url=${enc(page)}&frm=0`,
          'image',
        ]
      : [
          `${base}/gampad/ads?iu=/${rng.digits(8)}/home/top&sz=300x250%7C728x90&correlator=${rng.digits(16)}&url=${enc(page)}`,
          'sub_frame',
        ]
  if (host.endsWith('facebook.net')) return [`${base}/en_US/fbevents.js`, 'script']
  if (host.endsWith('facebook.com'))
    return [
      `${base}/tr/?id=${rng.digits(15)}&ev=PageView&dl=${enc(page)}&rl=&if=false&ts=${ts}&v=2.9.156`,
      'image',
    ]
  // Other vendors: one consistent style per host, random parameters.
  let style = 0
  for (let i = 0; i < host.length; i++) style = (style * 31 + host.charCodeAt(i)) >>> 0
  switch ((style + (rng.chance(0.3) ? 1 : 0)) % 6) {
    case 0:
      return [
        `${base}/js/${host.split('.').at(-2)}.min.js?v=${rng.between(1, 9)}.${rng.between(0, 20)}.${rng.between(0, 9)}`,
        'script',
      ]
    case 1:
      return [
        `${base}/pixel.gif?pid=${rng.digits(6)}&uid=${rng.hex(16)}&ts=${ts}&ref=${enc(page)}`,
        'image',
      ]
    case 2:
      return [`${base}/collect?cid=${rng.hex(12)}&event=pageview&url=${enc(page)}`, 'ping']
    case 3:
      return [
        `${base}/sync?partner=${rng.pick(['appnexus', 'rubicon', 'pubmatic', 'openx'])}&uid=${rng.hex(20)}&gdpr=1&gdpr_consent=${rng.alnum(40)}`,
        'image',
      ]
    case 4:
      return [`${base}/v1/events?k=${rng.alnum(16)}`, 'xmlhttprequest']
    default:
      return [`${base}/tag/${rng.digits(5)}/${rng.hex(8)}.js`, 'script']
  }
}

function serviceRequest(rng: Rng, host: string): [string, StreamType] {
  const base = `https://${host}`
  const r = rng.next()
  if (r < 0.3)
    return [
      `${base}/ajax/libs/${rng.pick(['jquery/3.7.1/jquery.min.js', 'lodash.js/4.17.21/lodash.min.js', 'swiper/11.0.5/swiper-bundle.min.js'])}`,
      'script',
    ]
  if (r < 0.45) return [`${base}/npm/bootstrap@5.3.3/dist/css/bootstrap.min.css`, 'stylesheet']
  if (r < 0.6) return [`${base}/s/roboto/v30/KFOmCnqEu92Fr1Mu${rng.alnum(4)}.woff2`, 'font']
  if (r < 0.75)
    return [
      `${base}/maps/api/js?key=AIza${rng.alnum(35)}&libraries=places&callback=initMap`,
      'script',
    ]
  if (r < 0.9) return [`${base}/images/${rng.hex(24)}.png?w=${rng.pick([64, 128, 256])}`, 'image']
  return [
    `${base}/cdn-cgi/challenge-platform/h/b/orchestrate/jsch/v1?ray=${rng.hex(16)}`,
    'xmlhttprequest',
  ]
}

function unknownRequest(rng: Rng, host: string, site: Site): [string, StreamType] {
  const scheme = /^[\d.:]+$/.test(host) ? 'http' : 'https'
  const base = `${scheme}://${host}`
  const r = rng.next()
  if (r < 0.35) return [`${base}/widget.js?site=${enc(site.site)}&v=${rng.between(1, 4)}`, 'script']
  if (r < 0.55) return [`${base}/embed/v3/${rng.hex(12)}`, 'sub_frame']
  if (r < 0.85) return [`${base}/assets/${rng.hex(20)}.png`, 'image']
  if (r < 0.95) return [`${base}/api/status?id=${rng.hex(8)}`, 'xmlhttprequest']
  return [`${base}/media/${rng.hex(10)}.mp4`, 'media']
}

/** Upper-cases the host part, as a small share of hand-written markup does. */
function upperHost(url: string): string {
  const start = url.indexOf('://') + 3
  let end = url.indexOf('/', start)
  if (end < 0) end = url.length
  return url.slice(0, start) + url.slice(start, end).toUpperCase() + url.slice(end)
}

// ---------------------------------------------------------------------------------------------

export interface StreamOptions {
  count?: number
  seed?: number
}

export function generateStream({
  count = 100_000,
  seed = 0x7ace11,
}: StreamOptions = {}): StreamRequest[] {
  const rng = new Rng(seed)
  const { entities } = loadEntities()
  const listed = listedEntities(entities)
  const trackers = listed.filter((e) => TRACKING_CATEGORIES.has(e.category))
  const services = listed.filter((e) => ['cdn', 'hosting', 'utility'].includes(e.category))
  const wildcard = new Set<string>()
  const exact = new Set<string>()
  for (const e of entities) {
    for (const d of e.domains) {
      const domain = d.toLowerCase()
      if (domain.startsWith('*.')) wildcard.add(domain.slice(2))
      else exact.add(domain)
    }
  }
  const sites = makeSites(rng, trackers, services, makeUnknownPool(rng, wildcard, exact))
  const sitePick = zipf(sites.length, 1)
  // Share of a page's subresources: first party, trackers, listed services, unknown.
  const mix = new Weighted([0.4, 0.33, 0.17, 0.1])

  const stream: StreamRequest[] = []
  while (stream.length < count) {
    const site = sites[sitePick.sample(rng)]!
    const page = pageUrl(rng, site)
    stream.push({ url: page, pageUrl: page, type: 'main_frame' })
    const n = rng.between(...REQUESTS_PER_PAGE[site.kind])
    for (let i = 0; i < n && stream.length < count; i++) {
      let kind = mix.sample(rng)
      if (kind === 1 && site.trackers.length === 0) kind = 0
      if (kind === 2 && site.services.length === 0) kind = 0
      if (kind === 3 && site.unknown.length === 0) kind = 0
      const [url, type] =
        kind === 0
          ? firstPartyRequest(rng, site, page)
          : kind === 1
            ? trackerRequest(rng, pickZipf(rng, site.trackers, 0.8), page)
            : kind === 2
              ? serviceRequest(rng, pickZipf(rng, site.services, 0.8))
              : unknownRequest(rng, pickZipf(rng, site.unknown, 0.8), site)
      stream.push({ url: rng.chance(0.005) ? upperHost(url) : url, pageUrl: page, type })
    }
  }
  // URLs from webRequest arrive through IPC as flat strings; the ones built above are V8 cons
  // strings (ropes), which slow every later scan of them. Flatten them, as a browser would.
  return JSON.parse(JSON.stringify(stream)) as StreamRequest[]
}
