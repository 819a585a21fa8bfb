import { useId, useState, type FormEvent } from 'react';
import type { InterviewDetail } from '../../../../services/views';
import { call } from '../../client';
import { useAction } from '../../hooks/useAction';
import { Outcome } from '../../components/Outcome';
import { useUndoable } from '../../hooks/useUndoable';

type Participant = InterviewDetail['participants'][number];

/** `where`: "Adopter 1 – Acme Corp, Globex Mesh", so a removal's toast says where it happened. */
export function Participants({ detail, onChanged, where }: { detail: InterviewDetail; onChanged: () => void; where: string }) {
  const undoable = useUndoable();
  const interviewName = `the interview of ${detail.interview.date ?? detail.interview.month ?? 'no date yet'} (${where})`;
  /** At once, with an Undo that adds the same person back with the same anonymity. */
  const remove = (p: Participant) =>
    undoable({
      run: () => call('removeParticipant', { id: p.id }),
      done: () => `Removed ${p.person.name} from ${interviewName}.`,
      undo: () => call('addParticipant', { interviewId: detail.interview.id, personId: p.personId, anonymous: p.anonymous }),
      undone: () => `${p.person.name} is back in ${interviewName}.`,
    });
  const [name, setName] = useState('');
  const [role, setRole] = useState('');
  const [anonymous, setAnonymous] = useState(false);
  const id = useId();
  const { error, act } = useAction(onChanged);
  async function add(event: FormEvent) {
    event.preventDefault();
    await act(async () => {
      await call('addInterviewee', { interviewId: detail.interview.id, name, ...(role ? { role } : {}), anonymous });
      setName('');
      setRole('');
      setAnonymous(false);
    });
  }
  return (
    <section className="card" aria-labelledby={`${id}-t`}>
      <h3 id={`${id}-t`}>Interviewees</h3>
      {detail.participants.length === 0 ? <p className="muted">Nobody recorded yet.</p> : (
        <ul className="participants">
          {detail.participants.map((p) => (
            <li key={p.id}>
              <span>
                {p.person.name}
                {/* The role this interview recorded (an imported DD's words) comes before the person's own. */}
                {(p.role ?? p.person.role) ? `, ${p.role ?? p.person.role}` : ''}
              </span>
              <label className="checkbox">
                <input
                  type="checkbox"
                  checked={p.anonymous}
                  onChange={(e) => void act(() => call('updateParticipant', { id: p.id, version: p.version, anonymous: e.target.checked }))}
                />{' '}
                Anonymous
              </label>
              <button type="button" onClick={() => void remove(p)} aria-label={`Remove ${p.person.name}`}>
                Remove
              </button>
            </li>
          ))}
        </ul>
      )}
      <form className="field-row" onSubmit={add}>
        <div className="field">
          <label htmlFor={`${id}-name`}>Name</label>
          <input id={`${id}-name`} value={name} onChange={(e) => setName(e.target.value)} autoComplete="off" />
        </div>
        <div className="field">
          <label htmlFor={`${id}-role`}>Role</label>
          <input id={`${id}-role`} value={role} onChange={(e) => setRole(e.target.value)} autoComplete="off" />
        </div>
        <label className="checkbox">
          <input type="checkbox" checked={anonymous} onChange={(e) => setAnonymous(e.target.checked)} /> Keeps their name private
        </label>
        <button type="submit">Add interviewee</button>
      </form>
      <Outcome error={error} />
    </section>
  );
}
