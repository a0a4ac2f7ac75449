import type { problemsEn } from './problems-en'

export const problemsDe: Record<keyof typeof problemsEn, string> = {
  'problem.empty': 'Die Datei ist leer.',
  'problem.tooLarge': 'Die Datei ist zu groß ({size} MB; die Grenze liegt bei {limit} MB).',
  'problem.notJson': 'Die Datei ist unvollständig: Sie wurde abgeschnitten oder beschädigt.',
  'problem.notLaidOut':
    'Die Datei ist nicht so aufgebaut, wie Tracelight sie schreibt, und zu groß, um sie als Ganzes zu prüfen ({size} MB; die Grenze liegt bei {limit} MB).',
  'problem.notObject': 'Das ist keine Beweisdatei von Tracelight.',
  'problem.wrongFormat': 'Das ist keine Beweisdatei von Tracelight.',
  'problem.newerVersion':
    'Diese Datei nutzt Version {version} des Beweisformats, neuer als die, die diese Tracelight-Version liest (Version {current}). Aktualisiere Tracelight, um sie zu prüfen.',
  'problem.unknownVersion': 'Diese Tracelight-Version kann das Format dieser Datei nicht lesen.',
  'problem.schema': 'Ein Teil der Datei hat nicht die Form, die Tracelight schreibt (bei {path}).',
  'problem.schemaRecord': 'Eintrag {n} hat nicht die Form, die Tracelight schreibt (bei {path}).',
  'problem.recordChanged':
    'Eintrag {n} ({what}) wurde nach dem Export geändert: Sein Inhalt passt nicht mehr zu seinem Hashwert.',
  'problem.recordOutOfChain':
    'Eintrag {n} ({what}) folgt in der Kette nicht auf den vorigen: Einträge wurden entfernt, eingefügt oder umgestellt, oder sein Hashwert wurde bearbeitet.',
  'problem.headerChanged':
    'Der Kopf (wer die Datei erstellt hat, was sie umfasst, ihre Einstellungen oder Zählungen) wurde nach dem Export geändert.',
  'problem.recordCount': 'Der Kopf nennt {expected} Einträge, die Datei enthält aber {found}.',
  'problem.headMismatch':
    'Der letzte Eintrag ist nicht der, den der Kopf nennt: Am Ende wurden Einträge entfernt oder hinzugefügt, oder der Kopf wurde bearbeitet.',
  'problem.kindCount': 'Der Kopf zählt {expected}, die Datei enthält aber {found}.',
  'problem.zipDamaged': 'Die Zip-Datei ist beschädigt oder unvollständig.',
  'problem.zipNoEvidence':
    'Die Zip-Datei enthält keine {name}: Sie ist keine Beweisdatei von Tracelight.',
  'problem.zipNoSums': 'Die Zip-Datei enthält keine Datei {name}.',
  'problem.zipMissing': '{name} steht in den Prüfsummen der Zip-Datei, fehlt aber darin.',
  'problem.zipChanged':
    '{name} wurde nach dem Export geändert: Die Datei passt nicht zu ihrer Prüfsumme.',
  'problem.orphanFinding':
    'Eintrag {n} ist ein Fund des Besuchs {visit}, der nicht in der Datei ist.',
  'problem.orphanConsent':
    'Eintrag {n} ist ein Einwilligungseintrag des Besuchs {visit}, der nicht in der Datei ist.',
  'problem.tooLargeToImport':
    'Die Datei ist zu groß, um sie hier hinzuzufügen ({size} MB; die Grenze liegt bei {limit} MB).',
  'problem.importRefused':
    'Es wurde nichts hinzugefügt: Die Datenbank des Browsers hat es abgelehnt ({message}).',
}
