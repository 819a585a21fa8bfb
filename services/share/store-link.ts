import type { Store } from '../../db/store';

/** A project's link to its team repository (null when not shared). */
export interface ShareLink {
  projectId: number;
  projectUid: string;
  remoteUrl: string;
  /** The commit the team last agreed on: the merge's base at the next Sync. */
  agreedCommit: string | null;
  lastSyncAt: string | null;
  /** The last Sync's report, as it was saved (JSON). */
  lastReport: unknown | null;
}

interface LinkRow {
  project_id: number;
  uid: string | null;
  remote_url: string;
  agreed_commit: string | null;
  last_sync_at: string | null;
  last_report: string | null;
}

const SELECT = 'SELECT l.project_id, p.uid, l.remote_url, l.agreed_commit, l.last_sync_at, l.last_report FROM share_link l JOIN project p ON p.id = l.project_id';

const toLink = (row: LinkRow): ShareLink => ({
  projectId: row.project_id,
  projectUid: row.uid ?? '',
  remoteUrl: row.remote_url,
  agreedCommit: row.agreed_commit,
  lastSyncAt: row.last_sync_at,
  lastReport: row.last_report === null ? null : (JSON.parse(row.last_report) as unknown),
});

export function shareLinkOf(store: Store, projectId: number): ShareLink | null {
  return store.read(() => {
    const row = store.db.prepare<[number], LinkRow>(`${SELECT} WHERE l.project_id = ?`).get(projectId);
    return row ? toLink(row) : null;
  });
}

/** The live or trashed project with this stable id, if this store holds it. */
export function projectIdOfUid(store: Store, projectUid: string): number | null {
  return store.read(() => store.tables.project.findByUid(projectUid)?.id ?? null);
}

/**
 * Saves the link (creating it at a Share or a Join). Not a change of the project: the link is
 * this store's own bookkeeping, so undo never takes a Sync's agreed commit back. `lastReport`
 * left out keeps the one saved.
 */
export function saveShareLink(store: Store, link: { projectId: number; remoteUrl: string; agreedCommit: string | null; lastSyncAt: string | null; lastReport?: unknown }): void {
  const report = link.lastReport === undefined ? undefined : JSON.stringify(link.lastReport ?? null);
  store.read(() =>
    store.db
      .prepare(
        `INSERT INTO share_link (project_id, remote_url, agreed_commit, last_sync_at, last_report) VALUES (@projectId, @remoteUrl, @agreedCommit, @lastSyncAt, @report)
         ON CONFLICT (project_id) DO UPDATE SET remote_url = excluded.remote_url, agreed_commit = excluded.agreed_commit, last_sync_at = excluded.last_sync_at,
           last_report = ${report === undefined ? 'share_link.last_report' : 'excluded.last_report'}`,
      )
      .run({ projectId: link.projectId, remoteUrl: link.remoteUrl, agreedCommit: link.agreedCommit, lastSyncAt: link.lastSyncAt, report: report ?? null }),
  );
}

export function listShareLinks(store: Store): ShareLink[] {
  return store.read(() => store.db.prepare<[], LinkRow>(`${SELECT} ORDER BY l.project_id`).all().map(toLink));
}
