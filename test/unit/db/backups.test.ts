import Database from 'better-sqlite3';
import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import {
  backupFileName,
  isoWeekOf,
  listBackupFiles,
  parseBackupFileName,
  planRotation,
  writeBackup,
  type BackupFile,
} from '../../../db/backups';
import type { Clock } from '../../../db/clock';
import { MIGRATIONS } from '../../../db/migrations';
import { openDatabase } from '../../../db/open';
import { DeskError } from '../../../domain/errors';
import { openDesk } from '../../../services/desk';
import { dispatch } from '../../../services/dispatch';
import { tempDir } from '../../helpers/temp-dir';
import { inTimeZone } from '../../helpers/time-zone';

inTimeZone('UTC');
afterEach(() => {
  vi.restoreAllMocks();
});

const sha = (file: string) => crypto.createHash('sha256').update(fs.readFileSync(file)).digest('hex');
const at = (iso: string): Clock => () => new Date(iso);
const names = (file: string) => listBackupFiles(file).map((b) => path.basename(b.file));

/** A database with one project in it, created (no daily backup: it was new) at `iso`. */
async function seeded(iso = '2026-10-20T12:00:00Z', name = 'Globex Mesh') {
  const dir = tempDir();
  const file = path.join(dir, 'adoption-desk.sqlite');
  const desk = openDesk(file, { clock: at(iso) });
  await desk.services.createProject({ name, level: 'incubation' });
  desk.close();
  return { dir, file };
}

function projectNames(file: string): string[] {
  const db = new Database(file, { readonly: true });
  try {
    return db.prepare('SELECT name FROM project ORDER BY name').pluck().all() as string[];
  } finally {
    db.close();
  }
}

describe('backup file names', () => {
  it('sort by time, say why, and parse back; other files and other databases are ignored', () => {
    const db = '/data/adoption-desk.sqlite';
    const name = backupFileName(db, new Date('2026-11-29T10:15:00.789Z'), 'daily');
    expect(name).toBe('adoption-desk-2026-11-29T101500Z-daily.sqlite');
    expect(parseBackupFileName(db, name)).toEqual({ createdAt: '2026-11-29T10:15:00Z', reason: 'daily', sequence: 1 });
    expect(parseBackupFileName(db, 'adoption-desk-2026-11-29T101500Z-manual-3.sqlite')).toMatchObject({ reason: 'manual', sequence: 3 });
    for (const other of [
      'adoption-desk-2026-11-29T101500Z-daily.sqlite-wal',
      '.adoption-desk-2026-11-29T101500Z-daily.sqlite.partial',
      'adoption-desk-2026-13-29T101500Z-daily.sqlite',
      'adoption-desk-2026-11-29T101500Z-weekly.sqlite',
      'other-2026-11-29T101500Z-daily.sqlite',
      'notes.txt',
    ]) {
      expect(parseBackupFileName(db, other)).toBeNull();
    }
    // Another database in the same folder has its own prefix: rotation never touches its files.
    expect(parseBackupFileName('/data/other.sqlite', name)).toBeNull();
    const sorted = ['2026-01-02T000000Z', '2025-12-31T235959Z', '2026-01-01T120000Z'].map((t) => `adoption-desk-${t}-daily.sqlite`).sort();
    expect(sorted[0]).toContain('2025-12-31');
  });

  it('knows ISO weeks at the turn of the year', () => {
    expect(isoWeekOf(new Date('2026-01-01T12:00:00Z'))).toBe('2026-W01'); // a Thursday
    expect(isoWeekOf(new Date('2027-01-01T12:00:00Z'))).toBe('2026-W53'); // a Friday in 2026's last week
    expect(isoWeekOf(new Date('2024-12-30T12:00:00Z'))).toBe('2025-W01'); // a Monday in 2025's first week
    expect(isoWeekOf(new Date('2026-11-23T12:00:00Z'))).toBe('2026-W48'); // Monday …
    expect(isoWeekOf(new Date('2026-11-29T12:00:00Z'))).toBe('2026-W48'); // … to Sunday
    expect(isoWeekOf(new Date('2026-11-30T12:00:00Z'))).toBe('2026-W49');
  });
});

describe('writing a backup', () => {
  it('is a compact, self-contained, consistent copy: WAL content included, no -wal/-shm beside it', async () => {
    const { file } = await seeded();
    const db = openDatabase(file);
    db.prepare("INSERT INTO project (name, slug, level, created_at, updated_at) VALUES ('In the WAL', 'wal', 'incubation', 'now', 'now')").run();
    expect(fs.statSync(`${file}-wal`).size).toBeGreaterThan(0); // not checkpointed yet

    const backup = writeBackup(db, file, 'manual', at('2026-11-29T10:15:00Z'));
    const again = writeBackup(db, file, 'manual', at('2026-11-29T10:15:00.500Z'));
    db.close();

    expect(path.basename(backup.file)).toBe('adoption-desk-2026-11-29T101500Z-manual.sqlite');
    expect(path.basename(again.file)).toBe('adoption-desk-2026-11-29T101500Z-manual-2.sqlite');
    expect(path.dirname(backup.file)).toBe(path.join(path.dirname(file), 'backups'));
    expect(backup).toMatchObject({ createdAt: '2026-11-29T10:15:00Z', reason: 'manual', bytes: fs.statSync(backup.file).size });
    expect(fs.readdirSync(path.dirname(backup.file)).sort()).toEqual([path.basename(backup.file), path.basename(again.file)].sort());

    const copy = new Database(backup.file, { readonly: true });
    expect(copy.pragma('journal_mode', { simple: true })).toBe('delete');
    expect(copy.pragma('user_version', { simple: true })).toBe(MIGRATIONS.at(-1)!.version);
    expect(copy.pragma('integrity_check', { simple: true })).toBe('ok');
    copy.close();
    expect(projectNames(backup.file)).toEqual(['Globex Mesh', 'In the WAL']);
    // The newer one is listed first.
    expect(names(file)).toEqual([path.basename(again.file), path.basename(backup.file)]);
  });

  it('leaves nothing that looks like a backup when the disk fills up, and says so', async () => {
    const { file } = await seeded();
    const db = openDatabase(file);
    vi.spyOn(fs, 'fsyncSync').mockImplementation(() => {
      throw Object.assign(new Error('ENOSPC: no space left on device, fsync'), { code: 'ENOSPC', syscall: 'fsync' });
    });
    let error: unknown;
    try {
      writeBackup(db, file, 'manual');
    } catch (e) {
      error = e;
    }
    vi.restoreAllMocks();
    db.close();
    expect(error).toBeInstanceOf(DeskError);
    expect(error).toMatchObject({ code: 'IO_ERROR', message: expect.stringMatching(/the disk is full.*The database was not changed/) });
    expect(fs.readdirSync(path.join(path.dirname(file), 'backups'))).toEqual([]); // no .partial left either
  });
});

describe('automatic backups and rotation', () => {
  it('40 days of opens keep exactly the last 7 days and the newest of the last 4 ISO weeks; manual and before-migration backups stay', async () => {
    const { file } = await seeded('2026-10-20T09:00:00Z');
    expect(names(file)).toEqual([]); // a database created by this open had nothing to back up

    const start = Date.UTC(2026, 9, 21, 12); // Wednesday 2026-10-21 … Sunday 2026-11-29
    for (let day = 0; day < 40; day++) {
      const noon = new Date(start + day * 86_400_000);
      const desk = openDesk(file, { clock: () => noon });
      expect(desk.warnings).toEqual([]);
      if (day === 2) await desk.services.backupNow({});
      if (day === 4) {
        const db = openDatabase(file);
        writeBackup(db, file, 'before-migration', () => new Date(noon.getTime() + 60_000));
        db.close();
      }
      desk.close();
      if (day % 3 === 0) {
        // A second open the same evening: still one daily backup that day.
        openDesk(file, { clock: () => new Date(noon.getTime() + 6 * 3_600_000) }).close();
      }
    }

    expect(names(file)).toEqual([
      'adoption-desk-2026-11-29T120000Z-daily.sqlite', // W48 (Mon 23 … Sun 29): the last 7 days
      'adoption-desk-2026-11-28T120000Z-daily.sqlite',
      'adoption-desk-2026-11-27T120000Z-daily.sqlite',
      'adoption-desk-2026-11-26T120000Z-daily.sqlite',
      'adoption-desk-2026-11-25T120000Z-daily.sqlite',
      'adoption-desk-2026-11-24T120000Z-daily.sqlite',
      'adoption-desk-2026-11-23T120000Z-daily.sqlite',
      'adoption-desk-2026-11-22T120000Z-daily.sqlite', // newest of W47
      'adoption-desk-2026-11-15T120000Z-daily.sqlite', // newest of W46
      'adoption-desk-2026-11-08T120000Z-daily.sqlite', // newest of W45
      'adoption-desk-2026-10-25T120100Z-before-migration.sqlite', // never rotated
      'adoption-desk-2026-10-23T120000Z-manual.sqlite', // never rotated
    ]);
    // Every kept backup is a sound copy holding the data.
    for (const b of listBackupFiles(file)) expect(projectNames(b.file)).toEqual(['Globex Mesh']);
    // The backups folder holds nothing else (no partial files, no -wal/-shm).
    expect(fs.readdirSync(path.join(path.dirname(file), 'backups')).length).toBe(12);
  }, 30_000); // ~60 opens with a backup each: about a second alone, several under a loaded parallel run

  it('rotation counts days and weeks that have a backup: a holiday does not empty the folder', () => {
    const daily = (iso: string): BackupFile => ({ file: `/b/${iso}`, createdAt: iso, reason: 'daily', bytes: 1 });
    const backups: BackupFile[] = [
      // back from three weeks off on Thursday 2026-11-26, one open a day since
      daily('2026-11-28T12:00:00Z'),
      daily('2026-11-27T12:00:00Z'),
      daily('2026-11-26T12:00:00Z'),
      daily('2026-11-04T20:00:00Z'),
      daily('2026-11-04T08:00:00Z'), // two on one day (app and CLI raced): only the newest counts for the day
      daily('2026-11-03T12:00:00Z'),
      daily('2026-11-02T12:00:00Z'),
      daily('2026-11-01T12:00:00Z'),
      daily('2026-10-31T12:00:00Z'),
      daily('2026-10-25T12:00:00Z'),
      daily('2026-10-18T12:00:00Z'),
      { file: '/b/manual', createdAt: '2020-01-01T00:00:00Z', reason: 'manual', bytes: 1 },
    ];
    const { keep, remove } = planRotation(backups);
    expect(keep.map((b) => b.file)).toEqual([
      '/b/2026-11-28T12:00:00Z',
      '/b/2026-11-27T12:00:00Z',
      '/b/2026-11-26T12:00:00Z',
      '/b/2026-11-04T20:00:00Z',
      '/b/2026-11-03T12:00:00Z',
      '/b/2026-11-02T12:00:00Z',
      '/b/2026-11-01T12:00:00Z', // 7th day; also newest of W44
      '/b/2026-10-25T12:00:00Z', // newest of W43 (4th week with a backup: W48, W45, W44, W43)
      '/b/manual',
    ]);
    expect(remove.map((b) => b.file)).toEqual(['/b/2026-11-04T08:00:00Z', '/b/2026-10-31T12:00:00Z', '/b/2026-10-18T12:00:00Z']);
  });

  it('a failed automatic backup does not stop the opening: it is a warning, and no older backup is rotated away', async () => {
    const { dir, file } = await seeded();
    // Eight old daily backups, one more than rotation keeps.
    const db = openDatabase(file);
    for (let day = 1; day <= 8; day++) writeBackup(db, file, 'daily', at(`2026-11-0${day}T12:00:00Z`));
    db.close();
    const before = names(file);

    vi.spyOn(fs, 'renameSync').mockImplementation(() => {
      throw Object.assign(new Error('ENOSPC: no space left on device, rename'), { code: 'ENOSPC', syscall: 'rename' });
    });
    const desk = openDesk(file, { clock: at('2026-11-20T12:00:00Z') });
    vi.restoreAllMocks();
    try {
      expect(desk.warnings).toHaveLength(1);
      expect(desk.warnings[0]).toMatch(/automatic backup could not be written to .*backups: the disk is full\. Your notes are safe/);
      expect((await desk.services.listProjects({})).map((p) => p.name)).toEqual(['Globex Mesh']);
    } finally {
      desk.close();
    }
    expect(names(file)).toEqual(before);
    expect(fs.readdirSync(path.join(dir, 'backups')).filter((n) => n.endsWith('.partial'))).toEqual([]);

    // A file where the backups folder should be: same story, real error this time.
    fs.rmSync(path.join(dir, 'backups'), { recursive: true });
    fs.writeFileSync(path.join(dir, 'backups'), 'in the way');
    const warned: string[] = [];
    const blocked = openDesk(file, { clock: at('2026-11-21T12:00:00Z'), onWarning: (w) => warned.push(w) });
    expect(blocked.warnings).toEqual(warned);
    expect(warned[0]).toMatch(/automatic backup could not be written to .*backups: a file stands where a folder should be\. Your notes are safe/);
    expect(await dispatch(blocked.services, 'listProjects', {})).toMatchObject({ ok: true });
    blocked.close();
  });
});

describe('the before-migration backup', () => {
  /** A database at schema 1 (only the first migration) holding one project. */
  function schemaOne(): string {
    const file = path.join(tempDir(), 'adoption-desk.sqlite');
    const db = openDatabase(file, { migrations: MIGRATIONS.slice(0, 1) });
    db.prepare("INSERT INTO project (name, slug, level, created_at, updated_at) VALUES ('Old Schema', 'old', 'incubation', 'now', 'now')").run();
    db.close();
    return file;
  }

  it('is written before any migration step runs, and holds the database as it was', () => {
    const file = schemaOne();
    const seen: { backups: string[]; version: number }[] = [];
    const probe = {
      version: 99,
      name: 'probe',
      up: () => {
        const [backup] = listBackupFiles(file);
        const copy = new Database(backup!.file, { readonly: true });
        seen.push({ backups: names(file), version: copy.pragma('user_version', { simple: true }) as number });
        copy.close();
      },
    };
    const hook = vi.fn();
    const db = openDatabase(file, { migrations: [MIGRATIONS[0]!, probe, ...MIGRATIONS.slice(1).map((m) => ({ ...m, version: m.version + 100 }))], clock: at('2026-11-29T10:15:00Z'), beforeMigrate: hook });
    db.close();
    expect(seen).toEqual([{ backups: ['adoption-desk-2026-11-29T101500Z-before-migration.sqlite'], version: 1 }]);
    expect(hook).toHaveBeenCalledWith(file, 1);
    expect(projectNames(listBackupFiles(file)[0]!.file)).toEqual(['Old Schema']);
  });

  it('when it cannot be written, the database is not migrated', () => {
    const file = schemaOne();
    fs.writeFileSync(path.join(path.dirname(file), 'backups'), 'a file where the folder should be');
    let error: unknown;
    try {
      openDatabase(file);
    } catch (e) {
      error = e;
    }
    expect(error).toMatchObject({ code: 'IO_ERROR', message: expect.stringMatching(/could not back it up first, so it did not upgrade it/) });
    const raw = new Database(file, { readonly: true });
    expect(raw.pragma('user_version', { simple: true })).toBe(1);
    raw.close();
  });
});

describe('restore', () => {
  it('checks the backup, keeps the replaced database as a before-restore backup, and reopens on the restored one', async () => {
    const { file } = await seeded('2026-11-01T12:00:00Z');
    const desk = openDesk(file, { clock: at('2026-11-02T12:00:00Z') });
    const backup = await desk.services.backupNow({});
    await desk.services.createProject({ name: 'Added after the backup', level: 'graduation' });

    const result = await desk.services.restoreBackup({ file: backup.file });
    try {
      expect(result.restoredFrom).toBe(backup.file);
      expect(result.replacedKeptAt).toBe(path.join(path.dirname(file), 'backups', 'adoption-desk-2026-11-02T120000Z-before-restore.sqlite'));
      // The same services object now answers from the restored file.
      expect((await desk.services.listProjects({})).map((p) => p.name)).toEqual(['Globex Mesh']);
      expect(desk.store.db.pragma('journal_mode', { simple: true })).toBe('wal');
      // The replaced database is kept whole, listed, and restorable in turn.
      expect(projectNames(result.replacedKeptAt!)).toEqual(['Added after the backup', 'Globex Mesh']);
      expect((await desk.services.listBackups({})).map((b) => b.reason).sort()).toEqual(['before-restore', 'daily', 'manual']);
      const undo = await desk.services.restoreBackup({ file: path.basename(result.replacedKeptAt!) });
      expect((await desk.services.listProjects({})).map((p) => p.name)).toEqual(['Added after the backup', 'Globex Mesh']);
      expect(undo.replacedKeptAt).toMatch(/before-restore-2\.sqlite$/);
      // Nothing staged is left beside the database.
      expect(fs.readdirSync(path.dirname(file)).filter((n) => n.startsWith('.'))).toEqual([]);
    } finally {
      desk.close();
    }
  });

  it('refuses a damaged, foreign, newer, missing or self backup with a clear error and touches nothing', async () => {
    const { dir, file } = await seeded();
    const desk = openDesk(file);
    try {
      const good = await desk.services.backupNow({});
      const damaged = path.join(dir, 'damaged.sqlite');
      fs.copyFileSync(good.file, damaged);
      const raw = new Database(damaged, { readonly: true });
      const page = raw.prepare("SELECT rootpage FROM sqlite_schema WHERE name = 'project'").pluck().get() as number;
      raw.close();
      const fd = fs.openSync(damaged, 'r+');
      fs.writeSync(fd, Buffer.alloc(4096, 0xa5), 0, 4096, (page - 1) * 4096);
      fs.closeSync(fd);

      const foreign = path.join(dir, 'foreign.sqlite');
      const f = new Database(foreign);
      f.exec('CREATE TABLE notes (x)');
      f.pragma('user_version = 2');
      f.close();

      const newer = path.join(dir, 'newer.sqlite');
      fs.copyFileSync(good.file, newer);
      const n = new Database(newer);
      n.pragma('user_version = 999');
      n.close();

      const text = path.join(dir, 'text.sqlite');
      fs.writeFileSync(text, 'not a database at all, long enough to have a header');

      const files = [file, damaged, foreign, newer, text];
      const before = files.map(sha);
      const listed = fs.readdirSync(dir).sort();
      const cases: [string, string, RegExp][] = [
        [damaged, 'DATABASE_CORRUPT', /is damaged \(it fails SQLite's integrity check\)\. Nothing was restored/],
        [foreign, 'DATABASE_CORRUPT', /not an Adoption Desk one\. Nothing was restored/],
        [newer, 'DATABASE_TOO_NEW', /newer version of Adoption Desk.*Nothing was restored/],
        [text, 'DATABASE_CORRUPT', /not an Adoption Desk backup.*Nothing was restored/],
        [path.join(dir, 'nowhere.sqlite'), 'NOT_FOUND', /There is no backup at/],
        [file, 'VALIDATION', /is the database itself/],
      ];
      for (const [backup, code, message] of cases) {
        const envelope = await dispatch(desk.services, 'restoreBackup', { file: backup }, () => {});
        expect(envelope, backup).toMatchObject({ ok: false, error: { code, message: expect.stringMatching(message) } });
      }
      expect(files.map(sha)).toEqual(before);
      expect(fs.readdirSync(dir).sort()).toEqual(listed);
      expect((await desk.services.listProjects({})).map((p) => p.name)).toEqual(['Globex Mesh']);
      expect((await desk.services.listBackups({})).map((b) => b.reason).sort()).toEqual(['daily', 'manual']);
    } finally {
      desk.close();
    }
  });

  it('restores a backup from an older schema: it is migrated on reopen, after its own before-migration backup', async () => {
    const { dir, file } = await seeded();
    const old = path.join(dir, 'from-last-year.sqlite');
    const db = openDatabase(old, { migrations: MIGRATIONS.slice(0, 1) });
    db.prepare("INSERT INTO project (name, slug, level, created_at, updated_at) VALUES ('Old Schema', 'old', 'incubation', 'now', 'now')").run();
    db.close();

    const desk = openDesk(file, { clock: at('2026-11-02T12:00:00Z') });
    try {
      await desk.services.restoreBackup({ file: old });
      expect((await desk.services.listProjects({})).map((p) => p.name)).toEqual(['Old Schema']);
      expect(desk.store.db.pragma('user_version', { simple: true })).toBe(MIGRATIONS.at(-1)!.version);
      const reasons = (await desk.services.listBackups({})).map((b) => b.reason).sort();
      expect(reasons).toEqual(['before-migration', 'before-restore', 'daily']);
    } finally {
      desk.close();
    }
  });

  it('when the restored file will not open, says where the replaced database is, and can still restore it', async () => {
    const { dir, file } = await seeded();
    // A schema-1 file that passes every check but whose upgrade fails (a table in the way of migration 2).
    const trap = path.join(dir, 'trap.sqlite');
    const db = openDatabase(trap, { migrations: MIGRATIONS.slice(0, 1) });
    db.exec('CREATE TABLE organization (x)');
    db.close();

    const desk = openDesk(file);
    try {
      const failed = await dispatch(desk.services, 'restoreBackup', { file: trap }, () => {});
      expect(failed).toMatchObject({ ok: false, error: { message: expect.stringMatching(/the database it replaced is kept at .*before-restore\.sqlite and can be restored/) } });
      const kept = /kept at (\S+before-restore\.sqlite)/.exec((failed as { error: { message: string } }).error.message)![1]!;
      // Recovery mode: edits are refused, backups still work.
      expect(desk.failure).not.toBeNull();
      expect(await dispatch(desk.services, 'listProjects', {}, () => {})).toMatchObject({ ok: false });
      await desk.services.restoreBackup({ file: kept });
      expect(desk.failure).toBeNull();
      expect((await desk.services.listProjects({})).map((p) => p.name)).toEqual(['Globex Mesh']);
    } finally {
      desk.close();
    }
  });

  it('is refused on a Desk opened read-only', async () => {
    const { file } = await seeded();
    const writer = openDesk(file);
    const backup = await writer.services.backupNow({});
    writer.close();
    const desk = openDesk(file, { readOnly: true });
    try {
      const refused = await dispatch(desk.services, 'restoreBackup', { file: backup.file });
      expect(refused).toMatchObject({ ok: false, error: { code: 'IO_ERROR', message: expect.stringMatching(/read-only, so nothing was restored/) } });
    } finally {
      desk.close();
    }
  });

  it('refuses while another program has the database open, and keeps working on it', async () => {
    const { file } = await seeded();
    const desk = openDesk(file, { clock: at('2026-11-02T12:00:00Z') });
    const backup = await desk.services.backupNow({});
    // The app's window (or another command) still holds the database, with an edit in its WAL.
    const other = new Database(file);
    other.prepare("INSERT INTO project (name, slug, level, created_at, updated_at) VALUES ('Only in the WAL', 'wal', 'incubation', 'now', 'now')").run();
    try {
      const refused = await dispatch(desk.services, 'restoreBackup', { file: backup.file }, () => {});
      expect(refused).toMatchObject({ ok: false, error: { code: 'IO_ERROR', message: expect.stringMatching(/Another program has the database .* open.*Nothing was changed/) } });
      expect((await desk.services.listProjects({})).map((p) => p.name)).toEqual(['Globex Mesh', 'Only in the WAL']);
      expect((await desk.services.listBackups({})).map((b) => b.reason).sort()).toEqual(['daily', 'manual']);
    } finally {
      other.close();
    }
    const done = await desk.services.restoreBackup({ file: backup.file });
    expect((await desk.services.listProjects({})).map((p) => p.name)).toEqual(['Globex Mesh']);
    expect(projectNames(done.replacedKeptAt!)).toEqual(['Globex Mesh', 'Only in the WAL']);
    desk.close();
  });
});
