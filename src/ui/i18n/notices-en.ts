/** What the background, the stores and saved files say to people: notifications, calendar
 * events, refusals and errors. Part of the English catalogue (en.ts); every language has the
 * same keys. */
export const noticesEn = {
  'error.noAnswer': 'Tracelight’s background did not answer. Reload this page to try again.',
  'error.tooManyExcluded': 'You can exclude at most 1,000 sites.',

  'gpc.readError':
    'Tracelight could not read this setting. Close and reopen this window to try again.',
  'gpc.changeError': 'The browser did not accept the change. Nothing was changed.',
  'gpc.notHonoursBecause': '{site} does not say it honours this signal. {reason}',

  'export.stopped': 'The export stopped unexpectedly. Nothing was saved.',

  'requests.notice.lateTitle': 'No answer in time from {company}',
  'requests.notice.lateOn':
    'Your request “{kind}” (ref. {reference}) was due on {date}. Open Tracelight to draft a reminder.',
  'requests.notice.late':
    'Your request “{kind}” (ref. {reference}) is overdue. Open Tracelight to draft a reminder.',
  'requests.ics.summary': 'Answer due from {company} ({reference})',
  'requests.ics.descriptionSent':
    '{kind}. Sent on {date} to {recipient}. If no complete answer has arrived, send a reminder from Tracelight.',
  'requests.ics.description':
    '{kind}, to {recipient}. If no complete answer has arrived, send a reminder from Tracelight.',
  'requests.error.missing': 'This request no longer exists.',
  'requests.error.not-allowed': 'This request cannot take that status now.',
  'requests.error.cannot-extend': 'This request cannot be extended.',
  'requests.error.no-deadline': 'This request has no deadline.',
  'requests.error.not-late': 'The deadline has not passed yet.',
  'requests.discoverError.notVisited': 'Tracelight has not seen you visit {site}.',
  'requests.discoverError.unreachable': 'Could not open {origin}.',
  'requests.discoverError.failed': 'Could not look for a contact: {message}',
}
