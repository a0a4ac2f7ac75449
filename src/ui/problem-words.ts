import type { Problem } from '@/evidence/verify'
import type { I18n } from '@/ui/i18n'
import type { MessageKey } from '@/ui/i18n/en'

/**
 * What is wrong with an evidence file, in the reader's language.
 *
 * The verifier (src/evidence) words its findings in English, for the command line and the
 * report; its sentences are a fixed set, so the dashboard recognises each one here and says it
 * in the page's language, with the record numbers, names and sizes it holds. A sentence it
 * does not know (a newer verifier's) is shown as it came. problem-words.test.ts makes real
 * problems with the verifier and fails when one is not recognised.
 */
type Rule = [RegExp, MessageKey, (m: RegExpMatchArray) => Record<string, string | number>]

const none = () => ({})
const RULES: Rule[] = [
  [/^The file is empty\.$/, 'problem.empty', none],
  [
    /^The file is too large \((\d+) MB; the limit is (\d+) MB\)\.$/,
    'problem.tooLarge',
    (m) => ({ size: Number(m[1]), limit: Number(m[2]) }),
  ],
  [
    /^The file is not complete JSON: it was cut short or damaged \((.*)\)\.$/s,
    'problem.notJson',
    none,
  ],
  [
    /^The file is not laid out as Tracelight writes it \(one record a line\) and is too large to check whole \((\d+) MB; the limit is (\d+) MB\)\.$/,
    'problem.notLaidOut',
    (m) => ({ size: Number(m[1]), limit: Number(m[2]) }),
  ],
  [
    /^This is not a Tracelight evidence file: it holds no JSON object\.$/,
    'problem.notObject',
    none,
  ],
  [
    /^This is not a Tracelight evidence file: its "format" is .*, not ".*"\.$/s,
    'problem.wrongFormat',
    none,
  ],
  [
    /^This file uses version (\d+) of the evidence format, newer than this Tracelight reads \(version (\d+)\)\. Update Tracelight to check it\.$/,
    'problem.newerVersion',
    (m) => ({ version: Number(m[1]), current: Number(m[2]) }),
  ],
  [
    /^This file's format version is .*; this Tracelight reads versions .*\.$/s,
    'problem.unknownVersion',
    none,
  ],
  [
    /^Record (\d+) \((.*)\) was changed after export: its content no longer matches its digest\.$/s,
    'problem.recordChanged',
    (m) => ({ n: Number(m[1]), what: m[2] ?? '' }),
  ],
  [
    /^Record (\d+) \((.*?)\) does not follow record (\d+)(?: \(the header\))? in the chain: .*$/s,
    'problem.recordOutOfChain',
    (m) => ({ n: Number(m[1]), what: m[2] ?? '' }),
  ],
  [/^The header \(.*\) was changed after export: .*$/s, 'problem.headerChanged', none],
  [
    /^The header says (\d+) records but the file holds (\d+): records were (removed|added)\.$/,
    'problem.recordCount',
    (m) => ({ expected: Number(m[1]), found: Number(m[2]) }),
  ],
  [
    /^The last record is not the chain head named in the header: .*$/s,
    'problem.headMismatch',
    none,
  ],
  [
    /^The header counts (\d+) (sites|visits|findings|consent|requests) but the file holds (\d+)\.$/,
    'problem.kindCount',
    (m) => ({ expected: Number(m[1]), kind: m[2] ?? '', found: Number(m[3]) }),
  ],
  [/^The zip file is damaged or incomplete \((.*)\)\.$/s, 'problem.zipDamaged', none],
  [
    /^The zip holds no (.+): it is not a Tracelight evidence zip\.$/,
    'problem.zipNoEvidence',
    (m) => ({ name: m[1] ?? '' }),
  ],
  [/^The zip holds no (.+) file\.$/, 'problem.zipNoSums', (m) => ({ name: m[1] ?? '' })],
  [
    /^(.+), listed in .+, is missing from the zip\.$/,
    'problem.zipMissing',
    (m) => ({ name: m[1] ?? '' }),
  ],
  [
    /^(.+) was changed after export: it does not match its line in .+\.$/,
    'problem.zipChanged',
    (m) => ({ name: m[1] ?? '' }),
  ],
  [
    /^Record (\d+) is a finding of visit (\d+), which is not in the file\.$/,
    'problem.orphanFinding',
    (m) => ({ n: Number(m[1]), visit: m[2] ?? '' }),
  ],
  [
    /^Record (\d+) is a consent record of visit (\d+), which is not in the file\.$/,
    'problem.orphanConsent',
    (m) => ({ n: Number(m[1]), visit: m[2] ?? '' }),
  ],
  [
    /^The file is too large to import \((\d+) MB; the limit is (\d+) MB\)\.$/,
    'problem.tooLargeToImport',
    (m) => ({ size: Number(m[1]), limit: Number(m[2]) }),
  ],
  [
    /^Nothing was imported: the database refused the data \((.*)\)\.$/s,
    'problem.importRefused',
    (m) => ({ message: m[1] ?? '' }),
  ],
]

/** One problem in the page's language (a schema problem names the place in the file). */
export function problemText(i18n: I18n, p: Problem): string {
  if (p.kind === 'schema') {
    const path = p.message.split(' ', 1)[0] ?? ''
    return p.record === undefined
      ? i18n.t('problem.schema', { path })
      : i18n.t('problem.schemaRecord', { n: p.record, path })
  }
  for (const [re, key, vars] of RULES) {
    const m = p.message.match(re)
    if (m === null) continue
    const v = vars(m)
    // "3 visits": the kind is counted in words of the page's language.
    if (key === 'problem.kindCount')
      return i18n.t(key, {
        expected: i18n.tn(`export.${String(v.kind)}`, Number(v.expected)),
        found: i18n.num(Number(v.found)),
      })
    return i18n.t(key, v)
  }
  return p.message
}

/** Whether the message is one this module words (for its test). */
export const knowsProblem = (message: string) => RULES.some(([re]) => re.test(message))
