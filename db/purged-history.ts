import type Database from 'better-sqlite3';

export type PurgeRoot = { entity: 'project' | 'adopter' | 'interview'; id: number };

/** Each parent kind, the children under it, and the field naming the parent in a child's row and events. */
const CHILDREN: Record<string, { entity: string; table: string; column: string; field: string }[]> = {
  project: [{ entity: 'adopter', table: 'adopter', column: 'project_id', field: 'projectId' }],
  adopter: [
    { entity: 'interview', table: 'interview', column: 'adopter_id', field: 'adopterId' },
    { entity: 'allowance', table: 'guard_allowance', column: 'adopter_id', field: 'adopterId' },
    { entity: 'dismissal', table: 'warning_dismissal', column: 'adopter_id', field: 'adopterId' },
  ],
  interview: [
    { entity: 'answer', table: 'answer', column: 'interview_id', field: 'interviewId' },
    { entity: 'participant', table: 'participant', column: 'interview_id', field: 'interviewId' },
    { entity: 'quote', table: 'quote', column: 'interview_id', field: 'interviewId' },
  ],
};

/**
 * Every row that goes with the roots when they are deleted for good: the rows under them now
 * (the database's cascade takes those silently) and the rows that were under them once and
 * were removed before (their removal is in the history, waiting to be undone into a parent
 * that will no longer exist). Call it before deleting the roots.
 */
export function rowsGoingWith(db: Database.Database, roots: readonly PurgeRoot[]): Map<string, Set<number>> {
  const going = new Map<string, Set<number>>();
  const add = (entity: string, ids: Iterable<number>): number[] => {
    const known = going.get(entity) ?? new Set<number>();
    going.set(entity, known);
    const added = [...ids].filter((id) => !known.has(id));
    for (const id of added) known.add(id);
    return added;
  };
  // Level by level (projects, adopters, interviews…), one query per kind of child for all parents at once.
  let level = new Map<string, number[]>();
  for (const root of roots) level.set(root.entity, [...(level.get(root.entity) ?? []), ...add(root.entity, [root.id])]);
  while (level.size > 0) {
    const next = new Map<string, number[]>();
    for (const [entity, parents] of level) {
      if (parents.length === 0) continue;
      const list = JSON.stringify(parents);
      for (const child of CHILDREN[entity] ?? []) {
        const live = db.prepare<[string], { id: number }>(`SELECT id FROM ${child.table} WHERE ${child.column} IN (SELECT value FROM json_each(?))`).all(list);
        const once = db
          .prepare<[string, string], { id: number }>(
            `SELECT DISTINCT entity_id AS id FROM event
              WHERE entity = ? AND json_extract(coalesce(before, after), '$.${child.field}') IN (SELECT value FROM json_each(?))`,
          )
          .all(child.entity, list);
        const added = add(child.entity, [...live, ...once].map((row) => row.id));
        next.set(child.entity, [...(next.get(child.entity) ?? []), ...added]);
      }
    }
    level = next;
  }
  return going;
}

/**
 * Forgets the history of rows deleted for good, and only theirs: the rest of the undo history
 * stays usable. Each row keeps one event, its purge, in the change that emptied the trash: ids
 * are never handed out twice (db/entity-table.ts reads the log for that), so a window still
 * showing a purged record can never write over a new one. A change left with nothing else goes
 * from the list; a change that also touched other rows keeps those (undoing it puts back what
 * can still be put back). Call it inside the purging change, after its rows are deleted.
 */
export function forgetHistoryOf(db: Database.Database, rows: Map<string, Set<number>>): void {
  const purge = db.prepare<[], { id: number | null }>('SELECT max(id) AS id FROM change').get()?.id ?? null;
  if (purge === null) return;
  const forget = db.prepare<[string, number]>('DELETE FROM event WHERE entity = ? AND entity_id = ?');
  const tombstone = db.prepare<[number, string, number]>("INSERT INTO event (change_id, entity, entity_id, action, before, after) VALUES (?, ?, ?, 'purge', NULL, NULL)");
  for (const [entity, ids] of rows) {
    for (const id of ids) {
      forget.run(entity, id);
      tombstone.run(purge, entity, id);
    }
  }
  db.prepare("DELETE FROM change WHERE kind = 'edit' AND NOT EXISTS (SELECT 1 FROM event e WHERE e.change_id = change.id)").run();
}
