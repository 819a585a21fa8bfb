import { useId, useState } from 'react';
import type { Project } from '../../../../domain/project';
import { LoadedView } from '../../components/Loaded';
import { useOp } from '../../hooks/useOp';

function Email({ adopterId }: { adopterId: number }) {
  const { state, reload } = useOp('outreachEmail', { adopterId }, [adopterId]);
  const [copied, setCopied] = useState(false);
  return (
    <LoadedView state={state} retry={() => void reload()}>
      {(email) => (
        <div className="card">
          <p>
            <strong>Subject:</strong> {email.subject}
          </p>
          <pre className="email" data-testid="outreach-email">
            {email.body}
          </pre>
          <button
            type="button"
            className="primary"
            onClick={() => void navigator.clipboard.writeText(`Subject: ${email.subject}\n\n${email.body}`).then(() => setCopied(true))}
          >
            Copy e-mail
          </button>
          {copied && <span role="status"> Copied.</span>}
        </div>
      )}
    </LoadedView>
  );
}

export function OutreachTab({ project }: { project: Project }) {
  const { state, reload } = useOp('pipeline', { projectId: project.id }, [project.id]);
  const [adopterId, setAdopterId] = useState<number | null>(null);
  const id = useId();
  return (
    <div className="tab-panel">
      <LoadedView state={state} retry={() => void reload()}>
        {(rows) =>
          rows.length === 0 ? (
            <p className="empty">Add candidate adopters first.</p>
          ) : (
            <>
              <div className="field">
                <label htmlFor={id}>Interview request for</label>
                <select id={id} value={adopterId ?? ''} onChange={(e) => setAdopterId(Number(e.target.value) || null)}>
                  <option value="">Choose a candidate…</option>
                  {rows.map((r) => (
                    <option key={r.adopterId} value={r.adopterId}>
                      Adopter {r.number} – {r.organization}
                    </option>
                  ))}
                </select>
              </div>
              {adopterId && <Email adopterId={adopterId} />}
            </>
          )
        }
      </LoadedView>
    </div>
  );
}
