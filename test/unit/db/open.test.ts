import Database from 'better-sqlite3';
import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { DeskError } from '../../../domain/errors';
import { APPLICATION_ID } from '../../../db/identity';
import { latestVersion } from '../../../db/migrate';
import { MIGRATIONS } from '../../../db/migrations';
import { openDatabase } from '../../../db/open';
import { tempDir } from '../../helpers/temp-dir';

const sha = (file: string) => crypto.createHash('sha256').update(fs.readFileSync(file)).digest('hex');

function expectDeskError(fn: () => unknown, code: string): DeskError {
  try {
    fn();
  } catch (error) {
    expect(error).toBeInstanceOf(DeskError);
    expect((error as DeskError).code).toBe(code);
    return error as DeskError;
  }
  throw new Error(`expected ${code}`);
}

describe('opening the store', () => {
  it('creates a missing folder and sets the durability pragmas', () => {
    const file = path.join(tempDir(), 'nested', 'deeper', 'adoption-desk.sqlite');
    const db = openDatabase(file);
    try {
      expect(fs.existsSync(file)).toBe(true);
      expect(db.pragma('journal_mode', { simple: true })).toBe('wal');
      expect(db.pragma('synchronous', { simple: true })).toBe(2); // FULL
      expect(db.pragma('foreign_keys', { simple: true })).toBe(1);
      expect(db.pragma('busy_timeout', { simple: true })).toBe(5000);
      expect(db.pragma('user_version', { simple: true })).toBe(latestVersion(MIGRATIONS));
    } finally {
      db.close();
    }
  });

  it('refuses a database from a newer app version and leaves it byte-identical', () => {
    const file = path.join(tempDir(), 'future.sqlite');
    const raw = new Database(file);
    raw.exec('CREATE TABLE t (x)');
    // A newer store of ours says so in its header, whatever its tables.
    raw.pragma(`application_id = ${APPLICATION_ID}`);
    raw.pragma(`user_version = ${latestVersion(MIGRATIONS) + 5}`);
    raw.close();
    const before = sha(file);
    const error = expectDeskError(() => openDatabase(file), 'DATABASE_TOO_NEW');
    expect(error.message).toContain(file);
    expect(error.message).toContain('newer version of Adoption Desk');
    expect(sha(file)).toBe(before);
  });

  it('refuses a file that is not a database and leaves it byte-identical', () => {
    const file = path.join(tempDir(), 'notes.sqlite');
    fs.writeFileSync(file, 'These are my interview notes, not a database.\n'.repeat(200));
    const before = sha(file);
    const error = expectDeskError(() => openDatabase(file), 'DATABASE_CORRUPT');
    expect(error.message).toContain(file);
    expect(sha(file)).toBe(before);
  });

  it('refuses to create a database when it must exist', () => {
    const file = path.join(tempDir(), 'missing.sqlite');
    expectDeskError(() => openDatabase(file, { mustExist: true }), 'DATABASE_MISSING');
    expect(fs.existsSync(file)).toBe(false);
  });

  it('reports a folder it cannot create as an IO error in plain words', () => {
    const parent = tempDir();
    fs.writeFileSync(path.join(parent, 'blocker'), 'a file where a folder should be');
    const error = expectDeskError(() => openDatabase(path.join(parent, 'blocker', 'db.sqlite')), 'IO_ERROR');
    expect(error.message).toMatch(/Could not create the data folder/);
  });
});
