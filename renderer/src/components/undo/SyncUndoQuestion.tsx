import { useCallback, useState } from 'react';
import type { ChangeSummary } from '../../../../domain/history';
import { andList } from '../../../../domain/vocabulary';
import { ConfirmDialog } from '../ConfirmDialog';


/**
 * Undoing a Sync takes teammates' work out of this copy, and the revert travels to them with the
 * next Sync as this reviewer's own edit: so it is asked first (issue 19, "Undo and history").
 * Any other change is undone at once, as everywhere. `ask(change, go)` settles when the undo ran
 * or the reviewer kept the Sync.
 */
export function useSyncUndoQuestion() {
  const [asking, setAsking] = useState<{ authors: readonly string[]; go: () => Promise<void>; done: () => void } | null>(null);
  const ask = useCallback(
    (change: Pick<ChangeSummary, 'syncedFrom'> | null, go: () => Promise<void>): Promise<void> =>
      change?.syncedFrom ? new Promise<void>((done) => setAsking({ authors: change.syncedFrom!, go, done })) : go(),
    [],
  );
  const question = asking && (
    <ConfirmDialog
      title="Undo the Sync?"
      confirmLabel="Undo the Sync"
      onCancel={() => {
        asking.done();
        setAsking(null);
      }}
      onConfirm={() => {
        setAsking(null);
        void asking.go().finally(asking.done);
      }}
    >
      <p>This takes what the Sync brought from {andList(asking.authors) || 'your teammates'} out of your copy of the project.</p>
      <p>Their own copies keep it. Your next Sync sends the undo to them as your edit, so they will see it go.</p>
    </ConfirmDialog>
  );
  return { ask, question };
}
