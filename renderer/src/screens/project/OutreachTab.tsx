import { useId, useState } from 'react';
import type { Project } from '../../../../domain/project';
import type { Stage } from '../../../../domain/vocabulary';
import { LoadedView } from '../../components/Loaded';
import { useOp } from '../../hooks/useOp';

/**
 * An interview request goes to an adopter not interviewed yet. One who declined or withdrew
 * stays on the list: a "not now" can be asked again.
 */
const INTERVIEWED = new Set<Stage>(['interviewed', 'summary-sent', 'approved']);

/** A link that opens the reviewer's mail program with the e-mail written (the address when one is recorded). */
function mailto(email: { subject: string; body: string; to: string | null }): string {
  const query = `subject=${encodeURIComponent(email.subject)}&body=${encodeURIComponent(email.body)}`;
  // The address keeps its @ (RFC 6068); anything else unusual in it is escaped.
  const to = email.to ? email.to.split('@').map(encodeURIComponent).join('@') : '';
  return `mailto:${to}?${query}`;
}

function Email({ adopterId }: { adopterId: number }) {
  const { state, reload } = useOp('outreachEmail', { adopterId }, [adopterId]);
  const [copied, setCopied] = useState(false);
  return (
    <LoadedView state={state} retry={() => void reload()}>
      {(email) => (
        <section className="card stack" aria-label="The interview request">
          <p className="email-subject">
            <strong>Subject:</strong> {email.subject}
            {email.to && (
              <>
                <br />
                <strong>To:</strong> {email.to}
              </>
            )}
          </p>
          <div className="email" data-testid="outreach-email">
            {email.body}
          </div>
          <div className="toolbar">
            <button
              type="button"
              className="primary"
              onClick={() => void navigator.clipboard.writeText(`Subject: ${email.subject}\n\n${email.body}`).then(() => setCopied(true))}
            >
              Copy e-mail
            </button>
            <a className="button-link" href={mailto(email)} data-testid="outreach-mailto">
              Open in your mail program
            </a>
            {copied && <span role="status">Copied.</span>}
          </div>
        </section>
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
        {(all) => {
          const rows = all.filter((r) => !INTERVIEWED.has(r.stage));
          if (all.length === 0) return <p className="empty">Add candidate adopters first.</p>;
          if (rows.length === 0) return <p className="empty">Every adopter has been interviewed: nobody is left to ask.</p>;
          return (
            <>
              <div className="field">
                <label htmlFor={id}>Interview request for</label>
                <p className="hint">Adopters not interviewed yet (those interviewed or approved are not listed).</p>
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
          );
        }}
      </LoadedView>
    </div>
  );
}
