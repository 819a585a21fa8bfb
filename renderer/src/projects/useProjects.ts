import { useCallback, useEffect, useState } from 'react';
import type { Project } from '../../../domain/project';
import { call, errorMessage } from '../client';

export type LoadState = { status: 'loading' } | { status: 'ready'; projects: Project[] } | { status: 'error'; message: string };

/** The project list, reloaded from the store after every change (the store is the truth). */
export function useProjects() {
  const [state, setState] = useState<LoadState>({ status: 'loading' });

  const reload = useCallback(async () => {
    try {
      setState({ status: 'ready', projects: await call('listProjects', {}) });
    } catch (error) {
      setState({ status: 'error', message: errorMessage(error) });
    }
  }, []);

  useEffect(() => {
    void reload();
  }, [reload]);

  return { state, reload };
}
