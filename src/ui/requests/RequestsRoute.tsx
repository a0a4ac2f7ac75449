/**
 * The Requests view of the dashboard: `#/requests` lists them, `#/requests/new?site=…` writes
 * one (optionally `&company=…`, or `&followUp=<id>&kind=reminder|complaint`), `#/requests/<id>`
 * follows one.
 */
import { useMemo } from 'preact/hooks'
import type { RequestsApi } from './api'
import { createDraftStore } from './draft-store'
import { createRequestListStore } from './list-store'
import { NewRequest } from './NewRequest'
import { RequestList } from './RequestList'
import { RequestView } from './RequestView'
import './requests.css'

export function isRequestsRoute(hash: string): boolean {
  return hash === '#/requests' || hash.startsWith('#/requests/') || hash.startsWith('#/requests?')
}

export function RequestsRoute({ api, hash }: { api: RequestsApi; hash: string }) {
  const list = useMemo(() => createRequestListStore(api), [api])
  // A fresh draft for every new-request address: choices never leak between sites.
  const draft = useMemo(() => createDraftStore(api), [api, hash])
  const rest = hash.slice('#/requests'.length)
  if (rest.startsWith('/new')) {
    const q = new URLSearchParams(rest.slice(rest.indexOf('?') + 1))
    const site = q.get('site')
    if (site === null || site === '')
      return (
        <p class="status">
          Open a site’s page in Tracelight and choose “Ask this company for your data”.
        </p>
      )
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
