import { readdirSync, readFileSync, statSync } from 'node:fs'
import { join } from 'node:path'
import ts from 'typescript'
import { describe, expect, it } from 'vitest'
import { en } from './en'

/** Code that shows words to people, or raises errors and notifications they read. */
const ROOTS = ['src/ui', 'src/background', 'src/requests', 'src/evidence']

function sourceFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name)
    if (statSync(path).isDirectory()) return path === 'src/ui/i18n' ? [] : sourceFiles(path)
    return /\.tsx?$/.test(name) && !/\.test\.tsx?$/.test(name) ? [path] : []
  })
}

const FILES = ROOTS.flatMap(sourceFiles)
const KEYS = Object.keys(en)
const KEY_LIKE = /^[a-z][\w-]*(\.[\w-]+)+$/
/** The catalogue's first parts ('overview', 'requests', …): a made key starts with one. */
const NAMESPACES = new Set(KEYS.map((k) => k.split('.')[0]))

interface Usage {
  /** Keys written out, e.g. 'overview.title'. */
  literals: Set<string>
  /** Keys made from a template, as patterns: `requests.kind.${kind}` → /^requests\.kind\.[\w.-]+$/ */
  patterns: { file: string; text: string; re: RegExp }[]
  /** Prefixes counted with tn(): each has `.one` and `.other`. */
  counted: { file: string; prefix: string }[]
}

function usage(): Usage {
  const out: Usage = { literals: new Set(), patterns: [], counted: [] }
  for (const file of FILES) {
    const src = ts.createSourceFile(file, readFileSync(file, 'utf8'), ts.ScriptTarget.Latest, true)
    const visit = (n: ts.Node): void => {
      if ((ts.isStringLiteral(n) || ts.isNoSubstitutionTemplateLiteral(n)) && KEY_LIKE.test(n.text))
        out.literals.add(n.text)
      if (ts.isTemplateExpression(n)) {
        const parts = [n.head.text, ...n.templateSpans.map((s) => s.literal.text)]
        const escape = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')
        const source = parts.map(escape).join('[\\w.-]+')
        if (NAMESPACES.has(n.head.text.split('.')[0]) && n.head.text.includes('.'))
          out.patterns.push({ file, text: n.getText(src), re: new RegExp(`^${source}$`) })
      }
      if (
        ts.isCallExpression(n) &&
        /(^|\.)tn$/.test(n.expression.getText(src)) &&
        n.arguments[0] !== undefined &&
        ts.isStringLiteral(n.arguments[0])
      )
        out.counted.push({ file, prefix: n.arguments[0].text })
      ts.forEachChild(n, visit)
    }
    visit(src)
  }
  return out
}

describe('the catalogue and the code agree', () => {
  const used = usage()

  it('finds the code’s keys', () => {
    expect(FILES.length).toBeGreaterThan(100)
    expect(used.literals.has('overview.title')).toBe(true)
    expect(used.patterns.some((p) => p.re.test('requests.kind.access'))).toBe(true)
    expect(used.counted.some((c) => c.prefix === 'site.findings')).toBe(true)
  })

  it('has no key that nothing uses', () => {
    const isUsed = (key: string) =>
      used.literals.has(key) ||
      used.literals.has(key.replace(/\.(one|other)$/, '')) ||
      used.patterns.some((p) => p.re.test(key) || p.re.test(key.replace(/\.(one|other)$/, '')))
    expect(KEYS.filter((k) => !isUsed(k))).toEqual([])
  })

  it('has both plural forms of every count the code asks for', () => {
    const missing = used.counted
      .filter(
        (c) => !(Object.hasOwn(en, `${c.prefix}.one`) && Object.hasOwn(en, `${c.prefix}.other`)),
      )
      .map((c) => `${c.file}: ${c.prefix}`)
    expect(missing).toEqual([])
  })

  it('has a message for every key the code makes from a template', () => {
    // A made key matches at least one message (or its plural forms): a typo matches none.
    const orphans = used.patterns
      .filter((p) => !KEYS.some((k) => p.re.test(k) || p.re.test(k.replace(/\.(one|other)$/, ''))))
      .map((p) => `${p.file}: ${p.text}`)
    expect(orphans).toEqual([])
  })
})
