import { createContext, useCallback, useContext, useEffect, useMemo, useRef, useState, type ReactNode } from 'react';
import { DeskCallError, errorMessage } from '../client';

export type SaveState =
  /** Nothing edited yet in this window: the line says nothing rather than "Saved". */
  | { kind: 'idle' }
  | { kind: 'saved' }
  | { kind: 'pending' }
  | { kind: 'saving' }
  /** `retrying`: a failed edit being tried again; it stays failed (and shown) until it gets through. */
  | { kind: 'failed'; message: string; retrying?: boolean };

/**
 * An edit whose field left the screen before it was saved (the reviewer moved on within
 * the autosave delay, or while the store was out of reach). The provider finishes it.
 */
export interface OrphanEdit {
  /** The field's label, to say which edit in plain words. */
  label: string;
  text: string;
  save: (text: string) => Promise<void>;
  /** A save of this field still running when it left; the orphan waits for it first. */
  inFlight: Promise<unknown> | null;
  /** True once the store holds `text` (that save may have been enough). */
  isSaved: () => boolean;
}

export interface OrphanState {
  id: number;
  label: string;
  text: string;
  state: Extract<SaveState, { kind: 'saving' } | { kind: 'failed' }>;
}

interface SaveStatusApi {
  report(id: string, state: SaveState | null): void;
  /** Takes over an unsaved edit from a field that is leaving the screen. */
  adopt(edit: OrphanEdit): void;
  /** Orphaned edits not saved yet, oldest first. */
  orphans: readonly OrphanState[];
  retry(id: number): void;
  /** Drops the edit; returns it so an Undo can hand it back to `adopt`. */
  discard(id: number): OrphanEdit | null;
  overall: SaveState;
}

const SaveStatusContext = createContext<SaveStatusApi>({
  report: () => {},
  adopt: () => {},
  orphans: [],
  retry: () => {},
  discard: () => null,
  overall: { kind: 'idle' },
});

const RETRY_MS = 2000;

/**
 * Collects the state of every autosaving field on screen into one line: one failure
 * anywhere shows "Not saved", so an edit that did not reach the store is never shown
 * as saved. Edits whose field has left the screen stay here until they are saved
 * (retried while the store is out of reach) or the reviewer discards them.
 */
export function SaveStatusProvider({ children, retryMs = RETRY_MS }: { children: ReactNode; retryMs?: number }) {
  const [states, setStates] = useState<ReadonlyMap<string, SaveState>>(new Map());
  const [orphans, setOrphans] = useState<readonly OrphanState[]>([]);
  // "Saved" is said only once something was: a window just opened has nothing to report.
  const [edited, setEdited] = useState(false);
  const edits = useRef(new Map<number, OrphanEdit & { timer?: ReturnType<typeof setTimeout>; failure?: string; running?: boolean }>());
  const nextId = useRef(1);

  const report = useCallback((id: string, state: SaveState | null) => {
    if (state && state.kind !== 'saved' && state.kind !== 'idle') setEdited(true);
    setStates((previous) => {
      const current = previous.get(id);
      if (state === null ? current === undefined : JSON.stringify(current) === JSON.stringify(state)) return previous;
      const next = new Map(previous);
      if (state === null) next.delete(id);
      else next.set(id, state);
      return next;
    });
  }, []);

  const setOrphan = useCallback((id: number, state: OrphanState['state'] | null) => {
    const edit = edits.current.get(id);
    if (state === null || !edit) {
      edits.current.delete(id);
      setOrphans((previous) => previous.filter((o) => o.id !== id));
      return;
    }
    setOrphans((previous) => {
      const entry = { id, label: edit.label, text: edit.text, state };
      return previous.some((o) => o.id === id) ? previous.map((o) => (o.id === id ? entry : o)) : [...previous, entry];
    });
  }, []);

  const attempt = useCallback(
    async (id: number) => {
      const edit = edits.current.get(id);
      if (!edit || edit.running) return; // one save of an edit at a time
      edit.running = true;
      clearTimeout(edit.timer);
      // A failed edit stays on screen while it is tried again: the reviewer may be copying it.
      setOrphan(id, edit.failure === undefined ? { kind: 'saving' } : { kind: 'failed', message: edit.failure, retrying: true });
      try {
        await edit.inFlight?.catch(() => {});
        edit.inFlight = null;
        if (!edit.isSaved()) await edit.save(edit.text);
        setOrphan(id, null);
      } catch (error) {
        if (!edits.current.has(id)) return; // discarded meanwhile
        edit.failure = errorMessage(error);
        setOrphan(id, { kind: 'failed', message: edit.failure });
        // Out of reach (not a refusal): keep trying until the store answers.
        if (error instanceof DeskCallError && error.code === 'UNREACHABLE') edit.timer = setTimeout(() => void attempt(id), retryMs);
      } finally {
        edit.running = false;
      }
    },
    [setOrphan, retryMs],
  );

  const adopt = useCallback(
    (edit: OrphanEdit) => {
      const id = nextId.current++;
      setEdited(true);
      edits.current.set(id, { ...edit });
      void attempt(id);
    },
    [attempt],
  );

  const retry = useCallback((id: number) => void attempt(id), [attempt]);
  const discard = useCallback(
    (id: number): OrphanEdit | null => {
      const edit = edits.current.get(id);
      clearTimeout(edit?.timer);
      setOrphan(id, null);
      return edit ? { label: edit.label, text: edit.text, save: edit.save, inFlight: null, isSaved: edit.isSaved } : null;
    },
    [setOrphan],
  );

  // Nothing is retried after the app has gone.
  useEffect(() => {
    const pending = edits.current;
    return () => pending.forEach((edit) => clearTimeout(edit.timer));
  }, []);

  const overall = useMemo<SaveState>(() => {
    const all = [...states.values(), ...orphans.map((o) => o.state)];
    const failed = all.find((s): s is Extract<SaveState, { kind: 'failed' }> => s.kind === 'failed');
    if (failed) return failed;
    if (all.some((s) => s.kind === 'saving' || s.kind === 'pending')) return { kind: 'saving' };
    return edited ? { kind: 'saved' } : { kind: 'idle' };
  }, [states, orphans, edited]);
  const api = useMemo(() => ({ report, adopt, orphans, retry, discard, overall }), [report, adopt, orphans, retry, discard, overall]);
  return <SaveStatusContext.Provider value={api}>{children}</SaveStatusContext.Provider>;
}

export const useSaveStatus = () => useContext(SaveStatusContext);

export function SaveStatusLine() {
  const { overall } = useSaveStatus();
  const text = overall.kind === 'failed' ? `Not saved: ${overall.message}` : overall.kind === 'saved' ? 'Saved' : overall.kind === 'idle' ? '' : 'Saving…';
  return (
    <p className={`save-status save-${overall.kind}`} role="status" aria-live="polite" data-testid="save-status">
      {text}
    </p>
  );
}
