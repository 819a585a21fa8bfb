import { useState } from 'react';
import type { ChecklistAdopter, ChecklistItem, UsageSuggestion } from '../../../../services/after-import';
import { LoadedView } from '../../components/Loaded';
import { useRefresh } from '../../hooks/refresh';
import { useOp } from '../../hooks/useOp';
import { hrefFor } from '../../router';
import { UsageSuggestionActions } from './UsageSuggestionActions';
import './after-import.css';

/** Where an item is fixed: the interview for approvals, dates and interviewees; the adopter for its usage level. */
function placeOf(projectId: number, a: ChecklistAdopter): string {
  return a.interviewId === null
    ? hrefFor({ name: 'adopter', projectId, adopterId: a.adopterId })
    : hrefFor({ name: 'interview', projectId, adopterId: a.adopterId, interviewId: a.interviewId });
}

function Item({ projectId, item, suggestions }: { projectId: number; item: ChecklistItem; suggestions: UsageSuggestion[] }) {
  return (
    <li className={item.done ? 'after-import-item done' : 'after-import-item'} data-testid={`checklist-${item.kind}`}>
      <span className="after-import-mark" aria-hidden="true">
        {item.done ? '✓' : ''}
      </span>
      <div className="after-import-body">
        <p className="after-import-text">
          <strong>{item.text}</strong>
          {item.done && <span className="visually-hidden"> (done)</span>}
        </p>
        {!item.done && <p className="hint">{item.why}</p>}
        {!item.done && (
          <ul className="after-import-adopters">
            {item.adopters.map((a) => {
              const suggestion = item.kind === 'usage' ? suggestions.find((s) => s.adopterId === a.adopterId) : undefined;
              return (
                <li key={`${a.adopterId}:${a.interviewId ?? ''}`}>
                  <a href={placeOf(projectId, a)}>
                    Adopter {a.number} · {a.name}
                  </a>
                  {suggestion && <UsageSuggestionActions suggestion={suggestion} />}
                </li>
              );
            })}
          </ul>
        )}
      </div>
    </li>
  );
}

/**
 * On a project imported from a DD document: what the document could not say and the reviewer
 * still has to (usage levels, approvals, dates, interviewees), each adopter linked to the place
 * to fix it, and the usage levels the summaries suggest, set only by the reviewer's click.
 * Shown while anything is left; gone once everything is done.
 */
export function AfterImportChecklist({ projectId }: { projectId: number }) {
  const { generation } = useRefresh();
  const { state, reload } = useOp('importChecklist', { projectId }, [projectId, generation]);
  const [folded, setFolded] = useFolded(projectId);
  // Nothing while loading: most projects have no import, and a "Loading…" line would only flicker.
  if (state.status === 'loading') return null;
  return (
    <LoadedView state={state} retry={() => void reload()}>
      {(list) => {
        const open = list.items.filter((i) => !i.done);
        const criterion = list.criterion;
        if (list.fileName === null || criterion === null || (open.length === 0 && list.suggestions.length === 0)) return null;
        return (
          <section className="card after-import" aria-labelledby="after-import-title" data-testid="after-import">
            <div className="card-head">
              <div className="after-import-title">
                <h3 id="after-import-title">
                  After the import: {open.length} {open.length === 1 ? 'thing needs' : 'things need'} you
                </h3>
                <span className="hint">From {list.fileName}</span>
              </div>
              <button type="button" className="small" aria-expanded={!folded} aria-controls="after-import-list" onClick={() => setFolded(!folded)}>
                {folded ? 'Show the list' : 'Hide the list'}
              </button>
            </div>
            <div id="after-import-list" hidden={folded}>
              <p className="after-import-criterion" data-testid="checklist-criterion">
                <span className={criterion.met ? 'badge badge-ok' : 'badge'}>{criterion.met ? 'Adoption criterion met' : 'Adoption criterion not met yet'}</span>{' '}
                {criterion.sentence}
              </p>
              <ul className="after-import-items">
                {/* What is left first; what is done stays listed below it, ticked. */}
                {[...list.items]
                  .sort((x, y) => Number(x.done) - Number(y.done))
                  .map((item) => (
                    <Item key={item.kind} projectId={projectId} item={item} suggestions={list.suggestions} />
                  ))}
              </ul>
            </div>
          </section>
        );
      }}
    </LoadedView>
  );
}

/** Folded or not, per project, as the reviewer left it: the list is long, and the adopters are below it. */
function useFolded(projectId: number): [boolean, (folded: boolean) => void] {
  const key = `adoption-desk.after-import-folded.${projectId}`;
  const [folded, setState] = useState(() => window.localStorage.getItem(key) === '1');
  const set = (next: boolean) => {
    setState(next);
    if (next) window.localStorage.setItem(key, '1');
    else window.localStorage.removeItem(key);
  };
  return [folded, set];
}
