import { DeskError } from '../../domain/errors';
import type { EntityTable, RowMeta } from '../../db/entity-table';
import type { Store } from '../../db/store';
import { TABLES, type EntityName } from '../../db/tables';
import { checkArchive } from '../../templates/import/archive-check';
import { snapshotToArchive } from '../../templates/share/format-to-archive';
import { snapshotProblems } from '../../templates/share/merge-check';
import { SHARE_KINDS, recordId, type ShareKind, type ShareRecord, type ShareSnapshot } from '../../templates/share/records';
import { conflictValues } from './store-conflicts';
import { markSyncOrigin } from './store-origin';
import { projectSnapshot } from './store-snapshot';

/**
 * Makes the store's project equal a snapshot (the result of a Sync's merge, or the team's
 * project at a Join) as ONE change, written through the store's tables: the change log (undo,
 * redo, history), the search index's triggers, the project-size check before commit and the
 * trash see it as any edit. Records are matched by uid; an organization or a person other
 * projects use is the same record, never a copy.
 *
 * Removed records: an adopter or an interview goes to the trash (its children with it, as in
 * the app); a participant, answer, quote, allowance, dismissal or conflict is deleted; a person
 * only when nothing else here still uses them; an organization never (it is simply no longer
 * the project's). A conflict about a record the snapshot removes goes with it.
 */

type Values = Record<string, unknown>;
type Table = EntityTable<RowMeta>;

/** A link field of the store (an id) and the share field that names the same record by uid. */
const LINKS: Readonly<Record<string, { field: string; kind: ShareKind }>> = {
  organizationId: { field: 'organizationUid', kind: 'organization' },
  personId: { field: 'personUid', kind: 'person' },
  speakerPersonId: { field: 'speakerUid', kind: 'person' },
  adopterId: { field: 'adopterUid', kind: 'adopter' },
  interviewId: { field: 'interviewUid', kind: 'interview' },
};

/** The parent whose trash carries a record with it. */
const CARRIED_BY: Partial<Record<ShareKind, string>> = { interview: 'adopterUid', allowance: 'adopterUid', dismissal: 'adopterUid', participant: 'interviewUid', answer: 'interviewUid', quote: 'interviewUid' };
const PARENT_KIND: Readonly<Record<string, ShareKind>> = { adopterUid: 'adopter', interviewUid: 'interview' };

export function applySnapshot(store: Store, target: { projectId: number } | null, snapshot: ShareSnapshot, change: { label: string; authors: readonly string[] }): { projectId: number } {
  const project = refuseBroken(snapshot);
  return store.change(change.label, () => {
    const result = markSyncOrigin(store, change.authors, () => new Apply(store, snapshot).run(target, project));
    return { projectId: result };
  });
}

/** The snapshot's one project record; a snapshot the merge would not accept, or the archive door would refuse, is refused in words. */
function refuseBroken(snapshot: ShareSnapshot): ShareRecord {
  const projects = [...snapshot.values()].filter((r) => r.kind === 'project');
  const problems = projects.length === 1 ? snapshotProblems(snapshot) : [`It holds ${projects.length} project records instead of one.`];
  if (problems.length === 0) {
    const checked = checkArchive(JSON.parse(JSON.stringify(snapshotToArchive(snapshot))) as unknown);
    if ('problems' in checked) problems.push(...checked.problems.map((p) => `${p.path}: ${p.message}`));
  }
  if (problems.length > 0) {
    throw new DeskError('VALIDATION', `The team's copy of the project cannot be taken into this store: ${problems.slice(0, 5).join(' ')}${problems.length > 5 ? ` (and ${problems.length - 5} more)` : ''} Nothing was changed.`, { problems });
  }
  return projects[0]!;
}

class Apply {
  private projectId = 0;

  constructor(
    private readonly store: Store,
    private readonly snapshot: ShareSnapshot,
  ) {}

  private table(kind: ShareKind): Table {
    return this.store.tables[kind as EntityName] as unknown as Table;
  }

  run(target: { projectId: number } | null, project: ShareRecord): number {
    this.projectId = target === null ? this.join(project) : this.checkTarget(target.projectId, project);
    this.store.claimProject(this.projectId);
    this.restoreTrashed();
    const current = projectSnapshot(this.store, this.projectId);
    this.removeAbsent(current);
    this.freeAdopterNumbers();
    for (const kind of SHARE_KINDS) for (const record of this.snapshot.values()) if (record.kind === kind) this.upsert(record);
    this.removeAbsentPeople();
    this.removeStaleConflicts();
    return this.projectId;
  }

  /**
   * A conflict row the snapshot does not hold goes, even one the project snapshot left out
   * (about a record trashed here): the team has dropped it, and restoring the record must not
   * bring it back as a new conflict.
   */
  private removeStaleConflicts(): void {
    const conflicts = this.store.tables.conflict;
    for (const row of conflicts.list({ project_id: this.projectId })) {
      if (!this.snapshot.has(recordId('conflict', conflicts.uidOf(row.id) ?? ''))) conflicts.remove(row.id);
    }
  }

  private join(project: ShareRecord): number {
    const here = this.store.tables.project.findByUid(project.uid);
    if (here) throw new DeskError('CONFLICT', `This store already holds the project "${here.name}"${here.deletedAt ? ' (in the trash)' : ''}; Sync it instead of joining it again. Nothing was changed.`);
    const slug = String(project.fields.slug);
    const sameSlug = this.store.tables.project.list({ slug }, { includeTrashed: true })[0];
    if (sameSlug) throw new DeskError('CONFLICT', `This store has another project under the name "${slug}" (${sameSlug.name}); rename it, then join the team's project. Nothing was changed.`);
    return this.upsert(project);
  }

  private checkTarget(projectId: number, project: ShareRecord): number {
    const here = this.store.tables.project.get(projectId);
    if (here.deletedAt) throw new DeskError('CONFLICT', `The project "${here.name}" is in the trash; restore it before syncing it. Nothing was changed.`);
    const uid = this.store.tables.project.uidOf(projectId);
    if (uid !== project.uid) throw new DeskError('CONFLICT', `The team's project is another project than "${here.name}" (stable id ${project.uid}, here ${uid ?? 'none'}). Nothing was changed.`);
    return projectId;
  }

  /** An adopter or an interview the snapshot holds but this store has in the trash comes back (a teammate's edit won over the trashing). */
  private restoreTrashed(): void {
    for (const record of this.snapshot.values()) {
      if (record.kind !== 'adopter' && record.kind !== 'interview') continue;
      const here = this.table(record.kind).findByUid(record.uid);
      if (here?.deletedAt) this.table(record.kind).restore(here.id);
    }
  }

  private removeAbsent(current: ShareSnapshot): void {
    const absent = [...current.values()].filter((r) => !this.snapshot.has(recordId(r.kind, r.uid)));
    const goes = new Set(absent.map((r) => recordId(r.kind, r.uid)));
    /** Carried into the trash by an adopter or an interview that goes too. */
    const carried = (record: ShareRecord): boolean => {
      const link = CARRIED_BY[record.kind];
      if (link === undefined) return false;
      const parentId = recordId(PARENT_KIND[link]!, String(record.fields[link]));
      return goes.has(parentId) || carried(current.get(parentId)!);
    };
    for (const kind of [...SHARE_KINDS].reverse()) {
      for (const record of absent) {
        if (record.kind !== kind || record.kind === 'organization' || record.kind === 'person' || carried(record)) continue;
        const table = this.table(kind);
        const id = table.findByUid(record.uid)!.id;
        if (TABLES[kind as EntityName].trash) table.trash(id);
        else table.remove(id);
      }
    }
  }

  /**
   * Numbers are unique in a project, the trash included: an adopter that changes number, or one
   * here (live or trashed) whose number the snapshot gives another, first takes a number above
   * every number used, so the snapshot's numbers can be written in any order.
   */
  private freeAdopterNumbers(): void {
    const wanted = new Map<number, string>();
    for (const r of this.snapshot.values()) if (r.kind === 'adopter') wanted.set(Number(r.fields.number), r.uid);
    const adopters = this.store.tables.adopter.list({ project_id: this.projectId }, { includeTrashed: true });
    let free = Math.max(0, ...wanted.keys(), ...adopters.map((a) => a.number)) + 1;
    for (const a of adopters) {
      const uid = this.store.tables.adopter.uidOf(a.id);
      const owner = wanted.get(a.number);
      if (owner === undefined || owner === uid) continue;
      const trashed = a.deletedAt !== null && a.deletedAt !== undefined;
      if (trashed) this.store.tables.adopter.restore(a.id);
      const moved = this.store.tables.adopter.get(a.id);
      this.store.tables.adopter.update(a.id, moved.version, { number: free++ });
      if (trashed) this.store.tables.adopter.trash(a.id);
    }
  }

  /** The store's values of a record: the same fields, links by uid turned into ids. */
  private valuesOf(record: ShareRecord): Values {
    if (record.kind === 'conflict') return conflictValues(this.projectId, record);
    const values: Values = {};
    for (const field of Object.keys(TABLES[record.kind as EntityName].fields)) {
      const link = LINKS[field];
      if (field === 'projectId') values.projectId = this.projectId;
      else if (link) {
        const uid = record.fields[link.field];
        values[field] = typeof uid === 'string' ? this.table(link.kind).findByUid(uid)!.id : null;
      } else if (field in record.fields) values[field] = record.fields[field];
    }
    return values;
  }

  /** Creates or updates one record by uid, then gives it the snapshot's stamps. */
  private upsert(record: ShareRecord): number {
    const table = this.table(record.kind);
    const values = this.valuesOf(record);
    const here = table.findByUid(record.uid);
    this.refuseForeign(record, here);
    const written = here ? table.update(here.id, here.version, values) : table.insert({ ...values, uid: record.uid });
    const { createdAt, updatedAt } = record.fields;
    if (typeof createdAt === 'string' && typeof updatedAt === 'string' && (written.createdAt !== createdAt || written.updatedAt !== updatedAt)) {
      // The team's stamps, as the archive import keeps an archive's: the merge's last-writer rule reads them.
      this.store.db.prepare(`UPDATE ${table.spec.table} SET created_at = ?, updated_at = ? WHERE id = ?`).run(createdAt, updatedAt, written.id);
      // A redo makes the row again from its creation's event: with the team's creation time, not the redo's.
      if (!here) {
        this.store.db
          .prepare("UPDATE event SET after = json_set(after, '$.createdAt', ?) WHERE id = (SELECT max(id) FROM event WHERE entity = ? AND entity_id = ? AND action = 'create')")
          .run(createdAt, table.spec.entity, written.id);
      }
    }
    return written.id;
  }

  /** An adopter (or anything under one) with this uid that belongs to another project here is not this project's to change. */
  private refuseForeign(record: ShareRecord, here: RowMeta | undefined): void {
    if (!here || record.kind === 'organization' || record.kind === 'person' || record.kind === 'project') return;
    const owner = record.kind === 'conflict' ? (here as unknown as { projectId: number }).projectId : this.projectOfRow(record.kind, here.id);
    if (owner !== this.projectId) {
      throw new DeskError('CONFLICT', `The team's ${record.kind} ${record.uid} belongs to another project in this store; a record is never moved between projects. Nothing was changed.`);
    }
  }

  private projectOfRow(kind: ShareKind, id: number): number | null {
    const sql: Partial<Record<ShareKind, string>> = {
      adopter: 'SELECT project_id AS p FROM adopter WHERE id = ?',
      interview: 'SELECT a.project_id AS p FROM interview i JOIN adopter a ON a.id = i.adopter_id WHERE i.id = ?',
      allowance: 'SELECT a.project_id AS p FROM guard_allowance x JOIN adopter a ON a.id = x.adopter_id WHERE x.id = ?',
      dismissal: 'SELECT a.project_id AS p FROM warning_dismissal x JOIN adopter a ON a.id = x.adopter_id WHERE x.id = ?',
    };
    const under = `SELECT a.project_id AS p FROM ${kind} x JOIN interview i ON i.id = x.interview_id JOIN adopter a ON a.id = i.adopter_id WHERE x.id = ?`;
    return this.store.db.prepare<[number], { p: number }>(sql[kind] ?? under).get(id)?.p ?? null;
  }

  /**
   * A person the snapshot no longer holds but the project would still show (a contact of one of
   * its organizations a teammate deleted) is deleted, unless another project here uses them.
   */
  private removeAbsentPeople(): void {
    const now = projectSnapshot(this.store, this.projectId);
    for (const record of now.values()) {
      if (record.kind !== 'person' || this.snapshot.has(recordId('person', record.uid))) continue;
      const person = this.store.tables.person.findByUid(record.uid)!;
      const used = this.store.db
        .prepare<[number, number, number, number], unknown>(
          `SELECT 1 FROM participant WHERE person_id = ? UNION ALL SELECT 1 FROM quote WHERE speaker_person_id = ?
           UNION ALL SELECT 1 FROM adopter WHERE organization_id = (SELECT organization_id FROM person WHERE id = ?) AND project_id <> ?`,
        )
        .get(person.id, person.id, person.id, this.projectId);
      if (used === undefined) this.store.tables.person.remove(person.id);
    }
  }
}
