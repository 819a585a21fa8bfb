import type Database from 'better-sqlite3';
import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it, vi } from 'vitest';
import { latestVersion } from '../../../db/migrate';
import { MIGRATIONS } from '../../../db/migrations';
import { KIND_SPAN, SEARCH_KINDS } from '../../../db/migrations/0003-search';
import { APPLICATION_ID } from '../../../db/identity';
import { openDatabase } from '../../../db/open';
import { indexPendingDocuments } from '../../../db/search-queue';
import { openDesk } from '../../../services/desk';
import { tempDir } from '../../helpers/temp-dir';

/**
 * Each migration N, run on a database at version N-1 that holds representative rows,
 * keeps every row and every value (and does what it is for); a database already at the
 * latest version is not touched by opening it.
 */

type Row = Record<string, unknown>;
const LATEST = latestVersion(MIGRATIONS);

/** Opens `file` through the app's open path, migrated exactly to `version`. */
function openAt(file: string, version: number, beforeMigrate?: (file: string, from: number) => void): Database.Database {
  return openDatabase(file, { migrations: MIGRATIONS.filter((m) => m.version <= version), beforeMigrate });
}

/** Tables holding data (ours, not SQLite's, not a full-text index's own). */
function dataTables(db: Database.Database): string[] {
  const list = db.pragma('table_list') as { schema: string; name: string; type: string }[];
  return list
    .filter((t) => t.schema === 'main' && t.type === 'table' && !t.name.startsWith('sqlite_'))
    .map((t) => t.name)
    .sort();
}

const columnsOf = (db: Database.Database, table: string) => (db.pragma(`table_info("${table}")`) as { name: string }[]).map((c) => c.name);
/** The rows of `table` in primary-key order (every column's order if it has no key). */
function rowsOf(db: Database.Database, table: string): Row[] {
  const columns = db.pragma(`table_info("${table}")`) as { name: string; pk: number }[];
  const key = columns.filter((c) => c.pk > 0).sort((a, b) => a.pk - b.pk);
  const order = (key.length ? key : columns).map((c) => `"${c.name}"`).join(', ');
  return db.prepare<[], Row>(`SELECT * FROM "${table}" ORDER BY ${order}`).all();
}

/**
 * Representative rows, written with the SQL of the schema version they belong to.
 * A database at version V gets the rows of the newest seed at or below V, then is migrated to V.
 */
const SEEDS: { version: number; seed: (db: Database.Database) => void }[] = [
  {
    version: 1,
    seed: (db) =>
      db.exec(`
        INSERT INTO project (id, name, slug, level, version, created_at, updated_at) VALUES
          (1, 'Globex Mesh', 'globex-mesh', 'incubation', 3, '2024-01-02T10:00:00.000Z', '2024-02-03T11:00:00.000Z'),
          (2, 'Acme Tracing – Zürich', 'acme-tracing', 'graduation', 1, '2024-03-04T12:00:00.000Z', '2024-03-04T12:00:00.000Z');
      `),
  },
  {
    version: 2,
    seed: (db) =>
      db.exec(`
        INSERT INTO project (id, name, slug, level, version, created_at, updated_at, application_url, notes, archived, deleted_at) VALUES
          (1, 'Globex Mesh', 'globex-mesh', 'incubation', 2, '2024-01-02T10:00:00.000Z', '2024-02-03T11:00:00.000Z', 'https://example.org/app/1', 'DD started', 0, NULL),
          (2, 'Acme Tracing', 'acme-tracing', 'graduation', 1, '2024-03-04T12:00:00.000Z', '2024-03-04T12:00:00.000Z', NULL, '', 1, '2024-05-01T09:00:00.000Z');
        INSERT INTO organization (id, name, aliases, website, industry, version, created_at, updated_at) VALUES
          (1, 'Globex', '["Globex Corp","GX"]', 'https://globex.example', 'Energy', 1, '2024-01-02T10:00:00.000Z', '2024-01-02T10:00:00.000Z'),
          (2, 'Initech', '[]', NULL, 'Software', 2, '2024-01-02T10:00:00.000Z', '2024-01-05T10:00:00.000Z');
        INSERT INTO person (id, name, role, email, organization_id, maintainer, version, created_at, updated_at) VALUES
          (1, 'Ada Example', 'Platform lead', 'ada@globex.example', 1, 0, 1, '2024-01-02T10:00:00.000Z', '2024-01-02T10:00:00.000Z'),
          (2, 'Bo Sample', NULL, NULL, NULL, 1, 1, '2024-01-02T10:00:00.000Z', '2024-01-02T10:00:00.000Z');
        INSERT INTO adopter (id, project_id, organization_id, number, anonymous, stage, stage_dates, usage_level, version, created_at, updated_at, deleted_at) VALUES
          (1, 1, 1, 1, 0, 'approved', '{"candidate":"2024-01-02","approved":"2024-02-01"}', 'production', 4, '2024-01-02T10:00:00.000Z', '2024-02-01T10:00:00.000Z', NULL),
          (2, 1, 2, 2, 1, 'interviewed', '{"interviewed":"2024-01-20"}', NULL, 2, '2024-01-03T10:00:00.000Z', '2024-01-20T10:00:00.000Z', NULL),
          (3, 1, 2, 3, 0, 'candidate', '{}', NULL, 1, '2024-01-04T10:00:00.000Z', '2024-01-04T10:00:00.000Z', '2024-01-06T10:00:00.000Z');
        INSERT INTO interview (id, adopter_id, date, month, interviewers, duration_minutes, question_set, raw_notes, summary, summary_sent_at, approved_at, approved_hash, version, created_at, updated_at) VALUES
          (1, 1, '2024-01-15', '2024-01', '["Dee Reviewer"]', 45, 'toc-2024', 'They run a sidecar per pod.', 'Globex runs the mesh in production.', '2024-01-20', '2024-02-01', '${'a'.repeat(64)}', 5, '2024-01-15T10:00:00.000Z', '2024-02-01T10:00:00.000Z'),
          (2, 2, NULL, '2024-01', '[]', NULL, 'toc-2024', '', '', NULL, NULL, NULL, 1, '2024-01-20T10:00:00.000Z', '2024-01-20T10:00:00.000Z');
        INSERT INTO participant (id, interview_id, person_id, anonymous, position, version, created_at, updated_at) VALUES
          (1, 1, 1, 0, 1, 1, '2024-01-15T10:00:00.000Z', '2024-01-15T10:00:00.000Z'),
          (2, 2, 2, 1, 1, 1, '2024-01-20T10:00:00.000Z', '2024-01-20T10:00:00.000Z');
        INSERT INTO answer (id, interview_id, question_key, text, version, created_at, updated_at) VALUES
          (1, 1, 'q1', 'Two years, sidecar everywhere.', 3, '2024-01-15T10:00:00.000Z', '2024-01-15T10:30:00.000Z'),
          (2, 1, 'q2', '', 1, '2024-01-15T10:00:00.000Z', '2024-01-15T10:00:00.000Z');
        INSERT INTO quote (id, interview_id, text, speaker_person_id, approved, tags, version, created_at, updated_at) VALUES
          (1, 1, 'Upgrades are boring, which is good.', 1, 1, '["operations"]', 1, '2024-01-15T10:00:00.000Z', '2024-01-15T10:00:00.000Z');
        INSERT INTO change (id, at, label, kind, undone) VALUES
          (1, '2024-01-02T10:00:00.000Z', 'Create project Globex Mesh', 'edit', 0),
          (2, '2024-01-06T10:00:00.000Z', 'Delete adopter', 'edit', 1);
        INSERT INTO event (id, change_id, entity, entity_id, action, before, after) VALUES
          (1, 1, 'project', 1, 'create', NULL, '{"name":"Globex Mesh"}'),
          (2, 2, 'adopter', 3, 'trash', '{"deletedAt":null}', '{"deletedAt":"2024-01-06T10:00:00.000Z"}');
      `),
  },
];

/** A database at `version` holding the representative rows; closed, so the next open migrates it. */
function databaseAt(version: number): string {
  const file = path.join(tempDir(), `at-${version}.sqlite`);
  const seed = SEEDS.filter((s) => s.version <= version).at(-1);
  if (seed) {
    const db = openAt(file, seed.version);
    seed.seed(db);
    db.close();
  }
  openAt(file, version).close();
  return file;
}

/** What each migration is for, checked on the database it migrated (holding the rows of databaseAt(N - 1)). */
const EXPECTATIONS: Record<number, { name: string; check: (after: Database.Database) => void }> = {
  1: {
    name: 'projects',
    check: (after) => {
      expect(columnsOf(after, 'project')).toEqual(['id', 'name', 'slug', 'level', 'version', 'created_at', 'updated_at']);
      expect(rowsOf(after, 'project')).toEqual([]);
    },
  },
  2: {
    name: 'interview store',
    check: (after) => {
      // A v1 project gets the new columns with their defaults.
      expect(after.prepare('SELECT * FROM project WHERE id = 1').get()).toEqual({
        id: 1,
        name: 'Globex Mesh',
        slug: 'globex-mesh',
        level: 'incubation',
        version: 3,
        created_at: '2024-01-02T10:00:00.000Z',
        updated_at: '2024-02-03T11:00:00.000Z',
        application_url: null,
        dd_pull_request_url: null,
        adopters_file_url: null,
        notes: '',
        archived: 0,
        deleted_at: null,
      });
      for (const table of ['organization', 'person', 'adopter', 'interview', 'participant', 'answer', 'quote', 'change', 'event']) {
        expect(rowsOf(after, table), table).toEqual([]);
      }
    },
  },
  3: {
    name: 'full-text search',
    check: (after) => {
      // The index is built from the notes, quotes and organizations already there.
      expect(() => after.prepare("INSERT INTO search_index (search_index, rank) VALUES ('integrity-check', 1)").run()).not.toThrow();
      const hits = (word: string) => after.prepare<[string], number>('SELECT count(*) FROM search_index WHERE search_index MATCH ?').pluck().get(word);
      expect(hits('sidecar')).toBe(2); // the raw notes and one answer
      expect(hits('boring')).toBe(1); // the quote
      expect(hits('globex')).toBeGreaterThanOrEqual(2); // the organization and the summary
      expect(hits('zzzunknown')).toBe(0);
    },
  },
  4: {
    name: 'guard allowances',
    check: (after) => {
      expect(columnsOf(after, 'guard_allowance')).toEqual(
        expect.arrayContaining(['id', 'adopter_id', 'term', 'entry_number', 'note', 'version', 'created_at', 'updated_at']),
      );
      expect(rowsOf(after, 'guard_allowance')).toEqual([]);
    },
  },
  5: {
    name: 'settings',
    check: (after) => {
      expect(columnsOf(after, 'setting')).toEqual(expect.arrayContaining(['key', 'value', 'updated_at']));
      expect(rowsOf(after, 'setting')).toEqual([]); // no row: every setting has its default
    },
  },
  6: {
    name: 'stable ids',
    check: (after) => {
      // Every row already here gets its own uid (a UUID), unique across the table; the
      // other values are kept (checked above, column by column).
      const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/;
      const all: string[] = [];
      for (const table of ['project', 'organization', 'person', 'adopter', 'interview', 'participant', 'answer', 'quote', 'guard_allowance']) {
        expect(columnsOf(after, table), table).toContain('uid');
        const uids = rowsOf(after, table).map((row) => row.uid as string);
        for (const uid of uids) expect(uid, table).toMatch(UUID);
        expect(new Set(uids).size, table).toBe(uids.length);
        all.push(...uids);
      }
      expect(all.length).toBe(2 + 2 + 2 + 3 + 2 + 2 + 2 + 1); // the rows of the v2 seed
      expect(new Set(all).size).toBe(all.length);
      // A second row with the same uid is refused.
      const uid = after.prepare<[], string>('SELECT uid FROM organization WHERE id = 1').pluck().get()!;
      expect(() =>
        after
          .prepare("INSERT INTO organization (name, aliases, version, created_at, updated_at, uid) VALUES ('Copy', '[]', 1, '2024-01-01T00:00:00.000Z', '2024-01-01T00:00:00.000Z', ?)")
          .run(uid),
      ).toThrow(/UNIQUE/);
    },
  },
  7: {
    name: 'search index queue',
    check: (after) => {
      // The index migration 3 built stays as it was, in step, and nothing waits.
      expect(rowsOf(after, 'search_pending')).toEqual([]);
      expect(() => after.prepare("INSERT INTO search_index (search_index, rank) VALUES ('integrity-check', 1)").run()).not.toThrow();
      // A save now notes its document (with the text the index holds) instead of indexing it…
      const hits = (word: string) => after.prepare<[string], number>('SELECT count(*) FROM search_index WHERE search_index MATCH ?').pluck().get(word);
      const before = after.prepare<[], { id: number; summary: string }>("SELECT id, summary FROM interview WHERE summary <> '' ORDER BY id LIMIT 1").get()!;
      after.prepare("UPDATE interview SET summary = 'Zebrafish everywhere.' WHERE id = ?").run(before.id);
      expect(rowsOf(after, 'search_pending')).toEqual([{ doc: SEARCH_KINDS.summary * KIND_SPAN + before.id, indexed: before.summary }]);
      // A later change keeps the first note, even under an outer conflict clause.
      after.prepare("UPDATE OR REPLACE interview SET summary = 'Zebrafish, really.' WHERE id = ?").run(before.id);
      after.prepare("UPDATE OR REPLACE interview SET summary = 'Zebrafish everywhere.' WHERE id = ?").run(before.id);
      expect(rowsOf(after, 'search_pending')).toEqual([{ doc: SEARCH_KINDS.summary * KIND_SPAN + before.id, indexed: before.summary }]);
      expect(hits('zebrafish')).toBe(0);
      // …and indexing the queue gives exactly the index a rebuild would.
      expect(indexPendingDocuments(after)).toBe(1);
      expect(hits('zebrafish')).toBe(1);
      expect(rowsOf(after, 'search_pending')).toEqual([]);
      expect(() => after.prepare("INSERT INTO search_index (search_index, rank) VALUES ('integrity-check', 1)").run()).not.toThrow();
    },
  },
  8: {
    name: 'warning dismissals',
    check: (after) => {
      expect(columnsOf(after, 'warning_dismissal')).toEqual(['id', 'adopter_id', 'code', 'warning_key', 'message', 'version', 'created_at', 'updated_at', 'uid']);
      expect(rowsOf(after, 'warning_dismissal')).toEqual([]);
      // A dismissal belongs to an adopter, and goes with it when the adopter is removed for good.
      const insert = after.prepare(
        "INSERT INTO warning_dismissal (adopter_id, code, warning_key, created_at, updated_at, uid) VALUES (?, 'MONTH_MISSING', 'k', '2024-01-01T00:00:00.000Z', '2024-01-01T00:00:00.000Z', ?)",
      );
      expect(() => insert.run(999, 'u-1')).toThrow(/FOREIGN KEY/);
      insert.run(2, 'u-2');
      expect(() => insert.run(2, 'u-2')).toThrow(/UNIQUE/);
      after.prepare('DELETE FROM participant WHERE interview_id IN (SELECT id FROM interview WHERE adopter_id = 2)').run();
      after.prepare('DELETE FROM interview WHERE adopter_id = 2').run();
      after.prepare('DELETE FROM adopter WHERE id = 2').run();
      expect(rowsOf(after, 'warning_dismissal')).toEqual([]);
    },
  },
  9: {
    name: 'history scopes',
    check: (after) => {
      // Each change learns its project and what it touched from its events.
      expect(after.prepare('SELECT id, project_id, target, app_level, undoable, redoable, undo_seq FROM change ORDER BY id').all()).toEqual([
        { id: 1, project_id: 1, target: 'Globex Mesh', app_level: 1, undoable: 1, redoable: 0, undo_seq: null },
        { id: 2, project_id: 1, target: 'Adopter 3, Initech', app_level: 0, undoable: 1, redoable: 0, undo_seq: null },
      ]);
    },
  },
  10: {
    name: 'application id',
    check: (after) => {
      // A store of ours from before this step (recognised by its schema) now says whose it is in its header.
      expect(after.pragma('application_id', { simple: true })).toBe(APPLICATION_ID);
    },
  },
  11: {
    name: 'entry words',
    check: (after) => {
      // Every existing interviewee keeps the person's own role, every named adopter the "Organization/Industry" label.
      expect(after.prepare('SELECT id, role FROM participant ORDER BY id').all()).toEqual([
        { id: 1, role: null },
        { id: 2, role: null },
      ]);
      expect(after.prepare('SELECT id, named_label FROM adopter ORDER BY id').all()).toEqual([
        { id: 1, named_label: null },
        { id: 2, named_label: null },
        { id: 3, named_label: null },
      ]);
    },
  },
  12: {
    name: 'team sharing',
    check: (after) => {
      // Every change already made was made here: local, no authors.
      expect(after.prepare('SELECT id, origin, authors FROM change ORDER BY id').all()).toEqual([
        { id: 1, origin: 'local', authors: null },
        { id: 2, origin: 'local', authors: null },
      ]);
      for (const table of ['share_link', 'share_conflict', 'share_acknowledgement']) expect(rowsOf(after, table), table).toEqual([]);
      expect(() => after.prepare("UPDATE change SET origin = 'elsewhere' WHERE id = 1").run()).toThrow(/CHECK/);
      // A link, a conflict and an acknowledgement belong to their project, and go with it when it is removed for good.
      after.prepare("INSERT INTO share_link (project_id, remote_url) VALUES (1, '/srv/globex.git')").run();
      expect(() => after.prepare("INSERT INTO share_link (project_id, remote_url) VALUES (1, '/srv/other.git')").run()).toThrow(/UNIQUE|PRIMARY/);
      after
        .prepare("INSERT INTO share_conflict (project_id, record_kind, record_uid, field, texts, created_at, updated_at, uid) VALUES (1, 'interview', 'i-1', 'summary', '[]', 'a', 'a', 'c-1')")
        .run();
      expect(() =>
        after.prepare("INSERT INTO share_conflict (project_id, record_kind, record_uid, field, created_at, updated_at, uid) VALUES (1, 'interview', 'i-1', 'summary', 'a', 'a', 'c-1')").run(),
      ).toThrow(/UNIQUE/);
      after.prepare("INSERT INTO share_acknowledgement (project_id, reason, record_kind, record_uid, at) VALUES (1, 'anonymity-off', 'adopter', 'a-2', 'a')").run();
      expect(() => after.prepare("INSERT INTO share_acknowledgement (project_id, reason, record_kind, record_uid, at) VALUES (1, 'other', 'adopter', 'a-2', 'a')").run()).toThrow(/CHECK/);
      after.prepare('DELETE FROM project WHERE id = 2').run();
      for (const table of ['share_link', 'share_conflict', 'share_acknowledgement']) expect(rowsOf(after, table), table).toHaveLength(1);
      after.prepare('DELETE FROM project WHERE id = 1').run();
      for (const table of ['share_link', 'share_conflict', 'share_acknowledgement']) expect(rowsOf(after, table), table).toEqual([]);
    },
  },
};

const sha256 = (file: string) => crypto.createHash('sha256').update(fs.readFileSync(file)).digest('hex');

describe('migrations', () => {
  it('every migration has a case here (add one with each new migration)', () => {
    for (const m of MIGRATIONS) {
      expect(EXPECTATIONS[m.version]?.name, `migration ${m.version} "${m.name}" has no case in test/unit/db/migrations.test.ts`).toBe(m.name);
    }
  });

  describe.each(MIGRATIONS.map((m) => [m.version, m.name] as const))('migration %i (%s)', (version) => {
    it(`takes a database at version ${version - 1} with data to ${version}, keeping every row`, () => {
      const file = databaseAt(version - 1);
      const before = openAt(file, version - 1);
      const tablesBefore = dataTables(before);
      const snapshot = Object.fromEntries(tablesBefore.map((t) => [t, { columns: columnsOf(before, t), rows: rowsOf(before, t) }]));
      before.close();

      const beforeMigrate = vi.fn();
      const after = openAt(file, version, beforeMigrate);
      try {
        expect(after.pragma('user_version', { simple: true })).toBe(version);
        // The backup hook runs before a database that already exists is changed.
        if (version > 1) expect(beforeMigrate).toHaveBeenCalledWith(file, version - 1);
        else expect(beforeMigrate).not.toHaveBeenCalled();

        for (const table of tablesBefore) {
          const { columns, rows } = snapshot[table]!;
          expect(dataTables(after), `table ${table} is gone`).toContain(table);
          expect(columnsOf(after, table), `columns of ${table}`).toEqual(expect.arrayContaining(columns));
          const kept = rowsOf(after, table).map((row) => Object.fromEntries(columns.map((c) => [c, row[c]])));
          expect(kept, `rows of ${table}`).toEqual(rows);
        }
        expect(after.pragma('integrity_check', { simple: true })).toBe('ok');
        expect(after.pragma('foreign_key_check')).toEqual([]);
        EXPECTATIONS[version]?.check(after);
      } finally {
        after.close();
      }
    });
  });

  it('an upgraded database with history still undoes, per project, naming the change; what an old empty-trash ended stays closed', async () => {
    const file = databaseAt(8);
    const db = openAt(file, 8);
    db.exec(`
      INSERT INTO change (id, at, label, kind, undone) VALUES
        (3, '2024-02-02T10:00:00.000Z', 'Empty trash', 'purge', 0),
        (4, '2024-02-03T10:00:00.000Z', 'Edit summary', 'edit', 0),
        (5, '2024-02-04T10:00:00.000Z', 'Edit organization', 'edit', 0);
      INSERT INTO event (id, change_id, entity, entity_id, action, before, after) VALUES
        (3, 4, 'interview', 1, 'update', '{"summary":"Globex runs the mesh."}', '{"summary":"Globex runs the mesh in production."}'),
        (4, 5, 'organization', 2, 'update', '{"industry":"Software"}', '{"industry":"Finance"}');
      UPDATE organization SET industry = 'Finance' WHERE id = 2;
    `);
    db.close();
    const desk = openDesk(file);
    try {
      expect(await desk.services.undoState({ projectId: 1 })).toMatchObject({ undo: { label: 'Edit summary', target: 'Adopter 1, Globex' }, redo: null });
      expect(await desk.services.undo({ projectId: 1 })).toMatchObject({ label: 'Edit summary', target: 'Adopter 1, Globex', events: 1 });
      expect((await desk.services.getInterview({ id: 1 })).interview.summary).toBe('Globex runs the mesh.');
      // The organization's edit is app-level: the project's undo did not take it.
      expect((await desk.services.listOrganizations({})).find((o) => o.id === 2)?.industry).toBe('Finance');
      // Before the old empty-trash, nothing was undoable then, and nothing is now.
      await expect(Promise.resolve().then(() => desk.services.undo({ projectId: 1 }))).rejects.toMatchObject({ code: 'NOTHING_TO_UNDO' });
      expect(await desk.services.redo({ projectId: 1 })).toMatchObject({ label: 'Edit summary' });
      expect((await desk.services.getInterview({ id: 1 })).interview.summary).toBe('Globex runs the mesh in production.');
      expect(await desk.services.undo({})).toMatchObject({ label: 'Edit organization', target: 'Initech' });
      expect((await desk.services.listOrganizations({})).find((o) => o.id === 2)?.industry).toBe('Software');
    } finally {
      desk.close();
    }
  });

  it('a v1 database opened by the app shows its projects with the new fields defaulted', async () => {
    const file = databaseAt(1);
    const desk = openDesk(file);
    try {
      expect(desk.store.db.pragma('user_version', { simple: true })).toBe(LATEST);
      const projects = await desk.services.listProjects({ includeArchived: true });
      expect(projects.map((p) => [p.id, p.name, p.slug, p.level, p.notes, p.archived, p.applicationUrl, p.deletedAt])).toEqual([
        [2, 'Acme Tracing – Zürich', 'acme-tracing', 'graduation', '', false, null, null],
        [1, 'Globex Mesh', 'globex-mesh', 'incubation', '', false, null, null],
      ]);
      // And they take edits with the version they had.
      const renamed = await desk.services.updateProject({ id: 1, version: 3, name: 'Globex Service Mesh' });
      expect(renamed).toMatchObject({ name: 'Globex Service Mesh', version: 4 });
    } finally {
      desk.close();
    }
  });

  it('opening a database at the latest version changes nothing: same bytes, same version, same schema', async () => {
    const file = path.join(tempDir(), 'latest.sqlite');
    const first = openDesk(file);
    const project = await first.services.createProject({ name: 'Globex Mesh', level: 'incubation' });
    const org = await first.services.createOrganization({ name: 'Initech', industry: 'Software' });
    await first.services.createAdopter({ projectId: project.id, organizationId: org.id });
    first.close();
    expect(fs.existsSync(`${file}-wal`)).toBe(false); // closed cleanly: everything is in the main file

    const bytes = sha256(file);
    const beforeMigrate = vi.fn();
    const again = openDesk(file, { beforeMigrate });
    const schema = () => again.store.db.prepare('SELECT type, name, sql FROM sqlite_master ORDER BY type, name').all();
    try {
      expect(again.store.db.pragma('user_version', { simple: true })).toBe(LATEST);
      expect(beforeMigrate).not.toHaveBeenCalled();
      const schemaOnOpen = schema();
      expect((await again.services.listAdopters({ projectId: project.id })).length).toBe(1);
      expect(schema()).toEqual(schemaOnOpen);
    } finally {
      again.close();
    }
    expect(sha256(file)).toBe(bytes);
  });
});
