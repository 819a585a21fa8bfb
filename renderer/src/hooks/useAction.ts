import { useCallback, useState } from 'react';
import { errorMessage } from '../client';

/**
 * Runs a user action (a button, a toggle), then `onDone`; keeps the refusal's message
 * for the screen instead of throwing.
 */
export function useAction(onDone: () => void = () => {}) {
  const [error, setError] = useState<string | null>(null);
  const act = useCallback(
    async (action: () => Promise<unknown>) => {
      setError(null);
      try {
        await action();
        onDone();
      } catch (err) {
        setError(errorMessage(err));
      }
    },
    [onDone],
  );
  return { error, act };
}
