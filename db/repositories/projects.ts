import type Database from 'better-sqlite3';
import { DeskError } from '../../domain/errors';
import type { Project, ProjectLevel } from '../../domain/project';
import { isoNow, type Clock } from '../clock';

interface ProjectRow {
  id: number;
  name: string;
  slug: string;
  level: ProjectLevel;
  version: number;
  created_at: string;
  updated_at: string;
}

const toProject = (r: ProjectRow): Project => ({
  id: r.id,
  name: r.name,
  slug: r.slug,
  level: r.level,
  version: r.version,
  createdAt: r.created_at,
  updatedAt: r.updated_at,
});

export function createProjectRepository(db: Database.Database, clock: Clock) {
  const byId = db.prepare<[number], ProjectRow>('SELECT * FROM project WHERE id = ?');
  const bySlug = db.prepare<[string], ProjectRow>('SELECT * FROM project WHERE slug = ?');
  const all = db.prepare<[], ProjectRow>('SELECT * FROM project ORDER BY name COLLATE NOCASE, id');
  const insert = db.prepare<[string, string, string, string, string]>(
    'INSERT INTO project (name, slug, level, created_at, updated_at) VALUES (?, ?, ?, ?, ?)',
  );
  const rename = db.prepare<[string, string, number, number]>(
    'UPDATE project SET name = ?, updated_at = ?, version = version + 1 WHERE id = ? AND version = ?',
  );
  const remove = db.prepare<[number]>('DELETE FROM project WHERE id = ?');

  function get(id: number): Project {
    const row = byId.get(id);
    if (!row) throw new DeskError('NOT_FOUND', `There is no project with id ${id}; it may have been deleted.`);
    return toProject(row);
  }

  return {
    get,
    findBySlug(slug: string): Project | undefined {
      const row = bySlug.get(slug);
      return row ? toProject(row) : undefined;
    },
    list(): Project[] {
      return all.all().map(toProject);
    },
    create(input: { name: string; slug: string; level: ProjectLevel }): Project {
      if (bySlug.get(input.slug)) {
        throw new DeskError('DUPLICATE', `A project with the slug "${input.slug}" already exists; choose another slug.`);
      }
      const now = isoNow(clock);
      const result = insert.run(input.name, input.slug, input.level, now, now);
      return get(Number(result.lastInsertRowid));
    },
    rename(input: { id: number; name: string; version: number }): Project {
      const current = get(input.id);
      const result = rename.run(input.name, isoNow(clock), input.id, input.version);
      if (result.changes === 0) {
        throw new DeskError(
          'CONFLICT',
          `The project "${current.name}" was changed elsewhere (in another window or the command line) since you opened it. Reload to see the latest version.`,
        );
      }
      return get(input.id);
    },
    delete(id: number): void {
      get(id);
      remove.run(id);
    },
  };
}

export type ProjectRepository = ReturnType<typeof createProjectRepository>;
