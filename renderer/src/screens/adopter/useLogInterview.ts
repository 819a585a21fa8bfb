import { STAGE_LABELS, type Stage } from '../../../../domain/vocabulary';
import { call } from '../../client';
import { useUndoable } from '../../hooks/useUndoable';
import { navigate } from '../../router';

interface Subject {
  projectId: number;
  adopterId: number;
  /** "Adopter 2 – Hooli": how the toast names it. */
  name: string;
  stage: Stage;
}

/**
 * "Log an interview": the interview is created and, when the adopter was not interviewed yet,
 * it moves to Interviewed in the same change. The toast says both, and its Undo takes back
 * both (that change itself), returning to the adopter.
 */
export function useLogInterview({ projectId, adopterId, name, stage }: Subject) {
  const undoable = useUndoable();
  return async () => {
    let interviewId: number | null = null;
    await undoable({
      run: async () => {
        const interview = await call('createInterview', { adopterId });
        interviewId = interview.id;
        const [after, state] = await Promise.all([call('getAdopter', { id: adopterId }), call('undoState', { projectId })]);
        // The project's newest change is this one, read right after it was made.
        const changeId = state.undo?.label === 'Log interview' ? state.undo.id : null;
        return { interviewId: interview.id, moved: after.adopter.stage !== stage ? after.adopter.stage : null, changeId };
      },
      done: (r) => (r.moved ? `Interview logged; ${name} moved from ${STAGE_LABELS[stage]} to ${STAGE_LABELS[r.moved]}.` : `Interview logged for ${name}.`),
      undo: async (r) => {
        // Away from the interview first: its screen must not outlive it, and the move (a new
        // screen) must come before the toast that says what Undo did, or it would clear it.
        navigate({ name: 'adopter', projectId, adopterId });
        if (r.changeId !== null) await call('undoChange', { id: r.changeId });
        else await call('deleteInterview', { id: r.interviewId });
      },
      undone: (r) => (r.moved ? `The interview is taken back; ${name} is at ${STAGE_LABELS[stage]} again.` : `The interview is taken back.`),
    });
    if (interviewId !== null) navigate({ name: 'interview', projectId, adopterId, interviewId });
  };
}
