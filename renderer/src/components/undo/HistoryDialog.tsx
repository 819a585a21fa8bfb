import { useEffect, useState } from 'react';
import type { HistoryListEntry } from '../../../../domain/history';
import { call, errorMessage } from '../../client';
import { hrefFor } from '../../router';
import { Dialog } from '../Dialog';
import { localDayOf, useDates } from '../../hooks/dates';
import { describeChange } from './useUndoRedo';

const LIMIT = 40;

/** "14:05" today, "3 Dec 2026, 14:05" (the date in the format of Settings) before: when a change was made, in the reviewer's clock. */
function when(at: string, show: (day: string) => string): string {
  const date = new Date(at);
  const time = date.toLocaleTimeString([], { hour: '2-digit', minute: '2-digit' });
  return date.toDateString() === new Date().toDateString() ? time : `${show(localDayOf(at))}, ${time}`;
}

/**
 * The latest changes of every project, newest first, each with its project and what it
 * touched: the one place to undo a change made on another screen (the next one of each
 * project is offered), and a way to go to where a change was made.
 */
export function HistoryDialog({ onClose, onUndo }: { onClose: () => void; onUndo: (change: HistoryListEntry) => Promise<void> }) {
  const [changes, setChanges] = useState<HistoryListEntry[] | null>(null);
  const [problem, setProblem] = useState<string | null>(null);
  const [generation, setGeneration] = useState(0);
  const { show, showIn } = useDates();

  useEffect(() => {
    call('recentChanges', { limit: LIMIT })
      .then(setChanges)
      .catch((error: unknown) => setProblem(errorMessage(error)));
  }, [generation]);

  return (
    <Dialog title="Recent changes" onClose={onClose}>
      <p className="hint">
        Undo on a screen takes back that project’s own changes. Here you can take back the latest change of any project, or go to where it was made.
      </p>
      {problem && <p role="alert">{problem}</p>}
      {changes && changes.length === 0 && <p>No changes yet.</p>}
      {changes && changes.length > 0 && (
        <ol className="history-list" data-testid="history-list">
          {changes.map((change) => (
            <li key={change.id} className={change.undone ? 'history-undone' : undefined}>
              <div className="history-what">
                <span className="history-label">{describeChange(change, showIn)}</span>
                <span className="history-where">
                  {change.projectName ?? (change.projectId === null ? 'All projects' : 'A project no longer here')} · <time dateTime={change.at}>{when(change.at, show)}</time>
                  {change.syncedFrom && ` · from ${change.syncedFrom.length > 0 ? change.syncedFrom.join(', ') : 'the team'} (sync)`}
                  {change.undone && ' · undone'}
                </span>
              </div>
              <div className="history-actions">
                {change.projectId !== null && change.projectName && (
                  <a href={hrefFor({ name: 'project', projectId: change.projectId, tab: 'pipeline' })} onClick={onClose}>
                    Go to project
                  </a>
                )}
                {change.canUndo && (
                  <button type="button" onClick={() => void onUndo(change).then(() => setGeneration((g) => g + 1))}>
                    Undo
                  </button>
                )}
              </div>
            </li>
          ))}
        </ol>
      )}
    </Dialog>
  );
}
