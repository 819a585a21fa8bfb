import { useCallback, useRef } from 'react';

/**
 * Saves to one record one after another, each with the version the previous save
 * returned: several fields of the same record autosaving at once must not refuse each
 * other with CONFLICT. A change made elsewhere still does (the version will not match).
 */
export function useVersioned(initialVersion: number) {
  const version = useRef(initialVersion);
  const queue = useRef<Promise<unknown>>(Promise.resolve());
  return useCallback(<T extends { version: number }>(write: (version: number) => Promise<T>): Promise<T> => {
    const next = queue.current.catch(() => {}).then(async () => {
      const saved = await write(version.current);
      version.current = saved.version;
      return saved;
    });
    queue.current = next;
    return next;
  }, []);
}
