import type Database from 'better-sqlite3';
import type { EventAction, HistoryEntry } from '../domain/history';
import type { EntityName } from './tables';
import { syncedFrom } from './undo';

export type { HistoryEntry };

interface Row {
  at: string;
  label: string;
  undone: number;
  origin: string;
  authors: string | null;
  action: EventAction;
  before: string | null;
  after: string | null;
}

/** What happened to one record, newest first, field by field. */
export function historyOf(db: Database.Database, entity: EntityName, id: number, limit = 200): HistoryEntry[] {
  const rows = db
    .prepare<[string, number, number], Row>(
      `SELECT c.at, c.label, c.undone, c.origin, c.authors, e.action, e.before, e.after
         FROM event e JOIN change c ON c.id = e.change_id
        WHERE e.entity = ? AND e.entity_id = ?
        ORDER BY e.id DESC LIMIT ?`,
    )
    .all(entity, id, limit);
  return rows.map((row) => {
    const before = (row.before ? (JSON.parse(row.before) as Record<string, unknown> | null) : null) ?? {};
    const after = (row.after ? (JSON.parse(row.after) as Record<string, unknown> | null) : null) ?? {};
    const fields = [...new Set([...Object.keys(before), ...Object.keys(after)])].filter((f) => f !== 'version' && f !== 'createdAt' && f !== 'uid');
    return {
      at: row.at,
      label: row.label,
      action: row.action,
      undone: row.undone === 1,
      changes: fields.map((field) => ({ field, before: before[field] ?? null, after: after[field] ?? null })),
      syncedFrom: syncedFrom(row.origin, row.authors),
    };
  });
}
