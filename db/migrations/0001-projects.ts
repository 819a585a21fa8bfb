import type { Migration } from './types';

export const projects: Migration = {
  version: 1,
  name: 'projects',
  up(db) {
    db.exec(`
      CREATE TABLE project (
        id          INTEGER PRIMARY KEY,
        name        TEXT NOT NULL,
        slug        TEXT NOT NULL UNIQUE,
        level       TEXT NOT NULL CHECK (level IN ('incubation', 'graduation')),
        version     INTEGER NOT NULL DEFAULT 1,
        created_at  TEXT NOT NULL,
        updated_at  TEXT NOT NULL
      ) STRICT;
    `);
  },
};
