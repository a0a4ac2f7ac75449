import type { ComponentChildren } from 'preact'
import { useEffect, useRef } from 'preact/hooks'

/** An inline "are you sure?" with a danger button and a cancel button. */
export function ConfirmDialog({
  id,
  message,
  confirmLabel,
  confirmTestId,
  cancelLabel,
  onConfirm,
  onCancel,
}: {
  id: string
  message: ComponentChildren
  confirmLabel: string
  confirmTestId: string
  cancelLabel: string
  onConfirm: () => void
  onCancel: () => void
}) {
  // The button that opened the question is gone: the focus goes to the safe answer.
  const cancel = useRef<HTMLButtonElement>(null)
  useEffect(() => cancel.current?.focus(), [])
  return (
    <div role="alertdialog" aria-labelledby={id} class="confirm">
      <p id={id}>{message}</p>
      <button type="button" class="danger" data-testid={confirmTestId} onClick={onConfirm}>
        {confirmLabel}
      </button>{' '}
      <button type="button" class="secondary" ref={cancel} onClick={onCancel}>
        {cancelLabel}
      </button>
    </div>
  )
}
