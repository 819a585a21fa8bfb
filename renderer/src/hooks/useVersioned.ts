import { useCallback, useEffect, useId, useRef } from 'react';
import { errorMessage } from '../client';
import { useSaveStatus } from './saveStatus';

/**
 * Saves to one record one after another, each with the version the previous save
 * returned: several fields of the same record autosaving at once must not refuse each
 * other with CONFLICT. A change made elsewhere still does (the version will not match).
 *
 * Every save also reaches the window's one save line: a choice saved at once (a select, a
 * checkbox) says "Saving…" then "Saved" like a typed field, and a refused one "Not saved: …"
 * until a later save of the record gets through.
 */
export function useVersioned(initialVersion: number) {
  const version = useRef(initialVersion);
  const queue = useRef<Promise<unknown>>(Promise.resolve());
  const running = useRef(0);
  const { report } = useSaveStatus();
  const id = useId();
  useEffect(() => () => report(id, null), [report, id]);
  return useCallback(
    <T extends { version: number }>(write: (version: number) => Promise<T>): Promise<T> => {
      running.current += 1;
      report(id, { kind: 'saving' });
      const next = queue.current.catch(() => {}).then(async () => {
        const saved = await write(version.current);
        version.current = saved.version;
        return saved;
      });
      queue.current = next;
      next.then(
        () => {
          running.current -= 1;
          if (running.current === 0) report(id, null);
        },
        (error: unknown) => {
          running.current -= 1;
          report(id, { kind: 'failed', message: errorMessage(error) });
        },
      );
      return next;
    },
    [report, id],
  );
}
