import { useId, useState, type FormEvent } from 'react';
import type { ProjectLevel } from '../../../../domain/project';
import { call, errorMessage } from '../../client';

export function NewProjectForm({ onCreated }: { onCreated: () => Promise<void> }) {
  const [name, setName] = useState('');
  const [level, setLevel] = useState<ProjectLevel>('incubation');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const nameId = useId();
  const levelId = useId();
  const errorId = useId();

  async function submit(event: FormEvent) {
    event.preventDefault();
    setBusy(true);
    setError(null);
    try {
      await call('createProject', { name, level });
      setName('');
      await onCreated();
    } catch (err) {
      setError(errorMessage(err));
    } finally {
      setBusy(false);
    }
  }

  return (
    <form className="card new-project" onSubmit={submit} aria-labelledby={`${nameId}-title`}>
      <h2 id={`${nameId}-title`}>New project</h2>
      <div className="field-row">
        <div className="field">
          <label htmlFor={nameId}>Project name</label>
          <input
            id={nameId}
            value={name}
            onChange={(e) => setName(e.target.value)}
            placeholder="e.g. Globex Mesh"
            autoComplete="off"
            aria-describedby={error ? errorId : undefined}
            aria-invalid={error ? true : undefined}
          />
        </div>
        <div className="field">
          <label htmlFor={levelId}>Applying for</label>
          <select id={levelId} value={level} onChange={(e) => setLevel(e.target.value as ProjectLevel)}>
            <option value="incubation">Incubation</option>
            <option value="graduation">Graduation</option>
          </select>
        </div>
        <button type="submit" className="primary" disabled={busy}>
          {busy ? 'Creating…' : 'Create project'}
        </button>
      </div>
      {error && (
        <p id={errorId} className="error" role="alert">
          {error}
        </p>
      )}
    </form>
  );
}
