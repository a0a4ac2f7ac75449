/**
 * The dashboard's language for the requests pages, and the words for laws and kinds of request
 * in it. Outside the dashboard (tests rendering a page alone) the pages speak English.
 */
import { useContext } from 'preact/hooks'
import type { KindId, Law } from '@/requests/laws'
import { letterDate } from '@/requests/letters/format'
import { Ctx } from '@/ui/dashboard/context'
import { createI18n, LANGUAGES, type I18n } from '@/ui/i18n'
import type { MessageKey } from '@/ui/i18n/en'

const english = createI18n('en')

export function useI18n(): I18n {
  return useContext(Ctx)?.i18n ?? english
}

/** The user's languages for the letter, most wanted first: Tracelight's own language setting
 * when they chose one, then the browser's. */
export function usePreferredLanguages(browser: string): string[] {
  const settings = useContext(Ctx)?.settings.state.value
  const chosen = settings?.kind === 'ready' ? settings.value.language : ''
  return Object.hasOwn(LANGUAGES, chosen) ? [chosen, browser] : [browser]
}

const key = (k: string) => k as MessageKey

export function kindLabel(t: I18n['t'], kind: KindId): string {
  return t(key(`requests.kind.${kind}`))
}

export function kindExplain(t: I18n['t'], kind: KindId): string {
  return t(key(`requests.kind.${kind}.explain`))
}

/** A law's short name, region, explanation, authority and "check the current law" note. */
export function lawWords(i18n: I18n, law: Law) {
  const { t } = i18n
  const s = law.state
  if (s === undefined)
    return {
      short: t(key(`requests.law.${law.id}.short`)),
      region: t(key(`requests.law.${law.id}.region`)),
      explain: t(key(`requests.law.${law.id}.explain`)),
      authority: t(key(`requests.law.${law.id}.authority`)),
      verify: law.verify === undefined ? null : t(key(`requests.law.verify.${law.verify}`)),
    }
  const state = s.name
  const signal = s.signal
  const sentence =
    signal.rule === 'required' && signal.since !== undefined
      ? t(
          signal.gpc === true
            ? 'requests.law.signal.gpc-since'
            : 'requests.law.signal.required-since',
          {
            date: letterDate(signal.since, i18n.language),
          },
        )
      : t(key(`requests.law.signal.${signal.rule}`))
  return {
    short: t('requests.law.state.short', { state }),
    region: t('requests.law.state.region', { state }),
    explain: `${t('requests.law.state.explain', { state })} ${sentence}`,
    authority: t('requests.law.state.authority', { state }),
    verify:
      s.appealDays === undefined
        ? t('requests.law.verify.state-law')
        : t('requests.law.verify.state-law-appeal', { days: s.appealDays }),
  }
}
