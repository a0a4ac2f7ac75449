import type { DeleteSummary } from '@/db/schema'
import type { DeleteRequest } from '@/messages'
import type { I18n } from '@/ui/i18n'

/** The counts of a deletion in words: "3 sites", "12 visits", "1,234 findings". */
export function summaryWords(i18n: I18n, s: DeleteSummary) {
  return {
    sites: i18n.tn('count.sites', s.sites),
    visits: i18n.tn('site.visitCount', s.visits),
    findings: i18n.tn('site.findings', s.findings),
  }
}

/** The first and last local day of a range deletion ([from, to) in ms). */
export function rangeDays(i18n: I18n, from: number, to: number) {
  return { from: i18n.date(from), to: i18n.date(Math.max(from, to - 1)) }
}

/** The question before a range deletion: one day, or from one day to another. */
export function rangeQuestion(
  i18n: I18n,
  summary: DeleteSummary,
  range: { from: number; to: number },
): string {
  const words = summaryWords(i18n, summary)
  const { from, to } = rangeDays(i18n, range.from, range.to)
  return from === to
    ? i18n.t('settings.rangeConfirmDay', { ...words, day: from })
    : i18n.t('settings.rangeConfirm', { ...words, from, to })
}

/** What a deletion removed, for the undo bar. */
export function deletedText(i18n: I18n, scope: DeleteRequest, summary: DeleteSummary): string {
  const words = summaryWords(i18n, summary)
  switch (scope.kind) {
    case 'site':
      return i18n.t('undo.site', { site: scope.site, ...words })
    case 'company':
      return i18n.t('undo.company', { name: scope.name, ...words })
    case 'range': {
      const { from, to } = rangeDays(i18n, scope.from, scope.to)
      return from === to
        ? i18n.t('undo.rangeDay', { ...words, day: from })
        : i18n.t('undo.range', { ...words, from, to })
    }
    case 'everything':
      return i18n.t('undo.everything', words)
  }
}
