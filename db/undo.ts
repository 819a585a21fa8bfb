import type Database from 'better-sqlite3';
import { DeskError } from '../domain/errors';
import type { EventAction, UndoResult } from '../domain/history';
import type { EntityTable, RowMeta } from './entity-table';
import type { EntityName } from './tables';

interface ChangeRow {
  id: number;
  at: string;
  label: string;
  kind: 'edit' | 'purge';
}

interface EventRow {
  entity: EntityName;
  entity_id: number;
  action: EventAction;
  before: string | null;
  after: string | null;
}

type Tables = Readonly<Record<EntityName, EntityTable<RowMeta>>>;

/**
 * Reverts the newest change that is not undone yet, event by event in reverse order,
 * in one transaction. Called repeatedly it walks back through history. Rows get a NEW
 * version on undo (never the old number back), so a window still holding the undone
 * edit cannot overwrite what undo restored.
 */
export function undoLastChange(db: Database.Database, tables: Tables): UndoResult {
  const run = db.transaction((): UndoResult => {
    const change = db
      .prepare<[], ChangeRow>('SELECT id, at, label, kind FROM change WHERE undone = 0 ORDER BY id DESC LIMIT 1')
      .get();
    if (!change) throw new DeskError('NOTHING_TO_UNDO', 'There is nothing to undo.');
    if (change.kind === 'purge') {
      throw new DeskError('NOTHING_TO_UNDO', 'The last change emptied the trash, which is final: nothing before it can be undone.');
    }
    const events = db
      .prepare<[number], EventRow>('SELECT entity, entity_id, action, before, after FROM event WHERE change_id = ? ORDER BY id DESC')
      .all(change.id);
    for (const event of events) {
      const table = tables[event.entity];
      const before = event.before ? (JSON.parse(event.before) as Record<string, unknown>) : {};
      switch (event.action) {
        case 'create':
          table.deleteUnlogged(event.entity_id);
          break;
        case 'update':
          table.writeFields(event.entity_id, before);
          break;
        case 'trash':
        case 'restore':
          table.setDeletedAt(event.entity_id, (before.deletedAt as string | null) ?? null);
          break;
        case 'delete':
          table.reinsert(event.entity_id, before);
          break;
        case 'purge':
          throw new DeskError('NOTHING_TO_UNDO', 'Emptying the trash is final and cannot be undone.');
      }
    }
    db.prepare('UPDATE change SET undone = 1 WHERE id = ?').run(change.id);
    return { label: change.label, at: change.at, events: events.length };
  });
  return run.immediate();
}
