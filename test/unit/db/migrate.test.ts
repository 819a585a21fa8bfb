import Database from 'better-sqlite3';
import path from 'node:path';
import { describe, expect, it, vi } from 'vitest';
import { assertMonotonic, migrate } from '../../../db/migrate';
import type { Migration } from '../../../db/migrations';
import { MIGRATIONS } from '../../../db/migrations';
import { openDatabase } from '../../../db/open';
import { tempDir } from '../../helpers/temp-dir';

const step = (version: number, sql: string): Migration => ({ version, name: `step ${version}`, up: (db) => db.exec(sql) });

describe('the migration runner', () => {
  it('refuses versions that do not strictly increase', () => {
    expect(() => assertMonotonic([step(1, ''), step(1, '')])).toThrow(/does not follow 1/);
    expect(() => assertMonotonic([step(2, ''), step(1, '')])).toThrow(/does not follow 2/);
    expect(() => assertMonotonic(MIGRATIONS)).not.toThrow();
  });

  it('runs all pending steps in one transaction: a failing step leaves the file as it was', () => {
    const db = new Database(path.join(tempDir(), 'm.sqlite'));
    migrate(db, [step(1, 'CREATE TABLE a (x)')], { file: 'm' });
    expect(() =>
      migrate(db, [step(1, 'CREATE TABLE a (x)'), step(2, 'CREATE TABLE b (x)'), step(3, 'THIS IS NOT SQL')], { file: 'm' }),
    ).toThrow();
    expect(db.pragma('user_version', { simple: true })).toBe(1);
    expect(db.prepare("SELECT name FROM sqlite_master WHERE name = 'b'").get()).toBeUndefined();
    db.close();
  });

  it('calls the backup hook before migrating a database that holds data, not a new one', () => {
    const file = path.join(tempDir(), 'b.sqlite');
    const db = new Database(file);
    const beforeMigrate = vi.fn();
    migrate(db, [step(1, 'CREATE TABLE a (x)')], { file, beforeMigrate });
    expect(beforeMigrate).not.toHaveBeenCalled();
    migrate(db, [step(1, 'CREATE TABLE a (x)'), step(2, 'CREATE TABLE b (x)')], { file, beforeMigrate });
    expect(beforeMigrate).toHaveBeenCalledWith(1);
    migrate(db, [step(1, ''), step(2, '')], { file, beforeMigrate });
    expect(beforeMigrate).toHaveBeenCalledTimes(1);
    db.close();
  });

  it('migration 1 creates the project table with a unique slug', () => {
    const db = openDatabase(path.join(tempDir(), 'p.sqlite'));
    const insert = db.prepare("INSERT INTO project (name, slug, level, created_at, updated_at) VALUES ('A', 'a', 'incubation', 'now', 'now')");
    insert.run();
    expect(() => insert.run()).toThrow(/UNIQUE/);
    expect(() =>
      db.prepare("INSERT INTO project (name, slug, level, created_at, updated_at) VALUES ('B', 'b', 'sandbox', 'now', 'now')").run(),
    ).toThrow(/CHECK/);
    db.close();
  });
});
