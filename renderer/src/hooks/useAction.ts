import { useCallback, useState } from 'react';
import { errorMessage } from '../client';

/**
 * Runs a user action (a button, a toggle), then `onDone`; keeps the refusal's message
 * (or the sentence saying what was done) for the screen instead of throwing.
 */
export function useAction(onDone: () => void = () => {}) {
  const [error, setError] = useState<string | null>(null);
  const [done, setDone] = useState<string | null>(null);
  const act = useCallback(
    async (action: () => Promise<unknown>, doneText?: string) => {
      setError(null);
      setDone(null);
      try {
        await action();
        if (doneText) setDone(doneText);
        onDone();
      } catch (err) {
        setError(errorMessage(err));
      }
    },
    [onDone],
  );
  return { error, done, act };
}
