import { subjectOfEvent } from '../change-subject';
import type { Migration } from './types';

interface ChangeRow {
  id: number;
  kind: string;
}

interface EventRow {
  entity: string;
  entity_id: number;
  before: string | null;
  after: string | null;
}

/**
 * Undo and redo per project, each change named by what it touched.
 *
 * - `project_id`: the project a change belongs to (NULL: app-level, an organization or a person
 *   alone). Ctrl+Z on a project's screens walks back that project's changes only.
 * - `app_level`: the change touched a project's own row (created, renamed, trashed it) or nothing
 *   under a project: the app's own screens (projects, trash) undo these.
 * - `target`: what the change was about, in the reviewer's words ("Adopter 3, Quillmesh"), so
 *   the Undo button and its toast can name it.
 * - `undo_seq` / `redoable`: the redo stack. An undone change keeps the order it was undone in;
 *   redo takes back the last one undone, until a new change in the same scope is made.
 * - `undoable`: 0 for changes that can no longer be undone. Before this version, emptying the
 *   trash ended the whole undo history; those earlier changes stay in the record but are not
 *   offered. From now on, emptying the trash removes only the purged rows' history.
 *
 * Existing changes get their project and target from their events, as new ones do.
 */
export const historyScopes: Migration = {
  version: 9,
  name: 'history scopes',
  up(db) {
    db.exec(`
      ALTER TABLE change ADD COLUMN project_id INTEGER;
      ALTER TABLE change ADD COLUMN target TEXT NOT NULL DEFAULT '';
      ALTER TABLE change ADD COLUMN undo_seq INTEGER;
      ALTER TABLE change ADD COLUMN redoable INTEGER NOT NULL DEFAULT 0 CHECK (redoable IN (0, 1));
      ALTER TABLE change ADD COLUMN undoable INTEGER NOT NULL DEFAULT 1 CHECK (undoable IN (0, 1));
      ALTER TABLE change ADD COLUMN app_level INTEGER NOT NULL DEFAULT 0 CHECK (app_level IN (0, 1));
      CREATE INDEX change_project ON change (project_id, id);
    `);
    const lastPurge = db.prepare<[], { id: number | null }>("SELECT max(id) AS id FROM change WHERE kind = 'purge'").get()?.id ?? null;
    if (lastPurge !== null) db.prepare('UPDATE change SET undoable = 0 WHERE id <= ?').run(lastPurge);

    const events = db.prepare<[number], EventRow>('SELECT entity, entity_id, before, after FROM event WHERE change_id = ? ORDER BY id');
    const update = db.prepare<[number | null, string, number, number]>('UPDATE change SET project_id = ?, target = ?, app_level = ? WHERE id = ?');
    for (const change of db.prepare<[], ChangeRow>('SELECT id, kind FROM change ORDER BY id').all()) {
      // Emptying the trash belongs to no project: it is the app's, whatever it removed.
      if (change.kind === 'purge') {
        update.run(null, '', 1, change.id);
        continue;
      }
      let projectId: number | null = null;
      let target = '';
      let appLevel = false;
      for (const event of events.all(change.id)) {
        if (event.entity === 'project') appLevel = true;
        if (projectId !== null) continue;
        const values = { ...parse(event.before), ...parse(event.after) };
        const subject = subjectOfEvent(db, event.entity, event.entity_id, values);
        if (subject.projectId !== null) {
          projectId = subject.projectId;
          target = subject.target;
        } else if (!target) target = subject.target;
      }
      update.run(projectId, target, appLevel || projectId === null ? 1 : 0, change.id);
    }
  },
};

function parse(json: string | null): Record<string, unknown> {
  const value = json ? (JSON.parse(json) as unknown) : null;
  return value && typeof value === 'object' ? (value as Record<string, unknown>) : {};
}
