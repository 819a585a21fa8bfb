import { useId, useRef, useState, type FormEvent } from 'react';
import type { InterviewDetail } from '../../../../services/views';
import { call, errorMessage } from '../../client';
import { InlineField } from '../../components/InlineField';
import { Outcome } from '../../components/Outcome';
import { useAction } from '../../hooks/useAction';
import { useUndoable } from '../../hooks/useUndoable';
import { useDates } from '../../hooks/dates';

type Participant = InterviewDetail['participants'][number];

/**
 * The people interviewed, editable where they are listed: name, role and anonymity save as
 * they change (the page is not reloaded under the reviewer's typing); adding and removing
 * reload it. `where`: "Adopter 1 – Acme Corp, Globex Mesh", so a removal's toast says where.
 */
export function Participants({ detail, onChanged, onRenamed, where }: { detail: InterviewDetail; onChanged: () => void; onRenamed: (personId: number, name: string) => void; where: string }) {
  const undoable = useUndoable();
  const { show } = useDates();
  const interviewName = `the interview of ${show(detail.interview.date ?? detail.interview.month ?? '') || 'no date yet'} (${where})`;
  /** At once, with an Undo that adds the same person back with the same anonymity and role. */
  const remove = (p: Participant) =>
    undoable({
      run: () => call('removeParticipant', { id: p.id }),
      done: () => `Removed ${p.person.name} from ${interviewName}.`,
      undo: () => call('addParticipant', { interviewId: detail.interview.id, personId: p.personId, anonymous: p.anonymous, ...(p.role ? { role: p.role } : {}) }),
      undone: () => `${p.person.name} is back in ${interviewName}.`,
    });
  // The versions the next edit must name, as each save returns them (the rows are not reloaded).
  // Versions only grow: the newer of the last save's and a reload's (after an undo elsewhere) is the one to name.
  const participantVersions = useRef(new Map<number, number>());
  const personVersions = useRef(new Map<number, number>());
  const versionOf = (p: Participant) => Math.max(participantVersions.current.get(p.id) ?? 0, p.version);
  const personVersionOf = (p: Participant) => Math.max(personVersions.current.get(p.person.id) ?? 0, p.person.version);
  const anonymityOf = (list: Participant[]) => new Map(list.map((p) => [p.id, p.anonymous] as const));
  const [anonymous, setAnonymous] = useState(() => anonymityOf(detail.participants));
  // A reload brings the store's records: the anonymity shown gives way to theirs.
  const [loaded, setLoaded] = useState(detail.participants);
  if (loaded !== detail.participants) {
    setLoaded(detail.participants);
    setAnonymous(anonymityOf(detail.participants));
  }
  const [rowError, setRowError] = useState<string | null>(null);

  // The role's save (on leaving its box) and a click on Anonymous come together: one after the other, each with the version the last returned.
  const queue = useRef<Promise<unknown>>(Promise.resolve());
  const saveParticipant = (p: Participant, patch: { anonymous?: boolean; role?: string | null }) => {
    const next = queue.current
      .catch(() => {})
      .then(async () => {
        const saved = await call('updateParticipant', { id: p.id, version: versionOf(p), ...patch });
        participantVersions.current.set(p.id, saved.version);
        return saved;
      });
    queue.current = next;
    return next;
  };
  const saveName = async (p: Participant, name: string) => {
    const saved = await call('updatePerson', { id: p.person.id, version: personVersionOf(p), name });
    personVersions.current.set(p.person.id, saved.version);
    // The page is not reloaded under the reviewer's typing: the quotes' speaker lists hear of it here.
    onRenamed(p.person.id, saved.name);
  };
  const toggleAnonymous = async (p: Participant, value: boolean) => {
    setRowError(null);
    try {
      const saved = await saveParticipant(p, { anonymous: value });
      setAnonymous((m) => new Map(m).set(p.id, saved.anonymous));
    } catch (err) {
      setRowError(`${p.person.name}: not saved: ${errorMessage(err)}`);
    }
  };

  const [name, setName] = useState('');
  const [role, setRole] = useState('');
  const [newAnonymous, setNewAnonymous] = useState(false);
  const id = useId();
  const { error, act } = useAction(onChanged);
  async function add(event: FormEvent) {
    event.preventDefault();
    await act(async () => {
      await call('addInterviewee', { interviewId: detail.interview.id, name, ...(role ? { role } : {}), anonymous: newAnonymous });
      setName('');
      setRole('');
      setNewAnonymous(false);
    });
  }
  return (
    <section className="card" aria-labelledby={`${id}-t`}>
      <h3 id={`${id}-t`}>Interviewees</h3>
      {detail.participants.length === 0 ? (
        <p className="muted">Nobody recorded yet.</p>
      ) : (
        <>
          <table className="table participants-table">
            <thead>
              <tr>
                <th scope="col">Name</th>
                <th scope="col">Role in this interview</th>
                <th scope="col">Anonymous</th>
                <th scope="col">
                  <span className="visually-hidden">Actions</span>
                </th>
              </tr>
            </thead>
            <tbody>
              {detail.participants.map((p) => (
                // A reload that brings a changed record (an undo) starts its row afresh, with the store's values.
                <tr key={`${p.id}:${p.version}:${p.person.version}`} data-testid="participant">
                  <td>
                    <InlineField label={`Name of ${p.person.name}`} initial={p.person.name} save={(v) => saveName(p, v)} testId="participant-name" />
                  </td>
                  <td>
                    <InlineField
                      label={`Role of ${p.person.name}`}
                      // The role this interview recorded (an imported DD's words) comes before the person's own.
                      initial={p.role ?? p.person.role ?? ''}
                      save={async (v) => void (await saveParticipant(p, { role: v.trim() || null }))}
                      testId="participant-role"
                    />
                  </td>
                  <td>
                    <label className="checkbox">
                      <input
                        type="checkbox"
                        checked={anonymous.get(p.id) ?? p.anonymous}
                        onChange={(e) => void toggleAnonymous(p, e.target.checked)}
                        aria-label={`${p.person.name} keeps their name private`}
                        data-testid="participant-anonymous"
                      />
                      {(anonymous.get(p.id) ?? p.anonymous) ? 'Not named' : 'Named'}
                    </label>
                  </td>
                  <td>
                    <button type="button" className="small" onClick={() => void remove(p)} aria-label={`Remove ${p.person.name}`}>
                      Remove
                    </button>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
          <p className="hint">A name is the person’s own: correcting it here corrects it wherever they appear. The role is the one this interview recorded.</p>
          <Outcome error={rowError} />
        </>
      )}
      <form className="field-row" onSubmit={add} aria-label="Add an interviewee">
        <div className="field w-m">
          <label htmlFor={`${id}-name`}>Name</label>
          <input id={`${id}-name`} value={name} onChange={(e) => setName(e.target.value)} autoComplete="off" />
        </div>
        <div className="field w-m">
          <label htmlFor={`${id}-role`}>Role</label>
          <input id={`${id}-role`} value={role} onChange={(e) => setRole(e.target.value)} autoComplete="off" />
        </div>
        <label className="checkbox">
          <input type="checkbox" checked={newAnonymous} onChange={(e) => setNewAnonymous(e.target.checked)} /> Keeps their name private
        </label>
        <button type="submit">Add interviewee</button>
      </form>
      <Outcome error={error} />
    </section>
  );
}
