import { useCallback } from 'react';
import { errorMessage } from '../client';
import { useRefresh } from './refresh';
import { useToast } from './toast';

/** A change the reviewer can take back from its toast. */
export interface UndoableStep<T> {
  run: () => Promise<T>;
  /** What was done, naming it: "Allowed ‘payment’ for Adopter 2 — only in its entry." */
  done: (value: T) => string;
  undo: (value: T) => Promise<unknown>;
  /** What the Undo put back: "Withdrawn: ‘payment’ for Adopter 2." */
  undone: (value: T) => string;
}

/**
 * Runs a change, says in a toast what it did with an Undo, and has every screen reload
 * from the store; a refusal is shown in the toast in plain words, and nothing changes.
 * Undo takes back this change itself (not "the last change", which may be another by then).
 */
export function useUndoable() {
  const toast = useToast();
  const { refresh } = useRefresh();
  return useCallback(
    async <T>(step: UndoableStep<T>): Promise<boolean> => {
      let value: T;
      try {
        value = await step.run();
      } catch (error) {
        toast({ text: errorMessage(error), tone: 'error' });
        return false;
      }
      refresh();
      const undo = async () => {
        try {
          await step.undo(value);
          toast({ text: step.undone(value), tone: 'info' });
        } catch (error) {
          toast({ text: errorMessage(error), tone: 'error' });
        }
        refresh();
      };
      toast({ text: step.done(value), tone: 'info', action: { label: 'Undo', run: () => void undo() } });
      return true;
    },
    [toast, refresh],
  );
}
