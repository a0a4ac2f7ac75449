import type { noticesEn } from './notices-en'

export const noticesFr: Record<keyof typeof noticesEn, string> = {
  'error.noAnswer':
    'Le service d’arrière-plan de Tracelight n’a pas répondu. Rechargez cette page pour réessayer.',
  'error.tooManyExcluded': 'Vous pouvez exclure au plus 1 000 sites.',

  'gpc.readError':
    'Tracelight n’a pas pu lire ce réglage. Fermez puis rouvrez cette fenêtre pour réessayer.',
  'gpc.changeError': 'Le navigateur n’a pas accepté la modification. Rien n’a changé.',
  'gpc.notHonoursBecause': '{site} ne déclare pas respecter ce signal. {reason}',

  'export.stopped': 'L’export s’est arrêté de façon inattendue. Rien n’a été enregistré.',

  'requests.notice.lateTitle': 'Pas de réponse à temps de {company}',
  'requests.notice.lateOn':
    'Votre demande « {kind} » (réf. {reference}) devait recevoir une réponse le {date}. Ouvrez Tracelight pour rédiger une relance.',
  'requests.notice.late':
    'Votre demande « {kind} » (réf. {reference}) est en retard. Ouvrez Tracelight pour rédiger une relance.',
  'requests.ics.summary': 'Réponse attendue de {company} ({reference})',
  'requests.ics.descriptionSent':
    '{kind}. Envoyée le {date} à {recipient}. Si aucune réponse complète n’est arrivée, envoyez une relance depuis Tracelight.',
  'requests.ics.description':
    '{kind}, à {recipient}. Si aucune réponse complète n’est arrivée, envoyez une relance depuis Tracelight.',
  'requests.error.missing': 'Cette demande n’existe plus.',
  'requests.error.not-allowed': 'Cette demande ne peut pas prendre cet état maintenant.',
  'requests.error.cannot-extend': 'Cette demande ne peut pas être prolongée.',
  'requests.error.no-deadline': 'Cette demande n’a pas de délai.',
  'requests.error.not-late': 'Le délai n’est pas encore dépassé.',
  'requests.discoverError.notVisited': 'Tracelight ne vous a pas vu visiter {site}.',
  'requests.discoverError.unreachable': 'Impossible d’ouvrir {origin}.',
  'requests.discoverError.failed': 'La recherche d’un contact a échoué : {message}',
}
