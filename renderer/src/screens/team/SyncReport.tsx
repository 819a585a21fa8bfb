import type { SyncReport as Report } from '../../../../services/share/share-service';

/** 09:12, as the status line says it (the reviewer's local time). */
const time = (at: string) => new Date(at).toLocaleTimeString([], { hour: '2-digit', minute: '2-digit', hourCycle: 'h23' });

/**
 * What the Sync just did, in the Sync's own sentences (what arrived from whom, conflicts,
 * values where the last writer won, renumbered adopters, edits that beat a deletion, changes
 * to acknowledge), with a Compare for each conflict it opened that is still open.
 */
export function SyncReport({ report, openUids, onCompare }: { report: Report; openUids: ReadonlySet<string>; onCompare: (conflictUid: string) => void }) {
  const conflicts = report.conflictsOpened.filter((c) => openUids.has(c.conflictUid));
  return (
    <section className="sync-report" aria-labelledby="sync-report-title" data-testid="sync-report" data-at={report.at}>
      <h3 id="sync-report-title">What the Sync at {time(report.at)} did</h3>
      <ul className="sync-sentences">
        {report.sentences.map((sentence, i) => (
          <li key={i}>{sentence}</li>
        ))}
      </ul>
      {conflicts.length > 0 && (
        <div className="cluster">
          {conflicts.map((c) => (
            <button key={c.conflictUid} type="button" className="small" onClick={() => onCompare(c.conflictUid)}>
              Compare {c.what}
              {c.by ? ` with ${c.by}’s` : ''}
            </button>
          ))}
        </div>
      )}
    </section>
  );
}
