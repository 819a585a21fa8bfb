import { useId, useState } from 'react';
import type { InterviewDetail } from '../../../../services/views';
import { call } from '../../client';
import { useAction } from '../../hooks/useAction';
import { Outcome } from '../../components/Outcome';
import { useUndoable } from '../../hooks/useUndoable';

/** Quotes saved from the notes: select text in any notes box, then "Save as quote". */
type Quote = InterviewDetail['quotes'][number];

/** The first words of a quote, enough to recognize it in a toast. */
const opening = (text: string) => (text.length > 60 ? `${text.slice(0, 60).trimEnd()}…` : text);

/** `where`: "Adopter 1 – Acme Corp, Globex Mesh", so a deletion's toast says where it happened. */
export function Quotes({ detail, selection, onChanged, where }: { detail: InterviewDetail; selection: string; onChanged: () => void; where: string }) {
  const undoable = useUndoable();
  /** At once, with an Undo that saves the same quote again (text, speaker, approval, tags). */
  const remove = (q: Quote) =>
    undoable({
      run: () => call('deleteQuote', { id: q.id }),
      done: () => `Deleted the quote “${opening(q.text)}” (${where}).`,
      undo: () => call('createQuote', { interviewId: q.interviewId, text: q.text, speakerPersonId: q.speakerPersonId, approved: q.approved, tags: q.tags }),
      undone: () => `The quote “${opening(q.text)}” is back (${where}).`,
    });
  const [speaker, setSpeaker] = useState<number | ''>('');
  const id = useId();
  const { error, act } = useAction(onChanged);
  const names = new Map(detail.participants.map((p) => [p.person.id, p.person.name] as const));
  return (
    <section className="card" aria-labelledby={`${id}-t`}>
      <h3 id={`${id}-t`}>Quotes</h3>
      <div className="field-row">
        <p className="selection" aria-live="polite">
          {selection.trim() ? <>Selected: “{selection.trim().slice(0, 120)}{selection.length > 120 ? '…' : ''}”</> : 'Select text in a notes box to quote it.'}
        </p>
        <div className="field">
          <label htmlFor={`${id}-speaker`}>Speaker</label>
          <select id={`${id}-speaker`} value={speaker} onChange={(e) => setSpeaker(e.target.value ? Number(e.target.value) : '')}>
            <option value="">Not recorded</option>
            {detail.participants.map((p) => (
              <option key={p.person.id} value={p.person.id}>
                {p.person.name}
              </option>
            ))}
          </select>
        </div>
        <button
          type="button"
          disabled={!selection.trim()}
          onClick={() =>
            void act(() => call('createQuote', { interviewId: detail.interview.id, text: selection.trim(), ...(speaker ? { speakerPersonId: speaker } : {}) }))
          }
        >
          Save as quote
        </button>
      </div>
      {detail.quotes.length > 0 && (
        <ul className="quotes">
          {detail.quotes.map((q) => (
            <li key={q.id} data-testid="quote">
              <blockquote>{q.text}</blockquote>
              <span className="muted">{q.speakerPersonId ? names.get(q.speakerPersonId) ?? 'Someone no longer listed' : 'Speaker not recorded'}</span>
              <label className="checkbox">
                <input
                  type="checkbox"
                  checked={q.approved}
                  onChange={(e) => void act(() => call('updateQuote', { id: q.id, version: q.version, approved: e.target.checked }))}
                />{' '}
                Approved for publication
              </label>
              <button type="button" onClick={() => void remove(q)} aria-label={`Delete the quote “${opening(q.text)}”`}>
                Delete
              </button>
            </li>
          ))}
        </ul>
      )}
      <Outcome error={error} />
    </section>
  );
}
