import { useCallback, useEffect, useState } from 'react';
import type { ChangeSummary, UndoResult, UndoState } from '../../../../domain/history';
import { call, errorMessage, onAnswered } from '../../client';
import { useDates } from '../../hooks/dates';
import { useRefresh } from '../../hooks/refresh';
import { useSaveStatus } from '../../hooks/saveStatus';
import { useToast } from '../../hooks/toast';
import type { Route } from '../../router';

/**
 * A change as the buttons and toasts name it: "Summary approved — Adopter 3, Quillmesh". Labels
 * are kept with stored dates; `showIn` writes them in the format of Settings.
 */
export function describeChange(change: Pick<ChangeSummary, 'label' | 'target'>, showIn: (text: string) => string): string {
  return showIn(change.target && !change.label.includes(change.target) ? `${change.label} — ${change.target}` : change.label);
}

/** The changes Undo walks back on this screen: its project's, or on the app's own screens the app-level ones. */
export function scopeOfRoute(route: Route): { projectId?: number } {
  return 'projectId' in route ? { projectId: route.projectId } : {};
}

/**
 * Undo and redo for the screen on show, each naming the change it would take back or make
 * again. The state is read again after every saved edit, refresh and move, so the buttons'
 * names are those of the change a click would reach.
 */
export function useUndoRedo(route: Route) {
  const scope = scopeOfRoute(route);
  const projectId = scope.projectId;
  const { generation, refresh } = useRefresh();
  const { overall } = useSaveStatus();
  const toast = useToast();
  const { showIn } = useDates();
  const [state, setState] = useState<UndoState>({ undo: null, redo: null });

  const reload = useCallback(() => {
    call('undoState', projectId === undefined ? {} : { projectId })
      .then(setState)
      .catch(() => setState({ undo: null, redo: null }));
  }, [projectId]);

  useEffect(reload, [reload, generation, overall.kind]);
  // Any change, from any screen: read again once the calls settle (the state's own reads excepted).
  useEffect(() => {
    let timer: ReturnType<typeof setTimeout> | undefined;
    const off = onAnswered((name) => {
      if (name === 'undoState' || name === 'recentChanges') return;
      clearTimeout(timer);
      timer = setTimeout(reload, 150);
    });
    return () => {
      clearTimeout(timer);
      off();
    };
  }, [reload]);

  const run = useCallback(
    async (kind: 'undo' | 'redo', step: () => Promise<UndoResult>) => {
      try {
        const result = await step();
        const named = describeChange(result, showIn);
        // Each toast offers the way back: after an undo, redo it; after a redo, undo it again.
        // The change's own project, which is not always the screen's (one chosen in the history list).
        const where = result.projectId === null ? {} : { projectId: result.projectId };
        const back = kind === 'undo' ? 'redo' : 'undo';
        toast({
          text: kind === 'undo' ? `Undone: ${named}` : `Redone: ${named}`,
          tone: 'info',
          action: { label: back === 'redo' ? 'Redo' : 'Undo', run: () => void run(back, () => call(back, where)) },
        });
      } catch (error) {
        toast({ text: errorMessage(error), tone: 'info' });
      }
      refresh();
      reload();
    },
    [refresh, reload, toast],
  );

  const target = projectId === undefined ? {} : { projectId };
  return {
    state,
    reload,
    // The store decides, not the names read for the buttons: those may lag a change just made
    // (a redo pressed right after an undo); with nothing to do it says so in the same words.
    undo: () => run('undo', () => call('undo', target)),
    redo: () => run('redo', () => call('redo', target)),
    undoChosen: (id: number) => run('undo', () => call('undoChange', { id })),
  };
}
