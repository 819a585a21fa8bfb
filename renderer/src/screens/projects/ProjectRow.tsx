import { useEffect, useRef, useState, type FormEvent, type KeyboardEvent } from 'react';
import type { ProjectCard } from '../../../../services/views';
import { call, errorMessage } from '../../client';
import { hrefFor } from '../../router';
import { Outcome } from '../../components/Outcome';
import { useUndoable } from '../../hooks/useUndoable';

interface Props {
  card: ProjectCard;
  /** The sample project of the first run: marked, so nobody takes its adopters for real ones. */
  sample?: boolean;
  onChanged: () => Promise<void>;
}

export function ProjectRow({ card, sample = false, onChanged }: Props) {
  const { project } = card;
  const [editing, setEditing] = useState(false);
  const [draft, setDraft] = useState(project.name);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const input = useRef<HTMLInputElement>(null);
  const undoable = useUndoable();

  useEffect(() => {
    if (editing) input.current?.select();
  }, [editing]);

  async function save(event?: FormEvent) {
    event?.preventDefault();
    setBusy(true);
    setError(null);
    try {
      await call('updateProject', { id: project.id, name: draft, version: project.version });
      setEditing(false);
      await onChanged();
    } catch (err) {
      // The typed name stays in the field: a failed save never loses what was typed.
      setError(errorMessage(err));
    } finally {
      setBusy(false);
    }
  }

  async function setArchived(archived: boolean) {
    setBusy(true);
    try {
      await call('updateProject', { id: project.id, version: project.version, archived });
      await onChanged();
    } catch (err) {
      setError(errorMessage(err));
      setBusy(false);
    }
  }

  /** At once, with an Undo in the toast: the project waits in the trash until it is emptied. */
  async function remove() {
    setBusy(true);
    const moved = await undoable({
      run: () => call('deleteProject', { id: project.id }),
      done: () => `Moved the project ${project.name} to the trash, with its adopters and interviews.`,
      undo: () => call('restoreFromTrash', { entity: 'project', id: project.id }),
      undone: () => `The project ${project.name} is back from the trash.`,
    });
    if (!moved) setBusy(false);
  }

  function onKeyDown(event: KeyboardEvent) {
    if (event.key === 'Escape') {
      setDraft(project.name);
      setEditing(false);
      setError(null);
    }
  }

  return (
    <li className="project-row" data-testid="project-row">
      {editing ? (
        <form className="rename" onSubmit={save}>
          <label className="visually-hidden" htmlFor={`rename-${project.id}`}>
            New name for {project.name}
          </label>
          <input id={`rename-${project.id}`} ref={input} value={draft} onChange={(e) => setDraft(e.target.value)} onKeyDown={onKeyDown} />
          <button type="submit" className="primary" disabled={busy}>
            Save
          </button>
          <button type="button" onClick={() => onKeyDown({ key: 'Escape' } as KeyboardEvent)}>
            Cancel
          </button>
        </form>
      ) : (
        <>
          <div className="project-main">
            <a className="project-name" href={hrefFor({ name: 'project', projectId: project.id, tab: 'pipeline' })}>
              {project.name}
            </a>
            <span className="project-meta">
              <span className={`badge level-${project.level}`}>{project.level === 'incubation' ? 'Incubation' : 'Graduation'}</span>
              {sample && <span className="badge badge-sample">Sample</span>}
              <code>{project.slug}</code>
            </span>
          </div>
          <dl className="project-stats">
            <div>
              <dt>Interviews</dt>
              <dd>
                {card.interviewed} of {card.needed}
              </dd>
            </div>
            <div>
              <dt>Approvals pending</dt>
              <dd>{card.approvalsPending}</dd>
            </div>
            <div className={card.approvalsOverdue ? 'overdue' : undefined}>
              <dt>Overdue</dt>
              <dd>{card.approvalsOverdue}</dd>
            </div>
            <div>
              <dt>Adoption criterion</dt>
              {/* Not met is where every project starts: progress, not an alarm (Overdue is the alarm). */}
              <dd className={card.criterionMet ? 'met' : 'progress'}>{card.criterionMet ? 'Met' : 'In progress'}</dd>
            </div>
          </dl>
          <div className="row-actions">
            <button type="button" onClick={() => setEditing(true)} aria-label={`Rename ${project.name}`}>
              Rename
            </button>
            <button type="button" onClick={() => void setArchived(!project.archived)} disabled={busy} aria-label={`${project.archived ? 'Unarchive' : 'Archive'} ${project.name}`}>
              {project.archived ? 'Unarchive' : 'Archive'}
            </button>
            <button type="button" className="danger" onClick={remove} disabled={busy} aria-label={`Delete ${project.name}`}>
              Delete
            </button>
          </div>
        </>
      )}
      <Outcome error={error} />
    </li>
  );
}
