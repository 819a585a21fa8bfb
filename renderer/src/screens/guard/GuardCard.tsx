import type { Adopter } from '../../../../domain/adopter';
import type { Allowance } from '../../../../domain/allowance';
import type { GuardTerm } from '../../../../services/views';
import { LoadedView } from '../../components/Loaded';
import { useRefresh } from '../../hooks/refresh';
import { useOp } from '../../hooks/useOp';
import { AllowanceNote } from './AllowanceNote';
import { useGuardActions } from './useGuardActions';
import { DROPPED_NOTE, quoted, scopeWords } from './words';

type Actions = ReturnType<typeof useGuardActions>;

/**
 * A term is dropped when an allowance releases it everywhere: the guard no longer looks
 * for it at all. The term says which allowances (their words); the list has their ids.
 */
const droppedBy = (term: GuardTerm, allowances: readonly Allowance[]) =>
  allowances.filter((a) => a.entryNumber === null && term.releasedBy.some((r) => r.entryNumber === null && r.term === a.term && r.note === a.note));

/**
 * The terms the guard derives from what was recorded (a name's distinctive leading word, a
 * person's family or given name): one of them can be an ordinary word. What the reviewer
 * recorded (names, aliases, the website, full names and addresses) is guarded as recorded;
 * an alias that is an ordinary word is removed from "Other names" instead.
 */
const DROPPABLE = new Set<GuardTerm['kind']>(['variant', 'surname', 'given-name']);

/** Entry-scoped allowances of a term: "allowed in Adopter 1's entry". */
const allowedIn = (term: GuardTerm, adopterNumber: number) =>
  term.releasedBy.filter((r) => r.entryNumber !== null).map((r) => `allowed ${scopeWords(r.entryNumber, adopterNumber).replace(/^only /, '')}`);

/** "The guard looks for: …" — each term with where it came from, and "not a secret" for an ordinary word it derived. */
function GuardTerms({ terms, allowances, adopter, actions }: { terms: readonly GuardTerm[]; allowances: readonly Allowance[]; adopter: Adopter; actions: Actions }) {
  if (terms.length === 0) return <p className="muted">The guard looks for nothing for this adopter.</p>;
  return (
    <>
      <p className="guard-lead">The guard looks for:</p>
      <ul className="guard-terms" aria-label="What the guard looks for">
        {terms.map((t) => {
          const dropped = droppedBy(t, allowances);
          return (
            <li key={`${t.kind}:${t.term}`} className={dropped.length ? 'dropped' : undefined} data-testid="guard-term">
              <span className="guard-term">{dropped.length ? <s>{t.term}</s> : t.term}</span>
              <span className="guard-from">{dropped.length ? 'dropped: not a secret' : [t.from, ...allowedIn(t, adopter.number)].join(' · ')}</span>
              {dropped.length ? (
                <button type="button" className="small quiet" aria-label={`Guard ${quoted(t.term)} again`} onClick={() => void actions.guardAgain(t.term, dropped, adopter.number)}>
                  Guard it again
                </button>
              ) : DROPPABLE.has(t.kind) ? (
                <button type="button" className="small quiet" aria-label={`${quoted(t.term)} is not a secret`} onClick={() => void actions.drop(t.term, adopter.id, adopter.number)}>
                  Not a secret
                </button>
              ) : null}
            </li>
          );
        })}
      </ul>
      <p className="hint">What you recorded is guarded as written; a word the guard derived from it can be dropped when it is an ordinary word.</p>
    </>
  );
}

/**
 * The adopter's side of the anonymity guard: what it looks for (class by class, as derived
 * from the recorded names), what the reviewer released and where, and the warnings they
 * dismissed — each undoable from its toast. `version` changes after each save of the
 * adopter's fields (a name or an alias changes what the guard looks for).
 */
export function GuardCard({ adopter, projectId, version = 0 }: { adopter: Adopter; projectId: number; version?: number }) {
  const { generation } = useRefresh();
  const actions = useGuardActions(projectId);
  const terms = useOp('listGuardTerms', { adopterId: adopter.id }, [adopter.id, generation, version, adopter.anonymous]);
  const allowances = useOp('listAllowances', { adopterId: adopter.id }, [adopter.id, generation]);
  const dismissed = useOp('listDismissedWarnings', { adopterId: adopter.id }, [adopter.id, generation]);
  const shown = terms.state.status === 'ready' && (adopter.anonymous || terms.state.value.length > 0);
  const anyAllowance = allowances.state.status === 'ready' && allowances.state.value.length > 0;
  const anyDismissed = dismissed.state.status === 'ready' && dismissed.state.value.length > 0;
  if (!shown && !anyAllowance && !anyDismissed) return null;
  return (
    <section className="card guard-card" aria-labelledby="guard-title">
      <h3 id="guard-title">Anonymity guard</h3>
      <LoadedView state={terms.state} retry={() => void terms.reload()}>
        {(list) => <GuardTerms terms={list} allowances={allowances.state.status === 'ready' ? allowances.state.value : []} adopter={adopter} actions={actions} />}
      </LoadedView>
      {anyAllowance && allowances.state.status === 'ready' && (
        <>
          <p className="guard-lead">Allowed by you (released from the guard):</p>
          <ul className="allowances" aria-label="Allowances">
            {allowances.state.value.map((a) => (
              <li key={a.id} data-testid="allowance">
                <span className="guard-term">{a.term}</span>
                <span className="guard-from">
                  {scopeWords(a.entryNumber, adopter.number)}
                  {a.note && a.note !== DROPPED_NOTE ? ` · ${a.note}` : ''}
                </span>
                <AllowanceNote allowance={a} projectId={projectId} />
                <button type="button" className="small quiet" aria-label={`Remove the allowance ${quoted(a.term)}`} onClick={() => void actions.withdraw(a, adopter.number)}>
                  Remove
                </button>
              </li>
            ))}
          </ul>
        </>
      )}
      {anyDismissed && dismissed.state.status === 'ready' && (
        <>
          <p className="guard-lead">Warnings you dismissed (they come back if the text changes):</p>
          <ul className="warnings" aria-label="Dismissed warnings">
            {dismissed.state.value.map((d) => (
              <li key={d.id}>
                <span>{d.message}</span>
                <button type="button" className="small quiet" aria-label={`Show again: ${d.message}`} onClick={() => void actions.showAgain(d)}>
                  Show again
                </button>
              </li>
            ))}
          </ul>
        </>
      )}
    </section>
  );
}
