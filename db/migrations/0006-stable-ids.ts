import { randomUUID } from 'node:crypto';
import type { Migration } from './types';

/** The tables whose records carry a stable id (uid), the same in every store a record travels to. */
export const UID_TABLES = ['project', 'organization', 'person', 'adopter', 'interview', 'participant', 'answer', 'quote', 'guard_allowance'] as const;

/**
 * A stable id per record (a random UUID, text), so a project archive imported into
 * another store merges by record rather than by names, numbers and dates that either
 * side may have edited. Store ids (`id`) stay local to a database. The column is
 * nullable (a STRICT table cannot add a NOT NULL column without a default) but unique,
 * and every insert sets it; rows already here get one now, row by row (SQLite has no
 * uuid function), inside the migration's transaction.
 */
export const stableIds: Migration = {
  version: 6,
  name: 'stable ids',
  up(db) {
    for (const table of UID_TABLES) {
      db.exec(`ALTER TABLE ${table} ADD COLUMN uid TEXT`);
      const ids = db.prepare<[], number>(`SELECT id FROM ${table} ORDER BY id`).pluck().all();
      const set = db.prepare<[string, number]>(`UPDATE ${table} SET uid = ? WHERE id = ?`);
      for (const id of ids) set.run(randomUUID(), id);
      db.exec(`CREATE UNIQUE INDEX ${table}_uid ON ${table} (uid)`);
    }
  },
};
