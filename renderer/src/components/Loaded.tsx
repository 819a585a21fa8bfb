import type { ReactNode } from 'react';
import type { Loaded } from '../hooks/useOp';

/** Loading text, an error with a retry, or the content. */
export function LoadedView<T>({ state, retry, children }: { state: Loaded<T>; retry: () => void; children: (value: T) => ReactNode }) {
  if (state.status === 'loading') return <p className="muted">Loading…</p>;
  if (state.status === 'error') {
    return (
      <div className="card error-card" role="alert">
        <p>{state.message}</p>
        <button type="button" onClick={retry}>
          Try again
        </button>
      </div>
    );
  }
  return <>{children(state.value)}</>;
}
