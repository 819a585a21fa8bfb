import type { Migration } from './types';

/**
 * Terms the reviewer released from the anonymity guard for one adopter (a false
 * positive: an anonymous "Apple" in an orchard's summary). Scoped to that adopter's
 * own entry unless entry_number is NULL.
 */
export const guardAllowances: Migration = {
  version: 4,
  name: 'guard allowances',
  up(db) {
    db.exec(`
      CREATE TABLE guard_allowance (
        id            INTEGER PRIMARY KEY,
        adopter_id    INTEGER NOT NULL REFERENCES adopter (id) ON DELETE CASCADE,
        term          TEXT NOT NULL,
        entry_number  INTEGER,
        note          TEXT NOT NULL DEFAULT '',
        version       INTEGER NOT NULL DEFAULT 1,
        created_at    TEXT NOT NULL,
        updated_at    TEXT NOT NULL
      ) STRICT;
      CREATE INDEX guard_allowance_adopter ON guard_allowance (adopter_id);
    `);
  },
};
