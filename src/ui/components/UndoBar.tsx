import { useEffect, useRef } from 'preact/hooks'
import type { I18n } from '@/ui/i18n'
import { deletedText } from '@/ui/deletion-words'
import type { UndoStore } from '@/ui/state/undo-store'
import './manage.css'

/** Seconds a message stays once the deletion is final or undone, unless it has the focus. */
const LINGER_MS = 6000

/**
 * The undo window after a deletion: what was removed, an Undo button with the seconds left,
 * then what became of it. The message is a live region (role=status), present from the start
 * so screen readers announce each change once; the countdown itself is not announced.
 */
export function UndoBar({
  store,
  i18n,
  focusAfter,
}: {
  store: UndoStore
  i18n: I18n
  /** Where the focus goes when the bar closes while it had it. */
  focusAfter?: () => void
}) {
  const { t, tn } = i18n
  const s = store.state.value
  const bar = useRef<HTMLDivElement>(null)
  const undoButton = useRef<HTMLButtonElement>(null)
  const closeButton = useRef<HTMLButtonElement>(null)
  const hadFocus = useRef(false)

  // The person just deleted: the button they pressed is gone, so the focus goes to Undo.
  const focusUndo = s.kind === 'offered' && s.focus ? s.pending.id : null
  useEffect(() => {
    if (focusUndo !== null) undoButton.current?.focus()
  }, [focusUndo])

  // Undo pressed or the window closed: the focus moves on to Close, if it was in the bar.
  useEffect(() => {
    const gone = document.activeElement === document.body || document.activeElement === null
    if (s.kind !== 'offered' && s.kind !== 'idle' && (hadFocus.current || gone))
      closeButton.current?.focus()
  }, [s.kind])

  // A final message goes away by itself, unless the person is reading it with the keyboard.
  useEffect(() => {
    if (s.kind !== 'final' && s.kind !== 'restored') return
    const timer = setTimeout(() => {
      if (!hadFocus.current) store.dismiss()
    }, LINGER_MS)
    return () => clearTimeout(timer)
  }, [s.kind, store])

  const close = () => {
    const refocus = hadFocus.current
    hadFocus.current = false
    store.dismiss()
    if (refocus) focusAfter?.()
  }

  let message = ''
  if (s.kind !== 'idle') {
    const what = deletedText(i18n, s.pending.scope, s.pending.summary)
    if (s.kind === 'offered') message = `${what} ${tn('undo.hint', s.window)}`
    else if (s.kind === 'undoing') message = t('undo.working')
    else if (s.kind === 'restored') message = t('undo.restored')
    else if (s.kind === 'final') message = `${what} ${t(s.late ? 'undo.expired' : 'undo.final')}`
    else message = t('undo.failed', { message: s.message })
  }

  return (
    <div
      ref={bar}
      class={`undo-bar${s.kind === 'idle' ? '' : ' open'}`}
      role="region"
      aria-label={t('undo.label')}
      data-testid="undo-bar"
      data-state={s.kind}
      onFocusIn={() => (hadFocus.current = true)}
      onFocusOut={(e) => {
        if (!bar.current?.contains(e.relatedTarget as Node | null)) hadFocus.current = false
      }}
    >
      <p role="status" class="undo-message" data-testid="undo-status">
        {message}
      </p>
      {s.kind === 'offered' && (
        <button
          type="button"
          ref={undoButton}
          class="undo-button"
          data-testid="undo"
          onClick={() => void store.undo()}
        >
          {t('undo.button')}{' '}
          <span class="undo-left" aria-hidden="true">
            {t('undo.left', { n: s.left })}
          </span>
        </button>
      )}
      {s.kind !== 'idle' && s.kind !== 'offered' && s.kind !== 'undoing' && (
        <button
          type="button"
          ref={closeButton}
          class="secondary"
          data-testid="undo-close"
          onClick={close}
        >
          {t('undo.close')}
        </button>
      )}
    </div>
  )
}
