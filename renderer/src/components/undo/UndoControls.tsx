import { useEffect, useState } from 'react';
import { useDates } from '../../hooks/dates';
import { isTyping } from '../../keyboard';
import type { Route } from '../../router';
import { HistoryDialog } from './HistoryDialog';
import { useSyncUndoQuestion } from './SyncUndoQuestion';
import { describeChange, useUndoRedo } from './useUndoRedo';

/**
 * Undo, Redo and the list of recent changes, in the header. Each button says what it would
 * do ("Undo: Summary approved — Adopter 3, Quillmesh") and is off when there is nothing to
 * do here. Ctrl+Z, Ctrl+Shift+Z and Ctrl+Y do the same outside a text field (inside one they
 * undo typing, as everywhere).
 */
export function UndoControls({ route }: { route: Route }) {
  const { state, reload, undo, redo, undoChosen } = useUndoRedo(route);
  const { showIn } = useDates();
  const [listOpen, setListOpen] = useState(false);
  const { ask, question } = useSyncUndoQuestion();
  const undoHere = () => ask(state.undo, undo);

  useEffect(() => {
    const onKey = (event: KeyboardEvent) => {
      if (!(event.ctrlKey || event.metaKey) || isTyping(event.target)) return;
      const key = event.key.toLowerCase();
      if (key === 'z' && !event.shiftKey) {
        event.preventDefault();
        void undoHere();
      } else if ((key === 'z' && event.shiftKey) || key === 'y') {
        event.preventDefault();
        void redo();
      }
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [undoHere, redo]);

  const undoName = state.undo ? `Undo: ${describeChange(state.undo, showIn)}` : 'Nothing to undo here';
  const redoName = state.redo ? `Redo: ${describeChange(state.redo, showIn)}` : 'Nothing to redo here';
  return (
    <>
      <span className="undo-controls" role="group" aria-label="Undo">
        <button type="button" onClick={() => void undoHere()} onFocus={reload} onMouseEnter={reload} disabled={!state.undo} title={undoName} aria-label={undoName} aria-keyshortcuts="Control+Z">
          Undo
        </button>
        <button type="button" onClick={() => void redo()} onFocus={reload} onMouseEnter={reload} disabled={!state.redo} title={redoName} aria-label={redoName} aria-keyshortcuts="Control+Shift+Z Control+Y">
          Redo
        </button>
        <button type="button" onClick={() => setListOpen(true)} title="Recent changes of every project" aria-haspopup="dialog">
          History
        </button>
      </span>
      {listOpen && <HistoryDialog onClose={() => setListOpen(false)} onUndo={(change) => ask(change, () => undoChosen(change.id))} />}
      {question}
    </>
  );
}
