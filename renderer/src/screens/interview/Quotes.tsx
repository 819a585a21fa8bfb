import { useId, useState } from 'react';
import type { InterviewDetail } from '../../../../services/views';
import { call, errorMessage } from '../../client';
import { Outcome } from '../../components/Outcome';
import { useToast } from '../../hooks/toast';
import { useUndoable } from '../../hooks/useUndoable';
import { QuoteAction } from './QuoteAction';
import { insertIntoSummary } from './summary-insert';
import './quotes.css';

type Quote = InterviewDetail['quotes'][number];

/** The first words of a quote, enough to recognize it in a toast. */
const opening = (text: string) => (text.length > 60 ? `${text.slice(0, 60).trimEnd()}…` : text);

/**
 * Quotes saved from the notes: select text in a notes box or the summary, then the Quote
 * button beside it (or Alt+Q). Kept here as they are saved, so saving one never reloads the
 * page under the reviewer's text. `where`: "Adopter 1 – Acme Corp, Globex Mesh", for toasts;
 * `renamed`: interviewees renamed on this page since it loaded, by person id.
 */
export function Quotes({ detail, renamed, where }: { detail: InterviewDetail; renamed: ReadonlyMap<number, string>; where: string }) {
  const undoable = useUndoable();
  const toast = useToast();
  const [quotes, setQuotes] = useState<Quote[]>(detail.quotes);
  // A reload (after an undo elsewhere) brings the store's list: it replaces what was kept here.
  const [loaded, setLoaded] = useState(detail.quotes);
  if (loaded !== detail.quotes) {
    setLoaded(detail.quotes);
    setQuotes(detail.quotes);
  }
  // With one interviewee, they said it: the usual case needs no choice.
  const only = detail.participants.length === 1 ? detail.participants[0]!.person.id : null;
  const [speaker, setSpeaker] = useState<number | null>(only);
  const [error, setError] = useState<string | null>(null);
  const id = useId();
  // An interviewee renamed in place since the page loaded speaks under the new name.
  const names = new Map(detail.participants.map((p) => [p.person.id, renamed.get(p.person.id) ?? p.person.name] as const));
  const speakerName = (personId: number | null) => (personId === null ? null : (names.get(personId) ?? 'Someone no longer listed'));
  const replace = (next: Quote) => setQuotes((list) => list.map((q) => (q.id === next.id ? next : q)));

  /** Saves the selection; the toast names it and offers the Undo. False when it was refused. */
  const save = async (text: string): Promise<boolean> => {
    try {
      const quote = await call('createQuote', { interviewId: detail.interview.id, text, ...(speaker ? { speakerPersonId: speaker } : {}) });
      setQuotes((list) => [...list, quote]);
      const by = speakerName(quote.speakerPersonId);
      toast({
        text: `Saved the quote “${opening(quote.text)}”${by ? ` by ${by}` : ''}.`,
        tone: 'info',
        action: {
          label: 'Undo',
          run: () =>
            void call('deleteQuote', { id: quote.id })
              .then(() => {
                setQuotes((list) => list.filter((q) => q.id !== quote.id));
                toast({ text: `Removed the quote “${opening(quote.text)}”.`, tone: 'info' });
              })
              .catch((err) => toast({ text: errorMessage(err), tone: 'error' })),
        },
      });
      return true;
    } catch (err) {
      toast({ text: `The quote was not saved: ${errorMessage(err)}`, tone: 'error' });
      return false;
    }
  };

  /** A change to one quote (its speaker, its approval), shown once the store has it. */
  const update = async (q: Quote, patch: { approved?: boolean; speakerPersonId?: number | null }) => {
    setError(null);
    try {
      replace(await call('updateQuote', { id: q.id, version: q.version, ...patch }));
    } catch (err) {
      setError(errorMessage(err));
    }
  };

  /** At once, with an Undo that saves the same quote again (text, speaker, approval, tags). */
  const remove = (q: Quote) =>
    undoable({
      run: () => call('deleteQuote', { id: q.id }),
      done: () => `Deleted the quote “${opening(q.text)}” (${where}).`,
      undo: () => call('createQuote', { interviewId: q.interviewId, text: q.text, speakerPersonId: q.speakerPersonId, approved: q.approved, tags: q.tags }),
      undone: () => `The quote “${opening(q.text)}” is back (${where}).`,
    });

  const speakerSelect = (value: number | null, onChange: (personId: number | null) => void, label: string, selectId: string) => (
    <select id={selectId} aria-label={label} value={value ?? ''} onChange={(e) => onChange(e.target.value ? Number(e.target.value) : null)}>
      <option value="">Not recorded</option>
      {detail.participants.map((p) => (
        <option key={p.person.id} value={p.person.id}>
          {names.get(p.person.id)}
        </option>
      ))}
      {value !== null && !names.has(value) && <option value={value}>Someone no longer listed</option>}
    </select>
  );

  return (
    <section className="card" aria-labelledby={`${id}-t`} data-testid="quotes-card">
      <h3 id={`${id}-t`}>Quotes</h3>
      <p className="hint">
        Where quotes go: the adopter’s review copy lists them with their speaker for the adopter to check, and the TOC dossier counts them. They are published only if
        you insert one into the summary.
      </p>
      <div className="field-row quote-speaker">
        <div className="field w-s">
          <label htmlFor={`${id}-speaker`}>New quotes are by</label>
          {speakerSelect(speaker, setSpeaker, 'New quotes are by', `${id}-speaker`)}
        </div>
        <p className="hint">
          Select text in a notes box or the summary: a <strong>Quote</strong> button appears beside it (or press <kbd>Alt Q</kbd>).
        </p>
      </div>
      {quotes.length === 0 ? (
        <p className="muted">No quotes yet.</p>
      ) : (
        <table className="table quotes-table">
          <thead>
            <tr>
              <th scope="col">Quote</th>
              <th scope="col">Speaker</th>
              <th scope="col">Approved by the adopter</th>
            </tr>
          </thead>
          <tbody>
            {quotes.map((q) => (
              <tr key={q.id} data-testid="quote">
                <td>
                  <blockquote>{q.text}</blockquote>
                  <div className="quote-actions">
                    <button type="button" className="small" onClick={() => insertIntoSummary(q.text)} aria-label={`Insert “${opening(q.text)}” into the summary`}>
                      Insert into summary
                    </button>
                    <button type="button" className="small danger" onClick={() => void remove(q)} aria-label={`Delete the quote “${opening(q.text)}”`}>
                      Delete
                    </button>
                  </div>
                </td>
                <td>{speakerSelect(q.speakerPersonId, (personId) => void update(q, { speakerPersonId: personId }), `Speaker of “${opening(q.text)}”`, `${id}-s-${q.id}`)}</td>
                <td>
                  <label className="checkbox">
                    <input type="checkbox" checked={q.approved} onChange={(e) => void update(q, { approved: e.target.checked })} aria-label={`Approved by the adopter: “${opening(q.text)}”`} />
                    {q.approved ? 'Approved' : 'Not yet'}
                  </label>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      <Outcome error={error} />
      <QuoteAction quote={save} speaker={speakerName(speaker)} />
    </section>
  );
}
