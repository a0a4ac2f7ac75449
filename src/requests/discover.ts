/**
 * Finding a site's privacy contact in its own pages, on request: the privacy-policy link
 * (`<link rel="privacy-policy">`, footer links in English, German, French, Spanish and
 * Portuguese, "Do Not Sell or Share" links), then email addresses on the policy page —
 * `mailto:` links, plain and obfuscated ("privacy [at] example [dot] com", &#64;) — ranked with
 * privacy@, dpo@ and datenschutz@ first. Pure: HTML in, candidates out; regexes only, since the
 * background has no DOM parser.
 */

export interface Candidate {
  email: string
  /** Page it was found on. */
  url: string
  /** How it was found: a mailto link, the page's text, or text written to fool robots. */
  how: FoundHow
}

const POLICY_WORDS =
  /privacy|datenschutz|confidentialit|vie priv|donn[ée]es personnelles|privacidad|protecci[óo]n de datos|privacidade|do not sell|your privacy choices/i

const MAX_LINKS = 3

function decodeEntities(s: string): string {
  return s
    .replace(/&#(\d+);/g, (_, n: string) => String.fromCodePoint(Math.min(Number(n), 0x10ffff)))
    .replace(/&#x([0-9a-f]+);/gi, (_, n: string) =>
      String.fromCodePoint(Math.min(parseInt(n, 16), 0x10ffff)),
    )
    .replace(/&commat;/g, '@')
    .replace(/&period;/g, '.')
    .replace(/&amp;/g, '&')
}

function absolute(href: string, base: string): string | null {
  try {
    const u = new URL(decodeEntities(href.trim()), base)
    return u.protocol === 'https:' || u.protocol === 'http:' ? u.href.replace(/#.*$/, '') : null
  } catch {
    return null
  }
}

const stripTags = (s: string) =>
  s
    .replace(/<[^>]*>/g, ' ')
    .replace(/\s+/g, ' ')
    .trim()

/** Links to the site's privacy pages, the declared policy first. */
export function policyLinks(html: string, base: string): string[] {
  const out: string[] = []
  const add = (url: string | null) => {
    if (url !== null && !out.includes(url) && out.length < MAX_LINKS) out.push(url)
  }
  for (const m of html.matchAll(/<link\b[^>]*>/gi)) {
    const tag = m[0]
    if (!/\brel\s*=\s*["']?[^"'>]*\bprivacy-policy\b/i.test(tag)) continue
    const href = /\bhref\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s>]+))/i.exec(tag)
    add(absolute(href?.[1] ?? href?.[2] ?? href?.[3] ?? '', base))
  }
  for (const m of html.matchAll(/<a\b([^>]*)>([\s\S]*?)<\/a>/gi)) {
    const attrs = m[1] ?? ''
    const href = /\bhref\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s>]+))/i.exec(attrs)
    const target = href?.[1] ?? href?.[2] ?? href?.[3]
    if (target === undefined || /^mailto:/i.test(target)) continue
    if (POLICY_WORDS.test(stripTags(m[2] ?? '')) || POLICY_WORDS.test(target))
      add(absolute(target, base))
  }
  return out
}

export type FoundHow = 'link' | 'text' | 'obfuscated'

const EMAIL = /[a-z0-9][a-z0-9._%+-]{0,63}@[a-z0-9-]+(?:\.[a-z0-9-]+)*\.[a-z]{2,24}/gi

/** Email addresses on a page: mailto links, plain text and common obfuscations. */
export function emailsIn(html: string): { email: string; how: FoundHow }[] {
  const found = new Map<string, FoundHow>()
  const put = (email: string, how: FoundHow) => {
    const e = email.toLowerCase().replace(/\.$/, '')
    if (!found.has(e)) found.set(e, how)
  }
  const decoded = decodeEntities(html)
  for (const m of decoded.matchAll(/href\s*=\s*["']?mailto:([^"'?>\s]+)/gi)) {
    let address = m[1] ?? ''
    try {
      address = decodeURIComponent(address)
    } catch {
      // keep as written
    }
    for (const e of address.match(EMAIL) ?? []) put(e, 'link')
  }
  const text = stripTags(decoded.replace(/<(script|style)\b[\s\S]*?<\/\1>/gi, ' '))
  for (const e of text.match(EMAIL) ?? []) put(e, 'text')
  const deobfuscated = text
    .replace(/\s*[[({]\s*(?:at|ät|arobase|arroba)\s*[\])}]\s*/gi, '@')
    .replace(/\s+(?:at)\s+(?=[a-z0-9-]+\s*[[({]\s*dot)/gi, '@')
    .replace(/\s*[[({]\s*(?:dot|punkt|point|punto)\s*[\])}]\s*/gi, '.')
  for (const e of deobfuscated.match(EMAIL) ?? []) put(e, 'obfuscated')
  return [...found].map(([email, how]) => ({ email, how }))
}

const RANK = [
  /^(privacy|dpo|datenschutz|dataprotection|data-protection|data\.protection|gdpr|rgpd|dsgvo|privacidad|privacidade|protecciondedatos|donneespersonnelles|dpd)\b/,
  /privacy|dpo|datenschutz|protection|gdpr|rgpd/,
  /^(legal|compliance|rechtliches|juridique)\b/,
]

function rank(email: string): number {
  const local = email.split('@')[0] ?? ''
  const i = RANK.findIndex((re) => re.test(local))
  return i === -1 ? RANK.length : i
}

/** Ranked candidates from the pages fetched: privacy@ and dpo@ first, then the rest. */
export function rankCandidates(pages: readonly { url: string; html: string }[]): Candidate[] {
  const seen = new Set<string>()
  const out: Candidate[] = []
  for (const page of pages)
    for (const { email, how } of emailsIn(page.html)) {
      if (seen.has(email)) continue
      seen.add(email)
      out.push({ email, url: page.url, how })
    }
  return out
    .map((c, i) => ({ c, i, r: rank(c.email) }))
    .sort((a, b) => a.r - b.r || a.i - b.i)
    .map(({ c }) => c)
    .slice(0, 10)
}
