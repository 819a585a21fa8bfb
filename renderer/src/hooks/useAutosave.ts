import { useCallback, useEffect, useId, useRef, useState } from 'react';
import { DeskCallError, errorMessage } from '../client';
import { useSaveStatus, type SaveState } from './saveStatus';

export const AUTOSAVE_DELAY_MS = 500;
const RETRY_MS = 2000;

/**
 * Keeps a field's text in the component and saves it 500 ms after the last keystroke.
 * A failed save keeps the text and says why; when the store was unreachable it retries
 * until it gets through. `save` receives the text and returns once the store has it.
 * When the field leaves the screen with its text not saved yet, the edit is handed to
 * the save-status provider, which finishes it and, if it fails, says so app-wide.
 * `label` names the field in that message.
 */
export function useAutosave(initial: string, save: (value: string) => Promise<void>, label: string, delay = AUTOSAVE_DELAY_MS) {
  const [value, setValue] = useState(initial);
  const [state, setState] = useState<SaveState>({ kind: 'saved' });
  const id = useId();
  const { report, adopt } = useSaveStatus();
  const latest = useRef(initial);
  const saved = useRef(initial);
  const saving = useRef(false);
  const timer = useRef<ReturnType<typeof setTimeout> | undefined>(undefined);
  const saveRef = useRef(save);
  saveRef.current = save;
  const labelRef = useRef(label);
  labelRef.current = label;
  /** The save running now, if any: an edit handed over at unmount waits for it. */
  const inFlight = useRef<Promise<void> | null>(null);
  const mounted = useRef(true);

  const flush = useCallback(async () => {
    clearTimeout(timer.current);
    if (saving.current || latest.current === saved.current) return;
    saving.current = true;
    const attempt = latest.current;
    setState({ kind: 'saving' });
    const running = saveRef.current(attempt);
    inFlight.current = running;
    try {
      await running;
      saved.current = attempt;
      saving.current = false;
      inFlight.current = null;
      // Once the field has left, newer text belongs to the handed-over edit, not to this chain.
      if (!mounted.current) return;
      if (latest.current !== saved.current) void flush();
      else setState({ kind: 'saved' });
    } catch (error) {
      saving.current = false;
      inFlight.current = null;
      if (!mounted.current) return;
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

  // Leaving the screen hands what is not saved yet to the provider instead of dropping it.
  useEffect(() => {
    mounted.current = true;
    return () => {
      mounted.current = false;
      clearTimeout(timer.current);
      report(id, null);
      const text = latest.current;
      // A save still running may store text the field no longer shows (typed, then undone):
      // the provider waits for it and saves the shown text again if it differs.
      if (text === saved.current && !inFlight.current) return;
      adopt({ label: labelRef.current, text, save: saveRef.current, inFlight: inFlight.current, isSaved: () => saved.current === text });
    };
  }, [id, report, adopt]);

  return { value, change, flush, state };
}
