import type { noticesEn } from './notices-en'

export const noticesEs: Record<keyof typeof noticesEn, string> = {
  'error.noAnswer':
    'El servicio en segundo plano de Tracelight no respondió. Vuelve a cargar esta página para intentarlo de nuevo.',
  'error.tooManyExcluded': 'Puedes excluir como máximo 1000 sitios.',

  'gpc.readError':
    'Tracelight no pudo leer este ajuste. Cierra y vuelve a abrir esta ventana para intentarlo de nuevo.',
  'gpc.changeError': 'El navegador no aceptó el cambio. No se cambió nada.',
  'gpc.notHonoursBecause': '{site} no declara respetar esta señal. {reason}',

  'export.stopped': 'La exportación se detuvo de forma inesperada. No se guardó nada.',

  'requests.notice.lateTitle': 'Sin respuesta a tiempo de {company}',
  'requests.notice.lateOn':
    'Tu solicitud «{kind}» (ref. {reference}) vencía el {date}. Abre Tracelight para redactar un recordatorio.',
  'requests.notice.late':
    'Tu solicitud «{kind}» (ref. {reference}) está vencida. Abre Tracelight para redactar un recordatorio.',
  'requests.ics.summary': 'Respuesta pendiente de {company} ({reference})',
  'requests.ics.descriptionSent':
    '{kind}. Enviada el {date} a {recipient}. Si no ha llegado una respuesta completa, envía un recordatorio desde Tracelight.',
  'requests.ics.description':
    '{kind}, a {recipient}. Si no ha llegado una respuesta completa, envía un recordatorio desde Tracelight.',
  'requests.error.missing': 'Esta solicitud ya no existe.',
  'requests.error.not-allowed': 'Esta solicitud no puede pasar ahora a ese estado.',
  'requests.error.cannot-extend': 'Esta solicitud no se puede prorrogar.',
  'requests.error.no-deadline': 'Esta solicitud no tiene plazo.',
  'requests.error.not-late': 'El plazo todavía no ha vencido.',
  'requests.discoverError.notVisited': 'Tracelight no te ha visto visitar {site}.',
  'requests.discoverError.unreachable': 'No se pudo abrir {origin}.',
  'requests.discoverError.failed': 'No se pudo buscar un contacto: {message}',
}
