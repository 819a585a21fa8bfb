import { useId, useState, type FormEvent } from 'react';
import { STAGES, STAGE_LABELS, USAGE_LEVEL_LABELS, type Stage } from '../../../../domain/vocabulary';
import type { Project } from '../../../../domain/project';
import type { PipelineRow } from '../../../../services/views';
import { call, errorMessage } from '../../client';
import { LoadedView } from '../../components/Loaded';
import { useRefresh } from '../../hooks/refresh';
import { useOp } from '../../hooks/useOp';
import { hrefFor } from '../../router';
import { Outcome } from '../../components/Outcome';

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

function StageSelect({ row, onChanged }: { row: PipelineRow; onChanged: () => void }) {
  const [error, setError] = useState<string | null>(null);
  const id = useId();
  async function change(stage: Stage) {
    setError(null);
    try {
      const current = await call('getAdopter', { id: row.adopterId });
      await call('setAdopterStage', { id: row.adopterId, version: current.adopter.version, stage });
      onChanged();
    } catch (err) {
      setError(errorMessage(err));
    }
  }
  return (
    <>
      <label className="visually-hidden" htmlFor={id}>
        Stage of Adopter {row.number}
      </label>
      <select id={id} value={row.stage} onChange={(e) => void change(e.target.value as Stage)}>
        {STAGES.map((s) => (
          <option key={s} value={s}>
            {STAGE_LABELS[s]}
          </option>
        ))}
      </select>
      {error && (
        <span className="error" role="alert">
          {error}
        </span>
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
            <table className="pipeline" aria-label="Adopters by stage">
              <thead>
                <tr>
                  <th scope="col">Adopter</th>
                  <th scope="col">Stage</th>
                  <th scope="col">Since</th>
                  <th scope="col">Usage</th>
                  <th scope="col">Next</th>
                </tr>
              </thead>
              <tbody>
                {rows.map((row) => (
                  <tr key={row.adopterId} data-testid="pipeline-row" className={`stage-${row.stage}`}>
                    <th scope="row">
                      <a href={hrefFor({ name: 'adopter', projectId: project.id, adopterId: row.adopterId })}>
                        Adopter {row.number} – {row.organization}
                      </a>
                      {row.anonymous && <span className="badge anonymous">Anonymous</span>}
                    </th>
                    <td>
                      <StageSelect row={row} onChanged={changed} />
                    </td>
                    <td>{row.stageDates[row.stage] ?? '–'}</td>
                    <td>{row.usageLevel ? USAGE_LEVEL_LABELS[row.usageLevel] : '–'}</td>
                    <td className={row.next.overdue ? 'overdue' : undefined}>{row.next.text}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          )
        }
      </LoadedView>
    </div>
  );
}
