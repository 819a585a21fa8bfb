import { useId, useMemo, useRef, useState, type FormEvent } from 'react';
import type { Project } from '../../../../domain/project';
import type { PipelineRow } from '../../../../services/views';
import { call, errorMessage } from '../../client';
import { LoadedView } from '../../components/Loaded';
import { useRefresh } from '../../hooks/refresh';
import { useOp } from '../../hooks/useOp';
import { Outcome } from '../../components/Outcome';
import { AdopterFilters } from './AdopterFilters';
import { AdopterTable } from './AdopterTable';
import { BulkActions } from './BulkActions';
import { NO_FILTERS, adopters, filterRows, keepView, rangeOf, sortRows, viewOf, type ListView, type SortKey } from './adopter-list';
import './adopter-list.css';

function AddCandidate({ projectId, onAdded }: { projectId: number; onAdded: () => void }) {
  const organizations = useOp('listOrganizations', {}, []);
  const [name, setName] = useState('');
  const [industry, setIndustry] = useState('');
  const [error, setError] = useState<string | null>(null);
  const id = useId();
  async function submit(event: FormEvent) {
    event.preventDefault();
    setError(null);
    try {
      await call('addCandidate', { projectId, organizationName: name, ...(industry ? { industry } : {}) });
      setName('');
      setIndustry('');
      onAdded();
    } catch (err) {
      setError(errorMessage(err));
    }
  }
  return (
    <form className="card" onSubmit={submit} aria-labelledby={`${id}-t`}>
      <h3 id={`${id}-t`}>Add a candidate adopter</h3>
      <div className="field-row">
        <div className="field">
          <label htmlFor={`${id}-org`}>Organization</label>
          <input id={`${id}-org`} value={name} onChange={(e) => setName(e.target.value)} autoComplete="off" list={`${id}-known`} data-shortcut="new-candidate" />
          {/* Organizations already known (from other projects) are offered; picking one reuses it. */}
          <datalist id={`${id}-known`}>
            {organizations.state.status === 'ready' && organizations.state.value.map((o) => <option key={o.id} value={o.name} />)}
          </datalist>
        </div>
        <div className="field">
          <label htmlFor={`${id}-ind`}>Industry</label>
          <input id={`${id}-ind`} value={industry} onChange={(e) => setIndustry(e.target.value)} placeholder="e.g. Finance" autoComplete="off" />
        </div>
        <button type="submit" className="primary">
          Add candidate
        </button>
      </div>
      <Outcome error={error} />
    </form>
  );
}

/** Sorted, filtered, with rows chosen for bulk actions; the sort and filters stay while the app shows this project. */
function AdopterList({ projectId, rows, onChanged }: { projectId: number; rows: PipelineRow[]; onChanged: () => void }) {
  const [view, setView] = useState(() => viewOf(projectId));
  const [chosen, setChosen] = useState<ReadonlySet<number>>(new Set());
  const lastClicked = useRef<number | null>(null);
  const update = (next: ListView) => {
    setView(next);
    keepView(projectId, next);
  };
  const visible = useMemo(() => sortRows(filterRows(rows, view.filters), view.sort), [rows, view]);
  // Bulk actions act on what is chosen and still shown: a filter never hides a row they would change.
  const chosenRows = visible.filter((r) => chosen.has(r.adopterId));

  const sortBy = (key: SortKey) => update({ ...view, sort: { key, descending: view.sort.key === key ? !view.sort.descending : false } });
  const choose = (row: PipelineRow, checked: boolean, range: boolean) => {
    const ids = range && lastClicked.current !== null ? rangeOf(visible, lastClicked.current, row.adopterId) : [row.adopterId];
    lastClicked.current = row.adopterId;
    setChosen((now) => {
      const next = new Set(now);
      for (const id of ids) {
        if (checked) next.add(id);
        else next.delete(id);
      }
      return next;
    });
  };
  const chooseAll = (checked: boolean) => setChosen(checked ? new Set(visible.map((r) => r.adopterId)) : new Set());
  const clear = () => {
    setChosen(new Set());
    lastClicked.current = null;
  };

  const shown = visible.length === rows.length ? `${adopters(rows.length)}` : `${visible.length} of ${adopters(rows.length)} shown`;
  return (
    <>
      <AdopterFilters filters={view.filters} onChange={(filters) => update({ ...view, filters })} />
      {chosenRows.length > 0 && <BulkActions projectId={projectId} chosen={chosenRows} onDone={clear} />}
      {visible.length === 0 ? (
        <p className="empty">
          No adopter matches these filters.{' '}
          <button type="button" className="quiet" onClick={() => update({ ...view, filters: NO_FILTERS })}>
            Clear filters
          </button>
        </p>
      ) : (
        <AdopterTable
          projectId={projectId}
          rows={visible}
          sort={view.sort}
          onSort={sortBy}
          chosen={chosen}
          onChoose={choose}
          onChooseAll={chooseAll}
          onChanged={onChanged}
          caption={`${shown}. “In stage since” is the day each adopter reached the stage it is at now.`}
        />
      )}
    </>
  );
}

export function PipelineTab({ project }: { project: Project }) {
  const { generation, refresh } = useRefresh();
  const { state, reload } = useOp('pipeline', { projectId: project.id }, [project.id, generation]);
  const changed = () => {
    void reload();
    refresh();
  };
  return (
    <div className="tab-panel">
      <AddCandidate projectId={project.id} onAdded={changed} />
      <LoadedView state={state} retry={() => void reload()}>
        {(rows) =>
          rows.length === 0 ? (
            <p className="empty">No adopters yet. Add the 5–7 candidates the project proposed.</p>
          ) : (
            <AdopterList projectId={project.id} rows={rows} onChanged={changed} />
          )
        }
      </LoadedView>
    </div>
  );
}
