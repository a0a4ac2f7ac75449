import type { noticesEn } from './notices-en'

export const noticesDe: Record<keyof typeof noticesEn, string> = {
  'error.noAnswer':
    'Der Hintergrunddienst von Tracelight hat nicht geantwortet. Lade diese Seite neu, um es noch einmal zu versuchen.',
  'error.tooManyExcluded': 'Du kannst höchstens 1.000 Websites ausnehmen.',

  'gpc.readError':
    'Tracelight konnte diese Einstellung nicht lesen. Schließe dieses Fenster und öffne es erneut, um es noch einmal zu versuchen.',
  'gpc.changeError': 'Der Browser hat die Änderung nicht angenommen. Es wurde nichts geändert.',
  'gpc.notHonoursBecause': '{site} erklärt nicht, dieses Signal zu beachten. {reason}',

  'export.stopped': 'Der Export wurde unerwartet abgebrochen. Es wurde nichts gespeichert.',

  'requests.notice.lateTitle': 'Keine Antwort rechtzeitig von {company}',
  'requests.notice.lateOn':
    'Deine Anfrage „{kind}“ (Ref. {reference}) war am {date} fällig. Öffne Tracelight, um eine Erinnerung zu schreiben.',
  'requests.notice.late':
    'Deine Anfrage „{kind}“ (Ref. {reference}) ist überfällig. Öffne Tracelight, um eine Erinnerung zu schreiben.',
  'requests.ics.summary': 'Antwort fällig von {company} ({reference})',
  'requests.ics.descriptionSent':
    '{kind}. Am {date} an {recipient} verschickt. Falls keine vollständige Antwort gekommen ist, schick aus Tracelight eine Erinnerung.',
  'requests.ics.description':
    '{kind}, an {recipient}. Falls keine vollständige Antwort gekommen ist, schick aus Tracelight eine Erinnerung.',
  'requests.error.missing': 'Diese Anfrage gibt es nicht mehr.',
  'requests.error.not-allowed': 'Diese Anfrage kann diesen Stand jetzt nicht bekommen.',
  'requests.error.cannot-extend': 'Diese Anfrage kann nicht verlängert werden.',
  'requests.error.no-deadline': 'Diese Anfrage hat keine Frist.',
  'requests.error.not-late': 'Die Frist ist noch nicht abgelaufen.',
  'requests.discoverError.notVisited': 'Tracelight hat nicht gesehen, dass du {site} besucht hast.',
  'requests.discoverError.unreachable': '{origin} konnte nicht geöffnet werden.',
  'requests.discoverError.failed': 'Die Suche nach einem Kontakt ist fehlgeschlagen: {message}',
}
