import { useState } from 'react';
import { useSaveStatus, type OrphanState } from '../hooks/saveStatus';

/**
 * Edits that left the screen unsaved and then failed: what, why, and the ways out. The
 * text stays here (and is retried while the store is out of reach) until it is saved, or
 * copied and discarded on purpose. While a save of it is running, Try again and Discard
 * wait (that save may still get through); Copy is always there.
 */
export function UnsavedEdits() {
  const { orphans } = useSaveStatus();
  const failed = orphans.filter((o) => o.state.kind === 'failed');
  if (failed.length === 0) return null;
  return (
    <section className="unsaved-edits" aria-label="Edits not saved" data-testid="unsaved-edits">
      {failed.map((orphan) => (
        <UnsavedEdit key={orphan.id} orphan={orphan} />
      ))}
    </section>
  );
}

function UnsavedEdit({ orphan }: { orphan: OrphanState }) {
  const { retry, discard } = useSaveStatus();
  const [confirming, setConfirming] = useState(false);
  const [copied, setCopied] = useState<string | null>(null);
  const message = orphan.state.kind === 'failed' ? orphan.state.message : '';
  const copy = () =>
    navigator.clipboard.writeText(orphan.text).then(
      () => setCopied('Copied.'),
      () => setCopied('Copying was refused; select the text in the field again instead.'),
    );
  const retrying = orphan.state.kind === 'failed' && orphan.state.retrying === true;
  return (
    <div className="unsaved-edit" role="group" aria-label={`Unsaved edit to ${orphan.label}`}>
      <p role="alert">
        Your edit to <strong>{orphan.label}</strong> was not saved: {message}
      </p>
      <p role="status" className="hint">
        {retrying ? 'Trying again…' : ''}
      </p>
      {confirming ? (
        <p>
          Discard it? It was never saved.{' '}
          <button type="button" onClick={() => discard(orphan.id)} disabled={retrying}>
            Discard the edit
          </button>{' '}
          <button type="button" onClick={() => setConfirming(false)}>
            Keep it
          </button>
        </p>
      ) : (
        <p>
          <button type="button" onClick={() => retry(orphan.id)} disabled={retrying}>
            Try again
          </button>{' '}
          <button type="button" onClick={() => void copy()}>
            Copy the text
          </button>{' '}
          <button type="button" onClick={() => setConfirming(true)} disabled={retrying}>
            Discard…
          </button>
          {copied && <span role="status"> {copied}</span>}
        </p>
      )}
    </div>
  );
}
