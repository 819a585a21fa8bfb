import type Database from 'better-sqlite3';
import type { EventAction } from '../domain/history';
import { isoNow, type Clock } from './clock';
import type { EntityName } from './tables';

export type { EventAction };
export type ChangeKind = 'edit' | 'purge';

/**
 * Every write happens inside a change: one user action, one transaction, one row in
 * `change` and one `event` per row it touched (with the fields before and after).
 * Recording in the same transaction as the write means history can never disagree
 * with the data, even after a crash.
 */
export class ChangeLog {
  private current: { id?: number; label: string; kind: ChangeKind } | null = null;
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

  /** Runs `fn` as one change (nested calls join the outer one). IMMEDIATE: no writer can sneak in between read and write. */
  run<T>(label: string, fn: () => T, kind: ChangeKind = 'edit'): T {
    if (this.current) return fn();
    const transaction = this.db.transaction(() => {
      this.current = { label, kind };
      try {
        return fn();
      } finally {
        this.current = null;
      }
    });
    return transaction.immediate();
  }

  record(entity: EntityName, entityId: number, action: EventAction, before: unknown, after: unknown): void {
    if (!this.current) throw new Error(`A ${entity} was written outside a change; wrap the write in ChangeLog.run.`);
    if (this.current.id === undefined) {
      this.current.id = Number(this.insertChange.run(isoNow(this.clock), this.current.label, this.current.kind).lastInsertRowid);
    }
    const json = (v: unknown) => (v === undefined ? null : JSON.stringify(v));
    this.insertEvent.run(this.current.id, entity, entityId, action, json(before), json(after));
  }
}
