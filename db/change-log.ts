import type Database from 'better-sqlite3';
import type { EventAction } from '../domain/history';
import { subjectOfEvent } from './change-subject';
import { isoNow, type Clock } from './clock';
import type { EntityName } from './tables';

export type { EventAction };
export type ChangeKind = 'edit' | 'purge';

interface Current {
  id?: number;
  label: string;
  kind: ChangeKind;
  /** The project it belongs to, from the first event under a project; null until one is seen. */
  projectId: number | null;
  /** What it touched, named for the Undo button: the project's event's subject when there is one. */
  target: string;
  /** It touched a project's own row, or nothing under a project: undoable from the app's own screens. */
  appLevel: boolean;
}

/**
 * Every write happens inside a change: one user action, one transaction, one row in
 * `change` and one `event` per row it touched (with the fields before and after).
 * Recording in the same transaction as the write means history can never disagree
 * with the data, even after a crash.
 *
 * Each change also records the project it belongs to and what it touched (db/change-subject.ts),
 * so undo can walk back one project's changes and name them; and a new change ends the redo of
 * the changes undone before it in the same scope (the usual rule of every editor).
 */
export class ChangeLog {
  private current: Current | null = null;
  /**
   * Runs last inside every change that wrote under a project, before it commits: a throw
   * rolls the whole change back. The services set it to the project limits
   * (services/project-limits.ts), which the database layer does not know.
   */
  beforeCommit: ((projectId: number) => void) | null = null;
  private readonly insertChange: Database.Statement<[string, string, string]>;
  private readonly insertEvent: Database.Statement<[number, string, number, string, string | null, string | null]>;

  constructor(
    private readonly db: Database.Database,
    private readonly clock: Clock,
  ) {
    this.insertChange = db.prepare('INSERT INTO change (at, label, kind) VALUES (?, ?, ?)');
    this.insertEvent = db.prepare(
      'INSERT INTO event (change_id, entity, entity_id, action, before, after) VALUES (?, ?, ?, ?, ?, ?)',
    );
  }

  get active(): boolean {
    return this.current !== null;
  }

  /** The project the change under way has written to so far (null: none yet, or no change under way). */
  get projectOfChange(): number | null {
    return this.current?.projectId ?? null;
  }

  /**
   * Files the change under way under `projectId` from now on, whatever it writes first: a Sync
   * that changed only records several projects share (an organization's aliases) is still its
   * project's change, undone from that project's screens. No change under way: nothing.
   */
  claimProject(projectId: number): void {
    const current = this.current;
    if (!current || current.projectId !== null || current.kind !== 'edit') return;
    const subject = subjectOfEvent(this.db, 'project', projectId, {});
    current.projectId = subject.projectId;
    current.target = subject.target;
  }

  /** Runs `fn` as one change (nested calls join the outer one). IMMEDIATE: no writer can sneak in between read and write. */
  run<T>(label: string, fn: () => T, kind: ChangeKind = 'edit'): T {
    if (this.current) return fn();
    const transaction = this.db.transaction(() => {
      const current: Current = { label, kind, projectId: null, target: '', appLevel: false };
      this.current = current;
      try {
        const result = fn();
        if (current.id !== undefined && current.projectId !== null && current.kind === 'edit') this.beforeCommit?.(current.projectId);
        if (current.id !== undefined) this.close(current);
        return result;
      } finally {
        this.current = null;
      }
    });
    return transaction.immediate();
  }

  /** Writes what the change belongs to, and ends the redo of what was undone before it in its scope. */
  private close(current: Current & { id?: number }): void {
    const appLevel = current.appLevel || current.projectId === null;
    this.db
      .prepare('UPDATE change SET project_id = ?, target = ?, app_level = ? WHERE id = ?')
      .run(current.projectId, current.target, appLevel ? 1 : 0, current.id!);
    if (current.kind !== 'edit') return;
    if (current.projectId !== null) this.db.prepare('UPDATE change SET redoable = 0 WHERE redoable = 1 AND project_id = ?').run(current.projectId);
    if (appLevel) this.db.prepare('UPDATE change SET redoable = 0 WHERE redoable = 1 AND app_level = 1').run();
  }

  private noteSubject(entity: EntityName, entityId: number, before: unknown, after: unknown): void {
    const current = this.current!;
    // Emptying the trash belongs to no project: it is the app's, whatever it removed.
    if (current.kind === 'purge') return;
    if (entity === 'project') current.appLevel = true;
    if (current.projectId !== null) return;
    const values = { ...(before as Record<string, unknown> | undefined), ...(after as Record<string, unknown> | undefined) };
    const subject = subjectOfEvent(this.db, entity, entityId, values);
    if (subject.projectId !== null) {
      current.projectId = subject.projectId;
      current.target = subject.target;
    } else if (!current.target) current.target = subject.target;
  }

  record(entity: EntityName, entityId: number, action: EventAction, before: unknown, after: unknown): void {
    if (!this.current) throw new Error(`A ${entity} was written outside a change; wrap the write in ChangeLog.run.`);
    this.noteSubject(entity, entityId, before, after);
    if (this.current.id === undefined) {
      this.current.id = Number(this.insertChange.run(isoNow(this.clock), this.current.label, this.current.kind).lastInsertRowid);
    }
    const json = (v: unknown) => (v === undefined ? null : JSON.stringify(v));
    this.insertEvent.run(this.current.id, entity, entityId, action, json(before), json(after));
  }
}
