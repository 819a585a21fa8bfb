import { useState } from 'react';
import { useSaveStatus, type OrphanState } from '../hooks/saveStatus';
import { useToast } from '../hooks/toast';

/**
 * Edits that left the screen unsaved and then failed: what, why, and the ways out. The
 * text stays here (and is retried while the store is out of reach) until it is saved, or
 * copied and discarded on purpose. While a save of it is running, Try again and Discard
 * wait (that save may still get through); Copy is always there. Discard happens at once
 * and its toast offers an Undo that brings the edit back here (and tries it again).
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
  const { retry, discard, adopt } = useSaveStatus();
  const toast = useToast();
  const [copied, setCopied] = useState<string | null>(null);
  const message = orphan.state.kind === 'failed' ? orphan.state.message : '';
  const copy = () =>
    navigator.clipboard.writeText(orphan.text).then(
      () => setCopied('Copied.'),
      () => setCopied('Copying was refused; select the text in the field again instead.'),
    );
  const retrying = orphan.state.kind === 'failed' && orphan.state.retrying === true;
  const discardNow = () => {
    const edit = discard(orphan.id);
    const opening = orphan.text.length > 50 ? `${orphan.text.slice(0, 50).trimEnd()}…` : orphan.text;
    toast({
      text: `Discarded your unsaved edit to ${orphan.label}: “${opening}”`,
      tone: 'info',
      ...(edit ? { action: { label: 'Undo', run: () => adopt(edit) } } : {}),
    });
  };
  return (
    <div className="unsaved-edit" role="group" aria-label={`Unsaved edit to ${orphan.label}`}>
      <p role="alert">
        Your edit to <strong>{orphan.label}</strong> was not saved: {message}
      </p>
      <p role="status" className="hint">
        {retrying ? 'Trying again…' : ''}
      </p>
      <p>
        <button type="button" onClick={() => retry(orphan.id)} disabled={retrying}>
          Try again
        </button>{' '}
        <button type="button" onClick={() => void copy()}>
          Copy the text
        </button>{' '}
        <button type="button" onClick={discardNow} disabled={retrying}>
          Discard
        </button>
        {copied && <span role="status"> {copied}</span>}
      </p>
    </div>
  );
}
