import { useState } from 'react';
import { call, errorMessage } from '../../client';
import { Outcome } from '../../components/Outcome';
import { hrefFor, navigate } from '../../router';
import './first-run.css';

/** The work in the order a reviewer does it, in their words; the first step is the form below. */
const STEPS = [
  { title: 'Name the project', text: 'The project whose due diligence you are running, and the level it applies for.' },
  { title: 'Log interviews and write summaries', text: 'One adopter at a time: who you spoke to, your notes, a summary the adopter approves.' },
  { title: 'Publish the Adoption section', text: 'Preview the section, then copy the Markdown into the DD or export Word; names of anonymous adopters never leave.' },
] as const;

/**
 * What a reviewer sees before any project exists: the workflow in three steps, the way in
 * for a DD document they already have, and a sample project to look around in first.
 */
export function FirstRunGuide() {
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);

  async function openSample() {
    setBusy(true);
    setError(null);
    try {
      const sample = await call('createSampleProject', {});
      navigate({ name: 'project', projectId: sample.id, tab: 'pipeline' });
    } catch (err) {
      setError(errorMessage(err));
      setBusy(false);
    }
  }

  return (
    <section className="card first-run" aria-labelledby="first-run-title" data-testid="first-run">
      <h3 id="first-run-title">No projects yet</h3>
      <p className="first-run-lead">Adoption Desk keeps the adopter interviews of a due diligence and writes its Adoption section. The work goes in three steps:</p>
      <ol className="first-run-steps">
        {STEPS.map((step, i) => (
          <li key={step.title}>
            <span className="first-run-number" aria-hidden="true">
              {i + 1}
            </span>
            <span className="first-run-step">
              <strong>{step.title}</strong>
              <span className="muted">{step.text}</span>
            </span>
          </li>
        ))}
      </ol>
      <div className="first-run-ways">
        <p>
          Already have a DD document? <a href={hrefFor({ name: 'import' })}>Import it</a>
        </p>
        <p>
          Want to look around first?{' '}
          <button type="button" className="quiet" onClick={() => void openSample()} disabled={busy}>
            Open a sample project
          </button>
          <span className="hint"> Invented adopters; delete it when you are done.</span>
        </p>
      </div>
      <Outcome error={error} />
    </section>
  );
}
