import type { Migration } from './types';

/**
 * Consistency warnings the reviewer dismissed for one adopter ("Quilfeather" is the
 * product's real spelling). `warning_key` fingerprints the warning and the text it was
 * about, so a dismissal stops matching — and the warning comes back — when that text
 * changes. The message is kept as it read, for the record. `uid` like every record's
 * (migration 6), so the one repository serves this table too.
 */
export const warningDismissals: Migration = {
  version: 8,
  name: 'warning dismissals',
  up(db) {
    db.exec(`
      CREATE TABLE warning_dismissal (
        id           INTEGER PRIMARY KEY,
        adopter_id   INTEGER NOT NULL REFERENCES adopter (id) ON DELETE CASCADE,
        code         TEXT NOT NULL,
        warning_key  TEXT NOT NULL,
        message      TEXT NOT NULL DEFAULT '',
        version      INTEGER NOT NULL DEFAULT 1,
        created_at   TEXT NOT NULL,
        updated_at   TEXT NOT NULL,
        uid          TEXT
      ) STRICT;
      CREATE INDEX warning_dismissal_adopter ON warning_dismissal (adopter_id);
      CREATE UNIQUE INDEX warning_dismissal_uid ON warning_dismissal (uid);
    `);
  },
};
