import { useCallback, useEffect, useRef, useState } from 'react';
import type { InputOf, OperationName, OutputOf } from '../../../services/contract';
import { call, errorMessage } from '../client';

export type Loaded<T> = { status: 'loading' } | { status: 'ready'; value: T } | { status: 'error'; message: string };

/**
 * Reads one operation's result and keeps it until `reload()`. The store is the truth:
 * after a change the screen reloads instead of patching its own copy.
 */
export function useOp<K extends OperationName>(name: K, input: InputOf<K>, deps: readonly unknown[] = []) {
  const [state, setState] = useState<Loaded<OutputOf<K>>>({ status: 'loading' });
  const inputRef = useRef(input);
  inputRef.current = input;
  const generation = useRef(0);

  const reload = useCallback(async () => {
    const mine = ++generation.current;
    try {
      const value = await call(name, inputRef.current);
      if (mine === generation.current) setState({ status: 'ready', value });
    } catch (error) {
      if (mine === generation.current) setState({ status: 'error', message: errorMessage(error) });
    }
  }, [name, ...deps]);

  useEffect(() => {
    void reload();
  }, [reload]);

  return { state, reload };
}
