import { useId, useState } from 'react';
import { STAGES, STAGE_LABELS, type Stage } from '../../../../domain/vocabulary';
import type { PipelineRow } from '../../../../services/views';
import { call } from '../../client';
import { useToast } from '../../hooks/toast';
import { useUndoable } from '../../hooks/useUndoable';
import { adopters, namesOf } from './adopter-list';

/**
 * What can be done to the chosen adopters at once: move them to a stage, or to the trash.
 * Each is one change in the store, so the toast's one Undo puts every adopter back.
 */
export function BulkActions({ projectId, chosen, onDone }: { projectId: number; chosen: PipelineRow[]; onDone: () => void }) {
  const [stage, setStage] = useState<Stage>('contacted');
  const undoable = useUndoable();
  const toast = useToast();
  const id = useId();
  const adopterIds = chosen.map((r) => r.adopterId);
  const count = adopters(chosen.length);

  const move = async () => {
    const moving = chosen.filter((r) => r.stage !== stage);
    if (moving.length === 0) {
      toast({ text: `The ${count} chosen ${chosen.length === 1 ? 'is' : 'are'} at ${STAGE_LABELS[stage]} already; nothing changed.`, tone: 'info' });
      return;
    }
    const done = await undoable({
      run: () => call('moveAdopters', { projectId, adopterIds, stage }),
      done: (r) => `${adopters(r.count)} moved to ${STAGE_LABELS[stage]}: ${namesOf(moving)}.`,
      undo: (r) => call('undoChange', { id: r.changeId! }),
      undone: (r) => `${adopters(r.count)} back at the stage ${r.count === 1 ? 'it' : 'each'} had: ${namesOf(moving)}.`,
    });
    if (done) onDone();
  };

  const trash = async () => {
    const going = [...chosen];
    const done = await undoable({
      run: () => call('trashAdopters', { projectId, adopterIds }),
      done: (r) => `${adopters(r.count)} moved to the trash: ${namesOf(going)}.`,
      undo: (r) => call('undoChange', { id: r.changeId! }),
      undone: (r) => `${adopters(r.count)} back from the trash: ${namesOf(going)}.`,
    });
    if (done) onDone();
  };

  return (
    <div className="bulk-actions cluster" role="region" aria-label="Chosen adopters" data-testid="bulk-actions">
      <strong>{count} chosen</strong>
      <label htmlFor={`${id}-stage`}>Move to</label>
      <select id={`${id}-stage`} value={stage} onChange={(e) => setStage(e.target.value as Stage)}>
        {STAGES.map((s) => (
          <option key={s} value={s}>
            {STAGE_LABELS[s]}
          </option>
        ))}
      </select>
      <button type="button" className="small" onClick={() => void move()}>
        Move {count}
      </button>
      <button type="button" className="small danger" onClick={() => void trash()}>
        Move {count} to the trash
      </button>
      <button type="button" className="small quiet" onClick={onDone}>
        Clear the choice
      </button>
    </div>
  );
}
