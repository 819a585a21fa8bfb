import type { Migration } from './types';

/**
 * The reviewer's settings (author name for Word documents, page size, theme) as key/value
 * rows: a new setting needs no migration, and a missing row means the default. The value
 * is JSON; the services read it through the settings schema, so a bad row falls back to
 * the default instead of breaking the app.
 */
export const settings: Migration = {
  version: 5,
  name: 'settings',
  up(db) {
    db.exec(`
      CREATE TABLE setting (
        key         TEXT PRIMARY KEY,
        value       TEXT NOT NULL,
        updated_at  TEXT NOT NULL
      ) STRICT;
    `);
  },
};
