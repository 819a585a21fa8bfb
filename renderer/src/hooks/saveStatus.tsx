import { createContext, useCallback, useContext, useMemo, useState, type ReactNode } from 'react';

export type SaveState = { kind: 'saved' } | { kind: 'pending' } | { kind: 'saving' } | { kind: 'failed'; message: string };

interface SaveStatusApi {
  report(id: string, state: SaveState | null): void;
  overall: SaveState;
}

const SaveStatusContext = createContext<SaveStatusApi>({ report: () => {}, overall: { kind: 'saved' } });

/**
 * Collects the state of every autosaving field on screen into one line: one failure
 * anywhere shows "Not saved", so an edit that did not reach the store is never shown
 * as saved.
 */
export function SaveStatusProvider({ children }: { children: ReactNode }) {
  const [states, setStates] = useState<ReadonlyMap<string, SaveState>>(new Map());
  const report = useCallback((id: string, state: SaveState | null) => {
    setStates((previous) => {
      const current = previous.get(id);
      if (state === null ? current === undefined : JSON.stringify(current) === JSON.stringify(state)) return previous;
      const next = new Map(previous);
      if (state === null) next.delete(id);
      else next.set(id, state);
      return next;
    });
  }, []);
  const overall = useMemo<SaveState>(() => {
    const all = [...states.values()];
    const failed = all.find((s): s is Extract<SaveState, { kind: 'failed' }> => s.kind === 'failed');
    if (failed) return failed;
    if (all.some((s) => s.kind === 'saving' || s.kind === 'pending')) return { kind: 'saving' };
    return { kind: 'saved' };
  }, [states]);
  const api = useMemo(() => ({ report, overall }), [report, overall]);
  return <SaveStatusContext.Provider value={api}>{children}</SaveStatusContext.Provider>;
}

export const useSaveStatus = () => useContext(SaveStatusContext);

export function SaveStatusLine() {
  const { overall } = useSaveStatus();
  const text = overall.kind === 'failed' ? `Not saved: ${overall.message}` : overall.kind === 'saved' ? 'Saved' : 'Saving…';
  return (
    <p className={`save-status save-${overall.kind}`} role="status" aria-live="polite" data-testid="save-status">
      {text}
    </p>
  );
}
