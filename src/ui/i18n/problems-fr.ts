import type { problemsEn } from './problems-en'

export const problemsFr: Record<keyof typeof problemsEn, string> = {
  'problem.empty': 'Le fichier est vide.',
  'problem.tooLarge': 'Le fichier est trop gros ({size} Mo ; la limite est de {limit} Mo).',
  'problem.notJson': 'Le fichier est incomplet : il a été tronqué ou endommagé.',
  'problem.notLaidOut':
    'Le fichier n’est pas organisé comme Tracelight l’écrit et il est trop gros pour être vérifié d’un bloc ({size} Mo ; la limite est de {limit} Mo).',
  'problem.notObject': 'Ce n’est pas un fichier de preuve Tracelight.',
  'problem.wrongFormat': 'Ce n’est pas un fichier de preuve Tracelight.',
  'problem.newerVersion':
    'Ce fichier utilise la version {version} du format de preuve, plus récente que celle que lit cette version de Tracelight (version {current}). Mettez Tracelight à jour pour le vérifier.',
  'problem.unknownVersion': 'Cette version de Tracelight ne lit pas le format de ce fichier.',
  'problem.schema':
    'Une partie du fichier n’a pas la forme qu’écrit Tracelight (à l’endroit {path}).',
  'problem.schemaRecord':
    'L’enregistrement {n} n’a pas la forme qu’écrit Tracelight (à l’endroit {path}).',
  'problem.recordChanged':
    'L’enregistrement {n} ({what}) a été modifié après l’export : son contenu ne correspond plus à son empreinte.',
  'problem.recordOutOfChain':
    'L’enregistrement {n} ({what}) ne suit pas le précédent dans la chaîne : des enregistrements ont été supprimés, insérés ou déplacés, ou son empreinte a été modifiée.',
  'problem.headerChanged':
    'L’en-tête (qui a créé le fichier, ce qu’il couvre, ses réglages ou ses totaux) a été modifié après l’export.',
  'problem.recordCount':
    'L’en-tête annonce {expected} enregistrements mais le fichier en contient {found}.',
  'problem.headMismatch':
    'Le dernier enregistrement n’est pas celui que nomme l’en-tête : des enregistrements ont été supprimés ou ajoutés à la fin, ou l’en-tête a été modifié.',
  'problem.kindCount': 'L’en-tête compte {expected} mais le fichier en contient {found}.',
  'problem.zipDamaged': 'Le fichier zip est endommagé ou incomplet.',
  'problem.zipNoEvidence':
    'Le zip ne contient pas de {name} : ce n’est pas un zip de preuve Tracelight.',
  'problem.zipNoSums': 'Le zip ne contient pas de fichier {name}.',
  'problem.zipMissing': '{name} figure dans les sommes de contrôle du zip mais n’y est pas.',
  'problem.zipChanged':
    '{name} a été modifié après l’export : il ne correspond pas à sa somme de contrôle.',
  'problem.orphanFinding':
    'L’enregistrement {n} est un constat de la visite {visit}, qui n’est pas dans le fichier.',
  'problem.orphanConsent':
    'L’enregistrement {n} est un enregistrement de consentement de la visite {visit}, qui n’est pas dans le fichier.',
  'problem.tooLargeToImport':
    'Le fichier est trop gros pour être ajouté ici ({size} Mo ; la limite est de {limit} Mo).',
  'problem.importRefused':
    'Rien n’a été ajouté : la base de données du navigateur l’a refusé ({message}).',
}
