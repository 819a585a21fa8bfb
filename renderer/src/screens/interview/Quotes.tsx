import { useId, useState } from 'react';
import type { InterviewDetail } from '../../../../services/views';
import { call } from '../../client';
import { useAction } from '../../hooks/useAction';
import { Outcome } from '../../components/Outcome';

/** Quotes saved from the notes: select text in any notes box, then "Save as quote". */
export function Quotes({ detail, selection, onChanged }: { detail: InterviewDetail; selection: string; onChanged: () => void }) {
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
              <button type="button" onClick={() => void act(() => call('deleteQuote', { id: q.id }))} aria-label="Delete quote">
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
