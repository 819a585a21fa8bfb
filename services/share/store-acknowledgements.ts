import { isoNow } from '../../db/clock';
import type { Store } from '../../db/store';
import type { Acknowledgement } from '../../templates/share/merge-report';

/**
 * Teammates' changes that weaken anonymity (anonymity turned off, an allowance changed), as a
 * Sync's merge reported them. Publishing waits while one is pending (services/share/store-publish-gate.ts).
 * Acknowledged ones stay, stamped, as the record of who saw what.
 */

export interface PendingAcknowledgement {
  id: number;
  adopterNumber: number | null;
  /** In words: "Ben turned off anonymity of Adopter 3". */
  what: string;
  by: string | null;
  at: string;
}

interface Row {
  id: number;
  reason: Acknowledgement['reason'];
  record_kind: string;
  adopter_number: number | null;
  author: string | null;
  at: string;
}

export function recordAcknowledgements(store: Store, projectId: number, items: readonly Acknowledgement[]): void {
  if (items.length === 0) return;
  const at = isoNow(store.clock);
  const insert = store.db.prepare(
    'INSERT INTO share_acknowledgement (project_id, reason, record_kind, record_uid, adopter_uid, adopter_number, author, at) VALUES (?, ?, ?, ?, ?, ?, ?, ?)',
  );
  store.read(() =>
    store.db.transaction(() => {
      for (const item of items) insert.run(projectId, item.reason, item.kind, item.id, item.adopterUid, item.adopterNumber, item.by, at);
    })(),
  );
}

export function pendingAcknowledgements(store: Store, projectId: number): PendingAcknowledgement[] {
  return store.read(() =>
    store.db
      .prepare<[number], Row>('SELECT id, reason, record_kind, adopter_number, author, at FROM share_acknowledgement WHERE project_id = ? AND acknowledged_at IS NULL ORDER BY id')
      .all(projectId)
      .map((row) => ({ id: row.id, adopterNumber: row.adopter_number, what: describe(row), by: row.author, at: row.at })),
  );
}

export function acknowledge(store: Store, projectId: number, ids: readonly number[]): void {
  const at = isoNow(store.clock);
  const update = store.db.prepare('UPDATE share_acknowledgement SET acknowledged_at = ? WHERE project_id = ? AND id = ? AND acknowledged_at IS NULL');
  store.read(() =>
    store.db.transaction(() => {
      for (const id of ids) update.run(at, projectId, id);
    })(),
  );
}

function describe(row: Row): string {
  const who = row.author ?? 'A teammate';
  const adopter = row.adopter_number === null ? 'an adopter' : `Adopter ${row.adopter_number}`;
  if (row.reason === 'allowance') return `${who} changed what the anonymity guard allows for ${adopter}`;
  return row.record_kind === 'participant' ? `${who} turned off anonymity of an interviewee of ${adopter}` : `${who} turned off anonymity of ${adopter}`;
}
