/** What can be wrong with an evidence file (src/ui/problem-words.ts), as the dashboard's
 * "Check an evidence file" says it. Part of the English catalogue (en.ts); every language has
 * the same keys. */
export const problemsEn = {
  'problem.empty': 'The file is empty.',
  'problem.tooLarge': 'The file is too large ({size} MB; the limit is {limit} MB).',
  'problem.notJson': 'The file is not complete: it was cut short or damaged.',
  'problem.notLaidOut':
    'The file is not laid out as Tracelight writes it and is too large to check whole ({size} MB; the limit is {limit} MB).',
  'problem.notObject': 'This is not a Tracelight evidence file.',
  'problem.wrongFormat': 'This is not a Tracelight evidence file.',
  'problem.newerVersion':
    'This file uses version {version} of the evidence format, newer than this Tracelight reads (version {current}). Update Tracelight to check it.',
  'problem.unknownVersion': 'This file’s format version is one this Tracelight does not read.',
  'problem.schema': 'Part of the file does not have the form Tracelight writes (at {path}).',
  'problem.schemaRecord': 'Record {n} does not have the form Tracelight writes (at {path}).',
  'problem.recordChanged':
    'Record {n} ({what}) was changed after export: its content no longer matches its digest.',
  'problem.recordOutOfChain':
    'Record {n} ({what}) does not follow the one before it in the chain: records were removed, inserted or reordered, or its hash was edited.',
  'problem.headerChanged':
    'The header (who made the file, what it covers, its settings or counts) was changed after export.',
  'problem.recordCount': 'The header says {expected} records but the file holds {found}.',
  'problem.headMismatch':
    'The last record is not the one the header names: records at the end were removed or added, or the header was edited.',
  'problem.kindCount': 'The header counts {expected} but the file holds {found}.',
  'problem.zipDamaged': 'The zip file is damaged or incomplete.',
  'problem.zipNoEvidence': 'The zip holds no {name}: it is not a Tracelight evidence zip.',
  'problem.zipNoSums': 'The zip holds no {name} file.',
  'problem.zipMissing': '{name} is listed in the zip’s checksums but missing from it.',
  'problem.zipChanged': '{name} was changed after export: it does not match its checksum.',
  'problem.orphanFinding': 'Record {n} is a finding of visit {visit}, which is not in the file.',
  'problem.orphanConsent':
    'Record {n} is a consent record of visit {visit}, which is not in the file.',
  'problem.tooLargeToImport':
    'The file is too large to add here ({size} MB; the limit is {limit} MB).',
  'problem.importRefused': 'Nothing was added: the browser’s database refused it ({message}).',
}
