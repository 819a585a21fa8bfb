import type Database from 'better-sqlite3';
import type { Adopter } from '../domain/adopter';
import type { Allowance } from '../domain/allowance';
import type { Dismissal } from '../domain/dismissal';
import type { Answer, Interview, Participant, Quote } from '../domain/interview';
import type { Organization } from '../domain/organization';
import type { Person } from '../domain/person';
import type { Project } from '../domain/project';
import type { ShareConflictRow } from './share-conflict';
import { ChangeLog, type ChangeKind } from './change-log';
import { systemClock, type Clock } from './clock';
import { EntityTable, type RowMeta } from './entity-table';
import type { HistoryEntry, HistoryListEntry, UndoResult, UndoScope, UndoState } from '../domain/history';
import { historyOf } from './history';
import { openDatabase, type OpenOptions } from './open';
import { indexPendingDocuments } from './search-queue';
import { toDeskError } from './sqlite-errors';
import { TABLES, type EntityName } from './tables';
import { recentChanges, redoLastUndone, undoChosenChange, undoLastChange, undoStateOf } from './undo';

export interface StoreTables {
  project: EntityTable<Project>;
  organization: EntityTable<Organization>;
  person: EntityTable<Person>;
  adopter: EntityTable<Adopter>;
  interview: EntityTable<Interview>;
  participant: EntityTable<Participant>;
  answer: EntityTable<Answer>;
  quote: EntityTable<Quote>;
  allowance: EntityTable<Allowance>;
  dismissal: EntityTable<Dismissal>;
  conflict: EntityTable<ShareConflictRow>;
}

/** The open database, one table object per entity, and the change log they share. */
export interface Store {
  file: string;
  db: Database.Database;
  clock: Clock;
  tables: StoreTables;
  /**
   * Runs a user action as one change (one transaction, one history entry). Driver
   * errors leave as DeskErrors that say the edit was NOT saved.
   */
  change<T>(label: string, fn: () => T, kind?: ChangeKind): T;
  /** The project the change under way has written to so far; null outside a change or before its first write under a project. */
  changingProject(): number | null;
  /** Files the change under way under this project whatever it writes (db/change-log.ts `claimProject`). */
  claimProject(projectId: number): void;
  /** A check run inside every change that wrote under a project, just before it commits (a throw rolls it back). */
  checkBeforeCommit(check: ((projectId: number) => void) | null): void;
  /** Reads with the same error translation (a damaged file is reported, not thrown raw). */
  read<T>(fn: () => T): T;
  /** Undoes the newest change of the scope (a project's, or the app-level ones). */
  undo(scope: UndoScope): UndoResult;
  /** Makes again the change undone last in the scope, until a new change there. */
  redo(scope: UndoScope): UndoResult;
  /** Undoes a change chosen in the history list, when it is the next of its own project. */
  undoChange(id: number): UndoResult;
  undoState(scope: UndoScope): UndoState;
  recentChanges(limit: number): HistoryListEntry[];
  /**
   * Indexes the documents saved since the last time (db/search-queue.ts): before a search,
   * and when the app is idle. Returns how many; 0 costs one read.
   */
  indexPending(): number;
  history(entity: EntityName, id: number): HistoryEntry[];
  /**
   * Copies the write-ahead log into the database file and empties it (before closing, so the
   * file alone holds everything). True when every saved page made it into the file.
   */
  checkpoint(): boolean;
  close(): void;
}

export function openStore(file: string, options: OpenOptions & { clock?: Clock } = {}): Store {
  const db = openDatabase(file, options);
  const clock = options.clock ?? systemClock;
  const log = new ChangeLog(db, clock);
  const table = <R extends RowMeta>(entity: EntityName) => new EntityTable<R>(db, TABLES[entity], clock, log);
  const tables: StoreTables = {
    project: table('project'),
    organization: table('organization'),
    person: table('person'),
    adopter: table('adopter'),
    interview: table('interview'),
    participant: table('participant'),
    answer: table('answer'),
    quote: table('quote'),
    allowance: table('allowance'),
    dismissal: table('dismissal'),
    conflict: table('conflict'),
  };
  const rowTables = tables as unknown as Record<EntityName, EntityTable<RowMeta>>;
  const guard = <T>(action: string, fn: () => T): T => {
    try {
      return fn();
    } catch (error) {
      throw toDeskError(error, { file, action });
    }
  };
  return {
    file,
    db,
    clock,
    tables,
    change: (label, fn, kind) => guard(`save "${label}"`, () => log.run(label, fn, kind)),
    changingProject: () => log.projectOfChange,
    claimProject: (projectId) => log.claimProject(projectId),
    checkBeforeCommit: (check) => {
      log.beforeCommit = check;
    },
    read: (fn) => guard('read the database', fn),
    undo: (scope) => guard('undo', () => undoLastChange(db, rowTables, scope)),
    redo: (scope) => guard('redo', () => redoLastUndone(db, rowTables, scope)),
    undoChange: (id) => guard('undo', () => undoChosenChange(db, rowTables, id)),
    undoState: (scope) => guard('read the history', () => undoStateOf(db, scope)),
    recentChanges: (limit) => guard('read the history', () => recentChanges(db, limit)),
    indexPending: () => guard('update the search index', () => indexPendingDocuments(db)),
    history: (entity, id) => guard('read the history', () => historyOf(db, entity, id)),
    checkpoint: () =>
      guard('write the database file', () => {
        const [result] = db.pragma('wal_checkpoint(TRUNCATE)') as { busy: number }[];
        return result !== undefined && result.busy === 0;
      }),
    close: () => {
      if (db.open) db.close();
    },
  };
}
