import type { Migration } from './types';

/**
 * Team mode (issue 19): a project shared through a private Git repository. New tables only,
 * and two columns on `change` whose defaults say what every existing change was (local):
 *
 * - `share_link`: a shared project's remote, the commit the team last agreed on (the merge's
 *   base next time), when it last synced and that Sync's report (JSON). One row per project.
 * - `share_conflict`: open text conflicts (templates/share/merge-conflicts.ts), one per field
 *   of a record, with the competing texts (JSON `[{text, by}]`) and the base. Written through
 *   the change log like any record (`uid` is the conflict's own), so undoing a Sync takes its
 *   conflicts back with it.
 * - `share_acknowledgement`: a teammate's change that weakens anonymity (anonymity turned off,
 *   an allowance changed); publishing waits until someone acknowledges it. Kept after that, as
 *   the record of who acknowledged what and when. Not in the change log: undo never hides one.
 * - `change.origin` ('local' | 'sync') and `change.authors` (JSON list of the teammates whose
 *   records a Sync brought; NULL for a local change), so history says "from Ana (sync)".
 *
 * The archive does not carry any of these: they are this store's link to its team.
 */
export const teamSharing: Migration = {
  version: 12,
  name: 'team sharing',
  up(db) {
    db.exec(`
      CREATE TABLE share_link (
        project_id     INTEGER PRIMARY KEY REFERENCES project (id) ON DELETE CASCADE,
        remote_url     TEXT NOT NULL,
        agreed_commit  TEXT,
        last_sync_at   TEXT,
        last_report    TEXT
      ) STRICT;
      CREATE TABLE share_conflict (
        id           INTEGER PRIMARY KEY,
        project_id   INTEGER NOT NULL REFERENCES project (id) ON DELETE CASCADE,
        record_kind  TEXT NOT NULL,
        record_uid   TEXT NOT NULL,
        field        TEXT NOT NULL,
        base         TEXT,
        texts        TEXT NOT NULL DEFAULT '[]',
        version      INTEGER NOT NULL DEFAULT 1,
        created_at   TEXT NOT NULL,
        updated_at   TEXT NOT NULL,
        uid          TEXT
      ) STRICT;
      CREATE INDEX share_conflict_project ON share_conflict (project_id);
      CREATE UNIQUE INDEX share_conflict_uid ON share_conflict (uid);
      CREATE TABLE share_acknowledgement (
        id               INTEGER PRIMARY KEY,
        project_id       INTEGER NOT NULL REFERENCES project (id) ON DELETE CASCADE,
        reason           TEXT NOT NULL CHECK (reason IN ('anonymity-off', 'allowance')),
        record_kind      TEXT NOT NULL,
        record_uid       TEXT NOT NULL,
        adopter_uid      TEXT,
        adopter_number   INTEGER,
        author           TEXT,
        at               TEXT NOT NULL,
        acknowledged_at  TEXT
      ) STRICT;
      CREATE INDEX share_acknowledgement_pending ON share_acknowledgement (project_id, acknowledged_at);
      ALTER TABLE change ADD COLUMN origin TEXT NOT NULL DEFAULT 'local' CHECK (origin IN ('local', 'sync'));
      ALTER TABLE change ADD COLUMN authors TEXT;
    `);
  },
};
