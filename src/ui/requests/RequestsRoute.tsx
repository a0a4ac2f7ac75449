/**
 * The Requests view of the dashboard: `#/requests` lists them, `#/requests/new?site=…` writes
 * one (optionally `&company=…`, or `&followUp=<id>&kind=reminder|complaint`), `#/requests/<id>`
 * follows one.
 */
import { useMemo } from 'preact/hooks'
import type { RequestsApi } from './api'
import { createDraftStore } from './draft-store'
import { createRequestListStore } from './list-store'
import { useI18n, usePreferredLanguages } from './i18n'
import { NewRequest } from './NewRequest'
import { RequestList } from './RequestList'
import { RequestView } from './RequestView'
import './requests.css'

export function isRequestsRoute(hash: string): boolean {
  return hash === '#/requests' || hash.startsWith('#/requests/') || hash.startsWith('#/requests?')
}

export function RequestsRoute({ api, hash }: { api: RequestsApi; hash: string }) {
  const { t } = useI18n()
  const preferred = usePreferredLanguages(api.locale)
  const list = useMemo(() => createRequestListStore(api), [api])
  // A fresh draft for every new-request address: choices never leak between sites. (The
  // languages are compared as text: the list is made anew on every render.)
  const languages = preferred.join()
  const draft = useMemo(() => createDraftStore(api, languages.split(',')), [api, hash, languages])
  const rest = hash.slice('#/requests'.length)
  if (rest.startsWith('/new')) {
    const q = new URLSearchParams(rest.slice(rest.indexOf('?') + 1))
    const site = q.get('site')
    if (site === null || site === '') return <p class="status">{t('requests.noSite')}</p>
    const followUp = Number(q.get('followUp'))
    return (
      <NewRequest
        store={draft}
        site={site}
        {...(q.get('company') === null ? {} : { company: q.get('company') ?? '' })}
        {...(Number.isSafeInteger(followUp) && followUp > 0 ? { followUp } : {})}
        {...(q.get('kind') === null ? {} : { kind: q.get('kind') ?? '' })}
      />
    )
  }
  const id = /^\/(\d+)$/.exec(rest)?.[1]
  if (id !== undefined) return <RequestView store={list} id={Number(id)} />
  return <RequestList store={list} />
}
