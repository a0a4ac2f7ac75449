import { readdirSync, readFileSync, statSync } from 'node:fs'
import { join } from 'node:path'
import ts from 'typescript'
import { describe, expect, it } from 'vitest'

/**
 * Popup, dashboard and requests pages take every word people read from the catalogue
 * (src/ui/i18n). This reads their sources and fails on text written into them instead: JSX
 * text, and strings of two or more words anywhere else (a store's error, a label).
 */
function sourceFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name)
    if (statSync(path).isDirectory()) return path === 'src/ui/i18n' ? [] : sourceFiles(path)
    return /\.tsx?$/.test(name) && !/\.test\.tsx?$/.test(name) ? [path] : []
  })
}

/** Words in the code that people never read, with why. */
const ALLOWED = new Set([
  'Tracelight', // the product's name, in the header
  'example.com', // the example in the "site" field
  'Dashboard context missing', // a programming error, thrown before anything renders
  'The export was cancelled.', // an AbortError's message: a cancelled export says so in words
  'No such law', // the letter's developer message; the page words the problem ('no-kind')
])

/** JSX attributes whose values are not words (classes, ids, test ids, types). */
const NOT_TEXT_ATTRIBUTES = /^(class|className|id|for|htmlFor|type|href|data-[\w-]+|rel|accept)$/

function rawTexts(file: string): string[] {
  const src = ts.createSourceFile(
    file,
    readFileSync(file, 'utf8'),
    ts.ScriptTarget.Latest,
    true,
    file.endsWith('.tsx') ? ts.ScriptKind.TSX : ts.ScriptKind.TS,
  )
  const out: string[] = []
  const words = /[A-Za-z]{2,}\s+[A-Za-z]{2,}/
  /** The JSX attribute a value is part of (`class={a ? 'x y' : 'x'}`), if any. */
  const attributeOf = (n: ts.Node): string | undefined => {
    for (let a: ts.Node | undefined = n.parent; a !== undefined; a = a.parent) {
      if (ts.isJsxAttribute(a)) return a.name.getText(src)
      if (ts.isJsxElement(a) || ts.isJsxSelfClosingElement(a) || ts.isStatement(a)) return undefined
    }
    return undefined
  }
  const visit = (n: ts.Node): void => {
    const p = n.parent
    if (ts.isJsxText(n)) {
      const text = n.text.trim()
      if (/[A-Za-z]/.test(text) && !ALLOWED.has(text)) out.push(text)
    } else if (ts.isStringLiteral(n) || ts.isNoSubstitutionTemplateLiteral(n)) {
      const skip =
        ts.isImportDeclaration(p) ||
        ts.isExportDeclaration(p) ||
        ts.isLiteralTypeNode(p) ||
        // A key of a table (the detector phrases detail-words.ts puts in words).
        (ts.isPropertyAssignment(p) && p.name === n) ||
        NOT_TEXT_ATTRIBUTES.test(attributeOf(n) ?? '')
      if (!skip && words.test(n.text) && !ALLOWED.has(n.text)) out.push(n.text)
    }
    ts.forEachChild(n, visit)
  }
  visit(src)
  return out.map((t) => `${file}: ${t}`)
}

describe('no words outside the catalogue', () => {
  const files = sourceFiles('src/ui')

  it('reads the pages’ sources', () => {
    expect(files.filter((f) => f.endsWith('.tsx')).length).toBeGreaterThan(25)
  })

  it('has no text written into a component or store', () => {
    expect(files.flatMap(rawTexts)).toEqual([])
  })
})
