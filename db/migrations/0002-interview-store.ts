import type { Migration } from './types';

/**
 * The whole interview store: organizations and people (shared by projects), adopters
 * per project, interviews with their participants, notes per question and quotes, and
 * the change log behind history and undo. Projects, adopters and interviews go to a
 * trash (deleted_at) before they can be removed for good.
 */
export const interviewStore: Migration = {
  version: 2,
  name: 'interview store',
  up(db) {
    db.exec(`
      ALTER TABLE project ADD COLUMN application_url TEXT;
      ALTER TABLE project ADD COLUMN dd_pull_request_url TEXT;
      ALTER TABLE project ADD COLUMN adopters_file_url TEXT;
      ALTER TABLE project ADD COLUMN notes TEXT NOT NULL DEFAULT '';
      ALTER TABLE project ADD COLUMN archived INTEGER NOT NULL DEFAULT 0 CHECK (archived IN (0, 1));
      ALTER TABLE project ADD COLUMN deleted_at TEXT;

      CREATE TABLE organization (
        id          INTEGER PRIMARY KEY,
        name        TEXT NOT NULL,
        aliases     TEXT NOT NULL DEFAULT '[]',
        website     TEXT,
        industry    TEXT,
        version     INTEGER NOT NULL DEFAULT 1,
        created_at  TEXT NOT NULL,
        updated_at  TEXT NOT NULL
      ) STRICT;

      CREATE TABLE person (
        id               INTEGER PRIMARY KEY,
        name             TEXT NOT NULL,
        role             TEXT,
        email            TEXT,
        organization_id  INTEGER REFERENCES organization (id) ON DELETE SET NULL,
        maintainer       INTEGER NOT NULL DEFAULT 0 CHECK (maintainer IN (0, 1)),
        version          INTEGER NOT NULL DEFAULT 1,
        created_at       TEXT NOT NULL,
        updated_at       TEXT NOT NULL
      ) STRICT;
      CREATE INDEX person_organization ON person (organization_id);

      CREATE TABLE adopter (
        id                   INTEGER PRIMARY KEY,
        project_id           INTEGER NOT NULL REFERENCES project (id) ON DELETE CASCADE,
        organization_id      INTEGER NOT NULL REFERENCES organization (id) ON DELETE RESTRICT,
        number               INTEGER NOT NULL CHECK (number >= 1),
        anonymous            INTEGER NOT NULL DEFAULT 0 CHECK (anonymous IN (0, 1)),
        public_label         TEXT,
        adopter_type         TEXT NOT NULL DEFAULT 'end-user',
        relation             TEXT NOT NULL DEFAULT 'direct',
        independent          INTEGER NOT NULL DEFAULT 1 CHECK (independent IN (0, 1)),
        independence_reason  TEXT,
        vendor_note          TEXT NOT NULL DEFAULT '',
        usage_level          TEXT,
        in_use_since         TEXT,
        scale                TEXT,
        stage                TEXT NOT NULL DEFAULT 'candidate',
        stage_dates          TEXT NOT NULL DEFAULT '{}',
        notes                TEXT NOT NULL DEFAULT '',
        version              INTEGER NOT NULL DEFAULT 1,
        created_at           TEXT NOT NULL,
        updated_at           TEXT NOT NULL,
        deleted_at           TEXT,
        UNIQUE (project_id, number)
      ) STRICT;
      CREATE INDEX adopter_organization ON adopter (organization_id);

      CREATE TABLE interview (
        id                INTEGER PRIMARY KEY,
        adopter_id        INTEGER NOT NULL REFERENCES adopter (id) ON DELETE CASCADE,
        date              TEXT,
        month             TEXT,
        interviewers      TEXT NOT NULL DEFAULT '[]',
        duration_minutes  INTEGER,
        question_set      TEXT NOT NULL,
        raw_notes         TEXT NOT NULL DEFAULT '',
        summary           TEXT NOT NULL DEFAULT '',
        summary_sent_at   TEXT,
        approved_at       TEXT,
        approved_hash     TEXT,
        version           INTEGER NOT NULL DEFAULT 1,
        created_at        TEXT NOT NULL,
        updated_at        TEXT NOT NULL,
        deleted_at        TEXT
      ) STRICT;
      CREATE INDEX interview_adopter ON interview (adopter_id);

      CREATE TABLE participant (
        id            INTEGER PRIMARY KEY,
        interview_id  INTEGER NOT NULL REFERENCES interview (id) ON DELETE CASCADE,
        person_id     INTEGER NOT NULL REFERENCES person (id) ON DELETE RESTRICT,
        anonymous     INTEGER NOT NULL DEFAULT 0 CHECK (anonymous IN (0, 1)),
        position      INTEGER NOT NULL,
        version       INTEGER NOT NULL DEFAULT 1,
        created_at    TEXT NOT NULL,
        updated_at    TEXT NOT NULL,
        UNIQUE (interview_id, person_id)
      ) STRICT;
      CREATE INDEX participant_person ON participant (person_id);

      CREATE TABLE answer (
        id            INTEGER PRIMARY KEY,
        interview_id  INTEGER NOT NULL REFERENCES interview (id) ON DELETE CASCADE,
        question_key  TEXT NOT NULL,
        text          TEXT NOT NULL DEFAULT '',
        version       INTEGER NOT NULL DEFAULT 1,
        created_at    TEXT NOT NULL,
        updated_at    TEXT NOT NULL,
        UNIQUE (interview_id, question_key)
      ) STRICT;

      CREATE TABLE quote (
        id                 INTEGER PRIMARY KEY,
        interview_id       INTEGER NOT NULL REFERENCES interview (id) ON DELETE CASCADE,
        text               TEXT NOT NULL,
        speaker_person_id  INTEGER REFERENCES person (id) ON DELETE SET NULL,
        approved           INTEGER NOT NULL DEFAULT 0 CHECK (approved IN (0, 1)),
        tags               TEXT NOT NULL DEFAULT '[]',
        version            INTEGER NOT NULL DEFAULT 1,
        created_at         TEXT NOT NULL,
        updated_at         TEXT NOT NULL
      ) STRICT;
      CREATE INDEX quote_interview ON quote (interview_id);
      CREATE INDEX quote_speaker ON quote (speaker_person_id);

      -- One row per user action; its events are the row changes it made. Undo reverts
      -- the newest change that is not undone, event by event in reverse order.
      CREATE TABLE change (
        id      INTEGER PRIMARY KEY,
        at      TEXT NOT NULL,
        label   TEXT NOT NULL,
        kind    TEXT NOT NULL DEFAULT 'edit' CHECK (kind IN ('edit', 'purge')),
        undone  INTEGER NOT NULL DEFAULT 0 CHECK (undone IN (0, 1))
      ) STRICT;

      CREATE TABLE event (
        id         INTEGER PRIMARY KEY,
        change_id  INTEGER NOT NULL REFERENCES change (id) ON DELETE CASCADE,
        entity     TEXT NOT NULL,
        entity_id  INTEGER NOT NULL,
        action     TEXT NOT NULL CHECK (action IN ('create', 'update', 'trash', 'restore', 'delete', 'purge')),
        before     TEXT,
        after      TEXT
      ) STRICT;
      CREATE INDEX event_entity ON event (entity, entity_id);
      CREATE INDEX event_change ON event (change_id);
    `);
  },
};
