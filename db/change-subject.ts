import type Database from 'better-sqlite3';

/** The project a change belongs to (null: app-level) and what it touched, in the reviewer's words. */
export interface ChangeSubject {
  projectId: number | null;
  target: string;
}

type Values = Readonly<Record<string, unknown>>;

const APP_LEVEL = (target: string): ChangeSubject => ({ projectId: null, target });

const idOf = (value: unknown): number | null => (typeof value === 'number' && Number.isInteger(value) ? value : null);

/**
 * The subject of one event: its row's project and name. `values` are the event's fields
 * (before and after merged): a removed row is no longer in its table, but its event holds the
 * parent it had. Rows are read including the trash; a parent that is gone leaves the subject
 * app-level with whatever name is known.
 */
export function subjectOfEvent(db: Database.Database, entity: string, id: number, values: Values): ChangeSubject {
  const parent = (field: string, sql: string) => idOf(values[field]) ?? db.prepare<[number], { parent: number }>(sql).get(id)?.parent ?? null;
  switch (entity) {
    case 'project':
      return projectSubject(db, id, values);
    case 'adopter':
      return adopterSubject(db, id, values);
    case 'interview': {
      const adopterId = parent('adopterId', 'SELECT adopter_id AS parent FROM interview WHERE id = ?');
      return adopterId === null ? APP_LEVEL('an interview') : adopterSubject(db, adopterId, {});
    }
    case 'answer':
    case 'participant':
    case 'quote': {
      const interviewId = parent('interviewId', `SELECT interview_id AS parent FROM ${entity} WHERE id = ?`);
      const adopterId = interviewId === null ? null : (db.prepare<[number], { parent: number }>('SELECT adopter_id AS parent FROM interview WHERE id = ?').get(interviewId)?.parent ?? null);
      return adopterId === null ? APP_LEVEL(`a ${entity}`) : adopterSubject(db, adopterId, {});
    }
    case 'allowance':
    case 'dismissal': {
      const table = entity === 'allowance' ? 'guard_allowance' : 'warning_dismissal';
      const adopterId = parent('adopterId', `SELECT adopter_id AS parent FROM ${table} WHERE id = ?`);
      return adopterId === null ? APP_LEVEL(`an ${entity}`) : adopterSubject(db, adopterId, {});
    }
    case 'conflict': {
      // A shared project's open text conflict belongs to its project (migration 12).
      const projectId = parent('projectId', 'SELECT project_id AS parent FROM share_conflict WHERE id = ?');
      return projectId === null ? APP_LEVEL('a text conflict') : projectSubject(db, projectId, {});
    }
    case 'organization':
      return APP_LEVEL(nameOf(db, 'organization', id, values) ?? 'an organization');
    case 'person':
      return APP_LEVEL(nameOf(db, 'person', id, values) ?? 'a person');
    default:
      return APP_LEVEL('');
  }
}

function nameOf(db: Database.Database, table: 'organization' | 'person' | 'project', id: number, values: Values): string | null {
  if (typeof values.name === 'string') return values.name;
  return db.prepare<[number], { name: string }>(`SELECT name FROM ${table} WHERE id = ?`).get(id)?.name ?? null;
}

function projectSubject(db: Database.Database, id: number, values: Values): ChangeSubject {
  return { projectId: id, target: nameOf(db, 'project', id, values) ?? 'a project' };
}

/** "Adopter 3, Quillmesh": the number and organization as the adopter's screen shows them. */
function adopterSubject(db: Database.Database, id: number, values: Values): ChangeSubject {
  const row = db
    .prepare<[number], { project_id: number; number: number; organization_id: number }>('SELECT project_id, number, organization_id FROM adopter WHERE id = ?')
    .get(id);
  const projectId = row?.project_id ?? idOf(values.projectId);
  const number = row?.number ?? idOf(values.number);
  const organizationId = row?.organization_id ?? idOf(values.organizationId);
  const organization = organizationId === null ? null : nameOf(db, 'organization', organizationId, {});
  const target = [number === null ? 'an adopter' : `Adopter ${number}`, organization].filter(Boolean).join(', ');
  return { projectId, target };
}
