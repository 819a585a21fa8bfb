import { useState } from 'react';
import type { ShareStatusRow, SyncReport as Report } from '../../../../services/share/share-service';
import { call, errorMessage } from '../../client';
import { useRefresh } from '../../hooks/refresh';
import { useToast } from '../../hooks/toast';
import { ComparePanel } from './ComparePanel';
import { ShareDialog } from './ShareDialog';
import { SyncReport } from './SyncReport';
import { names, useTeamStatus } from './useTeam';
import './team.css';

/**
 * The project's team: share it (a dialog), or, once shared, where it stands ("Synced 09:12 ·
 * 2 to review"), a Sync the reviewer starts (never automatic), what the last Sync did, and what
 * waits for them — conflicts to compare, teammates' anonymity and allowance changes to
 * acknowledge — since public exports wait for both.
 */
export function TeamCard({ projectId, projectName }: { projectId: number; projectName: string }) {
  const { state, row, reload } = useTeamStatus(projectId);
  const [sharing, setSharing] = useState(false);
  const [report, setReport] = useState<Report | null>(null);
  const [failure, setFailure] = useState<string | null>(null);
  const { refresh } = useRefresh();
  const synced = (fresh: Report) => {
    setReport(fresh);
    refresh();
  };
  return (
    <section className="card team-card" aria-labelledby="team-title" data-testid="team-card">
      <div className="card-head">
        <h3 id="team-title">Team</h3>
        {state.status === 'ready' && !row && (
          <button type="button" onClick={() => setSharing(true)}>
            Share with teammates…
          </button>
        )}
        {row && <SyncButton projectId={projectId} onSynced={synced} onFailed={setFailure} />}
      </div>
      {state.status === 'loading' && <p className="muted">Reading where the project stands…</p>}
      {state.status === 'error' && (
        <p className="error" role="alert">
          {state.message}{' '}
          <button type="button" className="quiet" onClick={() => void reload()}>
            Try again
          </button>
        </p>
      )}
      {state.status === 'ready' && !row && (
        <p className="muted">Only on this computer. Share it to work on it with teammates through a private Git repository.</p>
      )}
      {row && <Shared row={row} report={report} failure={failure} />}
      {sharing && (
        <ShareDialog
          projectId={projectId}
          projectName={projectName}
          onClose={() => setSharing(false)}
          onShared={(fresh) => {
            setSharing(false);
            synced(fresh);
          }}
        />
      )}
    </section>
  );
}

/** Sync now: never automatic; disabled while it runs; a failure is said in words under the status line. */
function SyncButton({ projectId, onSynced, onFailed }: { projectId: number; onSynced: (report: Report) => void; onFailed: (failure: string | null) => void }) {
  const [syncing, setSyncing] = useState(false);
  const sync = async () => {
    setSyncing(true);
    onFailed(null);
    try {
      onSynced(await call('syncProject', { projectId }));
    } catch (error) {
      onFailed(errorMessage(error));
    }
    setSyncing(false);
  };
  return (
    <button type="button" className="primary" disabled={syncing} onClick={() => void sync()}>
      {syncing ? 'Syncing…' : 'Sync'}
    </button>
  );
}

function Shared({ row, report, failure }: { row: ShareStatusRow; report: Report | null; failure: string | null }) {
  const [comparing, setComparing] = useState<string | null>(null);
  const toast = useToast();
  const { refresh } = useRefresh();
  const acknowledge = async (item: ShareStatusRow['toAcknowledge'][number]) => {
    try {
      await call('acknowledgeSync', { projectId: row.projectId, ids: [item.id] });
      toast({ text: `Acknowledged: ${item.what}.`, tone: 'info' });
      refresh();
    } catch (error) {
      toast({ text: errorMessage(error), tone: 'error' });
    }
  };
  const waiting = row.openConflicts.length + row.toAcknowledge.length;
  return (
    <div className="stack">
      <p className="team-line" data-testid="team-line">
        {row.line}
      </p>
      <p className="muted team-remote">
        With <span className="team-address">{row.remote}</span>. Sync sends your changes and takes your teammates’; it never runs on its own.
      </p>
      {failure && (
        <p className="error" role="alert">
          The Sync did not finish: {failure}
        </p>
      )}
      {/* The Sync just run, or the last one the store kept (after leaving the screen and coming back). */}
      {(report ?? row.lastReport) && <SyncReport report={(report ?? row.lastReport)!} openUids={new Set(row.openConflicts.map((c) => c.uid))} onCompare={setComparing} />}
      {waiting > 0 && (
        <section className="team-waiting" aria-labelledby="team-waiting-title">
          <h3 id="team-waiting-title">Waiting for you</h3>
          <ul className="team-list">
            {row.openConflicts.map((c) => (
              <li key={c.uid}>
                <span>
                  Conflict: {c.what}, changed by you and by {names(c.by)}.
                </span>
                <button type="button" className="small" onClick={() => setComparing(c.uid)}>
                  Compare
                </button>
              </li>
            ))}
            {row.toAcknowledge.map((item) => (
              <li key={item.id}>
                {/* The words name who made the change: "Ana turned off anonymity of Adopter 2". */}
                <span>{item.what}.</span>
                <button type="button" className="small" onClick={() => void acknowledge(item)}>
                  Acknowledge
                </button>
              </li>
            ))}
          </ul>
          <p className="warning">Public exports wait until each change above is acknowledged and each conflict resolved.</p>
        </section>
      )}
      {comparing && <ComparePanel projectId={row.projectId} conflictUid={comparing} onClose={() => setComparing(null)} />}
    </div>
  );
}
