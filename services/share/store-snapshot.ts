import type { Store } from '../../db/store';
import { archiveToSnapshot } from '../../templates/share/from-archive';
import { recordId, type ShareKind, type ShareRecord, type ShareSnapshot } from '../../templates/share/records';
import { buildArchive } from '../archive-export';
import { conflictRecord } from './store-conflicts';

/**
 * The project's live records as a snapshot (the archive's records, as services/share/files.ts
 * writes them), plus its open conflict records. This is "mine" at a Sync, and what
 * applySnapshot makes the store equal. A conflict about a record the project no longer holds
 * is left out, so the snapshot stays whole (templates/share/merge-check.ts).
 */
export function projectSnapshot(store: Store, projectId: number): ShareSnapshot {
  return store.read(() => {
    const snapshot = new Map<string, ShareRecord>(archiveToSnapshot(buildArchive(store, projectId)));
    for (const row of store.tables.conflict.list({ project_id: projectId }, { orderBy: 'id' })) {
      const record = conflictRecord(store, row);
      // A conflict about a record the project no longer holds (deleted, trashed) has nothing left to resolve.
      if (!snapshot.has(recordId(row.recordKind as ShareKind, row.recordUid))) continue;
      snapshot.set(recordId('conflict', record.uid), record);
    }
    return snapshot;
  });
}
