import type Database from 'better-sqlite3';
import { randomUUID } from 'node:crypto';
import { DeskError } from '../domain/errors';
import type { ChangeLog } from './change-log';
import { isoNow, type Clock } from './clock';
import { decode, encode, sameValue } from './codecs';
import type { TableSpec } from './tables';

/** The columns every table has, as the domain names them. */
export interface RowMeta {
  id: number;
  version: number;
  createdAt: string;
  updatedAt: string;
  deletedAt?: string | null;
}

type Row = Record<string, unknown>;
type Values = Record<string, unknown>;

/**
 * One repository for every table described in tables.ts: typed records in and out,
 * optimistic concurrency on `version`, trash, and every write recorded in the change
 * log. Entity-specific rules (numbering, slugs, cross-checks) live in the services.
 */
export class EntityTable<R extends RowMeta> {
  private readonly byId: Database.Statement<[number], Row>;
  private readonly byUid: Database.Statement<[string], Row>;
  private readonly uidById: Database.Statement<[number], string | null>;
  private readonly updateCache = new Map<string, Database.Statement>();
  private readonly listCache = new Map<string, Database.Statement<unknown[], Row>>();
  private readonly insertStatement: Database.Statement;
  private readonly fieldNames: string[];

  constructor(
    private readonly db: Database.Database,
    readonly spec: TableSpec,
    private readonly clock: Clock,
    private readonly log: ChangeLog,
  ) {
    this.fieldNames = Object.keys(spec.fields);
    this.byId = db.prepare(`SELECT * FROM ${spec.table} WHERE id = ?`);
    this.byUid = db.prepare(`SELECT * FROM ${spec.table} WHERE uid = ?`);
    this.uidById = db.prepare<[number], string | null>(`SELECT uid FROM ${spec.table} WHERE id = ?`).pluck();
    const columns = this.fieldNames.map((f) => spec.fields[f]!.column);
    // A new row never gets an id that was ever used before, even if that row is gone
    // (undone, deleted, purged): history is kept per id, and a window still holding the
    // old record (same id, version 1) must meet NOT_FOUND, not a stranger it can
    // overwrite. SQLite alone would hand out max(id) + 1 again; the event log remembers
    // every id that existed (the event_entity index makes this a lookup).
    // `uid` is the record's stable id, the same in every store (see migration 6).
    this.insertStatement = db.prepare(
      `INSERT INTO ${spec.table} (${['id', 'uid', ...columns, 'created_at', 'updated_at'].join(', ')}) VALUES (${[
        `max(coalesce((SELECT max(id) FROM ${spec.table}), 0), coalesce((SELECT max(entity_id) FROM event WHERE entity = '${spec.entity}'), 0)) + 1`,
        ...['uid', ...columns, 'c', 'u'].map(() => '?'),
      ].join(', ')})`,
    );
  }

  decode(row: Row): R {
    const record: Values = {
      id: row.id,
      version: row.version,
      createdAt: row.created_at,
      updatedAt: row.updated_at,
    };
    for (const field of this.fieldNames) {
      const { column, codec } = this.spec.fields[field]!;
      record[field] = decode(codec, row[column]);
    }
    if (this.spec.trash) record.deletedAt = row.deleted_at ?? null;
    return record as R;
  }

  /** The domain fields of a record, as stored in events. */
  private fieldsOf(record: R): Values {
    const out: Values = {};
    for (const field of this.fieldNames) out[field] = (record as unknown as Values)[field];
    return out;
  }

  find(id: number): R | undefined {
    const row = this.byId.get(id);
    return row ? this.decode(row) : undefined;
  }

  /** The record, trashed or not; NOT_FOUND when it never existed or was removed for good. */
  get(id: number): R {
    const record = this.find(id);
    if (!record) throw new DeskError('NOT_FOUND', `There is no ${this.spec.noun} with id ${id}; it may have been deleted.`);
    return record;
  }

  /** The record with this stable id (trashed or not), if it is here. */
  findByUid(uid: string): R | undefined {
    const row = this.byUid.get(uid);
    return row ? this.decode(row) : undefined;
  }

  /** A record's stable id (null only for a row no insert path wrote, which migration 6 backfilled). */
  uidOf(id: number): string | null {
    return this.uidById.get(id) ?? null;
  }

  /** The record if it is live (not in the trash). */
  getLive(id: number): R {
    const record = this.get(id);
    if (record.deletedAt) {
      throw new DeskError('NOT_FOUND', `That ${this.spec.noun} is in the trash; restore it before changing it.`);
    }
    return record;
  }

  /** Records matching `where` (column = value), live only unless asked, in `orderBy` order. */
  list(where: Record<string, string | number | null> = {}, options: { includeTrashed?: boolean; orderBy?: string } = {}): R[] {
    const clauses: string[] = [];
    const params: (string | number | null)[] = [];
    for (const [column, value] of Object.entries(where)) {
      if (value === null) clauses.push(`${column} IS NULL`);
      else {
        clauses.push(`${column} = ?`);
        params.push(value);
      }
    }
    if (this.spec.trash && !options.includeTrashed) clauses.push('deleted_at IS NULL');
    const sql = `SELECT * FROM ${this.spec.table}${clauses.length ? ` WHERE ${clauses.join(' AND ')}` : ''} ORDER BY ${options.orderBy ?? 'id'}`;
    // The same few shapes of query repeat thousands of times in a document export: prepare each once.
    let statement = this.listCache.get(sql);
    if (!statement) {
      statement = this.db.prepare<unknown[], Row>(sql);
      this.listCache.set(sql, statement);
    }
    return statement.all(...params).map((row) => this.decode(row));
  }

  /** A new row; its stable id is `values.uid` when given (an imported record keeps its own), a new UUID otherwise. */
  insert(values: Values): R {
    const now = isoNow(this.clock);
    const uid = typeof values.uid === 'string' ? values.uid : randomUUID();
    const params = this.fieldNames.map((f) => encode(this.spec.fields[f]!.codec, values[f]));
    const id = Number(this.insertStatement.run(uid, ...params, now, now).lastInsertRowid);
    const record = this.get(id);
    // No "before" is NULL in the event, not the JSON text 'null' (history reads it as an object).
    this.log.record(this.spec.entity, id, 'create', undefined, { ...this.fieldsOf(record), uid });
    return record;
  }

  /**
   * Applies `patch` if the row still has `version`; CONFLICT otherwise. Fields whose
   * value does not change are left out, and a patch that changes nothing writes nothing.
   */
  update(id: number, version: number, patch: Values): R {
    const current = this.getLive(id);
    if (current.version !== version) throw this.conflict();
    const changed = Object.keys(patch).filter(
      (f) => f in this.spec.fields && !sameValue((current as unknown as Values)[f], patch[f]),
    );
    if (changed.length === 0) return current;
    const before: Values = {};
    const after: Values = {};
    for (const f of changed) {
      before[f] = (current as unknown as Values)[f];
      after[f] = patch[f];
    }
    this.writeFields(id, after, version);
    this.log.record(this.spec.entity, id, 'update', before, after);
    return this.get(id);
  }

  /** Writes fields without a version check (used by undo, which owns the row's history). */
  writeFields(id: number, values: Values, expectedVersion?: number): void {
    const fields = Object.keys(values).sort();
    const key = `${fields.join(',')}|${expectedVersion === undefined ? 'any' : 'checked'}`;
    let statement = this.updateCache.get(key);
    if (!statement) {
      const sets = fields.map((f) => `${this.spec.fields[f]!.column} = ?`);
      statement = this.db.prepare(
        `UPDATE ${this.spec.table} SET ${[...sets, 'version = version + 1', 'updated_at = ?'].join(', ')} WHERE id = ?${
          expectedVersion === undefined ? '' : ' AND version = ?'
        }`,
      );
      this.updateCache.set(key, statement);
    }
    const params: unknown[] = fields.map((f) => encode(this.spec.fields[f]!.codec, values[f]));
    params.push(isoNow(this.clock), id);
    if (expectedVersion !== undefined) params.push(expectedVersion);
    const result = statement.run(...params);
    if (result.changes === 0) {
      this.get(id);
      throw this.conflict();
    }
  }

  setDeletedAt(id: number, deletedAt: string | null): void {
    this.db
      .prepare(`UPDATE ${this.spec.table} SET deleted_at = ?, version = version + 1, updated_at = ? WHERE id = ?`)
      .run(deletedAt, isoNow(this.clock), id);
  }

  /** Moves a record to the trash; its children stay with it and come back with it. */
  trash(id: number): R {
    this.requireTrash();
    const current = this.getLive(id);
    const at = isoNow(this.clock);
    this.setDeletedAt(id, at);
    this.log.record(this.spec.entity, id, 'trash', { deletedAt: null }, { deletedAt: at });
    return { ...current, deletedAt: at };
  }

  restore(id: number): R {
    this.requireTrash();
    const current = this.get(id);
    if (!current.deletedAt) return current;
    this.setDeletedAt(id, null);
    this.log.record(this.spec.entity, id, 'restore', { deletedAt: current.deletedAt }, { deletedAt: null });
    return this.get(id);
  }

  /**
   * Removes a row. 'delete' (a quote, a participant…) keeps the whole row in the event
   * so undo can put it back with the same id; 'purge' (emptying the trash) is final.
   */
  remove(id: number, action: 'delete' | 'purge' = 'delete'): void {
    const current = this.get(id);
    const uid = this.uidOf(id);
    this.db.prepare(`DELETE FROM ${this.spec.table} WHERE id = ?`).run(id);
    const before = { ...this.fieldsOf(current), uid, version: current.version, createdAt: current.createdAt };
    this.log.record(this.spec.entity, id, action, before, undefined);
  }

  /**
   * Puts back a row removed by 'delete', with its id and stable id, as a newer version.
   * (An event written before stable ids existed has no uid: the row gets a new one.)
   */
  reinsert(id: number, before: Values): void {
    const columns = this.fieldNames.map((f) => this.spec.fields[f]!.column);
    const params = this.fieldNames.map((f) => encode(this.spec.fields[f]!.codec, before[f]));
    const uid = typeof before.uid === 'string' ? before.uid : randomUUID();
    this.db
      .prepare(
        `INSERT INTO ${this.spec.table} (id, uid, ${columns.join(', ')}, version, created_at, updated_at) VALUES (?, ?, ${columns
          .map(() => '?')
          .join(', ')}, ?, ?, ?)`,
      )
      .run(id, uid, ...params, Number(before.version ?? 0) + 1, String(before.createdAt ?? isoNow(this.clock)), isoNow(this.clock));
  }

  /** Deletes a row without logging: only undo of its own creation may do this. */
  deleteUnlogged(id: number): void {
    this.db.prepare(`DELETE FROM ${this.spec.table} WHERE id = ?`).run(id);
  }

  conflict(): DeskError {
    return new DeskError(
      'CONFLICT',
      `This ${this.spec.noun} was changed elsewhere (another window or the command line) since you opened it. Reload to see the latest version; your edit was not saved.`,
    );
  }

  private requireTrash(): void {
    if (!this.spec.trash) throw new Error(`${this.spec.noun} has no trash`);
  }
}
