import Database from 'better-sqlite3';
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it, vi } from 'vitest';
import { APPLICATION_ID, examineDatabasePath, identifyDatabase } from '../../../db/identity';
import { latestVersion } from '../../../db/migrate';
import { MIGRATIONS } from '../../../db/migrations';
import { applicationId } from '../../../db/migrations/0010-application-id';
import { openDatabase } from '../../../db/open';
import { cli } from '../../helpers/cli';
import { tempDir } from '../../helpers/temp-dir';

/**
 * How the store is recognised (db/identity.ts): by `PRAGMA application_id`, stamped by
 * migration 10; a store of ours written before that by its schema, and stamped when it opens.
 */

const BEFORE_STAMP = MIGRATIONS.filter((m) => m.version < applicationId.version);

function readIds(file: string): { applicationId: number; userVersion: number } {
  const db = new Database(file, { readonly: true });
  try {
    return { applicationId: db.pragma('application_id', { simple: true }) as number, userVersion: db.pragma('user_version', { simple: true }) as number };
  } finally {
    db.close();
  }
}

describe('recognising the store', () => {
  it('a new store carries the application id in its header', () => {
    const file = path.join(tempDir(), 'new.sqlite');
    openDatabase(file).close();
    expect(readIds(file)).toEqual({ applicationId: APPLICATION_ID, userVersion: latestVersion(MIGRATIONS) });
    // Offset 68 of the header, where `file` and other tools look.
    expect(fs.readFileSync(file).readUInt32BE(68)).toBe(APPLICATION_ID);
    expect(examineDatabasePath(file)).toMatchObject({ kind: 'sqlite', applicationId: APPLICATION_ID });
  });

  it('an existing store of ours without the id is recognised by its schema, backed up, and stamped — also by a read-only command', async () => {
    const dir = tempDir();
    const file = path.join(dir, 'old.sqlite');
    const old = openDatabase(file, { migrations: BEFORE_STAMP });
    old.prepare("INSERT INTO project (name, slug, level, created_at, updated_at) VALUES ('Globex Mesh', 'globex-mesh', 'incubation', 'now', 'now')").run();
    expect(identifyDatabase(old)).toEqual({ kind: 'ours', stamped: false });
    old.close();
    expect(readIds(file)).toEqual({ applicationId: 0, userVersion: applicationId.version - 1 });

    const listed = await cli(['project', 'list', '--json', '--db', file]);
    expect(listed.code, listed.stderr).toBe(0);
    expect(JSON.parse(listed.stdout)).toEqual([expect.objectContaining({ slug: 'globex-mesh' })]);
    expect(readIds(file)).toEqual({ applicationId: APPLICATION_ID, userVersion: latestVersion(MIGRATIONS) });
    // The upgrade wrote its backup first, as every migration does; the backup is the store as it was.
    const backups = fs.readdirSync(path.join(dir, 'backups')).filter((n) => n.includes('before-migration'));
    expect(backups).toHaveLength(1);
    expect(readIds(path.join(dir, 'backups', backups[0]!))).toEqual({ applicationId: 0, userVersion: applicationId.version - 1 });
  });

  it('every store version of ours before the stamp is recognised (schema 1 on)', () => {
    for (const m of BEFORE_STAMP) {
      const file = path.join(tempDir(), `v${m.version}.sqlite`);
      openDatabase(file, { migrations: MIGRATIONS.filter((x) => x.version <= m.version) }).close();
      const db = new Database(file, { readonly: true });
      try {
        expect(identifyDatabase(db), `schema ${m.version}`).toEqual({ kind: 'ours', stamped: false });
      } finally {
        db.close();
      }
      const reopened = openDatabase(file);
      expect(reopened.pragma('application_id', { simple: true })).toBe(APPLICATION_ID);
      reopened.close();
    }
  });

  it('a stamped store is recognised by its header alone: opening it never copies the file into memory', () => {
    const file = path.join(tempDir(), 'stamped.sqlite');
    openDatabase(file).close();
    expect(fs.existsSync(`${file}-wal`)).toBe(false);
    const read = vi.spyOn(fs, 'readFileSync');
    try {
      openDatabase(file).close();
      expect(read.mock.calls.filter(([what]) => what === file)).toEqual([]);
    } finally {
      read.mockRestore();
    }
  });

  it('tells blank, ours and foreign apart', () => {
    const db = new Database(':memory:');
    expect(identifyDatabase(db)).toEqual({ kind: 'blank' });
    db.exec('CREATE TABLE project (id INTEGER PRIMARY KEY, name, slug, level, version, created_at, updated_at)');
    // Our column names but no schema version: not ours.
    expect(identifyDatabase(db)).toMatchObject({ kind: 'foreign' });
    db.pragma('user_version = 1');
    expect(identifyDatabase(db)).toEqual({ kind: 'ours', stamped: false });
    db.pragma('application_id = 1196444487');
    expect(identifyDatabase(db)).toMatchObject({ kind: 'foreign', what: expect.stringContaining('"GPKG"') });
    db.pragma(`application_id = ${APPLICATION_ID}`);
    expect(identifyDatabase(db)).toEqual({ kind: 'ours', stamped: true });
    db.close();
  });
});
