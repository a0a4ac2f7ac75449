/**
 * The renderer's two safety nets: `plain` turns untrusted text into plain text, and `fill`
 * refuses to leave a placeholder unfilled.
 */

/** Why a letter cannot be written yet; the UI words each for people. */
export type DraftProblem =
  | 'no-kind'
  | 'no-language'
  | 'needs-original'
  | 'needs-details'
  | 'needs-name'
  | 'missing-value'
  | 'unfilled'

export class DraftError extends Error {
  constructor(
    readonly problem: DraftProblem,
    message: string,
  ) {
    super(message)
  }
}

const MAX_VALUE = 200

/** Plain text from untrusted input: no control or bidi-override characters, no template
 * braces, bounded. Newlines only where `multiline`. */
export function plain(value: string, max = MAX_VALUE, multiline = false): string {
  let s = value.replace(multiline ? /\r\n?/g : /[\r\n]+/g, multiline ? '\n' : ' ')
  // C0/C1 controls (except tab/newline), bidi embeddings/overrides/isolates, zero-width chars.
  s = s.replace(
    // eslint-disable-next-line no-control-regex
    /[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u200b-\u200f\u202a-\u202e\u2066-\u2069\ufeff]/g,
    '',
  )
  s = s.replace(/\{\{|\}\}/g, (m) => m[0] ?? '')
  if (!multiline) s = s.replace(/\s+/g, ' ')
  s = s.trim()
  return s.length > max ? `${s.slice(0, max - 1)}…` : s
}

/** Replaces `{{var}}` in one pass (a value containing braces is never read as a template). */
export function fill(text: string, vars: Readonly<Partial<Record<string, string>>>): string {
  return text.replace(/\{\{([^{}]*)\}\}/g, (_, name: string) => {
    const value = vars[name]
    if (!Object.hasOwn(vars, name) || value === undefined || value === '')
      throw new DraftError('missing-value', `The letter needs "${name}"`)
    return value
  })
}
