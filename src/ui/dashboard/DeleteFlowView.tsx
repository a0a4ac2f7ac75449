import type { ComponentChildren } from 'preact'
import { useEffect, useRef } from 'preact/hooks'
import type { DeleteSummary } from '@/db/schema'
import type { DeleteRequest } from '@/messages'
import { ConfirmDialog } from '@/ui/components/ConfirmDialog'
import { summaryWords } from '@/ui/deletion-words'
import type { DeleteFlow } from '@/ui/state/delete-flow'
import { useDashboard } from './context'

/**
 * A "delete …" button with its steps: counting, the question with the numbers, deleting, and
 * what happened (the undo itself is offered by the undo bar). `ask` returns what to delete,
 * or null when the form around it is not filled in right (it then says why).
 */
export function DeleteFlowView({
  flow,
  label,
  testid,
  ask,
  question,
  done,
  confirmLabel,
  children,
}: {
  flow: DeleteFlow
  label: string
  testid: string
  ask: () => DeleteRequest | null
  question: (summary: DeleteSummary, scope: DeleteRequest) => string
  done?: string
  /** The answer that deletes, when "Yes, delete it" would say too little. */
  confirmLabel?: string
  /** Inputs shown above the button (a date range). */
  children?: ComponentChildren
}) {
  const { i18n } = useDashboard()
  const { t } = i18n
  const s = flow.state.value
  const trigger = useRef<HTMLButtonElement>(null)
  const refocus = useRef(false)
  useEffect(() => {
    if (s.kind === 'idle' && refocus.current) trigger.current?.focus()
    refocus.current = false
  }, [s.kind])

  const asking = s.kind === 'confirm' || s.kind === 'working'
  return (
    <div class="delete-flow" data-testid={testid}>
      {children}
      {!asking && (
        <button
          type="button"
          class="danger"
          ref={trigger}
          data-testid={`${testid}-button`}
          disabled={s.kind === 'checking'}
          onClick={() => {
            const scope = ask()
            if (scope !== null) void flow.ask(scope)
          }}
        >
          {label}
        </button>
      )}
      {s.kind === 'confirm' && (
        <ConfirmDialog
          id={`${testid}-question`}
          message={`${question(s.summary, s.scope)} ${t('delete.undoNote')}`}
          confirmLabel={confirmLabel ?? t('delete.yes')}
          confirmTestId={`${testid}-confirm`}
          cancelLabel={t('common.cancel')}
          onConfirm={() => void flow.confirm()}
          onCancel={() => {
            refocus.current = true
            flow.cancel()
          }}
        />
      )}
      <p class="muted flow-status" role="status" data-testid={`${testid}-status`}>
        {s.kind === 'checking' && t('delete.checking')}
        {s.kind === 'working' &&
          (s.moved === null || s.moved.findings + s.moved.visits === 0
            ? t('delete.working')
            : t('delete.progress', {
                done: summaryWords(i18n, s.moved).findings,
                total: summaryWords(i18n, s.summary).findings,
              }))}
        {s.kind === 'nothing' && t('delete.nothing')}
        {s.kind === 'done' && done}
      </p>
      {s.kind === 'failed' && (
        <p class="status error" role="alert">
          {t('delete.failed', { message: s.message })}
        </p>
      )}
    </div>
  )
}
