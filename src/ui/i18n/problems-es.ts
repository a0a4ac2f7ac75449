import type { problemsEn } from './problems-en'

export const problemsEs: Record<keyof typeof problemsEn, string> = {
  'problem.empty': 'El archivo está vacío.',
  'problem.tooLarge': 'El archivo es demasiado grande ({size} MB; el límite es {limit} MB).',
  'problem.notJson': 'El archivo está incompleto: se cortó o está dañado.',
  'problem.notLaidOut':
    'El archivo no está organizado como lo escribe Tracelight y es demasiado grande para comprobarlo entero ({size} MB; el límite es {limit} MB).',
  'problem.notObject': 'No es un archivo de prueba de Tracelight.',
  'problem.wrongFormat': 'No es un archivo de prueba de Tracelight.',
  'problem.newerVersion':
    'Este archivo usa la versión {version} del formato de prueba, más nueva que la que lee este Tracelight (versión {current}). Actualiza Tracelight para comprobarlo.',
  'problem.unknownVersion': 'Este Tracelight no lee el formato de este archivo.',
  'problem.schema': 'Una parte del archivo no tiene la forma que escribe Tracelight (en {path}).',
  'problem.schemaRecord': 'El registro {n} no tiene la forma que escribe Tracelight (en {path}).',
  'problem.recordChanged':
    'El registro {n} ({what}) se modificó después de exportarlo: su contenido ya no coincide con su huella.',
  'problem.recordOutOfChain':
    'El registro {n} ({what}) no sigue al anterior en la cadena: se quitaron, insertaron o reordenaron registros, o se editó su huella.',
  'problem.headerChanged':
    'La cabecera (quién creó el archivo, qué abarca, sus ajustes o recuentos) se modificó después de exportarlo.',
  'problem.recordCount': 'La cabecera indica {expected} registros, pero el archivo tiene {found}.',
  'problem.headMismatch':
    'El último registro no es el que indica la cabecera: se quitaron o añadieron registros al final, o se editó la cabecera.',
  'problem.kindCount': 'La cabecera cuenta {expected}, pero el archivo tiene {found}.',
  'problem.zipDamaged': 'El archivo zip está dañado o incompleto.',
  'problem.zipNoEvidence': 'El zip no contiene {name}: no es un zip de prueba de Tracelight.',
  'problem.zipNoSums': 'El zip no contiene el archivo {name}.',
  'problem.zipMissing': '{name} figura en las sumas de comprobación del zip, pero falta en él.',
  'problem.zipChanged':
    '{name} se modificó después de exportarlo: no coincide con su suma de comprobación.',
  'problem.orphanFinding':
    'El registro {n} es un hallazgo de la visita {visit}, que no está en el archivo.',
  'problem.orphanConsent':
    'El registro {n} es un registro de consentimiento de la visita {visit}, que no está en el archivo.',
  'problem.tooLargeToImport':
    'El archivo es demasiado grande para añadirlo aquí ({size} MB; el límite es {limit} MB).',
  'problem.importRefused':
    'No se añadió nada: la base de datos del navegador lo rechazó ({message}).',
}
