import type { ComponentType, JSX } from 'preact'
import { useEffect, useState } from 'preact/hooks'
import { useDashboard } from '@/ui/dashboard/context'
import { errorText } from '@/ui/state/dashboard-api'

/** What a lazily loaded view shows while its code is fetched, or if that failed. */
export type LazyStatus = { kind: 'loading' } | { kind: 'error'; message: string }

/**
 * A view whose code is fetched the first time it is shown, so that a page's first screen does
 * not wait for the code of views the person may never open. Fetched once; later renders are
 * immediate. `status` renders the short wait (in the page's language) and the rare failure (an
 * extension updated while the page was open).
 */
export function lazyView<P extends object>(
  load: () => Promise<ComponentType<P>>,
  status: (s: LazyStatus) => JSX.Element,
): ComponentType<P> {
  let loaded: ComponentType<P> | null = null
  let loading: Promise<ComponentType<P>> | null = null
  const fetchOnce = () =>
    (loading ??= load().then(
      (view) => (loaded = view),
      (e: unknown) => {
        loading = null // a later visit tries again
        throw e
      },
    ))
  return function Lazy(props: P) {
    const [view, setView] = useState<ComponentType<P> | LazyStatus>(
      () => loaded ?? { kind: 'loading' },
    )
    useEffect(() => {
      if (typeof view === 'function' || view.kind !== 'loading') return
      let current = true
      fetchOnce().then(
        (v) => current && setView(() => v),
        (e: unknown) => current && setView({ kind: 'error', message: errorText(e) }),
      )
      return () => {
        current = false
      }
    }, [view])
    if (typeof view !== 'function') return status(view)
    const View = view
    return <View {...props} />
  }
}

/** The dashboard's words for a view still being fetched, or one that could not be. */
export function DashboardLazyStatus({ status }: { status: LazyStatus }) {
  const { t } = useDashboard().i18n
  return status.kind === 'loading' ? (
    <p class="status">{t('common.loading')}</p>
  ) : (
    <p class="status error" role="alert">
      {t('common.loadError', { message: status.message })}
    </p>
  )
}

export const dashboardStatus = (status: LazyStatus) => <DashboardLazyStatus status={status} />
