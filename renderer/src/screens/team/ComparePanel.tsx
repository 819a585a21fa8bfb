import { useId, useState } from 'react';
import type { ConflictComparison } from '../../../../services/share/share-service';
import { call } from '../../client';
import { Dialog } from '../../components/Dialog';
import { LoadedView } from '../../components/Loaded';
import { useOp } from '../../hooks/useOp';
import { useUndoable } from '../../hooks/useUndoable';
import './team.css';

/** One side of the comparison, as written: line breaks kept, an absent text said in words. */
function Side({ title, text }: { title: string; text: string | null }) {
  return (
    <section className="compare-side card" aria-label={title}>
      <h3>{title}</h3>
      {text === null || text === '' ? <p className="empty">Nothing written.</p> : <p className="compare-text">{text}</p>}
    </section>
  );
}

/**
 * Compare a text two reviewers changed: where they started, yours and theirs side by side,
 * and Git's line merge as a proposal when their changes do not overlap. The choice (or the
 * proposal as edited) is an ordinary edit that the next Sync sends; Undo puts the conflict back.
 */
export function ComparePanel({ projectId, conflictUid, onClose }: { projectId: number; conflictUid: string; onClose: () => void }) {
  const { state, reload } = useOp('compareConflict', { projectId, conflictUid }, [projectId, conflictUid]);
  return (
    <Dialog title="Compare the two texts" onClose={onClose}>
      <LoadedView state={state} retry={() => void reload()}>
        {(view) => <Comparison projectId={projectId} view={view} onResolved={onClose} />}
      </LoadedView>
    </Dialog>
  );
}

function Comparison({ projectId, view, onResolved }: { projectId: number; view: ConflictComparison; onResolved: () => void }) {
  const [text, setText] = useState(view.proposal ?? view.mine ?? '');
  const [busy, setBusy] = useState(false);
  const undoable = useUndoable();
  const id = useId();
  const authors = view.theirs.map((t) => t.by ?? 'a teammate');
  const choose = async (chosen: string, whose: string) => {
    setBusy(true);
    const done = await undoable({
      run: () => call('resolveSyncConflict', { projectId, conflictUid: view.conflictUid, text: chosen }),
      done: () => `Resolved ${view.what}: ${whose} kept. The next Sync sends it.`,
      undo: () => call('undo', { projectId }),
      undone: () => `The conflict is open again: ${view.what}.`,
    });
    setBusy(false);
    if (done) onResolved();
  };
  return (
    <div className="stack compare">
      <p>
        <strong>{view.what}</strong> was changed by you and by {authors.join(' and ')}. Yours is what the app shows until you choose.
      </p>
      <div className="compare-sides">
        <Side title="Where you both started" text={view.base} />
        <Side title="Yours" text={view.mine} />
        {view.theirs.map((t, i) => (
          <Side key={i} title={`${t.by ?? 'A teammate'}’s`} text={t.text} />
        ))}
      </div>
      <div className="field w-full">
        <label htmlFor={`${id}-text`}>{view.proposal !== null ? 'Both changes combined, line by line (edit it if you like)' : 'Your choice, or write one here'}</label>
        <p className="hint">
          {view.proposal !== null
            ? 'Git could combine the two: the changed lines do not overlap. Read it before you keep it.'
            : 'The two changed the same lines, so nothing could be combined for you. It starts as yours.'}
        </p>
        <textarea id={`${id}-text`} className="box-tall" value={text} onChange={(e) => setText(e.target.value)} />
      </div>
      <div className="dialog-actions">
        <button type="button" disabled={busy} onClick={() => void choose(view.mine ?? '', 'yours')}>
          Keep yours
        </button>
        {view.theirs.map((t, i) => (
          <button key={i} type="button" disabled={busy} onClick={() => void choose(t.text, `${t.by ?? 'the teammate'}’s`)}>
            Take {t.by ?? 'the teammate'}’s
          </button>
        ))}
        <button type="button" className="primary" disabled={busy} onClick={() => void choose(text, view.proposal !== null && text === view.proposal ? 'the combined text' : 'the text as written here')}>
          Keep this text
        </button>
      </div>
    </div>
  );
}
