import { DeskError } from '../../domain/errors';
import type { Store } from '../../db/store';
import type { ShareConflictRow } from '../../db/share-conflict';
import type { ShareRecord, ShareValue } from '../../templates/share/records';

/**
 * Open text conflicts of a shared project, kept in `share_conflict` (migration 12) through the
 * change log: a Sync that opens one, and the resolution that removes it, undo like any edit.
 */

export interface OpenConflict {
  uid: string;
  recordKind: string;
  recordUid: string;
  field: string;
  /** The adopter the record belongs to (for the badge and the publishing gate); null for a project's or an organization's text. */
  adopterNumber: number | null;
}

/**
 * The live adopter (id and number) a live record of the project belongs to, by the record's
 * kind and uid: none for a record in the trash (or under an adopter or interview there).
 */
const LIVE = 'a.deleted_at IS NULL';
const UNDER_INTERVIEW = (table: string) =>
  `SELECT a.id, a.number FROM ${table} x JOIN interview i ON i.id = x.interview_id JOIN adopter a ON a.id = i.adopter_id WHERE x.uid = ? AND i.deleted_at IS NULL AND ${LIVE}`;
const UNDER_ADOPTER = (table: string) => `SELECT a.id, a.number FROM ${table} x JOIN adopter a ON a.id = x.adopter_id WHERE x.uid = ? AND ${LIVE}`;
const ADOPTER_OF: Readonly<Record<string, string>> = {
  adopter: `SELECT a.id, a.number FROM adopter a WHERE a.uid = ? AND ${LIVE}`,
  interview: `SELECT a.id, a.number FROM interview i JOIN adopter a ON a.id = i.adopter_id WHERE i.uid = ? AND i.deleted_at IS NULL AND ${LIVE}`,
  answer: UNDER_INTERVIEW('answer'),
  quote: UNDER_INTERVIEW('quote'),
  participant: UNDER_INTERVIEW('participant'),
  allowance: UNDER_ADOPTER('guard_allowance'),
  dismissal: UNDER_ADOPTER('warning_dismissal'),
};

export function adopterOfRecord(store: Store, recordKind: string, recordUid: string): { id: number; number: number } | null {
  const sql = ADOPTER_OF[recordKind];
  return sql === undefined ? null : (store.db.prepare<[string], { id: number; number: number }>(sql).get(recordUid) ?? null);
}

/** The record belongs to an adopter, but not to a live one: a conflict about it is not shown (projectSnapshot leaves it out too). */
const inTrash = (store: Store, recordKind: string, recordUid: string) => recordKind in ADOPTER_OF && adopterOfRecord(store, recordKind, recordUid) === null;

export function openConflictsOf(store: Store, projectId: number): OpenConflict[] {
  return store.read(() =>
    store.tables.conflict
      .list({ project_id: projectId }, { orderBy: 'id' })
      .filter((c) => !inTrash(store, c.recordKind, c.recordUid))
      .map((c) => ({
        uid: store.tables.conflict.uidOf(c.id) ?? '',
        recordKind: c.recordKind,
        recordUid: c.recordUid,
        field: c.field,
        adopterNumber: adopterOfRecord(store, c.recordKind, c.recordUid)?.number ?? null,
      })),
  );
}

/** Resolves a conflict by removing its record (the chosen text is an ordinary edit the caller makes, in the same change or before). */
export function resolveConflict(store: Store, projectId: number, conflictUid: string): void {
  const conflict = store.read(() => store.tables.conflict.findByUid(conflictUid));
  if (!conflict || conflict.projectId !== projectId) {
    throw new DeskError('NOT_FOUND', `This project has no open text conflict ${conflictUid}; it may have been resolved already (here or by a teammate in a Sync).`);
  }
  store.change('Resolve a text conflict', () => store.tables.conflict.remove(conflict.id));
}

/** A stored conflict as the record that travels (templates/share/merge-conflicts.ts). */
export function conflictRecord(store: Store, row: ShareConflictRow): ShareRecord {
  const fields: { [field: string]: ShareValue } = {
    recordKind: row.recordKind,
    recordUid: row.recordUid,
    field: row.field,
    base: (row.base ?? null) as ShareValue,
    texts: row.texts,
    createdAt: row.createdAt,
    updatedAt: row.updatedAt,
  };
  return { kind: 'conflict', uid: store.tables.conflict.uidOf(row.id) ?? '', fields };
}

/** The stored fields of a conflict record that travelled (its stamps are set apart). */
export function conflictValues(projectId: number, record: ShareRecord): Omit<ShareConflictRow, 'id' | 'version' | 'createdAt' | 'updatedAt'> {
  const { recordKind, recordUid, field, base, texts } = record.fields;
  return {
    projectId,
    recordKind: String(recordKind),
    recordUid: String(recordUid),
    field: String(field),
    base: base ?? null,
    texts: (Array.isArray(texts) ? texts : []) as ShareConflictRow['texts'],
  };
}
