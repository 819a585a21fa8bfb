import { useCallback, useEffect, useId, useRef, useState } from 'react';
import { DeskCallError, errorMessage } from '../client';
import { useSaveStatus, type SaveState } from './saveStatus';

export const AUTOSAVE_DELAY_MS = 500;
const RETRY_MS = 2000;

/**
 * Keeps a field's text in the component and saves it 500 ms after the last keystroke.
 * A failed save keeps the text and says why; when the store was unreachable it retries
 * until it gets through. `save` receives the text and returns once the store has it.
 */
export function useAutosave(initial: string, save: (value: string) => Promise<void>, delay = AUTOSAVE_DELAY_MS) {
  const [value, setValue] = useState(initial);
  const [state, setState] = useState<SaveState>({ kind: 'saved' });
  const id = useId();
  const { report } = useSaveStatus();
  const latest = useRef(initial);
  const saved = useRef(initial);
  const saving = useRef(false);
  const timer = useRef<ReturnType<typeof setTimeout> | undefined>(undefined);
  const saveRef = useRef(save);
  saveRef.current = save;

  const flush = useCallback(async () => {
    clearTimeout(timer.current);
    if (saving.current || latest.current === saved.current) return;
    saving.current = true;
    const attempt = latest.current;
    setState({ kind: 'saving' });
    try {
      await saveRef.current(attempt);
      saved.current = attempt;
      saving.current = false;
      if (latest.current !== saved.current) void flush();
      else setState({ kind: 'saved' });
    } catch (error) {
      saving.current = false;
      setState({ kind: 'failed', message: errorMessage(error) });
      // The store was out of reach (not a refusal): try again until it answers.
      if (error instanceof DeskCallError && error.code === 'UNREACHABLE') timer.current = setTimeout(() => void flush(), RETRY_MS);
    }
  }, []);

  const change = useCallback(
    (next: string) => {
      latest.current = next;
      setValue(next);
      clearTimeout(timer.current);
      if (next === saved.current) {
        if (!saving.current) setState({ kind: 'saved' });
        return;
      }
      setState((s) => (s.kind === 'failed' ? s : { kind: 'pending' }));
      timer.current = setTimeout(() => void flush(), delay);
    },
    [delay, flush],
  );

  useEffect(() => {
    report(id, state.kind === 'saved' ? null : state);
  }, [id, report, state]);

  // Leaving the screen saves what is pending instead of dropping it.
  useEffect(
    () => () => {
      clearTimeout(timer.current);
      if (latest.current !== saved.current && !saving.current) void saveRef.current(latest.current).catch(() => {});
      report(id, null);
    },
    [id, report],
  );

  return { value, change, flush, state };
}
