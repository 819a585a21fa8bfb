import { useId, useState } from 'react';
import type { Allowance } from '../../../../domain/allowance';
import { Dialog } from '../../components/Dialog';
import { useGuardActions } from './useGuardActions';
import { quoted } from './words';

/**
 * "Why is this allowed?": the note the TOC dossier prints beside the allowance, written in
 * a small dialog; saving is undoable from its toast like every guard action.
 */
export function AllowanceNote({ allowance, projectId }: { allowance: Allowance; projectId: number }) {
  const actions = useGuardActions(projectId);
  const [open, setOpen] = useState(false);
  const [note, setNote] = useState(allowance.note);
  const id = useId();
  const close = () => setOpen(false);
  const title = `Note for the allowance ${quoted(allowance.term)}`;
  return (
    <>
      <button
        type="button"
        className="small quiet"
        aria-label={`${allowance.note ? 'Edit the note' : 'Add a note'} for the allowance ${quoted(allowance.term)}`}
        onClick={() => {
          setNote(allowance.note);
          setOpen(true);
        }}
      >
        {allowance.note ? 'Edit note' : 'Add note'}
      </button>
      {open && (
        <Dialog title={title} onClose={close}>
          <form
            className="note-form"
            onSubmit={(event) => {
              event.preventDefault();
              void actions.note(allowance, note).then((saved) => saved && close());
            }}
          >
            <label htmlFor={id}>Why it is not a secret here (the TOC dossier shows it)</label>
            <input id={id} value={note} maxLength={500} onChange={(e) => setNote(e.target.value)} placeholder="e.g. the ordinary word, not the product" />
            <div className="toolbar">
              <button type="submit" className="primary">
                Save note
              </button>
              <button type="button" onClick={close}>
                Cancel
              </button>
            </div>
          </form>
        </Dialog>
      )}
    </>
  );
}
