import type { TaskState } from '@/ui/state/evidence-store'

/** The outcome of an export or a check, with the problems found and the chain head. */
export function TaskStatus({ state, testid }: { state: TaskState; testid: string }) {
  if (state.kind === 'idle') return null
  return (
    <div
      class={state.kind === 'failed' ? 'status error' : 'status'}
      role={state.kind === 'failed' ? 'alert' : 'status'}
      data-testid={testid}
      data-state={state.kind}
    >
      <p>{state.message}</p>
      {state.kind === 'failed' && state.problems !== undefined && (
        <ul data-testid={`${testid}-problems`}>
          {state.problems.map((p, i) => (
            <li key={i}>{p.message}</li>
          ))}
        </ul>
      )}
      {state.kind === 'done' && state.head !== undefined && (
        <p class="muted">
          Chain head (note it to prove later that the file is unchanged):{' '}
          <code data-testid={`${testid}-head`}>{state.head}</code>
        </p>
      )}
    </div>
  )
}
