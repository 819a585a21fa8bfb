import type Database from 'better-sqlite3';
import { DeskError } from '../domain/errors';
import type { ChangeSummary, EventAction, HistoryListEntry, UndoResult, UndoScope, UndoState } from '../domain/history';
import type { EntityTable, RowMeta } from './entity-table';
import type { EntityName } from './tables';

interface ChangeRow {
  id: number;
  at: string;
  label: string;
  target: string;
  project_id: number | null;
  app_level: number;
  origin: 'local' | 'sync';
  authors: string | null;
}

interface EventRow {
  entity: EntityName;
  entity_id: number;
  action: EventAction;
  before: string | null;
  after: string | null;
}

type Tables = Readonly<Record<EntityName, EntityTable<RowMeta>>>;

const CHANGE_COLUMNS = 'c.id, c.at, c.label, c.target, c.project_id, c.app_level, c.origin, c.authors';

/** The changes a screen's Undo walks back: its project's, or the app-level ones. */
function inScope(scope: UndoScope): { sql: string; params: number[] } {
  return 'projectId' in scope ? { sql: 'c.project_id = ?', params: [scope.projectId] } : { sql: 'c.app_level = 1', params: [] };
}

/** Where a change is undone from: its project's screens, or the app's own for app-level ones. */
const scopeOfChange = (change: ChangeRow): UndoScope => (change.project_id !== null ? { projectId: change.project_id } : { app: true });

/** A change that can still be undone is the newest not undone of its scope. */
function nextToUndo(db: Database.Database, scope: UndoScope): ChangeRow | undefined {
  const where = inScope(scope);
  return db
    .prepare<number[], ChangeRow>(
      `SELECT ${CHANGE_COLUMNS} FROM change c WHERE c.undone = 0 AND c.undoable = 1 AND c.kind = 'edit' AND ${where.sql} ORDER BY c.id DESC LIMIT 1`,
    )
    .get(...where.params);
}

/** The last change undone in the scope, while no newer change there has ended its redo. */
function nextToRedo(db: Database.Database, scope: UndoScope): ChangeRow | undefined {
  const where = inScope(scope);
  return db
    .prepare<number[], ChangeRow>(
      `SELECT ${CHANGE_COLUMNS} FROM change c WHERE c.undone = 1 AND c.redoable = 1 AND ${where.sql} ORDER BY c.undo_seq DESC LIMIT 1`,
    )
    .get(...where.params);
}

const summaryOf = (change: ChangeRow): ChangeSummary => ({
  id: change.id,
  label: change.label,
  target: change.target,
  at: change.at,
  projectId: change.project_id,
  syncedFrom: syncedFrom(change.origin, change.authors),
});

/** A Sync's authors (migration 12), null for a change made here. */
export const syncedFrom = (origin: string, authors: string | null): string[] | null => (origin === 'sync' ? ((JSON.parse(authors ?? '[]') as string[] | null) ?? []) : null);

/**
 * Another change, made later and still in effect, touched a row this one did: undoing (or
 * redoing) this one would silently take that one back too, so it waits until that is undone.
 */
function laterChangeOnSameRows(db: Database.Database, change: ChangeRow): ChangeRow | undefined {
  return db
    .prepare<[number, number], ChangeRow>(
      `SELECT ${CHANGE_COLUMNS} FROM event e
         JOIN event e2 ON e2.entity = e.entity AND e2.entity_id = e.entity_id AND e2.change_id > e.change_id
         JOIN change c ON c.id = e2.change_id
        WHERE e.change_id = ? AND c.undone = 0 AND c.id > ?
        ORDER BY c.id LIMIT 1`,
    )
    .get(change.id, change.id);
}

function refuseIfBlocked(db: Database.Database, change: ChangeRow, verb: 'undo' | 'redo'): void {
  const later = laterChangeOnSameRows(db, change);
  if (!later) return;
  const where = later.target ? ` (${later.target})` : '';
  throw new DeskError(
    'CONFLICT',
    `“${change.label}” cannot be ${verb === 'undo' ? 'undone' : 'redone'} yet: a later change, “${later.label}”${where}, changed the same record. Undo that one first, from the history list.`,
  );
}

/**
 * Rows elsewhere that point at an organization or a person this change would remove. The
 * database would refuse some (an adopter's organization) and quietly blank others (a person's
 * organization, a quote's speaker): either way undo must not be the one to decide.
 */
function stillUsed(db: Database.Database, entity: EntityName, id: number): boolean {
  const uses: Partial<Record<EntityName, string[]>> = {
    organization: ['SELECT 1 FROM adopter WHERE organization_id = ?', 'SELECT 1 FROM person WHERE organization_id = ?'],
    person: ['SELECT 1 FROM participant WHERE person_id = ?', 'SELECT 1 FROM quote WHERE speaker_person_id = ?'],
  };
  return (uses[entity] ?? []).some((sql) => db.prepare<[number], unknown>(sql).get(id) !== undefined);
}

function removeRow(db: Database.Database, table: EntityTable<RowMeta>, event: EventRow, change: ChangeRow): void {
  if (stillUsed(db, event.entity, event.entity_id)) {
    throw new DeskError('CONFLICT', `“${change.label}” cannot be taken back: the ${event.entity} it added is now used elsewhere. Nothing was changed.`);
  }
  table.deleteUnlogged(event.entity_id);
}

const parse = (json: string | null): Record<string, unknown> => (json ? ((JSON.parse(json) as Record<string, unknown> | null) ?? {}) : {});

function eventsOf(db: Database.Database, change: ChangeRow, order: 'ASC' | 'DESC'): EventRow[] {
  return db.prepare<[number], EventRow>(`SELECT entity, entity_id, action, before, after FROM event WHERE change_id = ? ORDER BY id ${order}`).all(change.id);
}

/** Puts every row the change touched back as it was before, newest event first. */
function revert(db: Database.Database, tables: Tables, change: ChangeRow): number {
  const events = eventsOf(db, change, 'DESC');
  for (const event of events) {
    const table = tables[event.entity];
    const before = parse(event.before);
    switch (event.action) {
      case 'create':
        removeRow(db, table, event, change);
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
  return events.length;
}

/** Makes the change again, oldest event first, as it was first made. */
function reapply(db: Database.Database, tables: Tables, change: ChangeRow): number {
  const events = eventsOf(db, change, 'ASC');
  for (const event of events) {
    const table = tables[event.entity];
    const after = parse(event.after);
    switch (event.action) {
      case 'create': {
        // A newer version than any the row had, so a window still holding an old one cannot overwrite it.
        const seen = db.prepare<[string, number], { n: number }>('SELECT count(*) AS n FROM event WHERE entity = ? AND entity_id = ?').get(event.entity, event.entity_id)!.n;
        table.reinsert(event.entity_id, { ...after, version: seen * 2 });
        break;
      }
      case 'update':
        table.writeFields(event.entity_id, after);
        break;
      case 'trash':
      case 'restore':
        table.setDeletedAt(event.entity_id, (after.deletedAt as string | null) ?? null);
        break;
      case 'delete':
        removeRow(db, table, event, change);
        break;
      case 'purge':
        throw new DeskError('NOTHING_TO_UNDO', 'Emptying the trash is final and cannot be redone.');
    }
  }
  return events.length;
}

/**
 * A change of another scope, made later and still in effect, may have removed a record this
 * one's rows point at (an organization deleted after an adopter was moved to it): the
 * database refuses the write, the transaction puts everything back, and the reviewer is told
 * in words which way round to go.
 */
function asConflict<T>(change: ChangeRow, verb: 'undo' | 'redo', fn: () => T): T {
  try {
    return fn();
  } catch (error) {
    const code = (error as { code?: unknown }).code;
    if (typeof code === 'string' && code.startsWith('SQLITE_CONSTRAINT')) {
      throw new DeskError(
        'CONFLICT',
        `“${change.label}” cannot be ${verb === 'undo' ? 'undone' : 'redone'} yet: a later change removed or took a record it needs. Undo the later changes first, from the history list. Nothing was changed.`,
      );
    }
    throw error;
  }
}

function undoRow(db: Database.Database, tables: Tables, change: ChangeRow): UndoResult {
  refuseIfBlocked(db, change, 'undo');
  const events = asConflict(change, 'undo', () => revert(db, tables, change));
  db.prepare('UPDATE change SET undone = 1, redoable = 1, undo_seq = (SELECT coalesce(max(undo_seq), 0) + 1 FROM change) WHERE id = ?').run(change.id);
  return { ...summaryOf(change), events };
}

/**
 * Reverts the newest change of the scope that is not undone yet, event by event in reverse
 * order, in one transaction. Called repeatedly it walks back through that scope's history.
 * Rows get a NEW version on undo (never the old number back), so a window still holding the
 * undone edit cannot overwrite what undo restored.
 */
export function undoLastChange(db: Database.Database, tables: Tables, scope: UndoScope): UndoResult {
  return db
    .transaction((): UndoResult => {
      const change = nextToUndo(db, scope);
      if (!change) throw new DeskError('NOTHING_TO_UNDO', 'There is nothing to undo here.');
      return undoRow(db, tables, change);
    })
    .immediate();
}

/** Makes again the change undone last in the scope; a new change there ends redo. */
export function redoLastUndone(db: Database.Database, tables: Tables, scope: UndoScope): UndoResult {
  return db
    .transaction((): UndoResult => {
      const change = nextToRedo(db, scope);
      if (!change) throw new DeskError('NOTHING_TO_UNDO', 'There is nothing to redo here.');
      refuseIfBlocked(db, change, 'redo');
      const events = asConflict(change, 'redo', () => reapply(db, tables, change));
      db.prepare('UPDATE change SET undone = 0, redoable = 0, undo_seq = NULL WHERE id = ?').run(change.id);
      return { ...summaryOf(change), events };
    })
    .immediate();
}

/**
 * Undoes one change chosen in the history list: allowed when it is the newest of its own
 * project (or of the app-level changes), as Ctrl+Z on that project's screen would.
 */
export function undoChosenChange(db: Database.Database, tables: Tables, id: number): UndoResult {
  return db
    .transaction((): UndoResult => {
      const change = db.prepare<[number], ChangeRow>(`SELECT ${CHANGE_COLUMNS} FROM change c WHERE c.id = ? AND c.undone = 0 AND c.undoable = 1 AND c.kind = 'edit'`).get(id);
      if (!change) throw new DeskError('NOTHING_TO_UNDO', 'That change is undone already, or it can no longer be undone.');
      const newest = nextToUndo(db, scopeOfChange(change));
      if (newest && newest.id !== change.id) {
        throw new DeskError('CONFLICT', `Undo “${newest.label}”${newest.target ? ` (${newest.target})` : ''} first: it came after “${change.label}” in the same project.`);
      }
      return undoRow(db, tables, change);
    })
    .immediate();
}

/** What Undo and Redo would do now in the scope, to name them on the buttons. */
export function undoStateOf(db: Database.Database, scope: UndoScope): UndoState {
  const undo = nextToUndo(db, scope);
  const redo = nextToRedo(db, scope);
  return { undo: undo ? summaryOf(undo) : null, redo: redo ? summaryOf(redo) : null };
}

/** The latest changes of every project, newest first, for the history list. */
export function recentChanges(db: Database.Database, limit: number): HistoryListEntry[] {
  const rows = db
    .prepare<[number], ChangeRow & { undone: number; undoable: number; kind: string; project_name: string | null }>(
      `SELECT ${CHANGE_COLUMNS}, c.undone, c.undoable, c.kind, p.name AS project_name
         FROM change c LEFT JOIN project p ON p.id = c.project_id
        ORDER BY c.id DESC LIMIT ?`,
    )
    .all(limit);
  // The one change each scope would undo next: only those are offered.
  const next = new Map<string, number | undefined>();
  const nextOf = (row: ChangeRow) => {
    const key = String(row.project_id);
    if (!next.has(key)) next.set(key, nextToUndo(db, scopeOfChange(row))?.id);
    return next.get(key);
  };
  return rows.map((row) => ({
    ...summaryOf(row),
    undone: row.undone === 1,
    canUndo: nextOf(row) === row.id,
    projectName: row.project_name,
  }));
}
